using System;
using System.Numerics;
using System.Runtime.Intrinsics;
using Simd.Operators;
using Xunit;
using Xunit.Abstractions;

namespace Simd.Tests.Operators;

/// <summary>
/// <see cref="KernelMath"/> at every width against a double-double reference (the exact value to far
/// below an ulp) and against the scalar .NET method, over random inputs across each function's useful
/// range and over the special values.
/// </summary>
/// <remarks>
/// The bounds asserted are the library's documented constants: the measured maxima (printed to the test
/// output and recorded in docs/kernel-math.md) rounded up, never adjusted to make a run pass. Widths that
/// are not hardware-accelerated in this process run their software fallback and must meet the same bounds.
/// </remarks>
public sealed class KernelMathTests(ITestOutputHelper output)
{
    /// <summary>The function under test.</summary>
    public enum MathFunction
    {
        /// <summary>eˣ.</summary>
        Exp,

        /// <summary>ln x.</summary>
        Log,

        /// <summary>tanh x.</summary>
        Tanh,
    }

    private const int Samples = 200_000;

    private static readonly string[] WidthNames = ["Vector128", "Vector256", "Vector512", "Vector<T>"];

    [Fact]
    public void SingleTanh_SweepOfEveryInterval_WithinItsMeasuredBound()
    {
        // Every 61st float from +0 to 16 (all 32 intervals of the AVX-512 table, about 18 million values, each
        // binade densely), and their negatives: the table was measured within 0.995 ulp over every float, the
        // two-branch form of the other paths within 1.34; each is held to its own figure here, rounded up.
        bool table = System.Runtime.Intrinsics.X86.Avx512F.IsSupported;
        double bound = table ? 1.0 : 1.35;
        const int Lanes = 16;
        Span<float> lanes = stackalloc float[Lanes];
        Span<float> results = stackalloc float[Lanes];
        double maxError = 0;
        float worst = 0;
        int end = BitConverter.SingleToInt32Bits(16f);
        for (int bits = 0; bits < end; bits += 61 * Lanes)
        {
            for (int lane = 0; lane < Lanes; lane++)
            {
                float value = BitConverter.Int32BitsToSingle(Math.Min(bits + (61 * lane), end));
                lanes[lane] = (lane & 1) == 0 ? value : -value;
            }

            KernelMath.Tanh(Vector512.Create((ReadOnlySpan<float>)lanes)).CopyTo(results);
            for (int lane = 0; lane < Lanes; lane++)
            {
                double error = ReferenceMath.UlpErrorSingle(results[lane], Math.Tanh(lanes[lane]), 0);
                if (!(error <= maxError))
                {
                    maxError = error;
                    worst = lanes[lane];
                }
            }
        }

        output.WriteLine($"float Tanh ({(table ? "AVX-512 table" : "two-branch form")}): max {maxError:F4} ulp from exact at x = {worst:R}");
        Assert.True(maxError <= bound, $"float Tanh: {maxError} ulp from exact at x = {worst:R}, bound {bound}.");
    }

    [Theory]
    [InlineData(MathFunction.Exp)]
    [InlineData(MathFunction.Log)]
    [InlineData(MathFunction.Tanh)]
    public void Single_RandomInputs_WithinBoundOfExactAndOfScalar(MathFunction function)
    {
        float[] inputs = SingleInputs(function, new Random(20261129 + (int)function));
        // The double function is the reference here: within about 2 double ulps of exact, that is 2⁻²⁸ of a
        // float ulp, far below the resolution of the float bounds.
        double[] exact = new double[inputs.Length];
        float[] scalar = new float[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            exact[i] = ScalarDouble(function, inputs[i]);
            scalar[i] = ScalarSingle(function, inputs[i]);
        }

        (double errorBound, int scalarBound) = function switch
        {
            MathFunction.Exp => (KernelMath.ExpSingleMaxUlpError, KernelMath.ExpSingleMaxUlpFromScalar),
            MathFunction.Log => (KernelMath.LogSingleMaxUlpError, KernelMath.LogSingleMaxUlpFromScalar),
            _ => (KernelMath.TanhSingleMaxUlpError, KernelMath.TanhSingleMaxUlpFromScalar),
        };

        float[] first = RunSingle(function, 0, inputs);
        for (int width = 0; width < WidthNames.Length; width++)
        {
            float[] actual = RunSingle(function, width, inputs);
            double maxError = 0;
            long maxDistance = 0;
            float worstError = 0, worstDistance = 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                Assert.True(
                    BitConverter.SingleToInt32Bits(actual[i]) == BitConverter.SingleToInt32Bits(first[i]),
                    $"{function}({inputs[i]:R}) differs between {WidthNames[0]} ({first[i]:R}) and {WidthNames[width]} ({actual[i]:R}).");

                double error = ReferenceMath.UlpErrorSingle(actual[i], exact[i], 0);
                if (!(error <= maxError))
                {
                    maxError = error;
                    worstError = inputs[i];
                }

                long distance = UlpDistance(actual[i], scalar[i]);
                if (distance > maxDistance)
                {
                    maxDistance = distance;
                    worstDistance = inputs[i];
                }
            }

            output.WriteLine($"float {function} {WidthNames[width]}: max {maxError:F6} ulp from exact (x = {worstError:R}), max {maxDistance} ulp from scalar (x = {worstDistance:R})");
            Assert.True(maxError <= errorBound, $"float {function} {WidthNames[width]}: {maxError} ulp from exact at x = {worstError:R}, bound {errorBound}.");
            Assert.True(maxDistance <= scalarBound, $"float {function} {WidthNames[width]}: {maxDistance} ulp from scalar at x = {worstDistance:R}, bound {scalarBound}.");
        }
    }

    [Theory]
    [InlineData(MathFunction.Exp)]
    [InlineData(MathFunction.Log)]
    [InlineData(MathFunction.Tanh)]
    public void Double_RandomInputs_WithinBoundOfExactAndOfScalar(MathFunction function)
    {
        double[] inputs = DoubleInputs(function, new Random(20261130 + (int)function));
        var exact = new (DoubleDouble Mantissa, int Exponent)[inputs.Length];
        double[] scalar = new double[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            exact[i] = Reference(function, inputs[i]);
            scalar[i] = ScalarDouble(function, inputs[i]);
        }

        (double errorBound, int scalarBound) = function switch
        {
            MathFunction.Exp => (KernelMath.ExpDoubleMaxUlpError, KernelMath.ExpDoubleMaxUlpFromScalar),
            MathFunction.Log => (KernelMath.LogDoubleMaxUlpError, KernelMath.LogDoubleMaxUlpFromScalar),
            _ => (KernelMath.TanhDoubleMaxUlpError, KernelMath.TanhDoubleMaxUlpFromScalar),
        };

        double[] first = RunDouble(function, 0, inputs);
        double scalarMaxError = 0;
        for (int i = 0; i < inputs.Length; i++)
        {
            scalarMaxError = Math.Max(scalarMaxError, ReferenceMath.UlpErrorDouble(scalar[i], exact[i].Mantissa, exact[i].Exponent));
        }

        output.WriteLine($"double {function} scalar Math: max {scalarMaxError:F4} ulp from exact");
        for (int width = 0; width < WidthNames.Length; width++)
        {
            double[] actual = RunDouble(function, width, inputs);
            double maxError = 0;
            long maxDistance = 0;
            double worstError = 0, worstDistance = 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                Assert.True(
                    BitConverter.DoubleToInt64Bits(actual[i]) == BitConverter.DoubleToInt64Bits(first[i]),
                    $"{function}({inputs[i]:R}) differs between {WidthNames[0]} ({first[i]:R}) and {WidthNames[width]} ({actual[i]:R}).");

                double error = ReferenceMath.UlpErrorDouble(actual[i], exact[i].Mantissa, exact[i].Exponent);
                if (!(error <= maxError))
                {
                    maxError = error;
                    worstError = inputs[i];
                }

                long distance = UlpDistance(actual[i], scalar[i]);
                if (distance > maxDistance)
                {
                    maxDistance = distance;
                    worstDistance = inputs[i];
                }
            }

            output.WriteLine($"double {function} {WidthNames[width]}: max {maxError:F6} ulp from exact (x = {worstError:R}), max {maxDistance} ulp from scalar (x = {worstDistance:R})");
            Assert.True(maxError <= errorBound, $"double {function} {WidthNames[width]}: {maxError} ulp from exact at x = {worstError:R}, bound {errorBound}.");
            Assert.True(maxDistance <= scalarBound, $"double {function} {WidthNames[width]}: {maxDistance} ulp from scalar at x = {worstDistance:R}, bound {scalarBound}.");
        }
    }

    public static TheoryData<MathFunction, float> SingleSpecials => new()
    {
        { MathFunction.Exp, float.NaN }, { MathFunction.Exp, float.NegativeInfinity }, { MathFunction.Exp, float.PositiveInfinity },
        { MathFunction.Exp, 0f }, { MathFunction.Exp, -0f }, { MathFunction.Exp, float.Epsilon }, { MathFunction.Exp, -float.Epsilon },
        { MathFunction.Exp, 88.8f }, { MathFunction.Exp, 1000f }, { MathFunction.Exp, float.MaxValue },
        { MathFunction.Exp, -104f }, { MathFunction.Exp, -1000f }, { MathFunction.Exp, float.MinValue },
        { MathFunction.Log, float.NaN }, { MathFunction.Log, float.NegativeInfinity }, { MathFunction.Log, float.PositiveInfinity },
        { MathFunction.Log, 0f }, { MathFunction.Log, -0f }, { MathFunction.Log, 1f }, { MathFunction.Log, -1f },
        { MathFunction.Log, -float.Epsilon }, { MathFunction.Log, float.MinValue },
        { MathFunction.Tanh, float.NaN }, { MathFunction.Tanh, float.NegativeInfinity }, { MathFunction.Tanh, float.PositiveInfinity },
        { MathFunction.Tanh, 0f }, { MathFunction.Tanh, -0f }, { MathFunction.Tanh, float.Epsilon }, { MathFunction.Tanh, -float.Epsilon },
        { MathFunction.Tanh, 1e-30f }, { MathFunction.Tanh, -1e-30f }, { MathFunction.Tanh, 20f }, { MathFunction.Tanh, -20f },
        { MathFunction.Tanh, 400f }, { MathFunction.Tanh, -400f }, { MathFunction.Tanh, float.MaxValue }, { MathFunction.Tanh, float.MinValue },
    };

    public static TheoryData<MathFunction, double> DoubleSpecials => new()
    {
        { MathFunction.Exp, double.NaN }, { MathFunction.Exp, double.NegativeInfinity }, { MathFunction.Exp, double.PositiveInfinity },
        { MathFunction.Exp, 0.0 }, { MathFunction.Exp, -0.0 }, { MathFunction.Exp, double.Epsilon }, { MathFunction.Exp, -double.Epsilon },
        { MathFunction.Exp, 709.79 }, { MathFunction.Exp, 1e4 }, { MathFunction.Exp, double.MaxValue },
        { MathFunction.Exp, -745.2 }, { MathFunction.Exp, -1e4 }, { MathFunction.Exp, double.MinValue },
        { MathFunction.Log, double.NaN }, { MathFunction.Log, double.NegativeInfinity }, { MathFunction.Log, double.PositiveInfinity },
        { MathFunction.Log, 0.0 }, { MathFunction.Log, -0.0 }, { MathFunction.Log, 1.0 }, { MathFunction.Log, -1.0 },
        { MathFunction.Log, -double.Epsilon }, { MathFunction.Log, double.MinValue },
        { MathFunction.Tanh, double.NaN }, { MathFunction.Tanh, double.NegativeInfinity }, { MathFunction.Tanh, double.PositiveInfinity },
        { MathFunction.Tanh, 0.0 }, { MathFunction.Tanh, -0.0 }, { MathFunction.Tanh, double.Epsilon }, { MathFunction.Tanh, -double.Epsilon },
        { MathFunction.Tanh, 1e-300 }, { MathFunction.Tanh, -1e-300 }, { MathFunction.Tanh, 20.0 }, { MathFunction.Tanh, -20.0 },
        { MathFunction.Tanh, 400.0 }, { MathFunction.Tanh, -400.0 }, { MathFunction.Tanh, double.MaxValue }, { MathFunction.Tanh, double.MinValue },
    };

    /// <summary>Values whose result is exact (NaN, ±∞, ±0, ±1, overflow, underflow, tanh x = x): the same bits as the scalar method.</summary>
    [Theory]
    [MemberData(nameof(SingleSpecials))]
    public void Single_SpecialValue_SameBitsAsScalar(MathFunction function, float x)
    {
        float expected = ScalarSingle(function, x);
        float[] inputs = new float[64];
        Array.Fill(inputs, x);
        for (int width = 0; width < WidthNames.Length; width++)
        {
            float actual = RunSingle(function, width, inputs)[^1];
            Assert.True(
                float.IsNaN(expected) ? float.IsNaN(actual) : BitConverter.SingleToInt32Bits(actual) == BitConverter.SingleToInt32Bits(expected),
                $"float {function}({x:R}) at {WidthNames[width]}: {actual:R}, scalar gives {expected:R}.");
        }
    }

    /// <inheritdoc cref="Single_SpecialValue_SameBitsAsScalar"/>
    [Theory]
    [MemberData(nameof(DoubleSpecials))]
    public void Double_SpecialValue_SameBitsAsScalar(MathFunction function, double x)
    {
        double expected = ScalarDouble(function, x);
        double[] inputs = new double[64];
        Array.Fill(inputs, x);
        for (int width = 0; width < WidthNames.Length; width++)
        {
            double actual = RunDouble(function, width, inputs)[^1];
            Assert.True(
                double.IsNaN(expected) ? double.IsNaN(actual) : BitConverter.DoubleToInt64Bits(actual) == BitConverter.DoubleToInt64Bits(expected),
                $"double {function}({x:R}) at {WidthNames[width]}: {actual:R}, scalar gives {expected:R}.");
        }
    }

    /// <summary>Special values sit in one lane among ordinary ones: nothing leaks between lanes.</summary>
    [Fact]
    public void MixedLanes_EachLaneIsItsOwnResult()
    {
        double[] inputs = [double.NaN, 0.5, double.PositiveInfinity, -0.0, 1e-310, -3.0, 700.0, double.NegativeInfinity];
        foreach (MathFunction function in Enum.GetValues<MathFunction>())
        {
            for (int width = 0; width < WidthNames.Length; width++)
            {
                double[] padded = new double[64];
                for (int i = 0; i < padded.Length; i++)
                {
                    padded[i] = inputs[i % inputs.Length];
                }

                double[] actual = RunDouble(function, width, padded);
                for (int i = 0; i < padded.Length; i++)
                {
                    double expected = ScalarDouble(function, padded[i]);
                    bool same = double.IsNaN(expected) ? double.IsNaN(actual[i]) : UlpDistance(actual[i], expected) <= DoubleFromScalarBound(function);
                    Assert.True(same, $"{function}({padded[i]:R}) in lane {i} at {WidthNames[width]}: {actual[i]:R}, scalar gives {expected:R}.");
                }
            }
        }
    }

    /// <summary>
    /// float Log at the edges of its reduction intervals (z = 1 + j/32 in [1, 2) and the neighbouring floats,
    /// where the table entry changes), at the exponents where ln x is small (x near 1 and 2) or extreme
    /// (subnormal, near float.MaxValue), with the special values interleaved among ordinary lanes: every lane
    /// within the bounds of exact and of the scalar method, the specials as the scalar method gives them, and
    /// every width the same bits.
    /// </summary>
    [Fact]
    public void Single_Log_IntervalEdgesAndMixedLanes_WithinBound()
    {
        float[] specials = [float.NaN, 0f, -0f, -1f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, 1f];
        var inputs = new System.Collections.Generic.List<float>();
        foreach (int exponent in new[] { -149, -127, -126, -1, 0, 1, 127 })
        {
            for (int j = 0; j <= 32; j++)
            {
                int edge = BitConverter.SingleToInt32Bits((float)Math.ScaleB(1 + (j / 32.0), exponent));
                for (int step = -2; step <= 2; step++)
                {
                    float x = BitConverter.Int32BitsToSingle(edge + step);
                    if (x > 0 && float.IsFinite(x))
                    {
                        inputs.Add(x);
                        inputs.Add(specials[inputs.Count % specials.Length]);
                    }
                }
            }
        }

        while (inputs.Count % 64 != 0)
        {
            inputs.Add(1.5f);
        }

        float[] lanes = [.. inputs];
        float[] first = RunSingle(MathFunction.Log, 0, lanes);
        for (int width = 0; width < WidthNames.Length; width++)
        {
            float[] actual = RunSingle(MathFunction.Log, width, lanes);
            for (int i = 0; i < lanes.Length; i++)
            {
                float x = lanes[i];
                float scalar = MathF.Log(x);
                Assert.True(
                    BitConverter.SingleToInt32Bits(actual[i]) == BitConverter.SingleToInt32Bits(first[i]),
                    $"Log({x:R}) differs between {WidthNames[0]} ({first[i]:R}) and {WidthNames[width]} ({actual[i]:R}).");
                if (float.IsNaN(scalar) || float.IsInfinity(scalar) || x == 1f)
                {
                    Assert.True(
                        float.IsNaN(scalar) ? float.IsNaN(actual[i]) : BitConverter.SingleToInt32Bits(actual[i]) == BitConverter.SingleToInt32Bits(scalar),
                        $"Log({x:R}) in lane {i} at {WidthNames[width]}: {actual[i]:R}, scalar gives {scalar:R}.");
                    continue;
                }

                double error = ReferenceMath.UlpErrorSingle(actual[i], Math.Log(x), 0);
                Assert.True(error <= KernelMath.LogSingleMaxUlpError, $"Log({x:R}) in lane {i} at {WidthNames[width]}: {actual[i]:R}, {error} ulp from exact.");
                Assert.True(
                    UlpDistance(actual[i], scalar) <= KernelMath.LogSingleMaxUlpFromScalar,
                    $"Log({x:R}) in lane {i} at {WidthNames[width]}: {actual[i]:R}, scalar gives {scalar:R}.");
            }
        }
    }

    private static int DoubleFromScalarBound(MathFunction function) => function switch
    {
        MathFunction.Exp => KernelMath.ExpDoubleMaxUlpFromScalar,
        MathFunction.Log => KernelMath.LogDoubleMaxUlpFromScalar,
        _ => KernelMath.TanhDoubleMaxUlpFromScalar,
    };

    private static float[] SingleInputs(MathFunction function, Random random)
    {
        float[] inputs = new float[Samples];
        for (int i = 0; i < inputs.Length; i++)
        {
            double u = random.NextDouble();
            double sign = random.Next(2) == 0 ? -1 : 1;
            inputs[i] = (function, i % 4) switch
            {
                // The whole range with finite results (overflow above ln(float.MaxValue) = 88.7228),
                // including subnormal results below −87.34; then |x| ≤ 1; then tiny |x|.
                (MathFunction.Exp, 0 or 1) => (float)(-104 + (u * (88.72 + 104))),
                (MathFunction.Exp, 2) => (float)(sign * u),
                (MathFunction.Exp, _) => (float)(sign * Math.Pow(2, -60 * u)),
                // Every positive finite bit pattern (subnormals included); subnormals only; [0.5, 2];
                // within 2⁻¹⁰ of 1, where ln x is small and relative accuracy is hardest.
                (MathFunction.Log, 0) => BitConverter.Int32BitsToSingle(random.Next(1, 0x7F800000)),
                (MathFunction.Log, 1) => BitConverter.Int32BitsToSingle(random.Next(1, 0x00800000)),
                (MathFunction.Log, 2) => (float)(0.5 + (1.5 * u)),
                (MathFunction.Log, _) => (float)(1 + (sign * Math.ScaleB(u, -10))),
                // [−20, 20]; tiny |x| down to 2⁻⁴⁰; around the polynomial/exponential switch at 0.625;
                // saturation.
                (_, 0) => (float)(sign * 20 * u),
                (_, 1) => (float)(sign * Math.Pow(2, -40 * u)),
                (_, 2) => (float)(sign * (0.5 + (0.25 * u))),
                _ => (float)(sign * (20 + (380 * u))),
            };
        }

        return inputs;
    }

    private static double[] DoubleInputs(MathFunction function, Random random)
    {
        double[] inputs = new double[Samples];
        for (int i = 0; i < inputs.Length; i++)
        {
            double u = random.NextDouble();
            double sign = random.Next(2) == 0 ? -1 : 1;
            inputs[i] = (function, i % 4) switch
            {
                // The whole range with finite results (overflow above ln(double.MaxValue) = 709.7827);
                // subnormal results only (x < −708.40); |x| ≤ 1; tiny |x|.
                (MathFunction.Exp, 0) => -745.13 + (u * (709.78 + 745.13)),
                (MathFunction.Exp, 1) => -745.13 + (u * (745.13 - 708.4)),
                (MathFunction.Exp, 2) => sign * u,
                (MathFunction.Exp, _) => sign * Math.Pow(2, -60 * u),
                (MathFunction.Log, 0) => BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7FF0000000000000)),
                (MathFunction.Log, 1) => BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x0010000000000000)),
                (MathFunction.Log, 2) => 0.5 + (1.5 * u),
                (MathFunction.Log, _) => 1 + (sign * Math.ScaleB(u, -10)),
                (_, 0) => sign * 20 * u,
                (_, 1) => sign * Math.Pow(2, -40 * u),
                (_, 2) => sign * (0.5 + (0.25 * u)),
                _ => sign * (20 + (380 * u)),
            };
        }

        return inputs;
    }

    private static (DoubleDouble Mantissa, int Exponent) Reference(MathFunction function, double x) => function switch
    {
        MathFunction.Exp => ReferenceMath.Exp(x),
        MathFunction.Log => (ReferenceMath.Log(x), 0),
        _ => (ReferenceMath.Tanh(x), 0),
    };

    private static float ScalarSingle(MathFunction function, float x) => function switch
    {
        MathFunction.Exp => MathF.Exp(x),
        MathFunction.Log => MathF.Log(x),
        _ => MathF.Tanh(x),
    };

    private static double ScalarDouble(MathFunction function, double x) => function switch
    {
        MathFunction.Exp => Math.Exp(x),
        MathFunction.Log => Math.Log(x),
        _ => Math.Tanh(x),
    };

    /// <summary>The function applied at one width (0: 128, 1: 256, 2: 512, 3: Vector&lt;T&gt;) over whole vectors of <paramref name="inputs"/>.</summary>
    private static float[] RunSingle(MathFunction function, int width, float[] inputs)
    {
        float[] results = new float[inputs.Length];
        int count = width switch { 0 => Vector128<float>.Count, 1 => Vector256<float>.Count, 2 => Vector512<float>.Count, _ => Vector<float>.Count };
        Assert.True(inputs.Length % count == 0, "The sample count must be a multiple of every vector width.");
        for (int i = 0; i < inputs.Length; i += count)
        {
            ReadOnlySpan<float> x = inputs.AsSpan(i, count);
            Span<float> y = results.AsSpan(i, count);
            switch (width)
            {
                case 0:
                    Vector128<float> v128 = Vector128.Create(x);
                    (function switch { MathFunction.Exp => KernelMath.Exp(v128), MathFunction.Log => KernelMath.Log(v128), _ => KernelMath.Tanh(v128) }).CopyTo(y);
                    break;
                case 1:
                    Vector256<float> v256 = Vector256.Create(x);
                    (function switch { MathFunction.Exp => KernelMath.Exp(v256), MathFunction.Log => KernelMath.Log(v256), _ => KernelMath.Tanh(v256) }).CopyTo(y);
                    break;
                case 2:
                    Vector512<float> v512 = Vector512.Create(x);
                    (function switch { MathFunction.Exp => KernelMath.Exp(v512), MathFunction.Log => KernelMath.Log(v512), _ => KernelMath.Tanh(v512) }).CopyTo(y);
                    break;
                default:
                    var vt = new Vector<float>(x);
                    (function switch { MathFunction.Exp => KernelMath.Exp(vt), MathFunction.Log => KernelMath.Log(vt), _ => KernelMath.Tanh(vt) }).CopyTo(y);
                    break;
            }
        }

        return results;
    }

    /// <inheritdoc cref="RunSingle"/>
    private static double[] RunDouble(MathFunction function, int width, double[] inputs)
    {
        double[] results = new double[inputs.Length];
        int count = width switch { 0 => Vector128<double>.Count, 1 => Vector256<double>.Count, 2 => Vector512<double>.Count, _ => Vector<double>.Count };
        Assert.True(inputs.Length % count == 0, "The sample count must be a multiple of every vector width.");
        for (int i = 0; i < inputs.Length; i += count)
        {
            ReadOnlySpan<double> x = inputs.AsSpan(i, count);
            Span<double> y = results.AsSpan(i, count);
            switch (width)
            {
                case 0:
                    Vector128<double> v128 = Vector128.Create(x);
                    (function switch { MathFunction.Exp => KernelMath.Exp(v128), MathFunction.Log => KernelMath.Log(v128), _ => KernelMath.Tanh(v128) }).CopyTo(y);
                    break;
                case 1:
                    Vector256<double> v256 = Vector256.Create(x);
                    (function switch { MathFunction.Exp => KernelMath.Exp(v256), MathFunction.Log => KernelMath.Log(v256), _ => KernelMath.Tanh(v256) }).CopyTo(y);
                    break;
                case 2:
                    Vector512<double> v512 = Vector512.Create(x);
                    (function switch { MathFunction.Exp => KernelMath.Exp(v512), MathFunction.Log => KernelMath.Log(v512), _ => KernelMath.Tanh(v512) }).CopyTo(y);
                    break;
                default:
                    var vt = new Vector<double>(x);
                    (function switch { MathFunction.Exp => KernelMath.Exp(vt), MathFunction.Log => KernelMath.Log(vt), _ => KernelMath.Tanh(vt) }).CopyTo(y);
                    break;
            }
        }

        return results;
    }

    /// <summary>How many representable values lie between <paramref name="a"/> and <paramref name="b"/> (±0 count as one value).</summary>
    private static long UlpDistance(float a, float b) => Math.Abs((long)Ordinal(a) - Ordinal(b));

    /// <inheritdoc cref="UlpDistance(float, float)"/>
    private static long UlpDistance(double a, double b)
    {
        long difference = Ordinal(a) - Ordinal(b);
        return difference == long.MinValue ? long.MaxValue : Math.Abs(difference);
    }

    // Maps the IEEE bit patterns onto integers in the order of the values they encode.
    private static int Ordinal(float x)
    {
        int bits = BitConverter.SingleToInt32Bits(x);
        return bits < 0 ? int.MinValue - bits : bits;
    }

    private static long Ordinal(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        return bits < 0 ? long.MinValue - bits : bits;
    }
}
