using System;
using System.IO;

namespace Simd.Tests.Shared;

/// <summary>Finds the repository root (the folder holding Simd.sln) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Simd.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("Simd.sln not found above " + AppContext.BaseDirectory);
    }
}
