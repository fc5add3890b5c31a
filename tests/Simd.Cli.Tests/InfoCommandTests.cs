using System;
using System.Linq;
using System.Text.Json;
using Simd.Cli.Info;
using Simd.Cli.Tests.Support;
using Simd.Cuda;
using Simd.Hardware;
using Xunit;

namespace Simd.Cli.Tests;

public sealed class InfoCommandTests
{
    [Fact]
    public void Text_names_the_path_the_cores_and_cuda()
    {
        CliResult run = InProcess.Run("info");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Vector path", run.Output);
        Assert.Contains(SimdHardware.Path.ToString(), run.Output);
        Assert.Contains($"{Environment.ProcessorCount} (used by parallel kernels)", run.Output);
        Assert.Contains("CUDA", run.Output);
        bool present = CudaDevice.TryOpenDefault(out CudaDevice? device, out string reason);
        Assert.Contains(present ? device!.Name : reason, run.Output);
        Assert.Contains("Kernel shapes and the path each takes here", run.Output);
        Assert.Contains("ExtremumDriver", run.Output);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void Json_matches_the_hardware_this_process_sees()
    {
        JsonElement json = InProcess.Run("info", "--json").Json();
        Assert.Equal(SimdHardware.Path.ToString(), json.Text("path"));
        Assert.Equal(SimdHardware.PathBits, json.GetProperty("pathBits").GetInt32());
        Assert.Equal(SimdHardware.VectorTBits, json.GetProperty("vectorTBits").GetInt32());
        Assert.Equal(SimdHardware.HasFusedMultiplyAdd, json.GetProperty("fusedMultiplyAdd").GetBoolean());
        Assert.Equal(SimdHardware.Features, json.Strings("processFeatures"));
        Assert.Equal(SimdHardware.RuntimeKnobs, json.Strings("runtimeKnobs").Where(k => !k.StartsWith("DOTNET_PROCESSOR_COUNT=", StringComparison.Ordinal)));
        Assert.Equal(Environment.ProcessorCount, json.GetProperty("processorCount").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.Text("pathDescription")));
        Assert.False(string.IsNullOrEmpty(json.Text("runtime")));

        JsonElement[] shapes = json.GetProperty("kernelShapes").EnumerateArray().ToArray();
        Assert.Equal(["MapDriver", "MapDriver", "SumDriver", "ExtremumDriver"], shapes.Select(s => s.Text("driver")));
        int floatLanes = SimdHardware.Path == SimdPath.Scalar ? 1 : SimdHardware.PathBits / 32;
        foreach (JsonElement shape in shapes)
        {
            Assert.Equal(SimdHardware.Path.ToString(), shape.Text("path"));
            Assert.Equal(floatLanes, shape.GetProperty("floatLanes").GetInt32());
            Assert.Equal(Math.Max(1, floatLanes / 2), shape.GetProperty("doubleLanes").GetInt32());
        }

        // The same answer Simd.Cuda gives this process, whether or not a GPU is here.
        JsonElement cuda = json.GetProperty("cuda");
        if (CudaDevice.TryOpenDefault(out CudaDevice? device, out string reason))
        {
            Assert.True(cuda.GetProperty("available").GetBoolean());
            Assert.Equal(device.Name, cuda.Text("deviceName"));
            Assert.Equal(device.TotalMemory, cuda.GetProperty("totalMemoryBytes").GetInt64());
        }
        else
        {
            Assert.False(cuda.GetProperty("available").GetBoolean());
            Assert.Equal(reason, cuda.Text("reason"));
            Assert.Equal(JsonValueKind.Null, cuda.GetProperty("deviceName").ValueKind);
            Assert.Equal(JsonValueKind.Null, cuda.GetProperty("totalMemoryBytes").ValueKind);
        }
    }

    [Fact]
    public void Cpu_features_include_what_the_process_uses()
    {
        // CPUID reports the hardware; the runtime may switch features off but never on.
        JsonElement json = InProcess.Run("info", "--json").Json();
        if (json.GetProperty("cpuFeatures").ValueKind == JsonValueKind.Null)
        {
            Assert.False(System.Runtime.Intrinsics.X86.X86Base.IsSupported);
            return;
        }

        string[] cpu = json.Strings("cpuFeatures");
        foreach (string feature in json.Strings("processFeatures"))
        {
            Assert.Contains(feature, cpu);
        }
    }

    [Fact]
    public void A_device_found_by_the_probe_is_shown_with_its_memory()
    {
        var probe = new FixedProbe(new CudaStatus(true, "ready", true, true, "Test GPU 9000", 8L << 30));
        CliResult text = InProcess.Run(["info"], InProcess.With(cuda: probe));
        Assert.Contains("Test GPU 9000, 8.0 GiB", text.Output);

        JsonElement cuda = InProcess.Run(["info", "--json"], InProcess.With(cuda: probe)).Json().GetProperty("cuda");
        Assert.True(cuda.GetProperty("available").GetBoolean());
        Assert.True(cuda.GetProperty("driverFound").GetBoolean());
        Assert.True(cuda.GetProperty("nvrtcFound").GetBoolean());
        Assert.Equal("Test GPU 9000", cuda.Text("deviceName"));
        Assert.Equal(8L << 30, cuda.GetProperty("totalMemoryBytes").GetInt64());
    }

    [Fact]
    public void A_missing_driver_is_shown_with_the_reason()
    {
        var probe = new FixedProbe(new CudaStatus(false, "CUDA is not available: libcuda.so.1 not found", false, false, null, null));
        CliResult text = InProcess.Run(["info"], InProcess.With(cuda: probe));
        Assert.Contains("CUDA is not available: libcuda.so.1 not found", text.Output);
        JsonElement cuda = InProcess.Run(["info", "--json"], InProcess.With(cuda: probe)).Json().GetProperty("cuda");
        Assert.False(cuda.GetProperty("driverFound").GetBoolean());
        Assert.False(cuda.GetProperty("nvrtcFound").GetBoolean());
    }

}
