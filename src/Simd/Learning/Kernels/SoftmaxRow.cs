using System.Numerics;
using System.Runtime.CompilerServices;
using Simd.Widths;

namespace Simd.Learning.Kernels;

/// <summary>
/// The passes over one row of logits that softmax, log-softmax and the fused cross-entropy are made of, written once
/// per width through <see cref="IVectorWidth{TVector, T}"/> (rows of at least one vector) and once in scalar form.
/// </summary>
/// <remarks>
/// <para>Pass 1 (<see cref="Max{T, TVector, TWidth}"/>) finds the row maximum M and screens the row; pass 2
/// (<see cref="ExpSum{T, TVector, TWidth}"/>) forms e^(z − M), stores it where softmax wants it, and sums it; pass 3
/// scales (<see cref="Scale{T, TVector, TWidth}"/>) or shifts (<see cref="Shift{T, TVector, TWidth}"/>). Every
/// argument of e^t is ≤ 0, so nothing overflows and the largest term is exactly 1.</para>
/// <para>The last, partial vector of a row is an overlapping load of the row's last full vector, loaded before the
/// pass writes anything: in place its lanes still hold the inputs, its overlapping lanes are stored again with the
/// very bits they already hold, and a sum takes only its new lanes. The order of every sum is fixed by the row length
/// and the width, never by the address or the thread.</para>
/// <para>The screen costs one vector add per vector: the plain sum of the row is NaN or +∞ exactly when the row holds
/// NaN or +∞, or when finite logits overflow the type (then <see cref="FirstNaNOrPositiveInfinity{T}"/> decides);
/// −∞ entries alone keep it −∞ or finite.</para>
/// </remarks>
internal static class SoftmaxRow
{
    /// <summary>
    /// The maximum of <paramref name="length"/> ≥ <c>TWidth.Count</c> logits, and whether the row is usable: no NaN, no +∞,
    /// at least one entry above −∞.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Max<T, TVector, TWidth>(ref readonly T z, int length, out T max)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        int count = (int)TWidth.Count;
        TVector v = TWidth.Load(in z, 0);
        TVector m0 = v, s0 = v;
        int j = count;
        if (length >= 4 * count)
        {
            TVector m1 = TWidth.Load(in z, (nuint)count), m2 = TWidth.Load(in z, (nuint)(2 * count)), m3 = TWidth.Load(in z, (nuint)(3 * count));
            TVector s1 = m1, s2 = m2, s3 = m3;
            for (j = 4 * count; j + (4 * count) <= length; j += 4 * count)
            {
                TVector a = TWidth.Load(in z, (nuint)j), b = TWidth.Load(in z, (nuint)(j + count));
                TVector c = TWidth.Load(in z, (nuint)(j + (2 * count))), d = TWidth.Load(in z, (nuint)(j + (3 * count)));
                m0 = TWidth.MaxNative(m0, a);
                m1 = TWidth.MaxNative(m1, b);
                m2 = TWidth.MaxNative(m2, c);
                m3 = TWidth.MaxNative(m3, d);
                s0 = TWidth.Add(s0, a);
                s1 = TWidth.Add(s1, b);
                s2 = TWidth.Add(s2, c);
                s3 = TWidth.Add(s3, d);
            }

            m0 = TWidth.MaxNative(TWidth.MaxNative(m0, m1), TWidth.MaxNative(m2, m3));
            s0 = TWidth.Add(TWidth.Add(s0, s1), TWidth.Add(s2, s3));
        }

        for (; j + count <= length; j += count)
        {
            v = TWidth.Load(in z, (nuint)j);
            m0 = TWidth.MaxNative(m0, v);
            s0 = TWidth.Add(s0, v);
        }

        if (j < length)
        {
            v = TWidth.Load(in z, (nuint)(length - count));
            m0 = TWidth.MaxNative(m0, v);
            s0 = TWidth.Add(s0, v);
        }

        max = TWidth.MaxAcross(m0);
        T screen = TWidth.Sum(s0);
        return Usable(in z, length, max, screen);
    }

    /// <summary>The scalar form of <see cref="Max{T, TVector, TWidth}"/>, for rows shorter than a vector and the scalar path.</summary>
    public static bool MaxScalar<T>(ref readonly T z, int length, out T max)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T m = z, s = T.Zero;
        for (int j = 0; j < length; j++)
        {
            T v = Unsafe.Add(ref Unsafe.AsRef(in z), j);
            m = v > m ? v : m;
            s += v;
        }

        max = m;
        return Usable(in z, length, m, s);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Usable<T>(ref readonly T z, int length, T max, T screen)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (max == T.NegativeInfinity)
        {
            return false;
        }

        // NaN fails the comparison; +∞ is caught here too (a finite overflow of the screen is re-checked exactly).
        return screen < T.PositiveInfinity || FirstNaNOrPositiveInfinity(in z, length) < 0;
    }

    /// <summary>The index of the first logit that is NaN or +∞, or −1 (the exact check behind the screen).</summary>
    public static int FirstNaNOrPositiveInfinity<T>(ref readonly T z, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; j < length; j++)
        {
            T v = Unsafe.Add(ref Unsafe.AsRef(in z), j);
            if (!(v < T.PositiveInfinity))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>
    /// Σ e^(z − max) over the row; with <paramref name="store"/> the terms are written to <paramref name="destination"/>
    /// (which may be <paramref name="z"/> itself).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ExpSum<T, TVector, TWidth>(ref readonly T z, ref T destination, int length, T max, bool store)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        int count = (int)TWidth.Count;
        nuint last = (nuint)(length - count);
        TVector lastZ = TWidth.Load(in z, last);
        TVector m = TWidth.Broadcast(max);
        TVector s0 = TWidth.Zero, s1 = TWidth.Zero, s2 = TWidth.Zero, s3 = TWidth.Zero;
        int j = 0;
        for (; j + (4 * count) <= length; j += 4 * count)
        {
            TVector e0 = TWidth.Exp(TWidth.Subtract(TWidth.Load(in z, (nuint)j), m));
            TVector e1 = TWidth.Exp(TWidth.Subtract(TWidth.Load(in z, (nuint)(j + count)), m));
            TVector e2 = TWidth.Exp(TWidth.Subtract(TWidth.Load(in z, (nuint)(j + (2 * count))), m));
            TVector e3 = TWidth.Exp(TWidth.Subtract(TWidth.Load(in z, (nuint)(j + (3 * count))), m));
            if (store)
            {
                TWidth.Store(e0, ref destination, (nuint)j);
                TWidth.Store(e1, ref destination, (nuint)(j + count));
                TWidth.Store(e2, ref destination, (nuint)(j + (2 * count)));
                TWidth.Store(e3, ref destination, (nuint)(j + (3 * count)));
            }

            s0 = TWidth.Add(s0, e0);
            s1 = TWidth.Add(s1, e1);
            s2 = TWidth.Add(s2, e2);
            s3 = TWidth.Add(s3, e3);
        }

        for (; j + count <= length; j += count)
        {
            TVector e = TWidth.Exp(TWidth.Subtract(TWidth.Load(in z, (nuint)j), m));
            if (store)
            {
                TWidth.Store(e, ref destination, (nuint)j);
            }

            s0 = TWidth.Add(s0, e);
        }

        if (j < length)
        {
            TVector e = TWidth.Exp(TWidth.Subtract(lastZ, m));
            if (store)
            {
                TWidth.Store(e, ref destination, last);
            }

            s1 = TWidth.Add(s1, TWidth.Blend(TWidth.Zero, e, count - (length - j)));
        }

        return TWidth.Sum(TWidth.Add(TWidth.Add(s0, s1), TWidth.Add(s2, s3)));
    }

    /// <summary>The scalar form of <see cref="ExpSum{T, TVector, TWidth}"/>.</summary>
    public static T ExpSumScalar<T>(ref readonly T z, ref T destination, int length, T max, bool store)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int j = 0; j < length; j++)
        {
            T e = T.Exp(Unsafe.Add(ref Unsafe.AsRef(in z), j) - max);
            if (store)
            {
                Unsafe.Add(ref destination, j) = e;
            }

            sum += e;
        }

        return sum;
    }

    /// <summary>row[j] ← row[j] · factor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Scale<T, TVector, TWidth>(ref T row, int length, T factor)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        int count = (int)TWidth.Count;
        nuint last = (nuint)(length - count);
        TVector lastValue = TWidth.Load(in row, last);
        TVector f = TWidth.Broadcast(factor);
        int j = 0;
        for (; j + (2 * count) <= length; j += 2 * count)
        {
            TWidth.Store(TWidth.Multiply(TWidth.Load(in row, (nuint)j), f), ref row, (nuint)j);
            TWidth.Store(TWidth.Multiply(TWidth.Load(in row, (nuint)(j + count)), f), ref row, (nuint)(j + count));
        }

        for (; j + count <= length; j += count)
        {
            TWidth.Store(TWidth.Multiply(TWidth.Load(in row, (nuint)j), f), ref row, (nuint)j);
        }

        if (j < length)
        {
            TWidth.Store(TWidth.Multiply(lastValue, f), ref row, last);
        }
    }

    /// <summary>The scalar form of <see cref="Scale{T, TVector, TWidth}"/>.</summary>
    public static void ScaleScalar<T>(ref T row, int length, T factor)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; j < length; j++)
        {
            Unsafe.Add(ref row, j) *= factor;
        }
    }

    /// <summary>destination[j] ← (z[j] − max) − offset (log-softmax with offset = log Σ e^(z − max)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Shift<T, TVector, TWidth>(ref readonly T z, ref T destination, int length, T max, T offset)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        int count = (int)TWidth.Count;
        nuint last = (nuint)(length - count);
        TVector lastZ = TWidth.Load(in z, last);
        TVector m = TWidth.Broadcast(max), o = TWidth.Broadcast(offset);
        int j = 0;
        for (; j + (2 * count) <= length; j += 2 * count)
        {
            TWidth.Store(TWidth.Subtract(TWidth.Subtract(TWidth.Load(in z, (nuint)j), m), o), ref destination, (nuint)j);
            TWidth.Store(TWidth.Subtract(TWidth.Subtract(TWidth.Load(in z, (nuint)(j + count)), m), o), ref destination, (nuint)(j + count));
        }

        for (; j + count <= length; j += count)
        {
            TWidth.Store(TWidth.Subtract(TWidth.Subtract(TWidth.Load(in z, (nuint)j), m), o), ref destination, (nuint)j);
        }

        if (j < length)
        {
            TWidth.Store(TWidth.Subtract(TWidth.Subtract(lastZ, m), o), ref destination, last);
        }
    }

    /// <summary>The scalar form of <see cref="Shift{T, TVector, TWidth}"/>.</summary>
    public static void ShiftScalar<T>(ref readonly T z, ref T destination, int length, T max, T offset)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; j < length; j++)
        {
            Unsafe.Add(ref destination, j) = (Unsafe.Add(ref Unsafe.AsRef(in z), j) - max) - offset;
        }
    }
}
