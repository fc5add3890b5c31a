using System;
using System.Numerics;

namespace Simd.Learning;

/// <summary>The argument checks shared by <see cref="LayerNorm"/> and <see cref="RmsNorm"/>; every message names the argument.</summary>
internal static class NormArguments
{
    /// <summary>Checks the forward pass: shapes, lengths, ε, the thread limit, and that no output shares memory with another region (y may be x itself).</summary>
    public static void Forward<T>(
        ReadOnlyMatrixView<T> x, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, bool hasBeta, MatrixView<T> y,
        ReadOnlySpan<T> mean, string meanName, ReadOnlySpan<T> reciprocal, string reciprocalName, double epsilon, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        LearningArguments.RequireColumns(x, "x");
        LearningArguments.RequireLength(gamma.Length, x.Columns, "gamma", "one per column of x");
        if (hasBeta)
        {
            LearningArguments.RequireLength(beta.Length, x.Columns, "beta", "one per column of x");
        }

        LearningArguments.RequireMatrixShape(y, x.Rows, x.Columns, "destination");
        if (!mean.IsEmpty)
        {
            LearningArguments.RequireLength(mean.Length, x.Rows, meanName, "one per row of x, or none");
        }

        if (!reciprocal.IsEmpty)
        {
            LearningArguments.RequireLength(reciprocal.Length, x.Rows, reciprocalName, "one per row of x, or none");
        }

        LearningArguments.RequireNonNegativeFinite(epsilon, "epsilon");
        Kernels.RowChunks.RequireThreadLimit(maxDegreeOfParallelism, "maxDegreeOfParallelism");

        Overlap.RequireSeparateOrInPlace(x, "x", y, "destination");
        Overlap.RequireSeparate(gamma, "gamma", y, "destination");
        Overlap.RequireSeparate(beta, "beta", y, "destination");
        RequireSeparateOutput(mean, meanName, x, gamma, beta, y);
        RequireSeparateOutput(reciprocal, reciprocalName, x, gamma, beta, y);
        Overlap.RequireSeparate(mean, meanName, reciprocal, reciprocalName);
    }

    private static void RequireSeparateOutput<T>(ReadOnlySpan<T> output, string name, ReadOnlyMatrixView<T> x, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, MatrixView<T> y)
        where T : unmanaged
    {
        Overlap.RequireSeparate(x, "x", output, name);
        Overlap.RequireSeparate(gamma, "gamma", output, name);
        Overlap.RequireSeparate(beta, "beta", output, name);
        Overlap.RequireSeparate(y, "destination", output, name);
    }

    /// <summary>Checks the backward pass: shapes, lengths, the thread limit, and overlap (dx may be x or dy itself; the parameter gradients share nothing).</summary>
    public static void Backward<T>(
        ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> dy, ReadOnlySpan<T> gamma, ReadOnlySpan<T> mean, bool hasMean, ReadOnlySpan<T> reciprocal, string reciprocalName,
        MatrixView<T> dx, Span<T> gammaGradient, Span<T> betaGradient, bool hasBeta, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        LearningArguments.RequireColumns(x, "x");
        if (dy.Rows != x.Rows || dy.Columns != x.Columns)
        {
            throw new ArgumentException($"'outputGradient' is {dy} but must be {x.Rows}×{x.Columns} (the shape of x).", "outputGradient");
        }

        LearningArguments.RequireLength(gamma.Length, x.Columns, "gamma", "one per column of x");
        if (hasMean)
        {
            LearningArguments.RequireLength(mean.Length, x.Rows, "mean", "one per row of x, as the forward pass saved it");
        }

        LearningArguments.RequireLength(reciprocal.Length, x.Rows, reciprocalName, "one per row of x, as the forward pass saved it");
        LearningArguments.RequireMatrixShape(dx, x.Rows, x.Columns, "inputGradient");
        LearningArguments.RequireLength(gammaGradient.Length, x.Columns, "gammaGradient", "one per column of x");
        if (hasBeta)
        {
            LearningArguments.RequireLength(betaGradient.Length, x.Columns, "betaGradient", "one per column of x");
        }

        Kernels.RowChunks.RequireThreadLimit(maxDegreeOfParallelism, "maxDegreeOfParallelism");

        Overlap.RequireSeparateOrInPlace(x, "x", dx, "inputGradient");
        Overlap.RequireSeparateOrInPlace(dy, "outputGradient", dx, "inputGradient");
        Overlap.RequireSeparate(gamma, "gamma", dx, "inputGradient");
        Overlap.RequireSeparate(mean, "mean", dx, "inputGradient");
        Overlap.RequireSeparate(reciprocal, reciprocalName, dx, "inputGradient");
        RequireSeparateGradient(gammaGradient, "gammaGradient", x, dy, gamma, mean, reciprocal, reciprocalName, dx);
        RequireSeparateGradient(betaGradient, "betaGradient", x, dy, gamma, mean, reciprocal, reciprocalName, dx);
        Overlap.RequireSeparate<T>(gammaGradient, "gammaGradient", betaGradient, "betaGradient");
    }

    private static void RequireSeparateGradient<T>(
        ReadOnlySpan<T> output, string name, ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> dy, ReadOnlySpan<T> gamma, ReadOnlySpan<T> mean,
        ReadOnlySpan<T> reciprocal, string reciprocalName, MatrixView<T> dx)
        where T : unmanaged
    {
        Overlap.RequireSeparate(x, "x", output, name);
        Overlap.RequireSeparate(dy, "outputGradient", output, name);
        Overlap.RequireSeparate(gamma, "gamma", output, name);
        Overlap.RequireSeparate(mean, "mean", output, name);
        Overlap.RequireSeparate(reciprocal, reciprocalName, output, name);
        Overlap.RequireSeparate(dx, "inputGradient", output, name);
    }
}
