using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Simd.Cuda.Native;

namespace Simd.Cuda;

/// <summary>Compiles CUDA C to PTX with NVRTC for one compute capability.</summary>
internal static class NvrtcCompiler
{
    /// <summary>
    /// The options every module is compiled with. <c>--fmad=false</c> forbids contracting a*b+c into an FMA,
    /// which would change results the CPU computes with two roundings; denormals, division and square root
    /// are kept IEEE-exact as on the CPU.
    /// </summary>
    /// <param name="computeCapability">The target device's compute capability.</param>
    public static IReadOnlyList<string> Options(Version computeCapability)
        =>
        [
            string.Create(CultureInfo.InvariantCulture, $"-arch=compute_{computeCapability.Major}{computeCapability.Minor}"),
            "--fmad=false",
            "--ftz=false",
            "--prec-div=true",
            "--prec-sqrt=true",
        ];

    /// <summary>Compiles <paramref name="source"/> and returns its PTX, NUL-terminated as cuModuleLoadData wants it.</summary>
    /// <param name="source">The CUDA C text.</param>
    /// <param name="programName">A name for the program, shown in compiler messages.</param>
    /// <param name="computeCapability">The target.</param>
    /// <exception cref="CudaException">The compilation failed; the message includes the compiler log.</exception>
    public static unsafe byte[] CompileToPtx(string source, string programName, Version computeCapability)
    {
        IReadOnlyList<string> options = Options(computeCapability);
        byte[] sourceBytes = NullTerminated(source);
        byte[] nameBytes = NullTerminated(programName + ".cu");
        byte[][] optionBytes = new byte[options.Count][];
        for (int i = 0; i < options.Count; i++)
        {
            optionBytes[i] = NullTerminated(options[i]);
        }

        nint program;
        fixed (byte* sourcePointer = sourceBytes)
        fixed (byte* namePointer = nameBytes)
        {
            CudaRuntime.Check(Nvrtc.CreateProgram(out program, sourcePointer, namePointer, 0, null, null), "nvrtcCreateProgram");
        }

        try
        {
            NvrtcResult compiled = Compile(program, optionBytes);
            if (compiled != NvrtcResult.Success)
            {
                CudaRuntime.Check(compiled, "nvrtcCompileProgram", $"Program '{programName}', options {string.Join(' ', options)}. Compiler log:{Environment.NewLine}{Log(program)}");
            }

            CudaRuntime.Check(Nvrtc.GetPtxSize(program, out nuint size), "nvrtcGetPTXSize");
            byte[] ptx = new byte[(int)size];
            fixed (byte* ptxPointer = ptx)
            {
                CudaRuntime.Check(Nvrtc.GetPtx(program, ptxPointer), "nvrtcGetPTX");
            }

            return ptx;
        }
        finally
        {
            _ = Nvrtc.DestroyProgram(ref program);
        }
    }

    /// <summary>The NVRTC version, e.g. 12.4.</summary>
    public static Version Version()
    {
        CudaRuntime.Check(Nvrtc.Version(out int major, out int minor), "nvrtcVersion");
        return new Version(major, minor);
    }

    private static unsafe NvrtcResult Compile(nint program, byte[][] optionBytes)
    {
        // Pin each option for the duration of the call; there are only a handful.
        var handles = new System.Runtime.InteropServices.GCHandle[optionBytes.Length];
        try
        {
            byte** pointers = stackalloc byte*[optionBytes.Length];
            for (int i = 0; i < optionBytes.Length; i++)
            {
                handles[i] = System.Runtime.InteropServices.GCHandle.Alloc(optionBytes[i], System.Runtime.InteropServices.GCHandleType.Pinned);
                pointers[i] = (byte*)handles[i].AddrOfPinnedObject();
            }

            return Nvrtc.CompileProgram(program, optionBytes.Length, pointers);
        }
        finally
        {
            foreach (var handle in handles)
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
