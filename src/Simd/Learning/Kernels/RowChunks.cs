using System;
using System.Threading.Tasks;

namespace Simd.Learning.Kernels;

/// <summary>The work on one chunk of whole rows, callable from any thread; it writes only its rows and its chunk's partials.</summary>
internal interface IRowChunkJob
{
    /// <summary>Processes rows [<paramref name="firstRow"/>, <paramref name="endRow"/>), the rows of chunk <paramref name="chunk"/>.</summary>
    void Run(int chunk, int firstRow, int endRow);
}

/// <summary>
/// The row partition of the row-wise primitives (softmax, cross-entropy, layer and RMS normalisation), and the loop
/// that runs it on one thread or several. The partition is the fused gradient step's (<see cref="FusedGradientStep.ChunkRows{T}"/>,
/// about 65,536 elements per chunk, fixed by the shape and the element size only) and so is the threshold for going
/// parallel: every row is computed by one thread with the same instructions whatever the thread count, and partial
/// results kept per chunk are combined by the caller in chunk order, so results are bit-identical for any thread count.
/// </summary>
internal static class RowChunks
{
    /// <summary>Rows per chunk for rows of <paramref name="columns"/> elements of <typeparamref name="T"/>.</summary>
    public static int Rows<T>(int columns)
        where T : unmanaged
        => FusedGradientStep.ChunkRows<T>(columns);

    /// <summary>The number of chunks of an m-row matrix.</summary>
    public static int Count<T>(int rows, int columns)
        where T : unmanaged
    {
        int chunkRows = Rows<T>(columns);
        return (rows + chunkRows - 1) / chunkRows;
    }

    /// <summary>
    /// Runs <paramref name="job"/> over every chunk: in parallel when there are several chunks, the matrix has at least
    /// <see cref="FusedGradientStep.ParallelThreshold"/> elements, more than one core and the limit allows it; otherwise in
    /// chunk order on the calling thread (which allocates nothing).
    /// </summary>
    public static void Run<T, TJob>(TJob job, int rows, int columns, int maxDegreeOfParallelism)
        where T : unmanaged
        where TJob : struct, IRowChunkJob
    {
        int chunkRows = Rows<T>(columns);
        int chunks = (rows + chunkRows - 1) / chunkRows;
        bool parallel = maxDegreeOfParallelism != 1 && chunks > 1 && (long)rows * columns >= FusedGradientStep.ParallelThreshold
            && Environment.ProcessorCount > 1;
        if (parallel)
        {
            RunParallel(job, rows, chunkRows, chunks, maxDegreeOfParallelism);
            return;
        }

        for (int chunk = 0; chunk < chunks; chunk++)
        {
            job.Run(chunk, chunk * chunkRows, Math.Min(rows, (chunk + 1) * chunkRows));
        }
    }

    // A method of its own: the closure that captures the job is then allocated only on this path.
    private static void RunParallel<TJob>(TJob job, int rows, int chunkRows, int chunks, int maxDegreeOfParallelism)
        where TJob : struct, IRowChunkJob
        => Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, chunk =>
            job.Run(chunk, chunk * chunkRows, Math.Min(rows, (chunk + 1) * chunkRows)));

    /// <summary>Throws for a thread limit other than −1 (all cores) or ≥ 1, naming the argument.</summary>
    public static void RequireThreadLimit(int maxDegreeOfParallelism, string name)
    {
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(name, maxDegreeOfParallelism, "The thread limit must be −1 (all cores) or ≥ 1.");
        }
    }
}
