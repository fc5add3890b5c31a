using System;
using System.Runtime.InteropServices;

namespace Simd.Benchmarks;

/// <summary>
/// Native memory aligned to 64 bytes, viewed at an element offset: offset 0 is cache-line aligned;
/// offset 4 floats (16 bytes) is where .NET arrays usually start relative to a 64-byte boundary.
/// </summary>
public sealed unsafe class AlignedBuffer : IDisposable
{
    private readonly float* memory;

    /// <summary>Allocates <paramref name="length"/> floats starting <paramref name="offsetElements"/> past a 64-byte boundary, filled with values in [-1, 1).</summary>
    /// <param name="length">Number of floats.</param>
    /// <param name="offsetElements">Misalignment in elements.</param>
    /// <param name="seed">Seed of the values.</param>
    public AlignedBuffer(int length, int offsetElements, int seed)
    {
        Length = length;
        memory = (float*)NativeMemory.AlignedAlloc((nuint)(length + offsetElements) * sizeof(float), 64);
        Start = memory + offsetElements;
        var random = new Random(seed);
        for (int i = 0; i < length; i++)
        {
            Start[i] = (float)((random.NextDouble() * 2) - 1);
        }
    }

    /// <summary>Number of floats.</summary>
    public int Length { get; }

    /// <summary>First element.</summary>
    public float* Start { get; }

    /// <summary>The elements as a span.</summary>
    public Span<float> Span => new(Start, Length);

    /// <inheritdoc/>
    public void Dispose() => NativeMemory.AlignedFree(memory);
}
