using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Simd.Cli.Tests.Support;
using Xunit;

namespace Simd.Cli.Tests;

/// <summary>Every field the JSON outputs carry is documented in docs/cli.md, so the schema and its description cannot drift apart.</summary>
public sealed class JsonDocumentationTests
{
    private static readonly string Documentation = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cli.md"));

    [Theory]
    [InlineData("info", "--json")]
    [InlineData("train", "--json", "--iterations", "2")]
    [InlineData("bench", "--json", "--repetitions", "1", "--warmup", "0")]
    public void Every_field_is_documented(params string[] args) => AssertDocumented(InProcess.Run(args).Json());

    [Fact]
    public void Every_logistic_field_is_documented()
    {
        using var dir = new TempDirectory();
        string file = dir.File("l.csv", "x,y\n1,0\n2,1\n3,0\n4,1\n");
        AssertDocumented(InProcess.Run("train", "--json", "--iterations", "2", "--data", file, "--model", "logistic").Json());
    }

    [Fact]
    public void Every_softmax_field_is_documented()
    {
        using var dir = new TempDirectory();
        string file = dir.File("s.csv", "x,y\n1,0\n2,1\n3,2\n4,1\n");
        AssertDocumented(InProcess.Run("train", "--json", "--iterations", "2", "--data", file, "--model", "softmax").Json());
    }

    [Fact]
    public void Every_cluster_field_is_documented()
    {
        using var dir = new TempDirectory();
        string data = dir.File("d.csv", "a,b\n1,2\n2,1\n8,9\n9,8\n");
        string init = dir.File("c.csv", "a,b\n0,0\n9,9\n");
        AssertDocumented(InProcess.Run("cluster", "--json", "--data", data, "--k", "2").Json());
        AssertDocumented(InProcess.Run("cluster", "--json", "--data", data, "--k", "2", "--init", init).Json());
    }

    private static void AssertDocumented(JsonElement json)
    {
        foreach (string name in FieldNames(json))
        {
            Assert.Contains($"`{name}`", Documentation);
        }
    }

    private static string[] FieldNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => FieldNames(p.Value).Prepend(p.Name)).ToArray(),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(FieldNames).ToArray(),
        _ => [],
    };
}
