using System;

namespace Simd.Tests.Operators;

/// <summary>
/// An unevaluated sum <c>Hi + Lo</c> of two doubles (about 106 significant bits), with the error-free
/// transformations (TwoSum, FMA-based TwoProduct) it is built from. Test-only: the reference values that
/// the ulp errors of the vector math are measured against.
/// </summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    public static implicit operator DoubleDouble(double value) => new(value, 0);

    public static DoubleDouble operator +(DoubleDouble x, DoubleDouble y)
    {
        (double s, double e) = TwoSum(x.Hi, y.Hi);
        (double t, double f) = TwoSum(x.Lo, y.Lo);
        e += t;
        (s, e) = FastTwoSum(s, e);
        e += f;
        return FastTwoSumValue(s, e);
    }

    public static DoubleDouble operator -(DoubleDouble x) => new(-x.Hi, -x.Lo);

    public static DoubleDouble operator -(DoubleDouble x, DoubleDouble y) => x + -y;

    public static DoubleDouble operator *(DoubleDouble x, DoubleDouble y)
    {
        double p = x.Hi * y.Hi;
        double e = Math.FusedMultiplyAdd(x.Hi, y.Hi, -p);
        e += (x.Hi * y.Lo) + (x.Lo * y.Hi);
        return FastTwoSumValue(p, e);
    }

    public static DoubleDouble operator /(DoubleDouble x, DoubleDouble y)
    {
        // Long division: three quotient digits, each correcting the remainder of the previous ones.
        double q1 = x.Hi / y.Hi;
        DoubleDouble r = x - (y * q1);
        double q2 = r.Hi / y.Hi;
        r -= y * q2;
        double q3 = r.Hi / y.Hi;
        return FastTwoSumValue(q1, q2) + q3;
    }

    /// <summary>The value times 2^<paramref name="n"/> (exact while nothing underflows).</summary>
    public DoubleDouble ScaleB(int n) => new(Math.ScaleB(Hi, n), Math.ScaleB(Lo, n));

    private static (double Sum, double Error) TwoSum(double a, double b)
    {
        double s = a + b;
        double bb = s - a;
        return (s, (a - (s - bb)) + (b - bb));
    }

    private static (double Sum, double Error) FastTwoSum(double a, double b)
    {
        double s = a + b;
        return (s, b - (s - a));
    }

    private static DoubleDouble FastTwoSumValue(double a, double b)
    {
        (double s, double e) = FastTwoSum(a, b);
        return new(s, e);
    }
}
