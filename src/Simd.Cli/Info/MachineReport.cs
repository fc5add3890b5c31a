using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Simd.Hardware;

namespace Simd.Cli.Info;

/// <summary>Everything <c>simd info</c> prints: the vector path, why, the cores and CUDA.</summary>
/// <param name="Path">The path every kernel shape takes in this process.</param>
/// <param name="Forced">Whether <c>SIMD_FORCE_PATH</c> chose the path.</param>
/// <param name="Accelerated">Whether the path runs on vector hardware (only a forced path may not).</param>
/// <param name="PathBits">The vector width of that path in bits.</param>
/// <param name="VectorTBits">The width of <c>Vector&lt;T&gt;</c> in bits.</param>
/// <param name="FusedMultiplyAdd">Whether FMA instructions are available.</param>
/// <param name="ProcessFeatures">The instruction sets this process may use.</param>
/// <param name="CpuFeatures">The instruction sets the processor reports (CPUID), or <see langword="null"/> when unreadable.</param>
/// <param name="RuntimeKnobs">The <c>DOTNET_*</c> settings present that change the path or the core count.</param>
/// <param name="KernelShapes">Each kernel shape and its path.</param>
/// <param name="ProcessorCount">The cores parallel kernels use.</param>
/// <param name="Architecture">The process architecture (X64, Arm64…).</param>
/// <param name="Runtime">The .NET runtime description.</param>
/// <param name="OperatingSystem">The operating system description.</param>
/// <param name="Cuda">The CUDA status.</param>
internal sealed record MachineReport(
    string Path,
    bool Forced,
    bool Accelerated,
    int PathBits,
    int VectorTBits,
    bool FusedMultiplyAdd,
    IReadOnlyList<string> ProcessFeatures,
    IReadOnlyList<string>? CpuFeatures,
    IReadOnlyList<string> RuntimeKnobs,
    IReadOnlyList<KernelShape> KernelShapes,
    int ProcessorCount,
    string Architecture,
    string Runtime,
    string OperatingSystem,
    CudaStatus Cuda)
{
    /// <summary>Reads the report for this process.</summary>
    /// <param name="cuda">The CUDA probe to ask.</param>
    public static MachineReport Collect(ICudaProbe cuda)
    {
        string path = SimdHardware.Path.ToString();
        int bits = SimdHardware.PathBits;
        int floatLanes = SimdHardware.Path == SimdPath.Scalar ? 1 : bits / 32;
        int doubleLanes = SimdHardware.Path == SimdPath.Scalar ? 1 : bits / 64;

        // Every driver dispatches on SimdHardware.Path, so all shapes share the path; inputs shorter than one
        // vector take the scalar loop.
        KernelShape[] shapes =
        [
            new("map (elementwise into a destination)", "MapDriver", path, floatLanes, doubleLanes),
            new("in-place update (ref lanes)", "MapDriver", path, floatLanes, doubleLanes),
            new("sum reduction", "SumDriver", path, floatLanes, doubleLanes),
            new("min / max reduction", "ExtremumDriver", path, floatLanes, doubleLanes),
        ];

        var knobs = new List<string>(SimdHardware.RuntimeKnobs);
        string? processorCount = Environment.GetEnvironmentVariable("DOTNET_PROCESSOR_COUNT");
        if (processorCount is not null)
        {
            knobs.Add($"DOTNET_PROCESSOR_COUNT={processorCount}");
        }

        return new MachineReport(
            path,
            SimdHardware.IsForced,
            SimdHardware.IsAccelerated,
            bits,
            SimdHardware.VectorTBits,
            SimdHardware.HasFusedMultiplyAdd,
            SimdHardware.Features,
            Info.CpuFeatures.Read(),
            knobs,
            shapes,
            Environment.ProcessorCount,
            RuntimeInformation.ProcessArchitecture.ToString(),
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription,
            cuda.Probe());
    }

    /// <summary>
    /// A short human name for the path, e.g. "AVX-512 (512-bit vectors)", saying when it was forced and whether it
    /// then runs in software.
    /// </summary>
    public string PathDescription => NameOfPath + (Forced
        ? (Accelerated ? ", forced by SIMD_FORCE_PATH" : ", forced by SIMD_FORCE_PATH and not accelerated: its vector operations run in software, slowly")
        : string.Empty);

    private string NameOfPath => Path switch
    {
        nameof(SimdPath.Avx512) => "AVX-512 (512-bit vectors)",
        nameof(SimdPath.Avx2) => FusedMultiplyAdd ? "AVX2 + FMA (256-bit vectors)" : "AVX2 (256-bit vectors)",
        nameof(SimdPath.Vector128) => "128-bit vectors (SSE4 / AdvSIMD)",
        nameof(SimdPath.VectorT) => $"Vector<T> ({VectorTBits}-bit vectors)",
        _ => "scalar (no vector instructions)",
    };
}
