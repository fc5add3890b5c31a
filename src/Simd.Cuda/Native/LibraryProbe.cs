using System.Collections.Generic;

namespace Simd.Cuda.Native;

/// <summary>The outcome of looking for one native library: the name that loaded, or everything tried and why it failed.</summary>
/// <param name="What">What the library is, e.g. "CUDA driver".</param>
/// <param name="LoadedName">The name or path that loaded, or <see langword="null"/>.</param>
/// <param name="Handle">The OS handle, or zero.</param>
/// <param name="Candidates">Every name or path tried, in order.</param>
internal sealed record LibraryProbe(string What, string? LoadedName, nint Handle, IReadOnlyList<string> Candidates)
{
    /// <summary>Folders that were searched by full path (for the message; empty for the driver).</summary>
    public IReadOnlyList<string> Folders { get; init; } = [];

    /// <summary>Candidates that were found but not used, each as "path: why" (a load error, or a version the driver cannot run).</summary>
    public IReadOnlyList<string> Rejected { get; init; } = [];

    /// <summary>Whether one of the candidates loaded.</summary>
    public bool IsLoaded => LoadedName is not null;

    /// <summary>The file the loaded library was read from, where the operating system says (Linux); otherwise <see cref="LoadedName"/>.</summary>
    public string? LoadedFile { get; init; }

    /// <summary>"the CUDA driver library was not found (tried libcuda.so.1, libcuda.so)." and, for NVRTC, the folders searched and the candidates rejected.</summary>
    public string MissingMessage
    {
        get
        {
            string text = $"the {What} library was not found (tried {string.Join(", ", Candidates)}";
            if (Folders.Count > 0)
            {
                text += $"; searched the folders {string.Join(", ", Folders)}";
            }

            if (Rejected.Count > 0)
            {
                text += $"; rejected {string.Join("; ", Rejected)}";
            }

            return text + ").";
        }
    }
}
