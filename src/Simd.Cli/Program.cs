namespace Simd.Cli;

/// <summary>Entry point of the <c>simd</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>0 on success.</returns>
    public static int Main(string[] args)
    {
        System.Console.WriteLine($"simd: path {Simd.Hardware.SimdHardware.Path}");
        return 0;
    }
}
