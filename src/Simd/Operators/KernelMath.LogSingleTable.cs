using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Simd.Operators;

public static partial class KernelMath
{
    // vgetmantps control: the mantissa normalised into [1, 2) (interval 0), sign cleared (sign control 1).
    private const byte SingleMantissaOneToTwo = 0x04;

    // vfixupimmps responses by input class (a nibble each, class 0 lowest): quiet NaN → itself (2), signalling
    // NaN → quieted (2), ±0 → −∞ (4), +1 → +0 (8), −∞ → the default NaN (3), +∞ → +∞ (5), negative → the
    // default NaN (3), positive (normal or subnormal) → the computed value (0). The default NaN is the bits
    // of float.NaN, which MathF.Log returns for negative arguments.
    private const int LogSingleFixups = 0x03538422;

    // ln(1 + r) = r + r²·P(r) for r in [−1/32, 1/32] (the range of r over the table), P of degree 3, close to
    // −½ + r/3 − r²/4 + r³/5: `python3 tools/kernel-math-fit.py logt 3 s` (a weighted least-squares fit refined
    // towards minimax, relative to ln(1 + r), in 70-digit decimal arithmetic; the same command prints the
    // table below). Its error as rounded to float is below 0.011 ulp of ln(1 + r).
    private const float LogTableC0 = -0.4999999403953552f;
    private const float LogTableC1 = 0.333333283662796f;
    private const float LogTableC2 = -0.25020360946655273f;
    private const float LogTableC3 = 0.2001914530992508f;

    /// <summary>
    /// ln x for each lane with AVX-512, for every input: x = 2ᵏ·z with z in [1, 2) by <c>vgetexpps</c> and
    /// <c>vgetmantps</c> (exact, subnormals included); the top five mantissa bits of z pick y ≈ 1/z with few
    /// significant bits from a 32-entry table (one <c>vpermt2ps</c> per column), so that r = z·y − 1 is exact;
    /// ln x = k·ln 2 + ln(1/y) + ln(1 + r): the exact head k·Ln2HiSingle + head(ln(1/y)) plus (r + the small
    /// terms r²·P(r) and the tails), that sum rounded once. Its rounding costs at most |r|/|ln x| ulp of the
    /// result where the head is not zero, which the table's choice of y keeps below 0.49 (where the head is
    /// zero, near x = 1, the result is that sum itself). The special values come from one <c>vfixupimmps</c>.
    /// Measured within 0.752 ulp of exact over every positive float; bound <see cref="LogSingleMaxUlpError"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> LogSingleTable(Vector512<float> x)
    {
        Vector512<float> z = Avx512F.GetMantissa(x, SingleMantissaOneToTwo);
        Vector512<float> k = Avx512F.GetExponent(x);

        // vpermt2ps reads the low five bits of each index: bits 18–22 of z, its top five mantissa bits.
        Vector512<int> index = Vector512.ShiftRightLogical(z.AsInt32(), 18);
        Vector512<float> y = Avx512F.PermuteVar16x32x2(LogTableYLow, index, LogTableYHigh);
        Vector512<float> head = Avx512F.PermuteVar16x32x2(LogTableHeadLow, index, LogTableHeadHigh);
        Vector512<float> tail = Avx512F.PermuteVar16x32x2(LogTableTailLow, index, LogTableTailHigh);

        // Exact: |z·y − 1| < 2^(1 − q) for y = n·2^−q (the table's choice), and k·Ln2HiSingle + head is a
        // multiple of 2⁻¹⁵ below 2⁷ in magnitude.
        Vector512<float> r = Avx512F.FusedMultiplyAdd(z, y, Vector512.Create(-1f));
        Vector512<float> high = Avx512F.FusedMultiplyAdd(k, Vector512.Create(Ln2HiSingle), head);
        Vector512<float> low = Avx512F.FusedMultiplyAdd(k, Vector512.Create(Ln2LoSingle), tail);

        Vector512<float> p = Avx512F.FusedMultiplyAdd(Vector512.Create(LogTableC3), r, Vector512.Create(LogTableC2));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(LogTableC1));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(LogTableC0));
        Vector512<float> small = Avx512F.FusedMultiplyAdd(r * r, p, low);

        // 17 vector operations in all, three of them the table's permutes.
        Vector512<float> result = high + (r + small);
        return Avx512F.Fixup(result, x, Vector512.Create(LogSingleFixups), 0);
    }

    /// <summary>The table's y for intervals 0–15.</summary>
    private static Vector512<float> LogTableYLow
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            1.0f, 0.96875f, 0.9375f, 0.90625f,
            0.875f, 0.8515625f, 0.828125f, 0.8125f,
            0.7890625f, 0.7734375f, 0.75f, 0.734375f,
            0.71875f, 0.703125f, 0.6875f, 0.671875f);
    }

    /// <summary>The table's y for intervals 16–31.</summary>
    private static Vector512<float> LogTableYHigh
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            0.65625f, 0.6484375f, 0.6328125f, 0.625f,
            0.609375f, 0.59375f, 0.5859375f, 0.578125f,
            0.5625f, 0.5546875f, 0.546875f, 0.5390625f,
            0.53125f, 0.515625f, 0.5f, 0.5f);
    }

    /// <summary>The table's ln(1/y), head for intervals 0–15.</summary>
    private static Vector512<float> LogTableHeadLow
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            0.0f, 0.03173828125f, 0.064544677734375f, 0.09844970703125f,
            0.133544921875f, 0.160675048828125f, 0.1885986328125f, 0.2076416015625f,
            0.236907958984375f, 0.25689697265625f, 0.287689208984375f, 0.308746337890625f,
            0.330230712890625f, 0.35223388671875f, 0.37469482421875f, 0.397674560546875f);
    }

    /// <summary>The table's ln(1/y), head for intervals 16–31.</summary>
    private static Vector512<float> LogTableHeadHigh
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            0.42120361328125f, 0.433197021484375f, 0.45758056640625f, 0.470001220703125f,
            0.495330810546875f, 0.52130126953125f, 0.5345458984375f, 0.5479736328125f,
            0.57537841796875f, 0.58935546875f, 0.603546142578125f, 0.617919921875f,
            0.63250732421875f, 0.662384033203125f, 0.693145751953125f, 0.693145751953125f);
    }

    /// <summary>The table's ln(1/y), tail for intervals 0–15.</summary>
    private static Vector512<float> LogTableTailLow
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            0.0f, 1.041706491378136e-05f, -6.1565970099763945e-06f, -9.634218258725014e-06f,
            -1.3529250281862915e-05f, 7.332862423936604e-06f, -7.463004749297397e-06f, -2.236784212072962e-06f,
            1.7880939822134678e-06f, 1.3441128430713434e-05f, -7.136532531148987e-06f, -1.085624080587877e-05f,
            1.0973980351991486e-05f, -1.329312908637803e-05f, -1.3747772982242168e-06f, 8.407118912145961e-06f);
    }

    /// <summary>The table's ln(1/y), tail for intervals 16–31.</summary>
    private static Vector512<float> LogTableTailHigh
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            9.851794857240748e-06f, -7.365361398115056e-06f, 5.428409508567711e-07f, 2.408542513876455e-06f,
            -9.373316970595624e-06f, -4.345898105384549e-06f, -3.748054268726264e-06f, -8.462096957373433e-06f,
            -1.4273065062297974e-05f, -5.081871677248273e-06f, -1.112070822273381e-05f, 3.837447366095148e-06f,
            1.52345246533514e-05f, -8.511309715686366e-06f, 1.428606765330187e-06f, 1.428606765330187e-06f);
    }

    /// <summary>Float ln: <see cref="LogSingleTable"/> with AVX-512, <see cref="LogSingle{TLanes, TVector, TDouble}"/> elsewhere.</summary>
    private readonly struct LogFunction : ISingleTableFunction
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Table(Vector512<float> x) => LogSingleTable(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVector Lanes<TLanes, TVector, TDouble>(TVector x)
            where TLanes : ISingleLanes<TVector, TDouble> => LogSingle<TLanes, TVector, TDouble>(x);
    }
}
