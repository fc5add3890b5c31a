using Simd.Tests.Shared;
using System;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Simd.Tests.Packaging;

/// <summary>
/// A fresh project outside the repository that consumes the packed packages through a <c>nuget.config</c>
/// naming only the folder they were packed into, with its own empty package cache.
/// </summary>
public sealed class ConsumerProject : IDisposable
{
    private ConsumerProject(string root, string feed)
    {
        Root = root;
        Feed = feed;
        Directory.CreateDirectory(Path.Combine(root, "app"));
    }

    public string Root { get; }

    public string Feed { get; }

    public string AppDirectory => Path.Combine(Root, "app");

    /// <summary>Packs Simd and Simd.Cuda from this repository into a new temporary feed.</summary>
    public static ConsumerProject Create()
    {
        string root = Path.Combine(Path.GetTempPath(), "simd-consumer-" + Guid.NewGuid().ToString("N"));
        string feed = Path.Combine(root, "feed");
        Directory.CreateDirectory(feed);
        string repository = RepositoryRoot.Find();
        foreach (string project in new[] { "src/Simd/Simd.csproj", "src/Simd.Cuda/Simd.Cuda.csproj" })
        {
            Dotnet(repository, $"pack \"{Path.Combine(repository, project)}\" -c Release -o \"{feed}\" -nologo", root).ThrowIfFailed();
        }

        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        return new ConsumerProject(root, feed);
    }

    /// <summary>Writes the app's project file referencing <paramref name="package"/>, with warnings as errors.</summary>
    public void WriteProject(string package, string version)
        => File.WriteAllText(Path.Combine(AppDirectory, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{package}" Version="{version}" />
              </ItemGroup>
            </Project>
            """);

    public void WriteFile(string name, string text) => File.WriteAllText(Path.Combine(AppDirectory, name), text);

    public Outcome Run(string arguments) => Dotnet(AppDirectory, arguments, Root);

    /// <summary>Runs <c>dotnet</c> in <paramref name="directory"/> below the consumer's root (which holds the nuget.config).</summary>
    public Outcome RunIn(string directory, string arguments, params (string Name, string Value)[] environment)
    {
        string path = Path.Combine(Root, directory);
        Directory.CreateDirectory(path);
        return Dotnet(path, arguments, Root, environment);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static Outcome Dotnet(string directory, string arguments, string root, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // An empty package cache of its own: the consumer sees only what was packed, never a stale copy.
        start.Environment["NUGET_PACKAGES"] = Path.Combine(root, "packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return new Outcome($"dotnet {arguments}", process.ExitCode, output.ToString());
    }

    public sealed record Outcome(string Command, int ExitCode, string Output)
    {
        public Outcome ThrowIfFailed() => ExitCode == 0 ? this : throw new InvalidOperationException($"{Command} exited {ExitCode}:\n{Output}");
    }
}
