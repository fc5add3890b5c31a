using System;
using System.Buffers;
using System.Runtime.InteropServices;
using Simd.MatrixMultiply;

namespace Simd.LowRank;

/// <summary>
/// A LoRA adapter for a frozen d × k weight matrix W: trainable factors B (d × r) and A (r × k) and a scale
/// s = α / r, so the adapted layer computes <c>y = W·x + s·B·(A·x)</c>, equivalently <c>W' = W + s·B·A</c>.
/// The adapter does not own W: every operation takes it as an argument, so one frozen W can carry several adapters.
/// </summary>
/// <remarks>
/// Initialisation follows the LoRA paper: A is Gaussian (here with standard deviation 1/√k, drawn from a seeded
/// generator, so it is reproducible) and B is zero, so the adapted layer starts equal to the base layer.
/// </remarks>
public sealed class LoraAdapter
{
    private readonly float[] _a;
    private readonly float[] _b;

    /// <summary>Creates an adapter with the LoRA initialisation (A Gaussian, B zero).</summary>
    /// <param name="outputSize">d, the rows of W (outputs of the layer).</param>
    /// <param name="inputSize">k, the columns of W (inputs of the layer).</param>
    /// <param name="rank">r, with 1 ≤ r ≤ min(d, k).</param>
    /// <param name="alpha">α; the update is scaled by α / r. Must be finite.</param>
    /// <param name="seed">Seed of the generator that draws A.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, the rank is 0 or exceeds min(d, k), a factor would exceed
    /// <see cref="Array.MaxLength"/> values, or α is not finite.</exception>
    public LoraAdapter(int outputSize, int inputSize, int rank, float alpha, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        if (rank < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, "The rank must be at least 1: a rank-0 adapter has no parameters and cannot change W.");
        }

        int limit = Math.Min(outputSize, inputSize);
        if (rank > limit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(rank),
                rank,
                $"The rank ({rank}) exceeds min(d, k) = min({outputSize}, {inputSize}) = {limit}: a {outputSize}×{inputSize} update has rank at most {limit}, so a larger r only adds parameters (full fine-tuning has {(long)outputSize * inputSize}).");
        }

        if (!float.IsFinite(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must be a finite number.");
        }

        if ((long)rank * inputSize > Array.MaxLength || (long)outputSize * rank > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(rank),
                rank,
                $"A is r×k = {rank}×{inputSize} ({(long)rank * inputSize} values) and B is d×r = {outputSize}×{rank} ({(long)outputSize * rank} values); each factor must fit in one array of at most {Array.MaxLength} values, so choose a smaller rank.");
        }

        OutputSize = outputSize;
        InputSize = inputSize;
        Rank = rank;
        Alpha = alpha;
        _a = new float[rank * inputSize];
        _b = new float[outputSize * rank];
        FillGaussian(_a, 1 / MathF.Sqrt(inputSize), seed);
    }

    /// <summary>d: rows of W and length of the output.</summary>
    public int OutputSize { get; }

    /// <summary>k: columns of W and length of the input.</summary>
    public int InputSize { get; }

    /// <summary>r: the rank of the update B·A.</summary>
    public int Rank { get; }

    /// <summary>α: the update is <c>(α / r)·B·A</c>.</summary>
    public float Alpha { get; }

    /// <summary>s = α / r, the factor applied to B·A.</summary>
    public float Scale => Alpha / Rank;

    /// <summary>A, r × k (dense), trainable; readable and writable.</summary>
    public MatrixView<float> A => new(_a, Rank, InputSize);

    /// <summary>B, d × r (dense), trainable; readable and writable.</summary>
    public MatrixView<float> B => new(_b, OutputSize, Rank);

    /// <summary>Trainable parameters of the adapter: r·(d + k).</summary>
    public long ParameterCount => (long)Rank * (OutputSize + InputSize);

    /// <summary>Parameters full fine-tuning of W would train: d·k.</summary>
    public long FullParameterCount => (long)OutputSize * InputSize;

    /// <summary>
    /// <c>y ← W·x + s·B·(A·x)</c> for one input vector, without forming B·A: three matrix-vector products
    /// (A·x of length r, W·x, then y += s·B·(A·x)).
    /// </summary>
    /// <param name="weights">The frozen W, d × k.</param>
    /// <param name="input">x, length k.</param>
    /// <param name="output">y, length d; must not overlap W, x, A or B.</param>
    /// <exception cref="ArgumentException">A shape does not match the adapter's d × k (the message names both), or the output overlaps an input.</exception>
    public void Forward(ReadOnlyMatrixView<float> weights, ReadOnlySpan<float> input, Span<float> output)
    {
        CheckWeights(weights, nameof(weights));
        if (input.Length != InputSize)
        {
            throw new ArgumentException($"input has {input.Length} elements but the adapter (d×k = {OutputSize}×{InputSize}) takes k = {InputSize}.", nameof(input));
        }

        if (output.Length != OutputSize)
        {
            throw new ArgumentException($"output has {output.Length} elements but the adapter (d×k = {OutputSize}×{InputSize}) produces d = {OutputSize}.", nameof(output));
        }

        Overlap.RequireSeparate(input, nameof(input), output, nameof(output));
        Overlap.RequireSeparate(weights, nameof(weights), output, nameof(output));
        RequireSeparateFromFactors(output, nameof(output));

        float[]? rented = Rank > 256 ? ArrayPool<float>.Shared.Rent(Rank) : null;
        Span<float> hidden = rented is null ? stackalloc float[Rank] : rented.AsSpan(0, Rank);
        try
        {
            Blas.Gemv(Blas.Transpose.None, 1f, A, input, 0f, hidden);
            Blas.Gemv(Blas.Transpose.None, 1f, weights, input, 0f, output);
            Blas.Gemv(Blas.Transpose.None, Scale, B, hidden, 1f, output);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<float>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// <c>Y ← X·Wᵀ + s·(X·Aᵀ)·Bᵀ</c> for a batch: row i of <paramref name="outputs"/> is the layer applied to row i of
    /// <paramref name="inputs"/>. B·A is never formed: the cost is that of X·Wᵀ plus two products of rank r.
    /// </summary>
    /// <param name="weights">The frozen W, d × k.</param>
    /// <param name="inputs">X, n × k (one input per row).</param>
    /// <param name="outputs">Y, n × d; must not overlap W, X, A or B.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: -1 (the default) for one per processor.</param>
    /// <exception cref="ArgumentException">A shape does not match (the message names both), or the output overlaps an input.</exception>
    public void Forward(ReadOnlyMatrixView<float> weights, ReadOnlyMatrixView<float> inputs, MatrixView<float> outputs, int maxDegreeOfParallelism = -1)
    {
        CheckWeights(weights, nameof(weights));
        CheckBatch(inputs, outputs);
        Overlap.RequireSeparate(weights, nameof(weights), outputs, nameof(outputs));
        RequireSeparateFromFactors(outputs, nameof(outputs));

        int n = inputs.Rows;
        float[] hidden = ArrayPool<float>.Shared.Rent(Math.Max(1, n * Rank));
        try
        {
            var h = new MatrixView<float>(hidden, n, Rank);
            Blas.Gemm(Blas.Transpose.None, Blas.Transpose.Transpose, 1f, inputs, A, 0f, h, maxDegreeOfParallelism);
            Blas.Gemm(Blas.Transpose.None, Blas.Transpose.Transpose, 1f, inputs, weights, 0f, outputs, maxDegreeOfParallelism);
            Blas.Gemm(Blas.Transpose.None, Blas.Transpose.Transpose, Scale, h, B, 1f, outputs, maxDegreeOfParallelism);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(hidden);
        }
    }

    /// <summary>
    /// <c>W ← W + s·B·A</c> in place, in one streaming pass (each element of W read and written once; B·A is never
    /// formed). Afterwards the plain layer <c>W·x</c> equals the adapted one; <see cref="Unmerge"/> undoes it.
    /// </summary>
    /// <param name="weights">W, d × k, updated in place.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: -1 (the default) for one per processor.</param>
    /// <exception cref="ArgumentException">W's shape is not d × k (the message names both).</exception>
    public void Merge(MatrixView<float> weights, int maxDegreeOfParallelism = -1) => AddUpdate(weights, Scale, maxDegreeOfParallelism);

    /// <summary>
    /// <c>W ← W − s·B·A</c> in place: removes a merged adapter. Each element comes back to within
    /// <c>u·(|W'| + |W''|)</c> of the original (u = 2⁻²⁴; W' merged, W'' unmerged), because merge and unmerge add and
    /// subtract the very same computed <c>s·(B·A)[i,j]</c> and differ only by their final roundings.
    /// </summary>
    /// <param name="weights">W', d × k, updated in place.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: -1 (the default) for one per processor.</param>
    /// <exception cref="ArgumentException">W's shape is not d × k (the message names both).</exception>
    public void Unmerge(MatrixView<float> weights, int maxDegreeOfParallelism = -1) => AddUpdate(weights, -Scale, maxDegreeOfParallelism);

    /// <summary>
    /// The gradients of a loss with respect to A and B, given the upstream gradient G = ∂L/∂Y of a batch, W frozen.
    /// In the row convention used here (X n × k, G n × d, one sample per row):
    /// <c>∂L/∂B = s·Gᵀ·(X·Aᵀ)</c> and <c>∂L/∂A = s·(G·B)ᵀ·X</c>, which are the column-convention formulas
    /// <c>s·G·(A·X)ᵀ</c> and <c>s·Bᵀ·G·Xᵀ</c> transposed.
    /// </summary>
    /// <param name="inputs">X, n × k.</param>
    /// <param name="upstream">G, n × d.</param>
    /// <param name="gradientA">Receives ∂L/∂A, r × k.</param>
    /// <param name="gradientB">Receives ∂L/∂B, d × r.</param>
    /// <exception cref="ArgumentException">A shape does not match (the message names both), or a gradient shares elements with the other
    /// gradient, with an input, or with <see cref="A"/> or <see cref="B"/> (all are read while the gradients are written).</exception>
    public void ComputeGradients(ReadOnlyMatrixView<float> inputs, ReadOnlyMatrixView<float> upstream, MatrixView<float> gradientA, MatrixView<float> gradientB)
    {
        if (inputs.Columns != InputSize)
        {
            throw new ArgumentException($"inputs is {inputs} but the adapter (d×k = {OutputSize}×{InputSize}) takes rows of k = {InputSize}.", nameof(inputs));
        }

        if (upstream.Rows != inputs.Rows || upstream.Columns != OutputSize)
        {
            throw new ArgumentException($"upstream is {upstream} but inputs is {inputs}; it must be {inputs.Rows}×{OutputSize} (one row of d = {OutputSize} per input).", nameof(upstream));
        }

        if (gradientA.Rows != Rank || gradientA.Columns != InputSize)
        {
            throw new ArgumentException($"gradientA is {gradientA} but A is {Rank}×{InputSize}.", nameof(gradientA));
        }

        if (gradientB.Rows != OutputSize || gradientB.Columns != Rank)
        {
            throw new ArgumentException($"gradientB is {gradientB} but B is {OutputSize}×{Rank}.", nameof(gradientB));
        }

        // Both gradients are written while X, G, A and B are still read (∂L/∂A after ∂L/∂B), so none may alias.
        RequireSeparateGradient(inputs, upstream, gradientB, nameof(gradientB));
        RequireSeparateGradient(inputs, upstream, gradientA, nameof(gradientA));
        Overlap.RequireSeparate<float>(gradientB, nameof(gradientB), gradientA, nameof(gradientA));

        int n = inputs.Rows;
        float[] buffer = ArrayPool<float>.Shared.Rent(Math.Max(1, 2 * n * Rank));
        try
        {
            var hidden = new MatrixView<float>(buffer, n, Rank);                       // H = X·Aᵀ
            var back = new MatrixView<float>(buffer.AsMemory(n * Rank), n, Rank);      // G·B
            Blas.Gemm(Blas.Transpose.None, Blas.Transpose.Transpose, 1f, inputs, A, 0f, hidden);
            Blas.Gemm(Blas.Transpose.Transpose, Blas.Transpose.None, Scale, upstream, hidden, 0f, gradientB);
            Blas.Gemm(Blas.Transpose.None, Blas.Transpose.None, 1f, upstream, B, 0f, back);
            Blas.Gemm(Blas.Transpose.Transpose, Blas.Transpose.None, Scale, back, inputs, 0f, gradientA);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    private unsafe void AddUpdate(MatrixView<float> weights, float s, int maxDegreeOfParallelism)
    {
        CheckWeights(weights, nameof(weights));
        RequireSeparateFromFactors(weights, nameof(weights));
        GemmArguments.CheckDegree(maxDegreeOfParallelism);
        int threads = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        fixed (float* w = &MemoryMarshal.GetReference(weights.Memory.Span))
        fixed (float* b = _b)
        fixed (float* a = _a)
        {
            LoraMergeDispatch.Run(w, weights.Stride, OutputSize, InputSize, b, Rank, a, s, threads);
        }
    }

    /// <summary>Throws when a buffer being written shares elements with this adapter's A or B, which the operation reads.</summary>
    private void RequireSeparateFromFactors(ReadOnlyMatrixView<float> written, string name)
    {
        Overlap.RequireSeparate(A, nameof(A), written, name);
        Overlap.RequireSeparate(B, nameof(B), written, name);
    }

    private void RequireSeparateGradient(ReadOnlyMatrixView<float> inputs, ReadOnlyMatrixView<float> upstream, ReadOnlyMatrixView<float> gradient, string name)
    {
        Overlap.RequireSeparate(inputs, nameof(inputs), gradient, name);
        Overlap.RequireSeparate(upstream, nameof(upstream), gradient, name);
        RequireSeparateFromFactors(gradient, name);
    }

    private void RequireSeparateFromFactors(ReadOnlySpan<float> written, string name)
    {
        Overlap.RequireSeparate(A, nameof(A), written, name);
        Overlap.RequireSeparate(B, nameof(B), written, name);
    }

    private void CheckWeights(ReadOnlyMatrixView<float> weights, string name)
    {
        if (weights.Rows != OutputSize || weights.Columns != InputSize)
        {
            throw new ArgumentException(
                $"{name} is {weights} but the adapter is for a {OutputSize}×{InputSize} layer (B is {OutputSize}×{Rank}, A is {Rank}×{InputSize}).",
                name);
        }
    }

    private void CheckBatch(ReadOnlyMatrixView<float> inputs, MatrixView<float> outputs)
    {
        if (inputs.Columns != InputSize)
        {
            throw new ArgumentException($"inputs is {inputs} but the adapter (d×k = {OutputSize}×{InputSize}) takes rows of k = {InputSize}.", nameof(inputs));
        }

        if (outputs.Rows != inputs.Rows || outputs.Columns != OutputSize)
        {
            throw new ArgumentException($"outputs is {outputs} but inputs is {inputs}; it must be {inputs.Rows}×{OutputSize}.", nameof(outputs));
        }

        Overlap.RequireSeparate(inputs, nameof(inputs), outputs, nameof(outputs));
    }

    /// <summary>Gaussian values (Box–Muller on <see cref="Random"/> with the given seed) with the given standard deviation.</summary>
    private static void FillGaussian(Span<float> values, float deviation, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < values.Length; i += 2)
        {
            double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
            double radius = Math.Sqrt(-2 * Math.Log(u1));
            values[i] = (float)(deviation * radius * Math.Cos(2 * Math.PI * u2));
            if (i + 1 < values.Length)
            {
                values[i + 1] = (float)(deviation * radius * Math.Sin(2 * Math.PI * u2));
            }
        }
    }
}
