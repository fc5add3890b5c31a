using System;
using System.Globalization;

namespace Simd.GpuCheck;

/// <summary>Prints one line per check and remembers whether any failed.</summary>
internal sealed class Report
{
    /// <summary>How many checks failed.</summary>
    public int Failures { get; private set; }

    /// <summary>How many checks passed.</summary>
    public int Passes { get; private set; }

    /// <summary>How many checks threw instead of completing.</summary>
    public int Errors { get; private set; }

    /// <summary>
    /// Runs one group of checks; any exception it throws is printed in full and counted as an error, and the
    /// next group still runs (a kernel fault may break the context, and the later groups then say so too).
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Every failure must be reported with the program's own exit code.")]
    public void Run(string what, Action checks)
    {
        try
        {
            checks();
        }
        catch (Exception e)
        {
            Errors++;
            Console.WriteLine($"ERROR {what}: {e}");
        }
    }

    /// <summary>Prints a section heading.</summary>
    public static void Section(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title}");
    }

    /// <summary>Prints an informational line.</summary>
    public static void Info(string text) => Console.WriteLine($"   {text}");

    /// <summary>Records a check: PASS or FAIL with the detail.</summary>
    public void Check(bool passed, string what, string detail)
    {
        if (passed)
        {
            Passes++;
            Console.WriteLine($"PASS {what}: {detail}");
        }
        else
        {
            Failures++;
            Console.WriteLine($"FAIL {what}: {detail}");
        }
    }

    /// <summary>A number with invariant formatting, e.g. for bounds.</summary>
    public static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
