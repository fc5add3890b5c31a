using System;
using System.Text.RegularExpressions;
using Simd.Cli.Data;

namespace Simd.Cli.Training;

/// <summary>Turns the learning library's argument errors about the data into <c>simd</c>'s bad-data errors.</summary>
internal static partial class LibraryErrors
{
    /// <summary>
    /// The bad-data error for <paramref name="error"/>: the library's message without its parameter suffix, with
    /// feature columns named by their header (the library numbers them from 0) and a cell the library names by
    /// 0-based row and column located as <c>file:line:column</c>.
    /// </summary>
    public static DataFormatException DataError(ArgumentException error, DataSet data)
    {
        string message = error.Message.Replace($" (Parameter '{error.ParamName}')", string.Empty, StringComparison.Ordinal);

        // "'x' holds Infinity at row 3, column 1; …": a cell of the (converted or scaled) features.
        if (Cell().Match(message) is { Success: true } cell
            && int.TryParse(cell.Groups["row"].Value, out int row) && row < data.Rows
            && int.TryParse(cell.Groups["column"].Value, out int column) && column < data.FeatureCount)
        {
            (int line, int at) = data.FeatureCell(row, column);
            string problem = $"column '{data.FeatureNames[column]}' holds {cell.Groups["value"].Value} after conversion and scaling{message[(cell.Index + cell.Length)..]}";
            return Located(data, line, at, problem);
        }

        // "'y' holds NaN at row 3; …": a target cell.
        if (TargetCell().Match(message) is { Success: true } target && int.TryParse(target.Groups["row"].Value, out int targetRow) && targetRow < data.Rows)
        {
            (int line, int at) = data.TargetCell(targetRow);
            return Located(data, line, at, $"target '{data.TargetName}' holds {target.Groups["value"].Value} after conversion{message[(target.Index + target.Length)..]}");
        }

        message = ColumnIndex().Replace(
            message,
            match => int.TryParse(match.Groups[1].Value, out int j) && j < data.FeatureCount ? $"column '{data.FeatureNames[j]}'" : match.Value);
        message = ScalerColumn().Replace(
            message,
            match => int.TryParse(match.Groups[1].Value, out int j) && j < data.FeatureCount ? $"column '{data.FeatureNames[j]}'" : match.Value);
        return new DataFormatException(data.Source, message);
    }

    private static DataFormatException Located(DataSet data, int line, int column, string problem)
        => column > 0 ? new DataFormatException(data.Source, line, column, problem) : new DataFormatException(data.Source, $"line {line}: {problem}");

    [GeneratedRegex(@"column (\d+) of 'x'")]
    private static partial Regex ColumnIndex();

    [GeneratedRegex(@"'x' column (\d+)")]
    private static partial Regex ScalerColumn();

    [GeneratedRegex(@"^'x' holds (?<value>\S+) at row (?<row>\d+), column (?<column>\d+)")]
    private static partial Regex Cell();

    [GeneratedRegex(@"^'y' holds (?<value>\S+) at row (?<row>\d+)")]
    private static partial Regex TargetCell();
}
