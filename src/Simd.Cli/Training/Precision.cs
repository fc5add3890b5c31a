namespace Simd.Cli.Training;

/// <summary>The element type the optimiser computes in (<c>--precision</c>).</summary>
internal enum Precision
{
    /// <summary>32-bit <see langword="float"/>: twice the lanes per vector.</summary>
    Float,

    /// <summary>64-bit <see langword="double"/>.</summary>
    Double,
}
