using System.Collections.Generic;

namespace Simd.Cuda.Native;

/// <summary>The outcome of looking for one native library: the name that loaded, or the names tried.</summary>
/// <param name="What">What the library is, e.g. "CUDA driver".</param>
/// <param name="LoadedName">The file name that loaded, or <see langword="null"/>.</param>
/// <param name="Handle">The OS handle, or zero.</param>
/// <param name="Candidates">Every name tried, in order.</param>
internal sealed record LibraryProbe(string What, string? LoadedName, nint Handle, IReadOnlyList<string> Candidates)
{
    /// <summary>Whether one of the candidates loaded.</summary>
    public bool IsLoaded => LoadedName is not null;

    /// <summary>"the CUDA driver library was not found (tried libcuda.so.1, libcuda.so)."</summary>
    public string MissingMessage => $"the {What} library was not found (tried {string.Join(", ", Candidates)}).";
}
