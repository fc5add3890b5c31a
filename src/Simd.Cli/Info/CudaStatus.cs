namespace Simd.Cli.Info;

/// <summary>What <c>simd info</c> says about CUDA.</summary>
/// <param name="Available">Whether a CUDA device can be used for <c>--device cuda</c>.</param>
/// <param name="Reason">Why not, when not available; a one-line summary otherwise.</param>
/// <param name="DriverFound">Whether the CUDA driver library was loaded; <see langword="null"/> when not probed.</param>
/// <param name="NvrtcFound">Whether the NVRTC runtime compiler was loaded; <see langword="null"/> when not probed.</param>
/// <param name="DeviceName">Device 0's name when present.</param>
/// <param name="TotalMemoryBytes">Device 0's memory in bytes when present.</param>
internal sealed record CudaStatus(
    bool Available,
    string Reason,
    bool? DriverFound,
    bool? NvrtcFound,
    string? DeviceName,
    long? TotalMemoryBytes);
