using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using Simd.Hardware;
using Xunit;

namespace Simd.Tests.Packaging;

/// <summary>
/// The packages work for a stranger: a fresh project with one PackageReference gets the generator, builds
/// with warnings as errors, runs docs/getting-started.md's program, honours .editorconfig severities, and
/// (with Simd.Cuda) gets device overloads that explain there is no GPU.
/// </summary>
[Trait("Category", "Pack")]
public sealed class PackageConsumerTests : IClassFixture<PackageConsumerTests.Packed>
{
    private readonly Packed packed;

    public PackageConsumerTests(Packed packed) => this.packed = packed;

    [Fact]
    public void PackagesCarryTheGeneratorDocsSymbolsAndMetadata()
    {
        string package = Directory.GetFiles(packed.Consumer.Feed, "Simd.0*.nupkg").Single();
        using ZipArchive archive = ZipFile.OpenRead(package);
        string[] entries = archive.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("analyzers/dotnet/cs/Simd.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Simd.CodeFixes.dll", entries);
        Assert.Contains("lib/net10.0/Simd.dll", entries);
        Assert.Contains("lib/net10.0/Simd.xml", entries);
        Assert.Contains("README.md", entries);
        string nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        foreach (string element in new[] { "<license type=\"expression\">MIT</license>", "<readme>README.md</readme>", "<repository type=\"git\"", "<tags>", "<description>" })
        {
            Assert.Contains(element, nuspec);
        }

        Assert.Single(Directory.GetFiles(packed.Consumer.Feed, "Simd.0*.snupkg"));
        string cuda = Directory.GetFiles(packed.Consumer.Feed, "Simd.Cuda.0*.nupkg").Single();
        using ZipArchive cudaArchive = ZipFile.OpenRead(cuda);
        string cudaNuspec = new StreamReader(cudaArchive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.Contains("<dependency id=\"Simd\"", cudaNuspec);
    }

    [Fact]
    public void GettingStartedRunsAsWrittenWithWarningsAsErrors()
    {
        // The guide's own commands, in a fresh folder: dotnet new, dotnet add package, its Program.cs, dotnet run.
        ConsumerProject consumer = packed.Consumer;
        consumer.RunIn(".", "new console -o FirstKernel").ThrowIfFailed();
        consumer.RunIn("FirstKernel", "add package Simd").ThrowIfFailed();
        File.WriteAllText(Path.Combine(consumer.Root, "FirstKernel", "Program.cs"), GettingStarted.CodeBlock("## 2. Write a kernel"));

        ConsumerProject.Outcome run = consumer.RunIn("FirstKernel", "run -p:TreatWarningsAsErrors=true").ThrowIfFailed();

        string expected = GettingStarted.TextBlock("## 3. Run it").Replace("path: Avx512", $"path: {SimdHardware.Path}");
        Assert.Equal(expected.Trim().ReplaceLineEndings("\n"), run.Output.Trim().ReplaceLineEndings("\n"));

        // "Try DOTNET_EnableAVX512=0 dotnet run to see the AVX2 path give the same answers."
        if (SimdHardware.Path == SimdPath.Avx512)
        {
            ConsumerProject.Outcome avx2 = consumer.RunIn("FirstKernel", "run", ("DOTNET_EnableAVX512", "0")).ThrowIfFailed();
            Assert.Equal(expected.Replace("path: Avx512", "path: Avx2").Trim().ReplaceLineEndings("\n"), avx2.Output.Trim().ReplaceLineEndings("\n"));
        }
    }

    [Fact]
    public void DiagnosticFromTheGuideIsReportedAndSeveritiesFollowEditorConfig()
    {
        ConsumerProject consumer = packed.Consumer;
        consumer.WriteProject("Simd", packed.Version);
        consumer.WriteFile("Program.cs", GettingStarted.CodeBlock("## 2. Write a kernel") + "\n" + GettingStarted.CodeBlock("## 4. Read a diagnostic"));
        ConsumerProject.Outcome broken = consumer.Run("build -c Release");
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("error SIMD0018: A 'for' loop whose condition is not 'i < N' (or <=, >, >=, !=) with N known at compile time; write 'for (int i = A; i < B; i++)' with bounds known at compile time (it is unrolled); the loop over the elements is the generated driver's", broken.Output);

        const string unused = "public static partial class Extra { [Simd.Kernel] public static float F(float x, float unused) => x; }\n";
        consumer.WriteFile("Program.cs", GettingStarted.CodeBlock("## 2. Write a kernel") + "\n" + unused);
        consumer.WriteFile(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.SIMD0016.severity = none\n");
        consumer.Run("build -c Release").ThrowIfFailed();

        consumer.WriteFile(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.SIMD0016.severity = error\n");
        ConsumerProject.Outcome strict = consumer.Run("build -c Release --no-incremental");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("error SIMD0016: Parameter 'unused' of kernel 'F' is never used", strict.Output);
        File.Delete(Path.Combine(consumer.AppDirectory, ".editorconfig"));
    }

    [Fact]
    public void CudaPackageAddsDeviceOverloadsThatExplainTheMissingGpu()
    {
        ConsumerProject consumer = packed.Consumer;
        consumer.WriteProject("Simd.Cuda", packed.Version);
        consumer.WriteFile("Program.cs", """
            using System;
            using Simd;
            using Simd.Cuda;

            if (!CudaDevice.TryOpen(0, out CudaDevice? device, out string reason))
            {
                Console.WriteLine("no device: " + reason);
                try
                {
                    Device.Twice((DeviceBuffer<float>)null!, (DeviceBuffer<float>)null!);
                }
                catch (CudaUnavailableException e)
                {
                    Console.WriteLine("device overload: " + e.Message);
                }
            }
            else
            {
                using DeviceBuffer<float> x = DeviceBuffer<float>.FromSpan(device!, [1f, 2f]);
                using DeviceBuffer<float> y = DeviceBuffer<float>.Allocate(device!, 2);
                Device.Twice(x, y);
                Console.WriteLine("device overload: " + string.Join(",", y.ToArray()));
            }

            float[] z = new float[2];
            Device.Twice([1f, 2f], z);
            Console.WriteLine("cpu: " + string.Join(",", z));

            public static partial class Device
            {
                [Kernel]
                public static float Twice(float x) => 2 * x;
            }
            """);

        ConsumerProject.Outcome run = consumer.Run("run -c Release").ThrowIfFailed();

        Assert.Contains("cpu: 2,4", run.Output);
        Assert.Matches(new Regex("no device: CUDA is not available: .+|device overload: 2,4"), run.Output);
        if (run.Output.Contains("no device", StringComparison.Ordinal))
        {
            Assert.Contains("device overload: CUDA is not available", run.Output);
        }
    }

    /// <summary>Packs once for the whole class.</summary>
    public sealed class Packed : IDisposable
    {
        public Packed()
        {
            Consumer = ConsumerProject.Create();
            string package = Path.GetFileNameWithoutExtension(Directory.GetFiles(Consumer.Feed, "Simd.0*.nupkg").Single());
            Version = package["Simd.".Length..];
        }

        public ConsumerProject Consumer { get; }

        public string Version { get; }

        public void Dispose() => Consumer.Dispose();
    }
}
