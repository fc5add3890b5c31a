using System;
using System.Threading.Tasks;

namespace Simd.Learning;

/// <summary>
/// The split of k-means' rows into chunks, which depends on the shape alone (never on the thread count): each chunk
/// keeps its own partial sums, and the sums are added in chunk order, so every result is bit-identical whatever
/// the threads.
/// </summary>
internal readonly struct KMeansPartition
{
    /// <summary>Rows of a chunk at least (fewer only in the last).</summary>
    private const int MinimumChunkRows = 1024;

    /// <summary>The most chunks: enough to keep 16 cores busy with room for imbalance.</summary>
    private const int MaximumChunks = 64;

    /// <summary>Partial sums of all chunks together stay below this many doubles (32 MiB).</summary>
    private const long PartialBudget = 1L << 22;

    /// <summary>Work below this many multiply-adds (m·n·k) runs on the calling thread; results are the same.</summary>
    private const long ParallelThreshold = 1L << 18;

    private readonly int _threads;

    public KMeansPartition(int rows, int features, int clusters, int maxDegreeOfParallelism)
    {
        long perChunk = ((long)clusters * features) + clusters;
        int chunks = (int)Math.Clamp(PartialBudget / Math.Max(1, perChunk), 1, MaximumChunks);
        ChunkRows = Math.Max(MinimumChunkRows, (int)(((long)rows + chunks - 1) / chunks));
        Count = (int)(((long)rows + ChunkRows - 1) / ChunkRows);
        Rows = rows;
        long work = (long)rows * features * clusters;
        _threads = work < ParallelThreshold ? 1 : maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
    }

    public int Rows { get; }

    public int ChunkRows { get; }

    /// <summary>The number of chunks, ≥ 1.</summary>
    public int Count { get; }

    public int Start(int chunk) => chunk * ChunkRows;

    public int Length(int chunk) => Math.Min(ChunkRows, Rows - Start(chunk));

    /// <summary>Runs <paramref name="body"/> once per chunk, on up to the allowed threads.</summary>
    public void ForEach(Action<int> body)
    {
        if (_threads == 1 || Count == 1)
        {
            for (int c = 0; c < Count; c++)
            {
                body(c);
            }

            return;
        }

        Parallel.For(0, Count, new ParallelOptions { MaxDegreeOfParallelism = _threads }, body);
    }
}
