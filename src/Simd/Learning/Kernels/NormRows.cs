using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Widths;

namespace Simd.Learning.Kernels;

/// <summary>
/// Layer normalisation (<c>centered</c>) and RMS normalisation over the rows of a matrix, forward and backward, in
/// chunks of rows on one or several threads (<see cref="RowChunks"/>). Arguments are validated by the callers.
/// </summary>
/// <remarks>
/// Forward, per row: Σx (layer norm only) → μ; Σ(x − μ)² → r = 1/√(Σ/n + ε) in double; y = ((x − μ)·r)·γ + β. Three
/// passes for layer norm (the two-pass variance, which never cancels), two for RMS. Backward, per row: one pass forms
/// Σg, Σg·x̂ (g = dy·γ, x̂ = (x − μ)·r) and adds dy·x̂ and dy to the chunk's partial ∂γ and ∂β; a second writes
/// dx = r·(g − mean g − x̂·mean g·x̂). The partials, one row of n per chunk, are added in chunk order in double, so
/// ∂γ and ∂β are bit-identical for every thread count.
/// </remarks>
internal static unsafe class NormRows
{
    /// <summary>Forward pass; <paramref name="beta"/>, <paramref name="mean"/> and <paramref name="reciprocal"/> may be empty.</summary>
    public static void Forward<T>(
        ReadOnlyMatrixView<T> x, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, MatrixView<T> y, Span<T> mean, Span<T> reciprocal,
        double epsilon, bool centered, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* xp = x.Memory.Span)
        fixed (T* yp = y.Memory.Span)
        fixed (T* gp = gamma)
        fixed (T* bp = beta)
        fixed (T* mp = mean)
        fixed (T* rp = reciprocal)
        {
            var job = new ForwardJob<T>(xp, x.Stride, yp, y.Stride, x.Columns, gp, bp, mp, rp, epsilon, centered);
            RowChunks.Run<T, ForwardJob<T>>(job, x.Rows, x.Columns, maxDegreeOfParallelism);
        }
    }

    /// <summary>Backward pass; <paramref name="mean"/> and <paramref name="betaGradient"/> are empty for RMS normalisation.</summary>
    public static void Backward<T>(
        ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> dy, ReadOnlySpan<T> gamma, ReadOnlySpan<T> mean, ReadOnlySpan<T> reciprocal,
        MatrixView<T> dx, Span<T> gammaGradient, Span<T> betaGradient, bool centered, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = x.Rows, n = x.Columns;
        int chunks = RowChunks.Count<T>(m, n);
        T[] gammaPartials = ArrayPool<T>.Shared.Rent(Math.Max(1, chunks * n));
        T[]? betaPartials = centered ? ArrayPool<T>.Shared.Rent(Math.Max(1, chunks * n)) : null;
        try
        {
            fixed (T* xp = x.Memory.Span)
            fixed (T* dyp = dy.Memory.Span)
            fixed (T* dxp = dx.Memory.Span)
            fixed (T* gp = gamma)
            fixed (T* mp = mean)
            fixed (T* rp = reciprocal)
            fixed (T* gpp = gammaPartials)
            fixed (T* bpp = betaPartials)
            {
                var job = new BackwardJob<T>(xp, x.Stride, dyp, dy.Stride, dxp, dx.Stride, n, gp, mp, rp, gpp, bpp, centered);
                RowChunks.Run<T, BackwardJob<T>>(job, m, n, maxDegreeOfParallelism);
            }

            Combine(gammaPartials, chunks, n, gammaGradient);
            if (betaPartials is not null)
            {
                Combine(betaPartials, chunks, n, betaGradient);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(gammaPartials);
            if (betaPartials is not null)
            {
                ArrayPool<T>.Shared.Return(betaPartials);
            }
        }
    }

    /// <summary>destination[j] = Σ_c partials[c·n + j], in chunk order, in double, rounded once.</summary>
    private static void Combine<T>(T[] partials, int chunks, int n, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; j < n; j++)
        {
            double s = 0;
            for (int c = 0; c < chunks; c++)
            {
                s += double.CreateTruncating(partials[(c * n) + j]);
            }

            destination[j] = T.CreateTruncating(s);
        }
    }

    private readonly struct ForwardJob<T>(
        T* x, int xStride, T* y, int yStride, int n, T* gamma, T* beta, T* mean, T* reciprocal, double epsilon, bool centered) : IRowChunkJob
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly Width width = WidthChoice.For<T>((nuint)n);

        public void Run(int chunk, int firstRow, int endRow)
        {
            ref T g = ref Unsafe.AsRef<T>(gamma);
            ref T b = ref Unsafe.AsRef<T>(beta);
            for (int i = firstRow; i < endRow; i++)
            {
                ref T xr = ref Unsafe.AsRef<T>(x + ((nint)i * xStride));
                ref T yr = ref Unsafe.AsRef<T>(y + ((nint)i * yStride));
                T mu = T.Zero;
                if (centered)
                {
                    mu = T.CreateTruncating(double.CreateTruncating(Sum(width, ref xr, n, T.Zero, square: false)) / n);
                }

                double variance = double.CreateTruncating(Sum(width, ref xr, n, mu, square: true)) / n;
                T r = T.CreateTruncating(1.0 / Math.Sqrt(variance + epsilon));
                switch (width)
                {
                    case Width.VectorT:
                        NormRow.Normalize<T, Vector<T>, WidthVector<T>>(in xr, ref yr, n, mu, r, in g, in b, centered);
                        break;
                    case Width.V512:
                        NormRow.Normalize<T, Vector512<T>, Width512<T>>(in xr, ref yr, n, mu, r, in g, in b, centered);
                        break;
                    case Width.V256:
                        NormRow.Normalize<T, Vector256<T>, Width256<T>>(in xr, ref yr, n, mu, r, in g, in b, centered);
                        break;
                    case Width.V128:
                        NormRow.Normalize<T, Vector128<T>, Width128<T>>(in xr, ref yr, n, mu, r, in g, in b, centered);
                        break;
                    default:
                        NormRow.NormalizeScalar(in xr, ref yr, n, mu, r, in g, in b, centered);
                        break;
                }

                if (mean != null)
                {
                    mean[i] = mu;
                }

                if (reciprocal != null)
                {
                    reciprocal[i] = r;
                }
            }
        }

        private static T Sum(Width width, ref T x, int n, T center, bool square) => width switch
        {
            Width.VectorT => NormRow.Sum<T, Vector<T>, WidthVector<T>>(in x, n, center, square),
            Width.V512 => NormRow.Sum<T, Vector512<T>, Width512<T>>(in x, n, center, square),
            Width.V256 => NormRow.Sum<T, Vector256<T>, Width256<T>>(in x, n, center, square),
            Width.V128 => NormRow.Sum<T, Vector128<T>, Width128<T>>(in x, n, center, square),
            _ => NormRow.SumScalar(in x, n, center, square),
        };
    }

    private readonly struct BackwardJob<T>(
        T* x, int xStride, T* dy, int dyStride, T* dx, int dxStride, int n, T* gamma, T* mean, T* reciprocal,
        T* gammaPartials, T* betaPartials, bool centered) : IRowChunkJob
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly Width width = WidthChoice.For<T>((nuint)n);

        public void Run(int chunk, int firstRow, int endRow)
        {
            ref T g = ref Unsafe.AsRef<T>(gamma);
            ref T gp = ref Unsafe.AsRef<T>(gammaPartials + ((nint)chunk * n));
            new Span<T>(gammaPartials + ((nint)chunk * n), n).Clear();
            ref T bp = ref Unsafe.NullRef<T>();
            if (centered)
            {
                bp = ref Unsafe.AsRef<T>(betaPartials + ((nint)chunk * n));
                new Span<T>(betaPartials + ((nint)chunk * n), n).Clear();
            }

            for (int i = firstRow; i < endRow; i++)
            {
                ref T xr = ref Unsafe.AsRef<T>(x + ((nint)i * xStride));
                ref T dyr = ref Unsafe.AsRef<T>(dy + ((nint)i * dyStride));
                ref T dxr = ref Unsafe.AsRef<T>(dx + ((nint)i * dxStride));
                T mu = centered ? mean[i] : T.Zero;
                T r = reciprocal[i];
                switch (width)
                {
                    case Width.VectorT:
                        Row<Vector<T>, WidthVector<T>>(ref xr, ref dyr, ref dxr, mu, r, ref g, ref gp, ref bp);
                        break;
                    case Width.V512:
                        Row<Vector512<T>, Width512<T>>(ref xr, ref dyr, ref dxr, mu, r, ref g, ref gp, ref bp);
                        break;
                    case Width.V256:
                        Row<Vector256<T>, Width256<T>>(ref xr, ref dyr, ref dxr, mu, r, ref g, ref gp, ref bp);
                        break;
                    case Width.V128:
                        Row<Vector128<T>, Width128<T>>(ref xr, ref dyr, ref dxr, mu, r, ref g, ref gp, ref bp);
                        break;
                    default:
                        {
                            T sumGxh = NormRow.BackwardSumsScalar(in xr, in dyr, n, mu, r, in g, ref gp, ref bp, centered, out T sumG);
                            NormRow.InputGradientScalar(in xr, in dyr, ref dxr, n, mu, r, in g, MeanG(sumG), T.CreateTruncating(double.CreateTruncating(sumGxh) / n));
                            break;
                        }
                }
            }
        }

        private void Row<TVector, TWidth>(ref T x, ref T dy, ref T dx, T mu, T r, ref T gamma, ref T gammaPartial, ref T betaPartial)
            where TWidth : IVectorWidth<TVector, T>
        {
            T sumGxh = NormRow.BackwardSums<T, TVector, TWidth>(in x, in dy, n, mu, r, in gamma, ref gammaPartial, ref betaPartial, centered, out T sumG);
            NormRow.InputGradient<T, TVector, TWidth>(in x, in dy, ref dx, n, mu, r, in gamma, MeanG(sumG), T.CreateTruncating(double.CreateTruncating(sumGxh) / n));
        }

        /// <summary>mean g for layer norm; 0 for RMS normalisation, whose output does not depend on a mean.</summary>
        private T MeanG(T sumG) => centered ? T.CreateTruncating(double.CreateTruncating(sumG) / n) : T.Zero;
    }
}
