namespace Simd.Cuda.Templates;

/// <summary>
/// The CUDA C text every module Simd compiles starts with. It makes one source compile both under NVRTC
/// (which predefines <c>__global__</c>, <c>__device__</c>, <c>threadIdx</c> and the math library) and under
/// <c>clang -x cuda -nocudainc -nocudalib</c> (which predefines none of them), so the same text that runs on a
/// GPU is checked on machines without one.
/// </summary>
/// <remarks>
/// Thread indices, shuffles, barriers and bit casts are written as inline PTX, identical under both compilers.
/// Only the math functions differ: NVRTC names them <c>expf</c>…, clang without CUDA headers reaches the
/// same libdevice functions as <c>__nv_expf</c>…; the prelude maps both to <c>simd_exp</c>, <c>simd_log1p</c>.
/// Generated device functions may use everything declared here.
/// </remarks>
public static class CudaPrelude
{
    /// <summary>The prelude's text (a property, so that an edit to the prelude does not change the public API).</summary>
    public static string Text => Source;

    private const string Source = """
        // ---- Simd CUDA prelude: portable between NVRTC and clang -nocudainc ----
        #ifndef __CUDACC_RTC__
        #ifndef __global__
        #define __global__ __attribute__((global))
        #endif
        #ifndef __device__
        #define __device__ __attribute__((device))
        #endif
        #ifndef __shared__
        #define __shared__ __attribute__((shared))
        #endif
        #ifndef __forceinline__
        #define __forceinline__ __inline__ __attribute__((always_inline))
        #endif
        extern "C" __device__ float __nv_expf(float);
        extern "C" __device__ double __nv_exp(double);
        extern "C" __device__ float __nv_log1pf(float);
        extern "C" __device__ double __nv_log1p(double);
        static __device__ __forceinline__ float simd_exp(float x) { return __nv_expf(x); }
        static __device__ __forceinline__ double simd_exp(double x) { return __nv_exp(x); }
        static __device__ __forceinline__ float simd_log1p(float x) { return __nv_log1pf(x); }
        static __device__ __forceinline__ double simd_log1p(double x) { return __nv_log1p(x); }
        extern "C" __device__ float __nv_sqrtf(float);
        extern "C" __device__ double __nv_sqrt(double);
        extern "C" __device__ float __nv_fabsf(float);
        extern "C" __device__ double __nv_fabs(double);
        extern "C" __device__ float __nv_fmaf(float, float, float);
        extern "C" __device__ double __nv_fma(double, double, double);
        extern "C" __device__ float __nv_logf(float);
        extern "C" __device__ double __nv_log(double);
        extern "C" __device__ float __nv_tanhf(float);
        extern "C" __device__ double __nv_tanh(double);
        static __device__ __forceinline__ float simd_sqrt(float x) { return __nv_sqrtf(x); }
        static __device__ __forceinline__ double simd_sqrt(double x) { return __nv_sqrt(x); }
        static __device__ __forceinline__ float simd_fabs(float x) { return __nv_fabsf(x); }
        static __device__ __forceinline__ double simd_fabs(double x) { return __nv_fabs(x); }
        static __device__ __forceinline__ float simd_fma(float a, float b, float c) { return __nv_fmaf(a, b, c); }
        static __device__ __forceinline__ double simd_fma(double a, double b, double c) { return __nv_fma(a, b, c); }
        static __device__ __forceinline__ float simd_log(float x) { return __nv_logf(x); }
        static __device__ __forceinline__ double simd_log(double x) { return __nv_log(x); }
        static __device__ __forceinline__ float simd_tanh(float x) { return __nv_tanhf(x); }
        static __device__ __forceinline__ double simd_tanh(double x) { return __nv_tanh(x); }
        // The functions of the translation table beyond the first nine (libdevice; rint rounds ties to even, round away from zero).
        extern "C" __device__ float __nv_exp2f(float);
        extern "C" __device__ double __nv_exp2(double);
        static __device__ __forceinline__ float simd_exp2(float x) { return __nv_exp2f(x); }
        static __device__ __forceinline__ double simd_exp2(double x) { return __nv_exp2(x); }
        extern "C" __device__ float __nv_log2f(float);
        extern "C" __device__ double __nv_log2(double);
        static __device__ __forceinline__ float simd_log2(float x) { return __nv_log2f(x); }
        static __device__ __forceinline__ double simd_log2(double x) { return __nv_log2(x); }
        extern "C" __device__ float __nv_log10f(float);
        extern "C" __device__ double __nv_log10(double);
        static __device__ __forceinline__ float simd_log10(float x) { return __nv_log10f(x); }
        static __device__ __forceinline__ double simd_log10(double x) { return __nv_log10(x); }
        extern "C" __device__ float __nv_sinf(float);
        extern "C" __device__ double __nv_sin(double);
        static __device__ __forceinline__ float simd_sin(float x) { return __nv_sinf(x); }
        static __device__ __forceinline__ double simd_sin(double x) { return __nv_sin(x); }
        extern "C" __device__ float __nv_cosf(float);
        extern "C" __device__ double __nv_cos(double);
        static __device__ __forceinline__ float simd_cos(float x) { return __nv_cosf(x); }
        static __device__ __forceinline__ double simd_cos(double x) { return __nv_cos(x); }
        extern "C" __device__ float __nv_cbrtf(float);
        extern "C" __device__ double __nv_cbrt(double);
        static __device__ __forceinline__ float simd_cbrt(float x) { return __nv_cbrtf(x); }
        static __device__ __forceinline__ double simd_cbrt(double x) { return __nv_cbrt(x); }
        extern "C" __device__ float __nv_atanf(float);
        extern "C" __device__ double __nv_atan(double);
        static __device__ __forceinline__ float simd_atan(float x) { return __nv_atanf(x); }
        static __device__ __forceinline__ double simd_atan(double x) { return __nv_atan(x); }
        extern "C" __device__ float __nv_rintf(float);
        extern "C" __device__ double __nv_rint(double);
        static __device__ __forceinline__ float simd_round(float x) { return __nv_rintf(x); }
        static __device__ __forceinline__ double simd_round(double x) { return __nv_rint(x); }
        extern "C" __device__ float __nv_floorf(float);
        extern "C" __device__ double __nv_floor(double);
        static __device__ __forceinline__ float simd_floor(float x) { return __nv_floorf(x); }
        static __device__ __forceinline__ double simd_floor(double x) { return __nv_floor(x); }
        extern "C" __device__ float __nv_ceilf(float);
        extern "C" __device__ double __nv_ceil(double);
        static __device__ __forceinline__ float simd_ceiling(float x) { return __nv_ceilf(x); }
        static __device__ __forceinline__ double simd_ceiling(double x) { return __nv_ceil(x); }
        extern "C" __device__ float __nv_truncf(float);
        extern "C" __device__ double __nv_trunc(double);
        static __device__ __forceinline__ float simd_trunc(float x) { return __nv_truncf(x); }
        static __device__ __forceinline__ double simd_trunc(double x) { return __nv_trunc(x); }
        extern "C" __device__ float __nv_roundf(float);
        extern "C" __device__ double __nv_round(double);
        static __device__ __forceinline__ float simd_round_away(float x) { return __nv_roundf(x); }
        static __device__ __forceinline__ double simd_round_away(double x) { return __nv_round(x); }
        extern "C" __device__ float __nv_hypotf(float, float);
        extern "C" __device__ double __nv_hypot(double, double);
        static __device__ __forceinline__ float simd_hypot(float x, float y) { return __nv_hypotf(x, y); }
        static __device__ __forceinline__ double simd_hypot(double x, double y) { return __nv_hypot(x, y); }
        extern "C" __device__ float __nv_atan2f(float, float);
        extern "C" __device__ double __nv_atan2(double, double);
        static __device__ __forceinline__ float simd_atan2(float x, float y) { return __nv_atan2f(x, y); }
        static __device__ __forceinline__ double simd_atan2(double x, double y) { return __nv_atan2(x, y); }
        extern "C" __device__ float __nv_powf(float, float);
        extern "C" __device__ double __nv_pow(double, double);
        static __device__ __forceinline__ float simd_pow(float x, float y) { return __nv_powf(x, y); }
        static __device__ __forceinline__ double simd_pow(double x, double y) { return __nv_pow(x, y); }
        extern "C" __device__ float __nv_copysignf(float, float);
        extern "C" __device__ double __nv_copysign(double, double);
        static __device__ __forceinline__ float simd_copysign(float x, float y) { return __nv_copysignf(x, y); }
        static __device__ __forceinline__ double simd_copysign(double x, double y) { return __nv_copysign(x, y); }
        #else
        static __device__ __forceinline__ float simd_exp(float x) { return expf(x); }
        static __device__ __forceinline__ double simd_exp(double x) { return exp(x); }
        static __device__ __forceinline__ float simd_log1p(float x) { return log1pf(x); }
        static __device__ __forceinline__ double simd_log1p(double x) { return log1p(x); }
        static __device__ __forceinline__ float simd_sqrt(float x) { return sqrtf(x); }
        static __device__ __forceinline__ double simd_sqrt(double x) { return sqrt(x); }
        static __device__ __forceinline__ float simd_fabs(float x) { return fabsf(x); }
        static __device__ __forceinline__ double simd_fabs(double x) { return fabs(x); }
        static __device__ __forceinline__ float simd_fma(float a, float b, float c) { return fmaf(a, b, c); }
        static __device__ __forceinline__ double simd_fma(double a, double b, double c) { return fma(a, b, c); }
        static __device__ __forceinline__ float simd_log(float x) { return logf(x); }
        static __device__ __forceinline__ double simd_log(double x) { return log(x); }
        static __device__ __forceinline__ float simd_tanh(float x) { return tanhf(x); }
        static __device__ __forceinline__ double simd_tanh(double x) { return tanh(x); }
        static __device__ __forceinline__ float simd_exp2(float x) { return exp2f(x); }
        static __device__ __forceinline__ double simd_exp2(double x) { return exp2(x); }
        static __device__ __forceinline__ float simd_log2(float x) { return log2f(x); }
        static __device__ __forceinline__ double simd_log2(double x) { return log2(x); }
        static __device__ __forceinline__ float simd_log10(float x) { return log10f(x); }
        static __device__ __forceinline__ double simd_log10(double x) { return log10(x); }
        static __device__ __forceinline__ float simd_sin(float x) { return sinf(x); }
        static __device__ __forceinline__ double simd_sin(double x) { return sin(x); }
        static __device__ __forceinline__ float simd_cos(float x) { return cosf(x); }
        static __device__ __forceinline__ double simd_cos(double x) { return cos(x); }
        static __device__ __forceinline__ float simd_cbrt(float x) { return cbrtf(x); }
        static __device__ __forceinline__ double simd_cbrt(double x) { return cbrt(x); }
        static __device__ __forceinline__ float simd_atan(float x) { return atanf(x); }
        static __device__ __forceinline__ double simd_atan(double x) { return atan(x); }
        static __device__ __forceinline__ float simd_round(float x) { return rintf(x); }
        static __device__ __forceinline__ double simd_round(double x) { return rint(x); }
        static __device__ __forceinline__ float simd_floor(float x) { return floorf(x); }
        static __device__ __forceinline__ double simd_floor(double x) { return floor(x); }
        static __device__ __forceinline__ float simd_ceiling(float x) { return ceilf(x); }
        static __device__ __forceinline__ double simd_ceiling(double x) { return ceil(x); }
        static __device__ __forceinline__ float simd_trunc(float x) { return truncf(x); }
        static __device__ __forceinline__ double simd_trunc(double x) { return trunc(x); }
        static __device__ __forceinline__ float simd_round_away(float x) { return roundf(x); }
        static __device__ __forceinline__ double simd_round_away(double x) { return round(x); }
        static __device__ __forceinline__ float simd_hypot(float x, float y) { return hypotf(x, y); }
        static __device__ __forceinline__ double simd_hypot(double x, double y) { return hypot(x, y); }
        static __device__ __forceinline__ float simd_atan2(float x, float y) { return atan2f(x, y); }
        static __device__ __forceinline__ double simd_atan2(double x, double y) { return atan2(x, y); }
        static __device__ __forceinline__ float simd_pow(float x, float y) { return powf(x, y); }
        static __device__ __forceinline__ double simd_pow(double x, double y) { return pow(x, y); }
        static __device__ __forceinline__ float simd_copysign(float x, float y) { return copysignf(x, y); }
        static __device__ __forceinline__ double simd_copysign(double x, double y) { return copysign(x, y); }
        #endif

        typedef unsigned long long simd_u64;

        static __device__ __forceinline__ unsigned int simd_thread_index() { unsigned int r; asm("mov.u32 %0, %%tid.x;" : "=r"(r)); return r; }
        static __device__ __forceinline__ unsigned int simd_block_size() { unsigned int r; asm("mov.u32 %0, %%ntid.x;" : "=r"(r)); return r; }
        static __device__ __forceinline__ unsigned int simd_block_index() { unsigned int r; asm("mov.u32 %0, %%ctaid.x;" : "=r"(r)); return r; }
        static __device__ __forceinline__ unsigned int simd_grid_size() { unsigned int r; asm("mov.u32 %0, %%nctaid.x;" : "=r"(r)); return r; }
        static __device__ __forceinline__ void simd_barrier() { asm volatile("bar.sync 0;" ::: "memory"); }

        static __device__ __forceinline__ unsigned int simd_bits(float x) { unsigned int r; asm("mov.b32 %0, %1;" : "=r"(r) : "f"(x)); return r; }
        static __device__ __forceinline__ simd_u64 simd_bits(double x) { simd_u64 r; asm("mov.b64 %0, %1;" : "=l"(r) : "d"(x)); return r; }
        static __device__ __forceinline__ float simd_float_from_bits(unsigned int b) { float r; asm("mov.b32 %0, %1;" : "=f"(r) : "r"(b)); return r; }
        static __device__ __forceinline__ double simd_double_from_bits(simd_u64 b) { double r; asm("mov.b64 %0, %1;" : "=d"(r) : "l"(b)); return r; }
        // simd-host-checked-begin: plain C++ over the bit casts above; a unit test compiles it for the host
        // and compares it with Math.Min / Math.Max on special values.
        static __device__ __forceinline__ bool simd_is_negative(float x) { return (simd_bits(x) >> 31) != 0u; }
        static __device__ __forceinline__ bool simd_is_negative(double x) { return (simd_bits(x) >> 63) != 0ull; }
        static __device__ __forceinline__ float simd_positive_infinity(float) { return simd_float_from_bits(0x7f800000u); }
        static __device__ __forceinline__ double simd_positive_infinity(double) { return simd_double_from_bits(0x7ff0000000000000ull); }
        static __device__ __forceinline__ float simd_negative_infinity(float) { return simd_float_from_bits(0xff800000u); }
        static __device__ __forceinline__ double simd_negative_infinity(double) { return simd_double_from_bits(0xfff0000000000000ull); }
        // Math.Sign as the element type: -1, +0 or +1, and NaN for NaN (where the scalar method throws).
        static __device__ __forceinline__ float simd_sign(float x) { return x != x ? x : (x > 0.0f ? 1.0f : (x < 0.0f ? -1.0f : 0.0f)); }
        static __device__ __forceinline__ double simd_sign(double x) { return x != x ? x : (x > 0.0 ? 1.0 : (x < 0.0 ? -1.0 : 0.0)); }

        // C# Math.Min / Math.Max exactly (IEEE 754:2019 minimum / maximum): NaN wins, -0 < +0.
        // The branches follow the .NET implementation so that even which operand is returned matches.
        static __device__ __forceinline__ float simd_min(float a, float b) { if (a != b) { return a != a ? a : (a < b ? a : b); } return simd_is_negative(a) ? a : b; }
        static __device__ __forceinline__ double simd_min(double a, double b) { if (a != b) { return a != a ? a : (a < b ? a : b); } return simd_is_negative(a) ? a : b; }
        static __device__ __forceinline__ float simd_max(float a, float b) { if (a != b) { return a != a ? a : (b < a ? a : b); } return simd_is_negative(b) ? a : b; }
        static __device__ __forceinline__ double simd_max(double a, double b) { if (a != b) { return a != a ? a : (b < a ? a : b); } return simd_is_negative(b) ? a : b; }
        // C# Math.Clamp lane by lane (NaN stays NaN, -0 stays -0); min > max cannot throw on a device.
        static __device__ __forceinline__ float simd_clamp(float v, float lo, float hi) { return v < lo ? lo : (v > hi ? hi : v); }
        static __device__ __forceinline__ double simd_clamp(double v, double lo, double hi) { return v < lo ? lo : (v > hi ? hi : v); }
        // Integer Min, Max and Clamp (for kernels over int and long lanes).
        static __device__ __forceinline__ int simd_min(int a, int b) { return a < b ? a : b; }
        static __device__ __forceinline__ long long simd_min(long long a, long long b) { return a < b ? a : b; }
        static __device__ __forceinline__ int simd_max(int a, int b) { return a > b ? a : b; }
        static __device__ __forceinline__ long long simd_max(long long a, long long b) { return a > b ? a : b; }
        static __device__ __forceinline__ int simd_clamp(int v, int lo, int hi) { return v < lo ? lo : (v > hi ? hi : v); }
        static __device__ __forceinline__ long long simd_clamp(long long v, long long lo, long long hi) { return v < lo ? lo : (v > hi ? hi : v); }
        // (int)x and (long)x as .NET converts: toward zero, saturating at the bounds, NaN to 0 (a C cast of those is undefined).
        static __device__ __forceinline__ int simd_f2i(float x) { return x != x ? 0 : (x >= 2147483648.0f ? 2147483647 : (x <= -2147483648.0f ? (-2147483647 - 1) : (int)x)); }
        static __device__ __forceinline__ long long simd_d2l(double x) { return x != x ? 0 : (x >= 9223372036854775808.0 ? 9223372036854775807LL : (x <= -9223372036854775808.0 ? (-9223372036854775807LL - 1) : (long long)x)); }
        static __device__ __forceinline__ float simd_add(float a, float b) { return a + b; }
        static __device__ __forceinline__ double simd_add(double a, double b) { return a + b; }
        // simd-host-checked-end

        // Warp shuffles as inline PTX (shfl.sync, PTX 6.0+): identical under both compilers, all 32 lanes active.
        static __device__ __forceinline__ float simd_shuffle_down(float v, unsigned int delta)
        {
            float r;
            asm volatile("shfl.sync.down.b32 %0, %1, %2, 0x1f, 0xffffffff;" : "=f"(r) : "f"(v), "r"(delta));
            return r;
        }
        static __device__ __forceinline__ double simd_shuffle_down(double v, unsigned int delta)
        {
            unsigned int lo, hi;
            asm("mov.b64 {%0, %1}, %2;" : "=r"(lo), "=r"(hi) : "d"(v));
            asm volatile("shfl.sync.down.b32 %0, %0, %1, 0x1f, 0xffffffff;" : "+r"(lo) : "r"(delta));
            asm volatile("shfl.sync.down.b32 %0, %0, %1, 0x1f, 0xffffffff;" : "+r"(hi) : "r"(delta));
            double r;
            asm("mov.b64 %0, {%1, %2};" : "=d"(r) : "r"(lo), "r"(hi));
            return r;
        }
        static __device__ __forceinline__ float simd_shuffle_broadcast(float v, unsigned int lane)
        {
            float r;
            asm volatile("shfl.sync.idx.b32 %0, %1, %2, 0x1f, 0xffffffff;" : "=f"(r) : "f"(v), "r"(lane));
            return r;
        }
        static __device__ __forceinline__ double simd_shuffle_broadcast(double v, unsigned int lane)
        {
            unsigned int lo, hi;
            asm("mov.b64 {%0, %1}, %2;" : "=r"(lo), "=r"(hi) : "d"(v));
            asm volatile("shfl.sync.idx.b32 %0, %0, %1, 0x1f, 0xffffffff;" : "+r"(lo) : "r"(lane));
            asm volatile("shfl.sync.idx.b32 %0, %0, %1, 0x1f, 0xffffffff;" : "+r"(hi) : "r"(lane));
            double r;
            asm("mov.b64 %0, {%1, %2};" : "=d"(r) : "r"(lo), "r"(hi));
            return r;
        }
        // ---- end of prelude ----

        """;
}
