using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Simd.Cuda.Native;

namespace Simd.Cuda;

/// <summary>
/// Compiles CUDA C with NVRTC for one device: to a cubin for the device's own architecture when NVRTC knows
/// it (no JIT in the driver, so an NVRTC newer than the driver within one CUDA major version still works),
/// otherwise to PTX for the newest architecture NVRTC knows below it, which the driver's JIT compiles.
/// </summary>
internal static class NvrtcCompiler
{
    /// <summary>
    /// The options every module is compiled with besides the target. <c>--fmad=false</c> forbids contracting
    /// a*b+c into an FMA, which would change results the CPU computes with two roundings; denormals, division
    /// and square root are kept IEEE-exact as on the CPU.
    /// </summary>
    public static readonly IReadOnlyList<string> SemanticOptions = ["--fmad=false", "--ftz=false", "--prec-div=true", "--prec-sqrt=true"];

    private static readonly object Gate = new();
    private static int[]? supportedArchitectures;

    /// <summary>Every option for <paramref name="target"/>: <c>-arch=sm_XY</c> or <c>-arch=compute_XY</c>, then <see cref="SemanticOptions"/>.</summary>
    /// <param name="target">The target.</param>
    public static IReadOnlyList<string> Options(CompileTarget target) => [$"-arch={target.Architecture}", .. SemanticOptions];

    /// <summary>
    /// What to compile for: <c>sm_XY</c> (a cubin) when NVRTC supports the device's architecture XY; otherwise
    /// <c>compute_AB</c> (PTX) for the newest supported AB below it — unless NVRTC is newer than the driver,
    /// whose JIT then rejects the PTX (<c>CUDA_ERROR_UNSUPPORTED_PTX_VERSION</c>), or NVRTC supports nothing
    /// up to the device. Either way the message names the versions and what to install.
    /// </summary>
    /// <param name="computeCapability">The device's compute capability.</param>
    /// <param name="supported">The architectures NVRTC supports (<c>nvrtcGetSupportedArchs</c>: 75, 80, 90, …).</param>
    /// <param name="nvrtcVersion">NVRTC's version.</param>
    /// <param name="driverCuda">The driver's CUDA version.</param>
    /// <exception cref="CudaUnavailableException">There is no target this NVRTC and this driver can both handle.</exception>
    public static CompileTarget ChooseTarget(Version computeCapability, IReadOnlyList<int> supported, Version nvrtcVersion, Version driverCuda)
    {
        int device = (computeCapability.Major * 10) + computeCapability.Minor;
        if (supported.Contains(device))
        {
            return new CompileTarget(string.Create(CultureInfo.InvariantCulture, $"sm_{device}"), IsCubin: true);
        }

        int[] below = supported.Where(a => a <= device).ToArray();
        string range = supported.Count == 0 ? "no architecture" : string.Create(CultureInfo.InvariantCulture, $"architectures {supported.Min()} to {supported.Max()}");
        if (below.Length == 0)
        {
            throw new CudaUnavailableException(
                $"CUDA is not available: NVRTC {nvrtcVersion} supports {range}, none of them up to this device's compute capability {computeCapability}. Use an NVRTC of an older CUDA version that supports it.");
        }

        if (nvrtcVersion > driverCuda)
        {
            throw new CudaUnavailableException(
                $"CUDA is not available: NVRTC {nvrtcVersion} does not know this device's architecture sm_{device} (it supports {range}), so the kernels would have to travel as PTX, but the driver (CUDA {driverCuda}) cannot load PTX from a newer NVRTC. Use an NVRTC of CUDA {driverCuda} or older, or one that supports sm_{device}, or update the driver.");
        }

        return new CompileTarget(string.Create(CultureInfo.InvariantCulture, $"compute_{below.Max()}"), IsCubin: false);
    }

    /// <summary>The target for <paramref name="computeCapability"/> with the NVRTC and driver loaded in this process.</summary>
    /// <param name="computeCapability">The device's compute capability.</param>
    public static CompileTarget TargetFor(Version computeCapability)
        => ChooseTarget(computeCapability, SupportedArchitectures(), CudaRuntime.NvrtcVersion!, CudaRuntime.DriverCudaVersion!);

    /// <summary>The architectures the loaded NVRTC supports, asked once.</summary>
    public static unsafe IReadOnlyList<int> SupportedArchitectures()
    {
        lock (Gate)
        {
            if (supportedArchitectures is null)
            {
                CudaRuntime.Check(Nvrtc.GetNumSupportedArchs(out int count), "nvrtcGetNumSupportedArchs");
                int[] architectures = new int[count];
                fixed (int* pointer = architectures)
                {
                    CudaRuntime.Check(Nvrtc.GetSupportedArchs(pointer), "nvrtcGetSupportedArchs");
                }

                supportedArchitectures = architectures;
            }

            return supportedArchitectures;
        }
    }

    /// <summary>Compiles <paramref name="source"/> for <paramref name="target"/>: the cubin, or the NUL-terminated PTX.</summary>
    /// <param name="source">The CUDA C text.</param>
    /// <param name="programName">A name for the program, shown in compiler messages.</param>
    /// <param name="target">The target, from <see cref="TargetFor"/>.</param>
    /// <exception cref="CudaException">The compilation failed; the message includes the options and the compiler log.</exception>
    public static unsafe byte[] Compile(string source, string programName, CompileTarget target)
    {
        IReadOnlyList<string> options = Options(target);
        byte[] sourceBytes = NullTerminated(source);
        byte[] nameBytes = NullTerminated(programName + ".cu");
        byte[][] optionBytes = options.Select(NullTerminated).ToArray();

        nint program;
        fixed (byte* sourcePointer = sourceBytes)
        fixed (byte* namePointer = nameBytes)
        {
            CudaRuntime.Check(Nvrtc.CreateProgram(out program, sourcePointer, namePointer, 0, null, null), "nvrtcCreateProgram");
        }

        try
        {
            NvrtcResult compiled = CompileProgram(program, optionBytes);
            if (compiled != NvrtcResult.Success)
            {
                CudaRuntime.Check(compiled, "nvrtcCompileProgram", $"Program '{programName}', options {string.Join(' ', options)}. Compiler log:{Environment.NewLine}{Log(program)}");
            }

            return target.IsCubin ? Cubin(program) : Ptx(program);
        }
        finally
        {
            _ = Nvrtc.DestroyProgram(ref program);
        }
    }

    private static unsafe byte[] Cubin(nint program)
    {
        CudaRuntime.Check(Nvrtc.GetCubinSize(program, out nuint size), "nvrtcGetCUBINSize");
        byte[] image = new byte[(int)size];
        fixed (byte* pointer = image)
        {
            CudaRuntime.Check(Nvrtc.GetCubin(program, pointer), "nvrtcGetCUBIN");
        }

        return image;
    }

    private static unsafe byte[] Ptx(nint program)
    {
        CudaRuntime.Check(Nvrtc.GetPtxSize(program, out nuint size), "nvrtcGetPTXSize");
        byte[] image = new byte[(int)size];
        fixed (byte* pointer = image)
        {
            CudaRuntime.Check(Nvrtc.GetPtx(program, pointer), "nvrtcGetPTX");
        }

        return image;
    }

    private static unsafe NvrtcResult CompileProgram(nint program, byte[][] optionBytes)
    {
        // Pin each option for the duration of the call; there are only a handful.
        var handles = new GCHandle[optionBytes.Length];
        try
        {
            byte** pointers = stackalloc byte*[optionBytes.Length];
            for (int i = 0; i < optionBytes.Length; i++)
            {
                handles[i] = GCHandle.Alloc(optionBytes[i], GCHandleType.Pinned);
                pointers[i] = (byte*)handles[i].AddrOfPinnedObject();
            }

            return Nvrtc.CompileProgram(program, optionBytes.Length, pointers);
        }
        finally
        {
            foreach (GCHandle handle in handles)
            {
                if (handle.IsAllocated)
                {
                    handle.Free();
                }
            }
        }
    }

    private static unsafe string Log(nint program)
    {
        if (Nvrtc.GetProgramLogSize(program, out nuint size) != NvrtcResult.Success || size == 0)
        {
            return "(no log)";
        }

        byte[] log = new byte[(int)size];
        fixed (byte* logPointer = log)
        {
            if (Nvrtc.GetProgramLog(program, logPointer) != NvrtcResult.Success)
            {
                return "(the log could not be read)";
            }
        }

        return Encoding.UTF8.GetString(log, 0, Math.Max(0, log.Length - 1));
    }

    private static byte[] NullTerminated(string text)
    {
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}

/// <summary>What NVRTC compiles a module for.</summary>
/// <param name="Architecture"><c>sm_XY</c> for a cubin, <c>compute_XY</c> for PTX.</param>
/// <param name="IsCubin">Whether the output is a cubin (loaded as is) or PTX (compiled by the driver's JIT).</param>
internal readonly record struct CompileTarget(string Architecture, bool IsCubin);
