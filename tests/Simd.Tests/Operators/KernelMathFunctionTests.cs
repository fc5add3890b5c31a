using System;
using System.Collections.Generic;
using System.Runtime.Intrinsics;
using Simd.Operators;
using Xunit;
using Xunit.Abstractions;
using static Simd.Tests.Operators.VectorRunner;

namespace Simd.Tests.Operators;

/// <summary>
/// The <see cref="KernelMath"/> functions beyond Exp, Log and Tanh, at every width, for float and double:
/// random inputs class by class against a reference (the double <see cref="Math"/> function for float; a
/// double-double reference from <see cref="ReferenceMath"/> for double), and special values bit for bit
/// against the scalar method.
/// </summary>
/// <remarks>
/// The bounds asserted are the library's documented constants; the measured maxima are printed to the test
/// output and recorded in docs/kernel-math.md. Every width must give the same bits as <c>Vector128</c>.
/// </remarks>
public sealed class KernelMathFunctionTests(ITestOutputHelper output)
{
    /// <summary>The function under test.</summary>
    public enum Function
    {
        /// <summary>2ˣ.</summary>
        Exp2,

        /// <summary>log₂ x.</summary>
        Log2,

        /// <summary>log₁₀ x.</summary>
        Log10,

        /// <summary>sin x.</summary>
        Sin,

        /// <summary>cos x.</summary>
        Cos,

        /// <summary>arctan x.</summary>
        Atan,

        /// <summary>∛x.</summary>
        Cbrt,

        /// <summary>1/(1 + e⁻ˣ).</summary>
        Sigmoid,

        /// <summary>√(x² + y²).</summary>
        Hypot,

        /// <summary>atan2(y, x).</summary>
        Atan2,

        /// <summary>xʸ.</summary>
        Pow,
    }

    private const int Samples = 96_000;

    public static TheoryData<Function> AllFunctions()
    {
        var data = new TheoryData<Function>();
        foreach (Function f in Enum.GetValues<Function>())
        {
            data.Add(f);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllFunctions))]
    public void Single_RandomInputs_WithinBoundOfExact(Function function)
    {
        var random = new Random(20261201 + (int)function);
        (float[] xs, float[] ys) = SingleInputs(function, random);
        double bound = SingleBound(function);
        float[] first = RunSingle(function, 0, xs, ys);
        for (int width = 0; width < WidthNames.Length; width++)
        {
            float[] actual = RunSingle(function, width, xs, ys);
            double maxError = 0;
            long maxDistance = 0;
            string worst = "";
            for (int i = 0; i < xs.Length; i++)
            {
                Assert.True(SameBits(actual[i], first[i]), $"{function}({xs[i]:R}, {ys[i]:R}) differs between {WidthNames[0]} ({first[i]:R}) and {WidthNames[width]} ({actual[i]:R}).");
                double reference = SingleReference(function, xs[i], ys[i]);
                float scalar = ScalarSingle(function, xs[i], ys[i]);
                maxDistance = Math.Max(maxDistance, UlpDistance(actual[i], scalar));
                if (!(Math.Abs(reference) <= float.MaxValue))
                {
                    // Overflow (or an exact infinity): the scalar result, bit for bit.
                    Assert.True(SameBits(actual[i], scalar), $"float {function}({xs[i]:R}, {ys[i]:R}) at {WidthNames[width]}: {actual[i]:R}, scalar {scalar:R}.");
                    continue;
                }

                double error = ReferenceMath.UlpErrorSingle(actual[i], reference, 0);
                if (!(error <= maxError))
                {
                    maxError = error;
                    worst = $"x = {xs[i]:R}, y = {ys[i]:R}: {actual[i]:R}, exact {reference:R}";
                }
            }

            output.WriteLine($"float {function} {WidthNames[width]}: max {maxError:F4} ulp from exact ({worst}); max {maxDistance} ulp from scalar");
            Assert.True(maxError <= bound, $"float {function} {WidthNames[width]}: {maxError} ulp from exact at {worst}, bound {bound}.");
        }
    }

    [Theory]
    [MemberData(nameof(AllFunctions))]
    public void Double_RandomInputs_WithinBoundOfExact(Function function)
    {
        var random = new Random(20261202 + (int)function);
        (double[] xs, double[] ys) = DoubleInputs(function, random);
        double bound = DoubleBound(function);
        double[] first = RunDouble(function, 0, xs, ys);
        double scalarMax = 0;
        for (int width = 0; width < WidthNames.Length; width++)
        {
            double[] actual = RunDouble(function, width, xs, ys);
            double maxError = 0;
            long maxDistance = 0;
            string worst = "";
            for (int i = 0; i < xs.Length; i++)
            {
                Assert.True(SameBits(actual[i], first[i]), $"{function}({xs[i]:R}, {ys[i]:R}) differs between {WidthNames[0]} ({first[i]:R}) and {WidthNames[width]} ({actual[i]:R}).");
                double scalar = ScalarDouble(function, xs[i], ys[i]);
                maxDistance = Math.Max(maxDistance, UlpDistance(actual[i], scalar));
                if (function == Function.Pow)
                {
                    Assert.True(SameBits(actual[i], scalar), $"double Pow({xs[i]:R}, {ys[i]:R}) at {WidthNames[width]}: {actual[i]:R}, Math.Pow {scalar:R}.");
                    continue;
                }

                (DoubleDouble mantissa, int exponent) = DoubleReference(function, xs[i], ys[i]);
                double error = ReferenceMath.UlpErrorDouble(actual[i], mantissa, exponent);
                if (width == 0)
                {
                    scalarMax = Math.Max(scalarMax, ReferenceMath.UlpErrorDouble(scalar, mantissa, exponent));
                }

                if (!(error <= maxError))
                {
                    maxError = error;
                    worst = $"x = {xs[i]:R}, y = {ys[i]:R}: {actual[i]:R}";
                }
            }

            if (width == 0 && function != Function.Pow)
            {
                output.WriteLine($"double {function} scalar: max {scalarMax:F4} ulp from exact");
            }

            output.WriteLine($"double {function} {WidthNames[width]}: max {maxError:F4} ulp from exact ({worst}); max {maxDistance} ulp from scalar");
            Assert.True(maxError <= bound, $"double {function} {WidthNames[width]}: {maxError} ulp from exact at {worst}, bound {bound}.");
        }
    }

    /// <summary>Special and exact-result inputs: the scalar method's bits at every width (any NaN for NaN).</summary>
    [Theory]
    [MemberData(nameof(AllFunctions))]
    public void SpecialValues_SameBitsAsScalar(Function function)
    {
        (double[] xs, double[] ys) = SpecialInputs(function);
        float[] fx = Array.ConvertAll(xs, v => (float)v);
        float[] fy = Array.ConvertAll(ys, v => (float)v);
        for (int width = 0; width < WidthNames.Length; width++)
        {
            float[] single = RunSingle(function, width, fx, fy);
            double[] wide = RunDouble(function, width, xs, ys);
            for (int i = 0; i < xs.Length; i++)
            {
                float expectedSingle = ScalarSingle(function, fx[i], fy[i]);
                Assert.True(SameBits(single[i], expectedSingle) || (function == Function.Atan2 && !IsSpecial(xs[i]) && !IsSpecial(ys[i])), $"float {function}({fx[i]:R}, {fy[i]:R}) at {WidthNames[width]}: {single[i]:R}, scalar {expectedSingle:R}.");
                double expectedDouble = ScalarDouble(function, xs[i], ys[i]);
                if (function == Function.Atan2 && !IsSpecial(xs[i]) && !IsSpecial(ys[i]))
                {
                    // An inexact angle of ordinary values (atan2(1, 2)): within the bound of the scalar's.
                    Assert.True(UlpDistance(single[i], expectedSingle) <= 1 && UlpDistance(wide[i], expectedDouble) <= 2, $"{function}({xs[i]:R}, {ys[i]:R}) at {WidthNames[width]}: {single[i]:R} / {wide[i]:R}, scalar {expectedSingle:R} / {expectedDouble:R}.");
                    continue;
                }

                Assert.True(SameBits(wide[i], expectedDouble), $"double {function}({xs[i]:R}, {ys[i]:R}) at {WidthNames[width]}: {wide[i]:R}, scalar {expectedDouble:R}.");
            }
        }
    }

    /// <summary>SinCos gives the lanes of Sin and Cos, bit for bit, on the fast and the slow path.</summary>
    [Fact]
    public void SinCos_SameLanesAsSinAndCos()
    {
        double[] xs = [0.5, -0.0, 3.0, -7.5, 1e5, 8e5, 1e7, -1e300, double.NaN, double.PositiveInfinity, 1e-300, 2.0, 100.0, -4.0, 5.0, 6.0];
        float[] fx = Array.ConvertAll(xs, v => (float)v);
        for (int width = 0; width < WidthNames.Length; width++)
        {
            int count = Count<double>(width);
            for (int i = 0; i + count <= xs.Length; i += count)
            {
                double[] chunk = xs[i..(i + count)];
                (double[] sin, double[] cos) = SinCosDouble(width, chunk);
                double[] sinAlone = RunDouble(Function.Sin, width, chunk, chunk);
                double[] cosAlone = RunDouble(Function.Cos, width, chunk, chunk);
                for (int j = 0; j < count; j++)
                {
                    Assert.True(SameBits(sin[j], sinAlone[j]) && SameBits(cos[j], cosAlone[j]), $"double SinCos({chunk[j]:R}) at {WidthNames[width]}.");
                }
            }

            int fcount = Count<float>(width);
            float[] padded = new float[fcount];
            for (int j = 0; j < fcount; j++)
            {
                padded[j] = fx[j % fx.Length];
            }

            (float[] fs, float[] fc) = SinCosSingle(width, padded);
            float[] fsAlone = RunSingle(Function.Sin, width, padded, padded);
            float[] fcAlone = RunSingle(Function.Cos, width, padded, padded);
            for (int j = 0; j < fcount; j++)
            {
                Assert.True(SameBits(fs[j], fsAlone[j]) && SameBits(fc[j], fcAlone[j]), $"float SinCos({padded[j]:R}) at {WidthNames[width]}.");
            }
        }
    }

    /// <summary>Beyond the fast-path limit the lanes are the scalar method's (for float: Math.Sin of the widened lane, rounded).</summary>
    [Fact]
    public void SinCos_BeyondFastPath_ScalarResults()
    {
        var random = new Random(7);
        double[] xs = new double[1600];
        for (int i = 0; i < xs.Length; i++)
        {
            // Mostly within the fast path, one lane in eight beyond it, up to 10³⁰⁰.
            xs[i] = i % 8 == 0 ? Math.Pow(10, 6 + (294 * random.NextDouble())) * (random.Next(2) == 0 ? -1 : 1) : (random.NextDouble() - 0.5) * 1e5;
        }

        for (int width = 0; width < WidthNames.Length; width++)
        {
            double[] sin = RunDouble(Function.Sin, width, xs, xs);
            double[] cos = RunDouble(Function.Cos, width, xs, xs);
            for (int i = 0; i < xs.Length; i++)
            {
                if (Math.Abs(xs[i]) > KernelMath.SinCosFastPathLimit)
                {
                    Assert.True(SameBits(sin[i], Math.Sin(xs[i])) && SameBits(cos[i], Math.Cos(xs[i])), $"Sin/Cos({xs[i]:R}) beyond the fast path at {WidthNames[width]}.");
                }
                else
                {
                    Assert.True(ReferenceMath.UlpErrorDouble(sin[i], ReferenceMath.Sin(xs[i]), 0) <= KernelMath.SinCosDoubleMaxUlpError, $"Sin({xs[i]:R}) next to slow lanes at {WidthNames[width]}.");
                }
            }
        }
    }

    /// <summary>
    /// The cube root of a perfect cube is that integer exactly (where the scalar <see cref="Math.Cbrt"/> of
    /// the platform may be an ulp off: glibc gives 3.0000000000000004 for ∛27).
    /// </summary>
    [Fact]
    public void Cbrt_PerfectCubes_Exact()
    {
        double[] xs = new double[1024];
        for (int i = 0; i < xs.Length; i++)
        {
            int n = (i % 512) - 256;
            xs[i] = (double)n * n * n * (i < 512 ? 1 : 0.125);
        }

        float[] fx = Array.ConvertAll(xs, v => (float)v);
        for (int width = 0; width < WidthNames.Length; width++)
        {
            double[] wide = RunDouble(Function.Cbrt, width, xs, xs);
            float[] single = RunSingle(Function.Cbrt, width, fx, fx);
            for (int i = 0; i < xs.Length; i++)
            {
                double expected = ((i % 512) - 256) * (i < 512 ? 1 : 0.5);
                Assert.True(wide[i] == expected && single[i] == (float)expected, $"Cbrt({xs[i]:R}) at {WidthNames[width]}: {wide[i]:R} / {single[i]:R}, expected {expected}.");
            }
        }
    }

    private static bool IsSpecial(double v) => double.IsNaN(v) || double.IsInfinity(v) || v == 0;

    private static double SingleBound(Function function) => function switch
    {
        Function.Exp2 => KernelMath.Exp2SingleMaxUlpError,
        Function.Log2 or Function.Log10 => KernelMath.Log2SingleMaxUlpError,
        Function.Sin or Function.Cos => KernelMath.SinCosSingleMaxUlpError,
        Function.Atan or Function.Atan2 => KernelMath.AtanSingleMaxUlpError,
        Function.Cbrt => KernelMath.CbrtSingleMaxUlpError,
        Function.Sigmoid => KernelMath.SigmoidSingleMaxUlpError,
        Function.Hypot => KernelMath.HypotSingleMaxUlpError,
        _ => KernelMath.PowSingleMaxUlpError,
    };

    private static double DoubleBound(Function function) => function switch
    {
        Function.Exp2 => KernelMath.Exp2DoubleMaxUlpError,
        Function.Log2 or Function.Log10 => KernelMath.Log2DoubleMaxUlpError,
        Function.Sin or Function.Cos => KernelMath.SinCosDoubleMaxUlpError,
        Function.Atan or Function.Atan2 => KernelMath.AtanDoubleMaxUlpError,
        Function.Cbrt => KernelMath.CbrtDoubleMaxUlpError,
        Function.Sigmoid => KernelMath.SigmoidDoubleMaxUlpError,
        Function.Hypot => KernelMath.HypotDoubleMaxUlpError,
        _ => 0,
    };

    private static float ScalarSingle(Function function, float x, float y) => function switch
    {
        Function.Exp2 => float.Exp2(x),
        Function.Log2 => float.Log2(x),
        Function.Log10 => MathF.Log10(x),
        Function.Sin => MathF.Sin(x),
        Function.Cos => MathF.Cos(x),
        Function.Atan => MathF.Atan(x),
        Function.Cbrt => MathF.Cbrt(x),
        Function.Sigmoid => 1f / (1f + MathF.Exp(-x)),
        Function.Hypot => float.Hypot(x, y),
        Function.Atan2 => MathF.Atan2(x, y),
        _ => MathF.Pow(x, y),
    };

    private static double ScalarDouble(Function function, double x, double y) => function switch
    {
        Function.Exp2 => double.Exp2(x),
        Function.Log2 => Math.Log2(x),
        Function.Log10 => Math.Log10(x),
        Function.Sin => Math.Sin(x),
        Function.Cos => Math.Cos(x),
        Function.Atan => Math.Atan(x),
        Function.Cbrt => Math.Cbrt(x),
        Function.Sigmoid => 1.0 / (1.0 + Math.Exp(-x)),
        Function.Hypot => double.Hypot(x, y),
        Function.Atan2 => Math.Atan2(x, y),
        _ => Math.Pow(x, y),
    };

    /// <summary>The float reference: the double function of the float inputs (within 2⁻²⁸ of a float ulp of exact).</summary>
    private static double SingleReference(Function function, float x, float y) => function switch
    {
        Function.Pow => PowReference(x, y),
        Function.Hypot => Math.Sqrt(((double)x * x) + ((double)y * y)),
        _ => ScalarDouble(function, x, y),
    };

    // Math.Pow of float inputs; where the result is finite and nonzero the double-double exp(y·ln x) agrees,
    // this is within 2⁻²⁸ of a float ulp.
    private static double PowReference(float x, float y) => Math.Pow(x, y);

    private static (DoubleDouble Mantissa, int Exponent) DoubleReference(Function function, double x, double y) => function switch
    {
        Function.Exp2 => ReferenceMath.Exp2(x),
        Function.Log2 => (ReferenceMath.Log2(x), 0),
        Function.Log10 => (ReferenceMath.Log10(x), 0),
        Function.Sin => (ReferenceMath.Sin(x), 0),
        Function.Cos => (ReferenceMath.Cos(x), 0),
        Function.Atan => (ReferenceMath.Atan(x), 0),
        Function.Cbrt => ReferenceMath.Cbrt(x),
        Function.Sigmoid => (ReferenceMath.Sigmoid(x), 0),
        Function.Hypot => ReferenceMath.Hypot(x, y),
        _ => (ReferenceMath.Atan2(x, y), 0),
    };

    private static float RandomBitsSingle(Random random, bool signed)
    {
        float v;
        do
        {
            v = BitConverter.Int32BitsToSingle(random.Next() & 0x7FFFFFFF);
        }
        while (!float.IsFinite(v));

        return signed && random.Next(2) == 0 ? -v : v;
    }

    private static double RandomBitsDouble(Random random, bool signed)
    {
        double v;
        do
        {
            v = BitConverter.Int64BitsToDouble(random.NextInt64() & 0x7FFFFFFFFFFFFFFF);
        }
        while (!double.IsFinite(v));

        return signed && random.Next(2) == 0 ? -v : v;
    }

    private static (float[] X, float[] Y) SingleInputs(Function function, Random random)
    {
        (double[] xs, double[] ys) = Inputs(function, random, single: true);
        return (Array.ConvertAll(xs, v => (float)v), Array.ConvertAll(ys, v => (float)v));
    }

    private static (double[] X, double[] Y) DoubleInputs(Function function, Random random) => Inputs(function, random, single: false);

    /// <summary>Random inputs, four classes in turn per function (for float they are rounded to float).</summary>
    private static (double[] X, double[] Y) Inputs(Function function, Random random, bool single)
    {
        double[] xs = new double[Samples];
        double[] ys = new double[Samples];
        double halfPi = ReferenceMath.Pi.ScaleB(-1).Hi;
        for (int i = 0; i < Samples; i++)
        {
            double u = random.NextDouble();
            double v = random.NextDouble();
            double sign = random.Next(2) == 0 ? -1 : 1;
            double bits = single ? RandomBitsSingle(random, true) : RandomBitsDouble(random, true);
            double positiveBits = Math.Abs(bits);
            int c = i % 4;
            (xs[i], ys[i]) = function switch
            {
                // The whole range with finite results (subnormal results included), |x| ≤ 1, tiny |x|, integers ± a little.
                Function.Exp2 => c switch
                {
                    0 => (single ? -150 + (u * 278) : -1075 + (u * 2099), 0),
                    1 => (sign * u, 0),
                    2 => (sign * Math.Pow(2, -60 * u), 0),
                    _ => (Math.Round(sign * 100 * u) + (sign * 1e-3 * v), 0),
                },
                // Every positive finite bit pattern, subnormals, [0.5, 2], within 2⁻¹⁰ of 1.
                Function.Log2 or Function.Log10 => c switch
                {
                    0 => (positiveBits, 0),
                    1 => (single ? BitConverter.Int32BitsToSingle(random.Next(1, 0x00800000)) : BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x0010000000000000)), 0),
                    2 => (0.5 + (1.5 * u), 0),
                    _ => (1 + (sign * Math.ScaleB(u, -10)), 0),
                },
                // [−π, π], |x| ≤ 10⁵ (the documented range), the whole fast path, and next to multiples of π/2.
                Function.Sin or Function.Cos => c switch
                {
                    0 => (sign * Math.PI * u, 0),
                    1 => (sign * 1e5 * u, 0),
                    2 => (sign * KernelMath.SinCosFastPathLimit * u, 0),
                    _ => ((ReferenceMath.Pi.ScaleB(-1) * Math.Round(u * (single ? 6e4 : 5e5))).Hi * sign, 0),
                },
                // Every finite bit pattern, [−2, 2], tiny and huge.
                Function.Atan => c switch
                {
                    0 => (bits, 0),
                    1 => (sign * 2 * u, 0),
                    2 => (sign * Math.Pow(2, -40 * u), 0),
                    _ => (sign * Math.Pow(2, 20 + (40 * u)), 0),
                },
                // Every finite bit pattern (subnormals included), [−10, 10], subnormals.
                Function.Cbrt => c switch
                {
                    0 or 1 => (bits, 0),
                    2 => (sign * 10 * u, 0),
                    _ => (sign * (single ? BitConverter.Int32BitsToSingle(random.Next(1, 0x00800000)) : BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x0010000000000000))), 0),
                },
                // [−20, 20], the range down to where e⁻ˣ overflows, tiny |x|.
                Function.Sigmoid => c switch
                {
                    0 or 1 => (sign * 20 * u, 0),
                    2 => (single ? -87 + (u * 107) : -700 + (u * 737), 0),
                    _ => (sign * Math.Pow(2, -40 * u), 0),
                },
                // Random magnitudes over the whole range (exponents within 2^±60 of each other), near-equal legs, one leg tiny.
                Function.Hypot => c switch
                {
                    0 => (bits, sign * Math.ScaleB(Math.Abs(bits), -(int)(60 * v))),
                    1 => (sign * u, sign * u * (1 + (1e-3 * v))),
                    2 => (sign * Math.Pow(2, 60 * u) * (single ? 1 : 1e250), Math.Pow(2, -60 * v)),
                    _ => (sign * 10 * u, 10 * v),
                },
                // Both signs, ratios over 2^±60, equal magnitudes, near the axes.
                Function.Atan2 => c switch
                {
                    0 => (sign * Math.Pow(2, (120 * u) - 60), (random.Next(2) == 0 ? -1 : 1) * v),
                    1 => (sign * u, (random.Next(2) == 0 ? -1 : 1) * u * (1 + (1e-6 * v))),
                    2 => (sign * u * 1e-10, (random.Next(2) == 0 ? -1 : 1) * v),
                    _ => (sign * 10 * u, -10 * v),
                },
                // x in (0, 10] with |y| ≤ 30, x near 1 with large y, negative x with integer y, results near the ends of the range.
                _ => c switch
                {
                    0 => (10 * u, (v - 0.5) * 60),
                    1 => (1 + (sign * 1e-3 * u), (v - 0.5) * 1e5),
                    2 => (-10 * u, Math.Round((v - 0.5) * 60)),
                    _ => (1 + (20 * u), sign * (single ? 120 : 1000) / Math.Log2(1 + (20 * u)) * v),
                },
            };
        }

        return (xs, ys);
    }

    private static (double[] X, double[] Y) SpecialInputs(Function function)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        double[] common = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0];
        void Add(double x, double y = 0)
        {
            xs.Add(x);
            ys.Add(y);
        }

        switch (function)
        {
            case Function.Exp2:
                foreach (double x in common) Add(x);
                for (int n = -149; n <= 127; n++) Add(n);
                Add(128); Add(1024); Add(-1075); Add(-2000); Add(2000);
                break;
            case Function.Log2:
                foreach (double x in common) Add(x);
                for (int n = -149; n <= 127; n++) Add(Math.ScaleB(1.0, n));
                Add(-1); Add(-1e-30); Add(double.Epsilon); Add(float.Epsilon);
                break;
            case Function.Log10:
                foreach (double x in common) Add(x);
                for (int n = 0; n <= 10; n++) Add(Math.Pow(10, n));
                Add(1); Add(-1); Add(-1e-30);
                break;
            case Function.Sin or Function.Cos or Function.Atan:
                foreach (double x in common) Add(x);
                Add(1e-30); Add(-1e-30); Add(float.Epsilon); Add(-float.Epsilon);
                break;
            case Function.Cbrt:
                foreach (double x in common) Add(x);
                Add(1);
                Add(-1);

                break;
            case Function.Sigmoid:
                foreach (double x in common) Add(x);
                Add(100); Add(-100); Add(1000); Add(-1000); Add(-87.5); Add(-89);
                break;
            default:
                double[] grid = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 4, 1e30, -1e30];
                foreach (double x in grid)
                {
                    foreach (double y in grid)
                    {
                        Add(x, y);
                    }
                }

                break;
        }

        // Pad to a multiple of every width with the first value.
        while (xs.Count % 16 != 0)
        {
            Add(xs[0], ys[0]);
        }

        return (xs.ToArray(), ys.ToArray());
    }

    private static Unary<float> SingleUnary(Function function) => function switch
    {
        Function.Exp2 => new(KernelMath.Exp2, KernelMath.Exp2, KernelMath.Exp2, KernelMath.Exp2),
        Function.Log2 => new(KernelMath.Log2, KernelMath.Log2, KernelMath.Log2, KernelMath.Log2),
        Function.Log10 => new(KernelMath.Log10, KernelMath.Log10, KernelMath.Log10, KernelMath.Log10),
        Function.Sin => new(KernelMath.Sin, KernelMath.Sin, KernelMath.Sin, KernelMath.Sin),
        Function.Cos => new(KernelMath.Cos, KernelMath.Cos, KernelMath.Cos, KernelMath.Cos),
        Function.Atan => new(KernelMath.Atan, KernelMath.Atan, KernelMath.Atan, KernelMath.Atan),
        Function.Cbrt => new(KernelMath.Cbrt, KernelMath.Cbrt, KernelMath.Cbrt, KernelMath.Cbrt),
        _ => new(KernelMath.Sigmoid, KernelMath.Sigmoid, KernelMath.Sigmoid, KernelMath.Sigmoid),
    };

    private static Unary<double> DoubleUnary(Function function) => function switch
    {
        Function.Exp2 => new(KernelMath.Exp2, KernelMath.Exp2, KernelMath.Exp2, KernelMath.Exp2),
        Function.Log2 => new(KernelMath.Log2, KernelMath.Log2, KernelMath.Log2, KernelMath.Log2),
        Function.Log10 => new(KernelMath.Log10, KernelMath.Log10, KernelMath.Log10, KernelMath.Log10),
        Function.Sin => new(KernelMath.Sin, KernelMath.Sin, KernelMath.Sin, KernelMath.Sin),
        Function.Cos => new(KernelMath.Cos, KernelMath.Cos, KernelMath.Cos, KernelMath.Cos),
        Function.Atan => new(KernelMath.Atan, KernelMath.Atan, KernelMath.Atan, KernelMath.Atan),
        Function.Cbrt => new(KernelMath.Cbrt, KernelMath.Cbrt, KernelMath.Cbrt, KernelMath.Cbrt),
        _ => new(KernelMath.Sigmoid, KernelMath.Sigmoid, KernelMath.Sigmoid, KernelMath.Sigmoid),
    };

    private static Binary<float> SingleBinary(Function function) => function switch
    {
        Function.Hypot => new(KernelMath.Hypot, KernelMath.Hypot, KernelMath.Hypot, KernelMath.Hypot),
        Function.Atan2 => new(KernelMath.Atan2, KernelMath.Atan2, KernelMath.Atan2, KernelMath.Atan2),
        _ => new(KernelMath.Pow, KernelMath.Pow, KernelMath.Pow, KernelMath.Pow),
    };

    private static Binary<double> DoubleBinary(Function function) => function switch
    {
        Function.Hypot => new(KernelMath.Hypot, KernelMath.Hypot, KernelMath.Hypot, KernelMath.Hypot),
        Function.Atan2 => new(KernelMath.Atan2, KernelMath.Atan2, KernelMath.Atan2, KernelMath.Atan2),
        _ => new(KernelMath.Pow, KernelMath.Pow, KernelMath.Pow, KernelMath.Pow),
    };

    private static bool IsBinary(Function function) => function is Function.Hypot or Function.Atan2 or Function.Pow;

    private static float[] RunSingle(Function function, int width, float[] xs, float[] ys)
        => IsBinary(function) ? Run(SingleBinary(function), width, xs, ys) : Run(SingleUnary(function), width, xs);

    private static double[] RunDouble(Function function, int width, double[] xs, double[] ys)
        => IsBinary(function) ? Run(DoubleBinary(function), width, xs, ys) : Run(DoubleUnary(function), width, xs);

    private static (double[] Sin, double[] Cos) SinCosDouble(int width, double[] x)
    {
        double[] s = new double[x.Length];
        double[] c = new double[x.Length];
        switch (width)
        {
            case 0: { var (a, b) = KernelMath.SinCos(Vector128.Create(x)); a.CopyTo(s); b.CopyTo(c); break; }
            case 1: { var (a, b) = KernelMath.SinCos(Vector256.Create(x)); a.CopyTo(s); b.CopyTo(c); break; }
            case 2: { var (a, b) = KernelMath.SinCos(Vector512.Create(x)); a.CopyTo(s); b.CopyTo(c); break; }
            default: { var (a, b) = KernelMath.SinCos(new System.Numerics.Vector<double>(x)); a.CopyTo(s); b.CopyTo(c); break; }
        }

        return (s, c);
    }

    private static (float[] Sin, float[] Cos) SinCosSingle(int width, float[] x)
    {
        float[] s = new float[x.Length];
        float[] c = new float[x.Length];
        switch (width)
        {
            case 0: { var (a, b) = KernelMath.SinCos(Vector128.Create(x)); a.CopyTo(s); b.CopyTo(c); break; }
            case 1: { var (a, b) = KernelMath.SinCos(Vector256.Create(x)); a.CopyTo(s); b.CopyTo(c); break; }
            case 2: { var (a, b) = KernelMath.SinCos(Vector512.Create(x)); a.CopyTo(s); b.CopyTo(c); break; }
            default: { var (a, b) = KernelMath.SinCos(new System.Numerics.Vector<float>(x)); a.CopyTo(s); b.CopyTo(c); break; }
        }

        return (s, c);
    }
}
