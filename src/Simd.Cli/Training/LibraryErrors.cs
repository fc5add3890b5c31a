using System;
using System.Text.RegularExpressions;
using Simd.Cli.Data;

namespace Simd.Cli.Training;

/// <summary>Turns the learning library's argument errors about the data into <c>simd</c>'s bad-data errors.</summary>
internal static partial class LibraryErrors
{
    /// <summary>
    /// The bad-data error for <paramref name="error"/>: the library's message without its parameter suffix, with
    /// feature columns named by their header (the library numbers them from 0).
    /// </summary>
    public static DataFormatException DataError(ArgumentException error, DataSet data)
    {
        string message = error.Message.Replace($" (Parameter '{error.ParamName}')", string.Empty, StringComparison.Ordinal);
        message = ColumnIndex().Replace(
            message,
            match => int.TryParse(match.Groups[1].Value, out int j) && j < data.FeatureCount ? $"column '{data.FeatureNames[j]}'" : match.Value);
        return new DataFormatException(data.Source, message);
    }

    [GeneratedRegex(@"column (\d+) of 'x'")]
    private static partial Regex ColumnIndex();
}
