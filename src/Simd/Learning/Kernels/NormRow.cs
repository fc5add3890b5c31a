using System.Numerics;
using System.Runtime.CompilerServices;
using Simd.Widths;

namespace Simd.Learning.Kernels;

/// <summary>
/// The passes over one row that layer normalisation and RMS normalisation are made of, forward and backward, written
/// once per width through <see cref="IVectorWidth{TVector, T}"/> (rows of at least one vector) and once in scalar form.
/// RMS normalisation is the uncentred case: its mean is taken as 0 (x − 0 is exact, so it costs no rounding) and it has
/// no β.
/// </summary>
/// <remarks>
/// As in <see cref="SoftmaxRow"/>, a row's last partial vector is an overlapping load taken before the pass writes
/// anything (so in place is safe) and sums take only its new lanes; every sum's order is fixed by the length and the
/// width. Four accumulators hide the add latency.
/// </remarks>
internal static class NormRow
{
    /// <summary>Σ (x − center)² over <paramref name="length"/> ≥ <c>TWidth.Count</c> elements, or Σ x with <paramref name="square"/> false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum<T, TVector, TWidth>(ref readonly T x, int length, T center, bool square)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        int count = (int)TWidth.Count;
        TVector c = TWidth.Broadcast(center);
        TVector s0 = TWidth.Zero, s1 = TWidth.Zero, s2 = TWidth.Zero, s3 = TWidth.Zero;
        int j = 0;
        for (; j + (4 * count) <= length; j += 4 * count)
        {
            s0 = Term<T, TVector, TWidth>(s0, TWidth.Load(in x, (nuint)j), c, square);
            s1 = Term<T, TVector, TWidth>(s1, TWidth.Load(in x, (nuint)(j + count)), c, square);
            s2 = Term<T, TVector, TWidth>(s2, TWidth.Load(in x, (nuint)(j + (2 * count))), c, square);
            s3 = Term<T, TVector, TWidth>(s3, TWidth.Load(in x, (nuint)(j + (3 * count))), c, square);
        }

        for (; j + count <= length; j += count)
        {
            s0 = Term<T, TVector, TWidth>(s0, TWidth.Load(in x, (nuint)j), c, square);
        }

        if (j < length)
        {
            TVector t = Term<T, TVector, TWidth>(TWidth.Zero, TWidth.Load(in x, (nuint)(length - count)), c, square);
            s1 = TWidth.Add(s1, TWidth.Blend(TWidth.Zero, t, count - (length - j)));
        }

        return TWidth.Sum(TWidth.Add(TWidth.Add(s0, s1), TWidth.Add(s2, s3)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Term<T, TVector, TWidth>(TVector sum, TVector x, TVector center, bool square)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        if (!square)
        {
            return TWidth.Add(sum, x);
        }

        TVector d = TWidth.Subtract(x, center);
        return TWidth.MultiplyAdd(d, d, sum);
    }

    /// <summary>The scalar form of <see cref="Sum{T, TVector, TWidth}"/>.</summary>
    public static T SumScalar<T>(ref readonly T x, int length, T center, bool square)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int j = 0; j < length; j++)
        {
            T v = Unsafe.Add(ref Unsafe.AsRef(in x), j);
            if (square)
            {
                T d = v - center;
                sum += d * d;
            }
            else
            {
                sum += v;
            }
        }

        return sum;
    }

    /// <summary>y = ((x − mean)·r)·γ + β (β omitted when <paramref name="hasBeta"/> is false); <paramref name="y"/> may be <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Normalize<T, TVector, TWidth>(ref readonly T x, ref T y, int length, T mean, T r, ref readonly T gamma, ref readonly T beta, bool hasBeta)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        int count = (int)TWidth.Count;
        nuint last = (nuint)(length - count);
        TVector lastX = TWidth.Load(in x, last);
        TVector mu = TWidth.Broadcast(mean), rv = TWidth.Broadcast(r);
        int j = 0;
        for (; j + count <= length; j += count)
        {
            TWidth.Store(Normalized<T, TVector, TWidth>(TWidth.Load(in x, (nuint)j), mu, rv, in gamma, in beta, (nuint)j, hasBeta), ref y, (nuint)j);
        }

        if (j < length)
        {
            TWidth.Store(Normalized<T, TVector, TWidth>(lastX, mu, rv, in gamma, in beta, last, hasBeta), ref y, last);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Normalized<T, TVector, TWidth>(TVector x, TVector mu, TVector r, ref readonly T gamma, ref readonly T beta, nuint j, bool hasBeta)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        TVector xh = TWidth.Multiply(TWidth.Subtract(x, mu), r);
        return hasBeta
            ? TWidth.MultiplyAdd(xh, TWidth.Load(in gamma, j), TWidth.Load(in beta, j))
            : TWidth.Multiply(xh, TWidth.Load(in gamma, j));
    }

    /// <summary>The scalar form of <see cref="Normalize{T, TVector, TWidth}"/> (a multiply and an add where the vector form fuses them).</summary>
    public static void NormalizeScalar<T>(ref readonly T x, ref T y, int length, T mean, T r, ref readonly T gamma, ref readonly T beta, bool hasBeta)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; j < length; j++)
        {
            T xh = (Unsafe.Add(ref Unsafe.AsRef(in x), j) - mean) * r;
            T v = xh * Unsafe.Add(ref Unsafe.AsRef(in gamma), j);
            Unsafe.Add(ref y, j) = hasBeta ? v + Unsafe.Add(ref Unsafe.AsRef(in beta), j) : v;
        }
    }

    /// <summary>
    /// Backward pass 1: with x̂ = (x − mean)·r and g = dy·γ, returns Σ g·x̂ and, in <paramref name="sumG"/>, Σ g; adds dy·x̂
    /// to <paramref name="gammaPartial"/> and (with <paramref name="hasBeta"/>) dy to <paramref name="betaPartial"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T BackwardSums<T, TVector, TWidth>(
        ref readonly T x, ref readonly T dy, int length, T mean, T r, ref readonly T gamma, ref T gammaPartial, ref T betaPartial, bool hasBeta, out T sumG)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        int count = (int)TWidth.Count;
        TVector mu = TWidth.Broadcast(mean), rv = TWidth.Broadcast(r);
        TVector a0 = TWidth.Zero, a1 = TWidth.Zero, b0 = TWidth.Zero, b1 = TWidth.Zero;
        int j = 0;
        for (; j + (2 * count) <= length; j += 2 * count)
        {
            Accumulate<T, TVector, TWidth>(in x, in dy, in gamma, ref gammaPartial, ref betaPartial, (nuint)j, mu, rv, hasBeta, ref a0, ref b0);
            Accumulate<T, TVector, TWidth>(in x, in dy, in gamma, ref gammaPartial, ref betaPartial, (nuint)(j + count), mu, rv, hasBeta, ref a1, ref b1);
        }

        for (; j + count <= length; j += count)
        {
            Accumulate<T, TVector, TWidth>(in x, in dy, in gamma, ref gammaPartial, ref betaPartial, (nuint)j, mu, rv, hasBeta, ref a0, ref b0);
        }

        if (j < length)
        {
            nuint last = (nuint)(length - count);
            int firstLane = count - (length - j);
            TVector dyv = TWidth.Load(in dy, last);
            TVector xh = TWidth.Multiply(TWidth.Subtract(TWidth.Load(in x, last), mu), rv);
            TVector g = TWidth.Blend(TWidth.Zero, TWidth.Multiply(dyv, TWidth.Load(in gamma, last)), firstLane);
            a1 = TWidth.Add(a1, g);
            b1 = TWidth.MultiplyAdd(g, xh, b1);
            TVector oldGamma = TWidth.Load(in gammaPartial, last);
            TWidth.Store(TWidth.Blend(oldGamma, TWidth.MultiplyAdd(dyv, xh, oldGamma), firstLane), ref gammaPartial, last);
            if (hasBeta)
            {
                TVector oldBeta = TWidth.Load(in betaPartial, last);
                TWidth.Store(TWidth.Blend(oldBeta, TWidth.Add(oldBeta, dyv), firstLane), ref betaPartial, last);
            }
        }

        sumG = TWidth.Sum(TWidth.Add(a0, a1));
        return TWidth.Sum(TWidth.Add(b0, b1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate<T, TVector, TWidth>(
        ref readonly T x, ref readonly T dy, ref readonly T gamma, ref T gammaPartial, ref T betaPartial, nuint j, TVector mu, TVector r, bool hasBeta,
        ref TVector sumG, ref TVector sumGxh)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        TVector dyv = TWidth.Load(in dy, j);
        TVector xh = TWidth.Multiply(TWidth.Subtract(TWidth.Load(in x, j), mu), r);
        TVector g = TWidth.Multiply(dyv, TWidth.Load(in gamma, j));
        sumG = TWidth.Add(sumG, g);
        sumGxh = TWidth.MultiplyAdd(g, xh, sumGxh);
        TWidth.Store(TWidth.MultiplyAdd(dyv, xh, TWidth.Load(in gammaPartial, j)), ref gammaPartial, j);
        if (hasBeta)
        {
            TWidth.Store(TWidth.Add(TWidth.Load(in betaPartial, j), dyv), ref betaPartial, j);
        }
    }

    /// <summary>The scalar form of <see cref="BackwardSums{T, TVector, TWidth}"/>.</summary>
    public static T BackwardSumsScalar<T>(
        ref readonly T x, ref readonly T dy, int length, T mean, T r, ref readonly T gamma, ref T gammaPartial, ref T betaPartial, bool hasBeta, out T sumG)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T a = T.Zero, b = T.Zero;
        for (int j = 0; j < length; j++)
        {
            T dyv = Unsafe.Add(ref Unsafe.AsRef(in dy), j);
            T xh = (Unsafe.Add(ref Unsafe.AsRef(in x), j) - mean) * r;
            T g = dyv * Unsafe.Add(ref Unsafe.AsRef(in gamma), j);
            a += g;
            b += g * xh;
            Unsafe.Add(ref gammaPartial, j) += dyv * xh;
            if (hasBeta)
            {
                Unsafe.Add(ref betaPartial, j) += dyv;
            }
        }

        sumG = a;
        return b;
    }

    /// <summary>
    /// Backward pass 2: dx = r·((g − meanG) − x̂·meanGxh) with x̂ = (x − mean)·r, g = dy·γ; <paramref name="dx"/> may be
    /// <paramref name="x"/> or <paramref name="dy"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void InputGradient<T, TVector, TWidth>(
        ref readonly T x, ref readonly T dy, ref T dx, int length, T mean, T r, ref readonly T gamma, T meanG, T meanGxh)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        int count = (int)TWidth.Count;
        nuint last = (nuint)(length - count);
        TVector lastX = TWidth.Load(in x, last), lastDy = TWidth.Load(in dy, last);
        TVector mu = TWidth.Broadcast(mean), rv = TWidth.Broadcast(r), mg = TWidth.Broadcast(meanG), mgx = TWidth.Broadcast(-meanGxh);
        int j = 0;
        for (; j + count <= length; j += count)
        {
            TWidth.Store(Gradient<T, TVector, TWidth>(TWidth.Load(in x, (nuint)j), TWidth.Load(in dy, (nuint)j), TWidth.Load(in gamma, (nuint)j), mu, rv, mg, mgx), ref dx, (nuint)j);
        }

        if (j < length)
        {
            TWidth.Store(Gradient<T, TVector, TWidth>(lastX, lastDy, TWidth.Load(in gamma, last), mu, rv, mg, mgx), ref dx, last);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Gradient<T, TVector, TWidth>(TVector x, TVector dy, TVector gamma, TVector mu, TVector r, TVector meanG, TVector minusMeanGxh)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        TVector xh = TWidth.Multiply(TWidth.Subtract(x, mu), r);
        TVector g = TWidth.Subtract(TWidth.Multiply(dy, gamma), meanG);
        return TWidth.Multiply(r, TWidth.MultiplyAdd(xh, minusMeanGxh, g));
    }

    /// <summary>The scalar form of <see cref="InputGradient{T, TVector, TWidth}"/>.</summary>
    public static void InputGradientScalar<T>(
        ref readonly T x, ref readonly T dy, ref T dx, int length, T mean, T r, ref readonly T gamma, T meanG, T meanGxh)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; j < length; j++)
        {
            T xh = (Unsafe.Add(ref Unsafe.AsRef(in x), j) - mean) * r;
            T g = (Unsafe.Add(ref Unsafe.AsRef(in dy), j) * Unsafe.Add(ref Unsafe.AsRef(in gamma), j)) - meanG;
            Unsafe.Add(ref dx, j) = r * (g - (xh * meanGxh));
        }
    }
}
