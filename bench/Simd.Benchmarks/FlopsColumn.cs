using System;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Simd.Benchmarks;

/// <summary>The floating-point operations one invocation of a benchmark performs, for the GFLOP/s column.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FlopsAttribute(double flops) : Attribute
{
    public double Flops { get; } = flops;
}

/// <summary>A summary column with <c>flops / median time</c> for benchmarks marked with <see cref="FlopsAttribute"/>.</summary>
internal sealed class FlopsColumn : IColumn
{
    public string Id => nameof(FlopsColumn);

    public string ColumnName => "GFLOP/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Billions of floating-point operations per second (2 per multiply-add), from the median time (robust to other processes on a shared machine)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        double? flops = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<FlopsAttribute>()?.Flops;
        Statistics? statistics = summary.Reports.FirstOrDefault(r => r.BenchmarkCase == benchmarkCase)?.ResultStatistics;
        if (flops is null || statistics is null || statistics.Median <= 0)
        {
            return "-";
        }

        return (flops.Value / statistics.Median).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
