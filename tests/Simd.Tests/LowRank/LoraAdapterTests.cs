using System;
using Simd.LowRank;
using Xunit;

namespace Simd.Tests.LowRank;

/// <summary>LoraAdapter: initialisation, counts, forward (one vector and a batch) against the explicit merged matrix, merge/unmerge.</summary>
/// <remarks>
/// Forward tolerance, per output: <c>γ(k + r + 4)·(|W|·|x| + |s|·|B|·(|A|·|x|))</c> plus the double reference's
/// own error (below 1e-15 relative, covered by the margin of γ). Derivation: a term W_ij·x_j passes through at most k
/// roundings in W·x (one per step of the sum) and one when s·B·(A·x) is folded in; a term s·B_iq·A_qj·x_j passes
/// through at most k roundings in A·x, r in B·(A·x), one for s and one for the fold. Every term thus sees at most
/// k + r + 4 roundings, and Higham's lemma bounds the total by γ(k+r+4) times the sum of absolute terms, which
/// (|W| + |s||B||A|)·|x| dominates.
/// </remarks>
public class LoraAdapterTests
{
    [Fact]
    public void Initialisation_follows_the_paper()
    {
        var adapter = new LoraAdapter(outputSize: 64, inputSize: 400, rank: 8, alpha: 16, seed: 3);
        Assert.All(adapter.B.Memory.ToArray(), v => Assert.Equal(0f, v));
        float[] a = adapter.A.Memory.ToArray();
        double mean = 0, square = 0;
        foreach (float v in a)
        {
            mean += v;
            square += (double)v * v;
        }

        mean /= a.Length;
        double deviation = Math.Sqrt((square / a.Length) - (mean * mean));
        // 3200 samples: the sample deviation of N(0, σ²) is within 5% of σ = 1/√400 with overwhelming probability
        // (its relative standard error is 1/√(2·3200) ≈ 1.25%, so 5% is four standard errors).
        Assert.InRange(deviation, 0.95 / 20, 1.05 / 20);
        Assert.Equal(a, new LoraAdapter(64, 400, 8, 16, seed: 3).A.Memory.ToArray());
        Assert.NotEqual(a, new LoraAdapter(64, 400, 8, 16, seed: 4).A.Memory.ToArray());
        Assert.Equal(2f, adapter.Scale);
    }

    [Fact]
    public void Fresh_adapter_leaves_the_layer_unchanged()
    {
        const int d = 40, k = 70;
        var adapter = new LoraAdapter(d, k, 4, 8);
        float[] w = LoraReference.Random(d * k, 1), x = LoraReference.Random(k, 2);
        float[] y = new float[d], plain = new float[d];
        adapter.Forward(new ReadOnlyMatrixView<float>(w, d, k), x, y);
        Simd.Blas.Gemv(Simd.Blas.Transpose.None, 1f, new ReadOnlyMatrixView<float>(w, d, k), x, 0f, plain);
        Assert.Equal(plain, y);
    }

    [Fact]
    public void Parameter_counts()
    {
        var adapter = new LoraAdapter(4096, 4096, 16, 32);
        Assert.Equal(16L * (4096 + 4096), adapter.ParameterCount);
        Assert.Equal(4096L * 4096, adapter.FullParameterCount);
    }

    [Theory]
    [InlineData(37, 53, 5, 0)]
    [InlineData(1, 1, 1, 0)]
    [InlineData(130, 70, 16, 3)]
    public void Forward_matches_explicit_merged_matrix(int d, int k, int r, int padding)
    {
        (LoraAdapter adapter, float[] w, int ldw) = Make(d, k, r, padding, seed: d + k + r);
        (double[] merged, double[] mergedMagnitude) = LoraReference.Merge(w, ldw, adapter.B.Memory.ToArray(), adapter.A.Memory.ToArray(), d, k, r, adapter.Scale);
        float[] x = LoraReference.Random(k, 99);
        float[] y = new float[d];
        adapter.Forward(new ReadOnlyMatrixView<float>(w, d, k, ldw), x, y);
        (double[] want, double[] magnitude) = LoraReference.Apply(merged, mergedMagnitude, d, k, x);
        double gamma = LoraReference.Gamma(k + r + 4);
        for (int i = 0; i < d; i++)
        {
            Assert.True(Math.Abs(y[i] - want[i]) <= gamma * magnitude[i], $"y[{i}] = {y[i]}, expected {want[i]} ± {gamma * magnitude[i]}");
        }
    }

    [Theory]
    [InlineData(37, 53, 5, 8)] // few rows: the dot-product form
    [InlineData(37, 53, 5, 11)] // more rows: the packed kernels
    [InlineData(200, 129, 16, 3)]
    public void Batched_forward_matches_explicit_merged_matrix(int d, int k, int r, int n)
    {
        (LoraAdapter adapter, float[] w, int ldw) = Make(d, k, r, padding: 2, seed: n);
        (double[] merged, double[] mergedMagnitude) = LoraReference.Merge(w, ldw, adapter.B.Memory.ToArray(), adapter.A.Memory.ToArray(), d, k, r, adapter.Scale);
        float[] x = LoraReference.Random(n * k, 5);
        float[] y = new float[n * d];
        adapter.Forward(new ReadOnlyMatrixView<float>(w, d, k, ldw), new ReadOnlyMatrixView<float>(x, n, k), new MatrixView<float>(y, n, d));
        double gamma = LoraReference.Gamma(k + r + 4);
        for (int s = 0; s < n; s++)
        {
            (double[] want, double[] magnitude) = LoraReference.Apply(merged, mergedMagnitude, d, k, x.AsSpan(s * k, k));
            for (int i = 0; i < d; i++)
            {
                Assert.True(Math.Abs(y[(s * d) + i] - want[i]) <= gamma * magnitude[i], $"Y[{s},{i}] = {y[(s * d) + i]}, expected {want[i]} ± {gamma * magnitude[i]}");
            }
        }
    }

    /// <summary>
    /// Merge tolerance: <c>γ(r+1)·(|W| + |s|·|B|·|A|)</c> — each term of Σ_q B_iq·A_qj sees at most r roundings and the
    /// fold <c>fma(s, Σ, W)</c> one more.
    /// Unmerge tolerance: merge gives <c>w₁ = (w + p)(1+δ₁)</c> and unmerge <c>w₂ = (w₁ − p)(1+δ₂)</c> with the very same
    /// computed p = s·Σ (the same code on the same A and B), |δ| ≤ u. So <c>w₂ − w = (w + p)δ₁ + w₂·δ₂/(1+δ₂)</c>, hence
    /// <c>|w₂ − w| ≤ u/(1−u)·|w₁| + u/(1−u)·|w₂|</c>.
    /// </summary>
    [Theory]
    [InlineData(37, 53, 5, 0)]
    [InlineData(301, 200, 16, 5)] // large enough to be split between threads
    public void Merge_matches_explicit_formula_and_unmerge_restores_W(int d, int k, int r, int padding)
    {
        (LoraAdapter adapter, float[] w, int ldw) = Make(d, k, r, padding, seed: 17);
        float[] original = (float[])w.Clone();
        (double[] merged, double[] magnitude) = LoraReference.Merge(w, ldw, adapter.B.Memory.ToArray(), adapter.A.Memory.ToArray(), d, k, r, adapter.Scale);
        var view = new MatrixView<float>(w, d, k, ldw);
        adapter.Merge(view);
        double gamma = LoraReference.Gamma(r + 1);
        float[] afterMerge = (float[])w.Clone();
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double got = w[(i * ldw) + j];
                Assert.True(Math.Abs(got - merged[(i * k) + j]) <= gamma * magnitude[(i * k) + j], $"W'[{i},{j}] = {got}, expected {merged[(i * k) + j]}");
            }
        }

        adapter.Unmerge(view);
        double u = LoraReference.FloatRoundoff / (1 - LoraReference.FloatRoundoff);
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < k; j++)
            {
                int at = (i * ldw) + j;
                double tolerance = u * (Math.Abs(afterMerge[at]) + Math.Abs(w[at]));
                Assert.True(Math.Abs(w[at] - original[at]) <= tolerance, $"W''[{i},{j}] = {w[at]}, was {original[at]} (± {tolerance})");
            }

            for (int j = k; j < ldw && (i * ldw) + j < w.Length; j++)
            {
                Assert.Equal(original[(i * ldw) + j], w[(i * ldw) + j]); // padding untouched
            }
        }
    }

    [Fact]
    public void Merge_is_bit_identical_for_any_thread_count()
    {
        (LoraAdapter adapter, float[] w, _) = Make(300, 257, 8, 0, seed: 23);
        float[] one = (float[])w.Clone(), two = (float[])w.Clone();
        adapter.Merge(new MatrixView<float>(one, 300, 257), maxDegreeOfParallelism: 1);
        adapter.Merge(new MatrixView<float>(two, 300, 257), maxDegreeOfParallelism: 2);
        Assert.Equal(one, two);
    }

    [Fact]
    public void Merged_layer_equals_adapted_forward()
    {
        (LoraAdapter adapter, float[] w, _) = Make(50, 60, 6, 0, seed: 31);
        float[] x = LoraReference.Random(60, 32);
        float[] adapted = new float[50], merged = new float[50];
        adapter.Forward(new ReadOnlyMatrixView<float>(w, 50, 60), x, adapted);
        adapter.Merge(new MatrixView<float>(w, 50, 60));
        Simd.Blas.Gemv(Simd.Blas.Transpose.None, 1f, new ReadOnlyMatrixView<float>(w, 50, 60), x, 0f, merged);
        for (int i = 0; i < 50; i++)
        {
            // Each is within γ(k+r+4)·(|W| + |s||B||A|)·|x| of the exact value (merging adds γ(r+1) on W, inside that).
            // Entries are in [−1, 1] and s = 2, r = 6: |W| + |s||B||A| ≤ 1 + 2·6 = 13 per element, times 60 elements.
            Assert.True(Math.Abs(adapted[i] - merged[i]) <= 2 * LoraReference.Gamma(60 + 6 + 4) * 13 * 60, $"{adapted[i]} vs {merged[i]}");
        }
    }

    /// <summary>An adapter with random (non-zero) B and A and a random W with the given row padding.</summary>
    internal static (LoraAdapter Adapter, float[] W, int Ldw) Make(int d, int k, int r, int padding, int seed)
    {
        var adapter = new LoraAdapter(d, k, r, alpha: 2 * r, seed: seed);
        LoraReference.Random(d * r, seed + 1).CopyTo(adapter.B.Memory.Span);
        LoraReference.Random(r * k, seed + 2).CopyTo(adapter.A.Memory.Span);
        int ldw = k + padding;
        return (adapter, LoraReference.Random(d * ldw, seed + 3), ldw);
    }
}
