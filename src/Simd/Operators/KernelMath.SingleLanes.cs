using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Simd.Operators;

public static partial class KernelMath
{
    /// <summary>
    /// The float-vector operations the width-independent <see langword="float"/> algorithms need, as static
    /// members so that one generic method serves every width and the JIT specialises and inlines it per
    /// width. Comparisons return lane masks (all bits set or clear) of the same vector type.
    /// <see cref="MultiplyAdd"/> is the fast multiply-add: fused where the hardware has it, a multiply and
    /// an add otherwise, never the software-emulated fused form.
    /// </summary>
    private interface ISingleLanes<TVector, TDouble>
    {
        static abstract TVector Create(float value);

        static abstract TVector Abs(TVector x);

        static abstract TVector Add(TVector left, TVector right);

        static abstract TVector Subtract(TVector left, TVector right);

        static abstract TVector Multiply(TVector left, TVector right);

        static abstract TVector Divide(TVector left, TVector right);

        /// <summary><c>a·b + c</c>: one rounding where the hardware fuses it, two otherwise.</summary>
        static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

        /// <summary>
        /// The rounding error a·b − <paramref name="product"/> of <c>product = a·b</c>, exactly: one fused
        /// multiply-add where the hardware has it, Dekker's product of the Veltkamp halves otherwise.
        /// </summary>
        static abstract TVector ProductError(TVector a, TVector b, TVector product);

        /// <summary>
        /// <paramref name="left"/> where it is less than <paramref name="right"/>, else <paramref name="right"/>
        /// (<c>MinNative</c>): a NaN in <paramref name="right"/> passes through; one in <paramref name="left"/> is
        /// not guaranteed to (callers put the constant first).
        /// </summary>
        static abstract TVector Min(TVector left, TVector right);

        /// <summary>
        /// <paramref name="left"/> where it is greater than <paramref name="right"/>, else <paramref name="right"/>
        /// (<c>MaxNative</c>): a NaN in <paramref name="right"/> passes through.
        /// </summary>
        static abstract TVector Max(TVector left, TVector right);

        static abstract TVector LessThan(TVector left, TVector right);

        static abstract TVector Equal(TVector left, TVector right);

        /// <summary><paramref name="ifSet"/> where <paramref name="mask"/> is set, else <paramref name="otherwise"/>.</summary>
        static abstract TVector Select(TVector mask, TVector ifSet, TVector otherwise);

        static abstract TVector CopySign(TVector magnitude, TVector sign);

        static abstract TVector Or(TVector left, TVector right);

        /// <summary>Whether any lane of <paramref name="mask"/> is set.</summary>
        static abstract bool Any(TVector mask);

        /// <summary>
        /// Whether any lane's bit pattern, read as an unsigned integer, lies outside
        /// [<paramref name="lowest"/>, <paramref name="lowest"/> + <paramref name="count"/>): one subtraction and
        /// one unsigned comparison, the cheap test for "every lane is an ordinary argument".
        /// </summary>
        static abstract bool AnyBitsOutside(TVector x, uint lowest, uint count);

        /// <summary>
        /// 1/x for positive finite normal x with 1/x normal: the division (correctly rounded) without AVX-512;
        /// with it, the 14-bit estimate <c>vrcp14ps</c> and one fused Newton step (within 0.5 + 2⁻⁴ ulp).
        /// Every width gives the same bits on one machine.
        /// </summary>
        static abstract TVector Reciprocal(TVector x);

        /// <summary>
        /// 1/(s + e) for positive finite s ≥ 1 and |e| ≤ ulp(s)/2 (the rounding error of a sum s). With AVX-512,
        /// the <c>vrcp14ps</c> estimate y and one Newton step on the unrounded sum, y + y·((1 − s·y) − e·y),
        /// fused (within 0.5 + 2⁻⁴ ulp); with FMA, the quotient q = 1/s and the same step from its exact
        /// residual s·q − 1 (within 0.5 + 2⁻²⁰ ulp); without FMA, q − q·(q·e) (within 1 ulp: q's own rounding).
        /// </summary>
        static abstract TVector ReciprocalOfSum(TVector s, TVector e);

        /// <summary><paramref name="function"/> applied to each lane: the scalar slow path.</summary>
        static abstract TVector Map(TVector x, System.Func<float, float> function);

        /// <summary>Each lane rounded to the nearest integer, ties to even.</summary>
        static abstract TVector Round(TVector x);

        static abstract TVector Floor(TVector x);

        /// <summary>2ⁿ for integer-valued <paramref name="n"/> in [−126, 127], built from its bits.</summary>
        static abstract TVector Pow2(TVector n);

        /// <summary>
        /// m·2ᵏ for integer-valued k in [−151, 129] and m in [½, 2], rounded once (into the subnormals or to
        /// +∞ where the result lies there): one <c>vscalefps</c> where AVX-512 has it, else m·2^k1·2^k2 with two
        /// normal factors, the first product exact. Both give the correctly rounded m·2ᵏ, so the bits agree.
        /// A NaN m gives NaN.
        /// </summary>
        static abstract TVector ScaleB(TVector m, TVector k);

        /// <summary>
        /// Splits positive normal <paramref name="x"/> into <c>x = z · 2^exponent</c> with z in [¾, 3/2) and
        /// the exponent an integer-valued float, exactly: <c>vgetmantps</c>/<c>vgetexpps</c> under AVX-512, the
        /// bits otherwise (the same z and exponent).
        /// </summary>
        static abstract TVector Decompose(TVector x, out TVector exponent);

        /// <summary>The lanes as doubles, lower and upper half (exact).</summary>
        static abstract (TDouble Lower, TDouble Upper) Widen(TVector x);

        /// <summary>The two halves rounded to float (once each) and joined.</summary>
        static abstract TVector Narrow(TDouble lower, TDouble upper);
    }

    // 2¹² + 1: the Veltkamp split of a float into two halves of at most 12 significant bits.
    private const float SingleVeltkampSplitter = 4097f;

    // 1.5·2²³: adding and subtracting it rounds |v| < 2²² to the nearest integer (ties to even).
    private const float SingleRoundMagic = 12582912f;

    // 1.5·2²³ + 127: adding an integer n in [−126, 127] leaves n + 127 in the low mantissa bits.
    private const float SinglePow2Magic = 12582912f + 127;

    // 2²³ with a biased exponent e OR-ed into the low bits is 2²³ + e.
    private const uint SingleExponentMagicBits = 0x4B000000u;
    private const float SingleExponentMagic = 8388608f + 127;

    // Moves the binade boundary from 1 to ¾ (0x3F400000).
    private const uint SingleThreeQuartersShift = 0x3F800000u - 0x3F400000u;

    // vgetmantps control: the mantissa normalised into [¾, 3/2) (interval 3), sign cleared (sign control 1).
    private const byte SingleMantissaThreeQuarters = 0x07;
    private const uint SingleExponentMask = 0xFF800000u;
    private const uint SingleOneBits = 0x3F800000u;

    private readonly struct SingleLanes128 : ISingleLanes<Vector128<float>, Vector128<double>>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Create(float value) => Vector128.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Abs(Vector128<float> x) => Vector128.Abs(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Add(Vector128<float> left, Vector128<float> right) => left + right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Subtract(Vector128<float> left, Vector128<float> right) => left - right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Multiply(Vector128<float> left, Vector128<float> right) => left * right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Divide(Vector128<float> left, Vector128<float> right) => left / right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c) => Vector128.MultiplyAddEstimate(a, b, c);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> ProductError(Vector128<float> a, Vector128<float> b, Vector128<float> product)
        {
            if (Simd.Hardware.SimdHardware.HasFusedMultiplyAdd)
            {
                return Vector128.FusedMultiplyAdd(a, b, -product);
            }

            Vector128<float> splitter = Vector128.Create(SingleVeltkampSplitter);
            Vector128<float> ca = a * splitter;
            Vector128<float> aHigh = ca - (ca - a);
            Vector128<float> aLow = a - aHigh;
            Vector128<float> cb = b * splitter;
            Vector128<float> bHigh = cb - (cb - b);
            Vector128<float> bLow = b - bHigh;
            return (((aHigh * bHigh) - product) + (aHigh * bLow) + (aLow * bHigh)) + (aLow * bLow);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Min(Vector128<float> left, Vector128<float> right) => Vector128.MinNative(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Max(Vector128<float> left, Vector128<float> right) => Vector128.MaxNative(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> LessThan(Vector128<float> left, Vector128<float> right) => Vector128.LessThan(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Equal(Vector128<float> left, Vector128<float> right) => Vector128.Equals(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Select(Vector128<float> mask, Vector128<float> ifSet, Vector128<float> otherwise) => Vector128.ConditionalSelect(mask, ifSet, otherwise);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> CopySign(Vector128<float> magnitude, Vector128<float> sign) => Vector128.CopySign(magnitude, sign);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Or(Vector128<float> left, Vector128<float> right) => left | right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Any(Vector128<float> mask) => Vector128.AnyWhereAllBitsSet(mask);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AnyBitsOutside(Vector128<float> x, uint lowest, uint count)
            => Vector128.GreaterThanOrEqualAny(Vector128.AsUInt32(x) - Vector128.Create(lowest), Vector128.Create(count));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Reciprocal(Vector128<float> x)
        {
            if (Avx512F.VL.IsSupported)
            {
                Vector128<float> y = Avx512F.VL.Reciprocal14(x);
                return Fma.MultiplyAdd(y, Fma.MultiplyAddNegated(x, y, Vector128.Create(1f)), y);
            }

            return Vector128.Create(1f) / x;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> ReciprocalOfSum(Vector128<float> s, Vector128<float> e)
        {
            if (Avx512F.VL.IsSupported)
            {
                Vector128<float> y = Avx512F.VL.Reciprocal14(s);
                Vector128<float> residual = Fma.MultiplyAddNegated(e, y, Fma.MultiplyAddNegated(s, y, Vector128.Create(1f)));
                return Fma.MultiplyAdd(y, residual, y);
            }

            Vector128<float> q = Vector128.Create(1f) / s;
            if (Simd.Hardware.SimdHardware.HasFusedMultiplyAdd)
            {
                // s·q − 1 is exact for the correctly rounded q; adding e·q gives the residual of the sum.
                Vector128<float> residual = Vector128.FusedMultiplyAdd(e, q, Vector128.FusedMultiplyAdd(s, q, Vector128.Create(-1f)));
                return q - (q * residual);
            }

            return q - (q * (q * e));
        }

        public static Vector128<float> Map(Vector128<float> x, System.Func<float, float> function)
        {
            System.Span<float> lanes = stackalloc float[Vector128<float>.Count];
            x.CopyTo(lanes);
            for (int i = 0; i < lanes.Length; i++)
            {
                lanes[i] = function(lanes[i]);
            }

            return Vector128.Create((System.ReadOnlySpan<float>)lanes);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Floor(Vector128<float> x) => Vector128.Floor(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Round(Vector128<float> x) => Vector128.Round(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Pow2(Vector128<float> n)
            => Vector128.AsSingle(Vector128.ShiftLeft(Vector128.AsUInt32(n + Vector128.Create(SinglePow2Magic)), 23));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> ScaleB(Vector128<float> m, Vector128<float> k)
        {
            if (Avx512F.VL.IsSupported)
            {
                return Avx512F.VL.Scale(m, k);
            }

            Vector128<float> k1 = Vector128.Round(k * Vector128.Create(0.5f));
            return m * Pow2(k1) * Pow2(k - k1);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Decompose(Vector128<float> x, out Vector128<float> exponent)
        {
            if (Avx512F.VL.IsSupported)
            {
                Vector128<float> z = Avx512F.VL.GetMantissa(x, SingleMantissaThreeQuarters);
                exponent = Avx512F.VL.GetExponent(x) - Avx512F.VL.GetExponent(z);
                return z;
            }

            Vector128<uint> bits = Vector128.AsUInt32(x);
            Vector128<uint> shifted = bits + Vector128.Create(SingleThreeQuartersShift);
            exponent = Vector128.AsSingle(Vector128.ShiftRightLogical(shifted, 23) | Vector128.Create(SingleExponentMagicBits)) - Vector128.Create(SingleExponentMagic);
            return Vector128.AsSingle(bits - (shifted & Vector128.Create(SingleExponentMask)) + Vector128.Create(SingleOneBits));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector128<double> Lower, Vector128<double> Upper) Widen(Vector128<float> x)
            => Vector128.Widen(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Narrow(Vector128<double> lower, Vector128<double> upper) => Vector128.Narrow(lower, upper);
    }

    private readonly struct SingleLanes256 : ISingleLanes<Vector256<float>, Vector256<double>>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Create(float value) => Vector256.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Abs(Vector256<float> x) => Vector256.Abs(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Add(Vector256<float> left, Vector256<float> right) => left + right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Subtract(Vector256<float> left, Vector256<float> right) => left - right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Multiply(Vector256<float> left, Vector256<float> right) => left * right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Divide(Vector256<float> left, Vector256<float> right) => left / right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.MultiplyAddEstimate(a, b, c);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> ProductError(Vector256<float> a, Vector256<float> b, Vector256<float> product)
        {
            if (Simd.Hardware.SimdHardware.HasFusedMultiplyAdd)
            {
                return Vector256.FusedMultiplyAdd(a, b, -product);
            }

            Vector256<float> splitter = Vector256.Create(SingleVeltkampSplitter);
            Vector256<float> ca = a * splitter;
            Vector256<float> aHigh = ca - (ca - a);
            Vector256<float> aLow = a - aHigh;
            Vector256<float> cb = b * splitter;
            Vector256<float> bHigh = cb - (cb - b);
            Vector256<float> bLow = b - bHigh;
            return (((aHigh * bHigh) - product) + (aHigh * bLow) + (aLow * bHigh)) + (aLow * bLow);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Min(Vector256<float> left, Vector256<float> right) => Vector256.MinNative(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Max(Vector256<float> left, Vector256<float> right) => Vector256.MaxNative(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> LessThan(Vector256<float> left, Vector256<float> right) => Vector256.LessThan(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Equal(Vector256<float> left, Vector256<float> right) => Vector256.Equals(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Select(Vector256<float> mask, Vector256<float> ifSet, Vector256<float> otherwise) => Vector256.ConditionalSelect(mask, ifSet, otherwise);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> CopySign(Vector256<float> magnitude, Vector256<float> sign) => Vector256.CopySign(magnitude, sign);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Or(Vector256<float> left, Vector256<float> right) => left | right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Any(Vector256<float> mask) => Vector256.AnyWhereAllBitsSet(mask);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AnyBitsOutside(Vector256<float> x, uint lowest, uint count)
            => Vector256.GreaterThanOrEqualAny(Vector256.AsUInt32(x) - Vector256.Create(lowest), Vector256.Create(count));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Reciprocal(Vector256<float> x)
        {
            if (Avx512F.VL.IsSupported)
            {
                Vector256<float> y = Avx512F.VL.Reciprocal14(x);
                return Fma.MultiplyAdd(y, Fma.MultiplyAddNegated(x, y, Vector256.Create(1f)), y);
            }

            return Vector256.Create(1f) / x;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> ReciprocalOfSum(Vector256<float> s, Vector256<float> e)
        {
            if (Avx512F.VL.IsSupported)
            {
                Vector256<float> y = Avx512F.VL.Reciprocal14(s);
                Vector256<float> residual = Fma.MultiplyAddNegated(e, y, Fma.MultiplyAddNegated(s, y, Vector256.Create(1f)));
                return Fma.MultiplyAdd(y, residual, y);
            }

            Vector256<float> q = Vector256.Create(1f) / s;
            if (Simd.Hardware.SimdHardware.HasFusedMultiplyAdd)
            {
                // s·q − 1 is exact for the correctly rounded q; adding e·q gives the residual of the sum.
                Vector256<float> residual = Vector256.FusedMultiplyAdd(e, q, Vector256.FusedMultiplyAdd(s, q, Vector256.Create(-1f)));
                return q - (q * residual);
            }

            return q - (q * (q * e));
        }

        public static Vector256<float> Map(Vector256<float> x, System.Func<float, float> function)
        {
            System.Span<float> lanes = stackalloc float[Vector256<float>.Count];
            x.CopyTo(lanes);
            for (int i = 0; i < lanes.Length; i++)
            {
                lanes[i] = function(lanes[i]);
            }

            return Vector256.Create((System.ReadOnlySpan<float>)lanes);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Floor(Vector256<float> x) => Vector256.Floor(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Round(Vector256<float> x) => Vector256.Round(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Pow2(Vector256<float> n)
            => Vector256.AsSingle(Vector256.ShiftLeft(Vector256.AsUInt32(n + Vector256.Create(SinglePow2Magic)), 23));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> ScaleB(Vector256<float> m, Vector256<float> k)
        {
            if (Avx512F.VL.IsSupported)
            {
                return Avx512F.VL.Scale(m, k);
            }

            Vector256<float> k1 = Vector256.Round(k * Vector256.Create(0.5f));
            return m * Pow2(k1) * Pow2(k - k1);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Decompose(Vector256<float> x, out Vector256<float> exponent)
        {
            if (Avx512F.VL.IsSupported)
            {
                Vector256<float> z = Avx512F.VL.GetMantissa(x, SingleMantissaThreeQuarters);
                exponent = Avx512F.VL.GetExponent(x) - Avx512F.VL.GetExponent(z);
                return z;
            }

            Vector256<uint> bits = Vector256.AsUInt32(x);
            Vector256<uint> shifted = bits + Vector256.Create(SingleThreeQuartersShift);
            exponent = Vector256.AsSingle(Vector256.ShiftRightLogical(shifted, 23) | Vector256.Create(SingleExponentMagicBits)) - Vector256.Create(SingleExponentMagic);
            return Vector256.AsSingle(bits - (shifted & Vector256.Create(SingleExponentMask)) + Vector256.Create(SingleOneBits));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector256<double> Lower, Vector256<double> Upper) Widen(Vector256<float> x)
            => Vector256.Widen(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Narrow(Vector256<double> lower, Vector256<double> upper) => Vector256.Narrow(lower, upper);
    }

    private readonly struct SingleLanes512 : ISingleLanes<Vector512<float>, Vector512<double>>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Create(float value) => Vector512.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Abs(Vector512<float> x) => Vector512.Abs(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Add(Vector512<float> left, Vector512<float> right) => left + right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Subtract(Vector512<float> left, Vector512<float> right) => left - right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Multiply(Vector512<float> left, Vector512<float> right) => left * right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Divide(Vector512<float> left, Vector512<float> right) => left / right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.MultiplyAddEstimate(a, b, c);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> ProductError(Vector512<float> a, Vector512<float> b, Vector512<float> product)
        {
            if (Simd.Hardware.SimdHardware.HasFusedMultiplyAdd)
            {
                return Vector512.FusedMultiplyAdd(a, b, -product);
            }

            Vector512<float> splitter = Vector512.Create(SingleVeltkampSplitter);
            Vector512<float> ca = a * splitter;
            Vector512<float> aHigh = ca - (ca - a);
            Vector512<float> aLow = a - aHigh;
            Vector512<float> cb = b * splitter;
            Vector512<float> bHigh = cb - (cb - b);
            Vector512<float> bLow = b - bHigh;
            return (((aHigh * bHigh) - product) + (aHigh * bLow) + (aLow * bHigh)) + (aLow * bLow);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Min(Vector512<float> left, Vector512<float> right) => Vector512.MinNative(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Max(Vector512<float> left, Vector512<float> right) => Vector512.MaxNative(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> LessThan(Vector512<float> left, Vector512<float> right) => Vector512.LessThan(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Equal(Vector512<float> left, Vector512<float> right) => Vector512.Equals(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Select(Vector512<float> mask, Vector512<float> ifSet, Vector512<float> otherwise) => Vector512.ConditionalSelect(mask, ifSet, otherwise);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> CopySign(Vector512<float> magnitude, Vector512<float> sign) => Vector512.CopySign(magnitude, sign);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Or(Vector512<float> left, Vector512<float> right) => left | right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Any(Vector512<float> mask) => Vector512.AnyWhereAllBitsSet(mask);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AnyBitsOutside(Vector512<float> x, uint lowest, uint count)
            => Vector512.GreaterThanOrEqualAny(Vector512.AsUInt32(x) - Vector512.Create(lowest), Vector512.Create(count));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Reciprocal(Vector512<float> x)
        {
            if (Avx512F.IsSupported)
            {
                Vector512<float> y = Avx512F.Reciprocal14(x);
                return Avx512F.FusedMultiplyAdd(y, Avx512F.FusedMultiplyAddNegated(x, y, Vector512.Create(1f)), y);
            }

            return Vector512.Create(1f) / x;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> ReciprocalOfSum(Vector512<float> s, Vector512<float> e)
        {
            if (Avx512F.IsSupported)
            {
                Vector512<float> y = Avx512F.Reciprocal14(s);
                Vector512<float> residual = Avx512F.FusedMultiplyAddNegated(e, y, Avx512F.FusedMultiplyAddNegated(s, y, Vector512.Create(1f)));
                return Avx512F.FusedMultiplyAdd(y, residual, y);
            }

            Vector512<float> q = Vector512.Create(1f) / s;
            if (Simd.Hardware.SimdHardware.HasFusedMultiplyAdd)
            {
                // s·q − 1 is exact for the correctly rounded q; adding e·q gives the residual of the sum.
                Vector512<float> residual = Vector512.FusedMultiplyAdd(e, q, Vector512.FusedMultiplyAdd(s, q, Vector512.Create(-1f)));
                return q - (q * residual);
            }

            return q - (q * (q * e));
        }

        public static Vector512<float> Map(Vector512<float> x, System.Func<float, float> function)
        {
            System.Span<float> lanes = stackalloc float[Vector512<float>.Count];
            x.CopyTo(lanes);
            for (int i = 0; i < lanes.Length; i++)
            {
                lanes[i] = function(lanes[i]);
            }

            return Vector512.Create((System.ReadOnlySpan<float>)lanes);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Floor(Vector512<float> x) => Vector512.Floor(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Round(Vector512<float> x) => Vector512.Round(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Pow2(Vector512<float> n)
            => Vector512.AsSingle(Vector512.ShiftLeft(Vector512.AsUInt32(n + Vector512.Create(SinglePow2Magic)), 23));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> ScaleB(Vector512<float> m, Vector512<float> k)
        {
            if (Avx512F.IsSupported)
            {
                return Avx512F.Scale(m, k);
            }

            Vector512<float> k1 = Vector512.Round(k * Vector512.Create(0.5f));
            return m * Pow2(k1) * Pow2(k - k1);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Decompose(Vector512<float> x, out Vector512<float> exponent)
        {
            if (Avx512F.IsSupported)
            {
                Vector512<float> z = Avx512F.GetMantissa(x, SingleMantissaThreeQuarters);
                exponent = Avx512F.GetExponent(x) - Avx512F.GetExponent(z);
                return z;
            }

            Vector512<uint> bits = Vector512.AsUInt32(x);
            Vector512<uint> shifted = bits + Vector512.Create(SingleThreeQuartersShift);
            exponent = Vector512.AsSingle(Vector512.ShiftRightLogical(shifted, 23) | Vector512.Create(SingleExponentMagicBits)) - Vector512.Create(SingleExponentMagic);
            return Vector512.AsSingle(bits - (shifted & Vector512.Create(SingleExponentMask)) + Vector512.Create(SingleOneBits));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector512<double> Lower, Vector512<double> Upper) Widen(Vector512<float> x)
            => Vector512.Widen(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Narrow(Vector512<double> lower, Vector512<double> upper) => Vector512.Narrow(lower, upper);
    }

    private readonly struct SingleLanesVector : ISingleLanes<Vector<float>, Vector<double>>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Create(float value) => Vector.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Abs(Vector<float> x) => Vector.Abs(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Add(Vector<float> left, Vector<float> right) => left + right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Subtract(Vector<float> left, Vector<float> right) => left - right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Multiply(Vector<float> left, Vector<float> right) => left * right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Divide(Vector<float> left, Vector<float> right) => left / right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> MultiplyAdd(Vector<float> a, Vector<float> b, Vector<float> c) => Vector.MultiplyAddEstimate(a, b, c);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> ProductError(Vector<float> a, Vector<float> b, Vector<float> product)
        {
            if (Simd.Hardware.SimdHardware.HasFusedMultiplyAdd)
            {
                return Vector.FusedMultiplyAdd(a, b, -product);
            }

            Vector<float> splitter = Vector.Create(SingleVeltkampSplitter);
            Vector<float> ca = a * splitter;
            Vector<float> aHigh = ca - (ca - a);
            Vector<float> aLow = a - aHigh;
            Vector<float> cb = b * splitter;
            Vector<float> bHigh = cb - (cb - b);
            Vector<float> bLow = b - bHigh;
            return (((aHigh * bHigh) - product) + (aHigh * bLow) + (aLow * bHigh)) + (aLow * bLow);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Min(Vector<float> left, Vector<float> right) => Vector.MinNative(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Max(Vector<float> left, Vector<float> right) => Vector.MaxNative(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> LessThan(Vector<float> left, Vector<float> right) => Vector.LessThan<float>(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Equal(Vector<float> left, Vector<float> right) => Vector.Equals<float>(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Select(Vector<float> mask, Vector<float> ifSet, Vector<float> otherwise) => Vector.ConditionalSelect(mask, ifSet, otherwise);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> CopySign(Vector<float> magnitude, Vector<float> sign) => Vector.CopySign(magnitude, sign);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Or(Vector<float> left, Vector<float> right) => left | right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Any(Vector<float> mask) => Vector.AnyWhereAllBitsSet(mask);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AnyBitsOutside(Vector<float> x, uint lowest, uint count)
            => Vector.GreaterThanOrEqualAny(Vector.AsVectorUInt32(x) - Vector.Create(lowest), Vector.Create(count));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Reciprocal(Vector<float> x)
        {
            if (Vector<float>.Count == 16 && Avx512F.IsSupported)
            {
                return SingleLanes512.Reciprocal(x.AsVector512()).AsVector();
            }

            if (Vector<float>.Count == 8 && Avx512F.VL.IsSupported)
            {
                return SingleLanes256.Reciprocal(x.AsVector256()).AsVector();
            }

            return Vector.Create(1f) / x;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> ReciprocalOfSum(Vector<float> s, Vector<float> e)
        {
            if (Vector<float>.Count == 16 && Avx512F.IsSupported)
            {
                return SingleLanes512.ReciprocalOfSum(s.AsVector512(), e.AsVector512()).AsVector();
            }

            if (Vector<float>.Count == 8 && Avx512F.VL.IsSupported)
            {
                return SingleLanes256.ReciprocalOfSum(s.AsVector256(), e.AsVector256()).AsVector();
            }

            Vector<float> q = Vector.Create(1f) / s;
            if (Simd.Hardware.SimdHardware.HasFusedMultiplyAdd)
            {
                // s·q − 1 is exact for the correctly rounded q; adding e·q gives the residual of the sum.
                Vector<float> residual = Vector.FusedMultiplyAdd(e, q, Vector.FusedMultiplyAdd(s, q, Vector.Create(-1f)));
                return q - (q * residual);
            }

            return q - (q * (q * e));
        }

        public static Vector<float> Map(Vector<float> x, System.Func<float, float> function)
        {
            System.Span<float> lanes = stackalloc float[Vector<float>.Count];
            x.CopyTo(lanes);
            for (int i = 0; i < lanes.Length; i++)
            {
                lanes[i] = function(lanes[i]);
            }

            return new Vector<float>(lanes);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Floor(Vector<float> x) => Vector.Floor(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Round(Vector<float> x) => Vector.Round(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Pow2(Vector<float> n)
            => Vector.AsVectorSingle(Vector.ShiftLeft(Vector.AsVectorUInt32(n + Vector.Create(SinglePow2Magic)), 23));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> ScaleB(Vector<float> m, Vector<float> k)
        {
            if (Vector<float>.Count == 16 && Avx512F.IsSupported)
            {
                return Avx512F.Scale(m.AsVector512(), k.AsVector512()).AsVector();
            }

            if (Vector<float>.Count == 8 && Avx512F.VL.IsSupported)
            {
                return Avx512F.VL.Scale(m.AsVector256(), k.AsVector256()).AsVector();
            }

            Vector<float> k1 = Vector.Round(k * Vector.Create(0.5f));
            return m * Pow2(k1) * Pow2(k - k1);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Decompose(Vector<float> x, out Vector<float> exponent)
        {
            if (Vector<float>.Count == 16 && Avx512F.IsSupported)
            {
                Vector<float> z = SingleLanes512.Decompose(x.AsVector512(), out Vector512<float> exponent512).AsVector();
                exponent = exponent512.AsVector();
                return z;
            }

            if (Vector<float>.Count == 8 && Avx512F.VL.IsSupported)
            {
                Vector<float> z = SingleLanes256.Decompose(x.AsVector256(), out Vector256<float> exponent256).AsVector();
                exponent = exponent256.AsVector();
                return z;
            }

            Vector<uint> bits = Vector.AsVectorUInt32(x);
            Vector<uint> shifted = bits + Vector.Create(SingleThreeQuartersShift);
            exponent = Vector.AsVectorSingle(Vector.ShiftRightLogical(shifted, 23) | Vector.Create(SingleExponentMagicBits)) - Vector.Create(SingleExponentMagic);
            return Vector.AsVectorSingle(bits - (shifted & Vector.Create(SingleExponentMask)) + Vector.Create(SingleOneBits));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector<double> Lower, Vector<double> Upper) Widen(Vector<float> x)
        {
            Vector.Widen(x, out Vector<double> lower, out Vector<double> upper);
            return (lower, upper);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Narrow(Vector<double> lower, Vector<double> upper) => Vector.Narrow(lower, upper);
    }
}
