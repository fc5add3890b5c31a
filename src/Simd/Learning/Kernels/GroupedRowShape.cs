namespace Simd.Learning.Kernels;

/// <summary>
/// Which loop <c>FusedGradientStep.GroupedRows</c> is compiled for, as a type so the JIT folds it to a constant and
/// each row shape gets its own code and its own register allocation.
/// </summary>
internal interface IGroupedRowShape
{
    /// <summary>Whether the rows are exactly four vectors of the width in use.</summary>
    static abstract bool FourVectors { get; }
}

/// <summary>Rows of exactly four vectors: dot products with w's four vectors, and (squared error) the weighted rows added at once.</summary>
internal readonly struct FourVectorRows : IGroupedRowShape
{
    /// <inheritdoc/>
    public static bool FourVectors => true;
}

/// <summary>Any other short row length: the general dot product.</summary>
internal readonly struct AnyShortRows : IGroupedRowShape
{
    /// <inheritdoc/>
    public static bool FourVectors => false;
}
