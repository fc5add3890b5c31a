using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Benchmarks;

/// <summary>
/// The machine's single-thread read bandwidth baseline: a plain Vector512 sum (8 accumulators, no other
/// work) over the same bytes a benchmark reads. Nothing that reads the same bytes can be faster.
/// </summary>
internal static unsafe class ReadBandwidth
{
    public static float Sum(float* a, float* b, int length)
    {
        Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
        int i = 0;
        for (; i <= length - 64; i += 64)
        {
            s0 += Vector512.Load(a + i);
            s1 += Vector512.Load(a + i + 16);
            s2 += Vector512.Load(a + i + 32);
            s3 += Vector512.Load(a + i + 48);
            s4 += Vector512.Load(b + i);
            s5 += Vector512.Load(b + i + 16);
            s6 += Vector512.Load(b + i + 32);
            s7 += Vector512.Load(b + i + 48);
        }

        float tail = 0;
        for (; i < length; i++)
        {
            tail += a[i] + b[i];
        }

        return Vector512.Sum(((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))) + tail;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float ScalarDot(float* x, float* y, int length)
    {
        float sum = 0;
        for (int i = 0; i < length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ScalarAxpy(float alpha, float* x, float* y, int length)
    {
        for (int i = 0; i < length; i++)
        {
            y[i] += alpha * x[i];
        }
    }
}
