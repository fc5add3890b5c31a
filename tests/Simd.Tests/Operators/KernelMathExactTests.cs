using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.Intrinsics;
using Simd.Operators;
using Xunit;
using static Simd.Tests.Operators.VectorRunner;

namespace Simd.Tests.Operators;

/// <summary>
/// The exact <see cref="KernelMath"/> functions (rounding, sign, classification) are the scalar method's
/// result bit for bit at every width, over random bit patterns of every class (subnormals, huge values,
/// NaNs with payloads), halfway cases k + ½ and values around 2²³ / 2⁵².
/// </summary>
public sealed class KernelMathExactTests
{
    /// <summary>The function under test.</summary>
    public enum ExactFunction
    {
        /// <summary>Ties to even.</summary>
        Round,

        /// <summary>Towards −∞.</summary>
        Floor,

        /// <summary>Towards +∞.</summary>
        Ceiling,

        /// <summary>Towards zero.</summary>
        Truncate,

        /// <summary>Ties away from zero.</summary>
        RoundAwayFromZero,

        /// <summary>−1, 0 or +1 (NaN for NaN).</summary>
        Sign,

        /// <summary>Magnitude of x, sign of y.</summary>
        CopySign,

        /// <summary>Mask of NaN lanes.</summary>
        IsNaN,

        /// <summary>Mask of finite lanes.</summary>
        IsFinite,

        /// <summary>Mask of infinite lanes.</summary>
        IsInfinity,

        /// <summary>Mask of lanes with the sign bit set.</summary>
        IsNegative,
    }

    public static TheoryData<ExactFunction> All()
    {
        var data = new TheoryData<ExactFunction>();
        foreach (ExactFunction f in Enum.GetValues<ExactFunction>())
        {
            data.Add(f);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Single_SameBitsAsScalar(ExactFunction function)
    {
        float[] xs = SingleValues(new Random(11 + (int)function));
        float[] ys = SingleValues(new Random(101 + (int)function));
        Array.Reverse(ys);
        for (int width = 0; width < WidthNames.Length; width++)
        {
            float[] actual = function == ExactFunction.CopySign
                ? Run(new Binary<float>(KernelMath.CopySign, KernelMath.CopySign, KernelMath.CopySign, KernelMath.CopySign), width, xs, ys)
                : Run(SingleUnary(function), width, xs);
            for (int i = 0; i < xs.Length; i++)
            {
                float expected = ScalarSingle(function, xs[i], ys[i]);
                Assert.True(
                    BitConverter.SingleToInt32Bits(actual[i]) == BitConverter.SingleToInt32Bits(expected) || (float.IsNaN(expected) && float.IsNaN(actual[i]) && function != ExactFunction.CopySign),
                    $"float {function}({xs[i]:R} [0x{BitConverter.SingleToInt32Bits(xs[i]):X8}], {ys[i]:R}) at {WidthNames[width]}: {actual[i]:R}, scalar {expected:R}.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Double_SameBitsAsScalar(ExactFunction function)
    {
        double[] xs = DoubleValues(new Random(13 + (int)function));
        double[] ys = DoubleValues(new Random(103 + (int)function));
        Array.Reverse(ys);
        for (int width = 0; width < WidthNames.Length; width++)
        {
            double[] actual = function == ExactFunction.CopySign
                ? Run(new Binary<double>(KernelMath.CopySign, KernelMath.CopySign, KernelMath.CopySign, KernelMath.CopySign), width, xs, ys)
                : Run(DoubleUnary(function), width, xs);
            for (int i = 0; i < xs.Length; i++)
            {
                double expected = ScalarDouble(function, xs[i], ys[i]);
                Assert.True(
                    BitConverter.DoubleToInt64Bits(actual[i]) == BitConverter.DoubleToInt64Bits(expected) || (double.IsNaN(expected) && double.IsNaN(actual[i]) && function != ExactFunction.CopySign),
                    $"double {function}({xs[i]:R} [0x{BitConverter.DoubleToInt64Bits(xs[i]):X16}], {ys[i]:R}) at {WidthNames[width]}: {actual[i]:R}, scalar {expected:R}.");
            }
        }
    }

    /// <summary>A NaN lane gives NaN from <c>Sign</c>, where the scalar <see cref="Math.Sign(double)"/> throws.</summary>
    [Fact]
    public void Sign_NaN_IsNaN_WhereScalarThrows()
    {
        Assert.Throws<ArithmeticException>(() => Math.Sign(double.NaN));
        Assert.True(float.IsNaN(KernelMath.Sign(Vector128.Create(float.NaN))[0]));
        Assert.True(double.IsNaN(KernelMath.Sign(Vector256.Create(double.NaN))[3]));
        Assert.Equal(0.0, KernelMath.Sign(Vector512.Create(-0.0))[0]);
        Assert.False(double.IsNegative(KernelMath.Sign(Vector512.Create(-0.0))[0]));
    }

    private static float ScalarSingle(ExactFunction function, float x, float y) => function switch
    {
        ExactFunction.Round => MathF.Round(x),
        ExactFunction.Floor => MathF.Floor(x),
        ExactFunction.Ceiling => MathF.Ceiling(x),
        ExactFunction.Truncate => MathF.Truncate(x),
        ExactFunction.RoundAwayFromZero => MathF.Round(x, MidpointRounding.AwayFromZero),
        ExactFunction.Sign => float.IsNaN(x) ? float.NaN : MathF.Sign(x),
        ExactFunction.CopySign => MathF.CopySign(x, y),
        ExactFunction.IsNaN => Mask(float.IsNaN(x)),
        ExactFunction.IsFinite => Mask(float.IsFinite(x)),
        ExactFunction.IsInfinity => Mask(float.IsInfinity(x)),
        _ => Mask(float.IsNegative(x)),
    };

    private static double ScalarDouble(ExactFunction function, double x, double y) => function switch
    {
        ExactFunction.Round => Math.Round(x),
        ExactFunction.Floor => Math.Floor(x),
        ExactFunction.Ceiling => Math.Ceiling(x),
        ExactFunction.Truncate => Math.Truncate(x),
        ExactFunction.RoundAwayFromZero => Math.Round(x, MidpointRounding.AwayFromZero),
        ExactFunction.Sign => double.IsNaN(x) ? double.NaN : Math.Sign(x),
        ExactFunction.CopySign => Math.CopySign(x, y),
        ExactFunction.IsNaN => MaskDouble(double.IsNaN(x)),
        ExactFunction.IsFinite => MaskDouble(double.IsFinite(x)),
        ExactFunction.IsInfinity => MaskDouble(double.IsInfinity(x)),
        _ => MaskDouble(double.IsNegative(x)),
    };

    private static float Mask(bool set) => BitConverter.Int32BitsToSingle(set ? -1 : 0);

    private static double MaskDouble(bool set) => BitConverter.Int64BitsToDouble(set ? -1L : 0);

    private static Unary<float> SingleUnary(ExactFunction function) => function switch
    {
        ExactFunction.Round => new(KernelMath.Round, KernelMath.Round, KernelMath.Round, KernelMath.Round),
        ExactFunction.Floor => new(KernelMath.Floor, KernelMath.Floor, KernelMath.Floor, KernelMath.Floor),
        ExactFunction.Ceiling => new(KernelMath.Ceiling, KernelMath.Ceiling, KernelMath.Ceiling, KernelMath.Ceiling),
        ExactFunction.Truncate => new(KernelMath.Truncate, KernelMath.Truncate, KernelMath.Truncate, KernelMath.Truncate),
        ExactFunction.RoundAwayFromZero => new(KernelMath.RoundAwayFromZero, KernelMath.RoundAwayFromZero, KernelMath.RoundAwayFromZero, KernelMath.RoundAwayFromZero),
        ExactFunction.Sign => new(KernelMath.Sign, KernelMath.Sign, KernelMath.Sign, KernelMath.Sign),
        ExactFunction.IsNaN => new(KernelMath.IsNaN, KernelMath.IsNaN, KernelMath.IsNaN, KernelMath.IsNaN),
        ExactFunction.IsFinite => new(KernelMath.IsFinite, KernelMath.IsFinite, KernelMath.IsFinite, KernelMath.IsFinite),
        ExactFunction.IsInfinity => new(KernelMath.IsInfinity, KernelMath.IsInfinity, KernelMath.IsInfinity, KernelMath.IsInfinity),
        _ => new(KernelMath.IsNegative, KernelMath.IsNegative, KernelMath.IsNegative, KernelMath.IsNegative),
    };

    private static Unary<double> DoubleUnary(ExactFunction function) => function switch
    {
        ExactFunction.Round => new(KernelMath.Round, KernelMath.Round, KernelMath.Round, KernelMath.Round),
        ExactFunction.Floor => new(KernelMath.Floor, KernelMath.Floor, KernelMath.Floor, KernelMath.Floor),
        ExactFunction.Ceiling => new(KernelMath.Ceiling, KernelMath.Ceiling, KernelMath.Ceiling, KernelMath.Ceiling),
        ExactFunction.Truncate => new(KernelMath.Truncate, KernelMath.Truncate, KernelMath.Truncate, KernelMath.Truncate),
        ExactFunction.RoundAwayFromZero => new(KernelMath.RoundAwayFromZero, KernelMath.RoundAwayFromZero, KernelMath.RoundAwayFromZero, KernelMath.RoundAwayFromZero),
        ExactFunction.Sign => new(KernelMath.Sign, KernelMath.Sign, KernelMath.Sign, KernelMath.Sign),
        ExactFunction.IsNaN => new(KernelMath.IsNaN, KernelMath.IsNaN, KernelMath.IsNaN, KernelMath.IsNaN),
        ExactFunction.IsFinite => new(KernelMath.IsFinite, KernelMath.IsFinite, KernelMath.IsFinite, KernelMath.IsFinite),
        ExactFunction.IsInfinity => new(KernelMath.IsInfinity, KernelMath.IsInfinity, KernelMath.IsInfinity, KernelMath.IsInfinity),
        _ => new(KernelMath.IsNegative, KernelMath.IsNegative, KernelMath.IsNegative, KernelMath.IsNegative),
    };

    private static float[] SingleValues(Random random)
    {
        var values = new List<float>
        {
            float.NaN, -float.NaN, BitConverter.Int32BitsToSingle(0x7FC12345), BitConverter.Int32BitsToSingle(unchecked((int)0xFF812345)),
            float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue,
            0.49999997f, -0.49999997f, 8388607.5f, -8388607.5f, 8388608f, 16777215f, 16777216f, 1e30f, -1e30f,
        };
        for (int k = -40; k <= 40; k++)
        {
            values.Add(k + 0.5f);
            values.Add(k + 0.25f);
            values.Add(k);
        }

        while (values.Count < 4096)
        {
            int kind = values.Count % 3;
            values.Add(kind switch
            {
                0 => BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)),
                1 => (float)((random.NextDouble() - 0.5) * Math.Pow(2, 30 * random.NextDouble())),
                _ => (float)(Math.Round((random.NextDouble() - 0.5) * 1e6) + 0.5),
            });
        }

        return values.ToArray();
    }

    private static double[] DoubleValues(Random random)
    {
        var values = new List<double>
        {
            double.NaN, -double.NaN, BitConverter.Int64BitsToDouble(0x7FF8000000012345), BitConverter.Int64BitsToDouble(unchecked((long)0xFFF0000000000001)),
            double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue,
            0.49999999999999994, -0.49999999999999994, 4503599627370495.5, -4503599627370495.5, 4503599627370496.0, 9007199254740991.0, 1e300, -1e300,
        };
        for (int k = -40; k <= 40; k++)
        {
            values.Add(k + 0.5);
            values.Add(k + 0.25);
            values.Add(k);
        }

        while (values.Count < 4096)
        {
            int kind = values.Count % 3;
            values.Add(kind switch
            {
                0 => BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)),
                1 => (random.NextDouble() - 0.5) * Math.Pow(2, 60 * random.NextDouble()),
                _ => Math.Round((random.NextDouble() - 0.5) * 1e12) + 0.5,
            });
        }

        return values.ToArray();
    }
}
