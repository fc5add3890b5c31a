using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Simd.Cli.Data;

/// <summary>
/// A numeric table for training: the feature matrix (row-major, <see cref="Rows"/> × <see cref="FeatureCount"/>)
/// and the target column, read from a CSV file with a header row.
/// </summary>
internal sealed class DataSet
{
    private readonly (int Line, int Column)[] _targetCells;

    private DataSet(string source, string[] featureNames, string targetName, double[] features, double[] target, (int Line, int Column)[] targetCells)
    {
        _targetCells = targetCells;
        Source = source;
        FeatureNames = featureNames;
        TargetName = targetName;
        Features = features;
        Target = target;
    }

    /// <summary>Where the data came from, as used in messages.</summary>
    public string Source { get; }

    /// <summary>The header names of the feature columns, in file order without the target.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The header name of the target column.</summary>
    public string TargetName { get; }

    /// <summary>The features, row-major: element <c>[row * FeatureCount + column]</c>.</summary>
    public double[] Features { get; }

    /// <summary>The target value of every row.</summary>
    public double[] Target { get; }

    /// <summary>The number of examples.</summary>
    public int Rows => Target.Length;

    /// <summary>The number of feature columns.</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <summary>Reads a CSV file: a header row, then numeric rows of the same width.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="source">The name used in messages.</param>
    /// <param name="targetColumn">The header name of the target column, or <see langword="null"/> for the last column.</param>
    /// <returns>The table.</returns>
    /// <exception cref="DataFormatException">The file is empty, a row is ragged, a cell is not a finite number,
    /// the target column does not exist, or there is no feature column.</exception>
    public static DataSet Read(TextReader text, string source, string? targetColumn)
    {
        List<CsvRecord> records = CsvReader.Read(text, source);
        if (records.Count == 0)
        {
            throw new DataFormatException(source, 1, 1, "the file is empty (expected a header row, then rows of numbers)");
        }

        CsvRecord header = records[0];
        string[] names = header.Fields.Select(f => f.Text.Trim()).ToArray();
        for (int i = 0; i < names.Length; i++)
        {
            int first = Array.IndexOf(names, names[i]);
            if (first != i)
            {
                throw new DataFormatException(source, header.Line, header.Fields[i].Column, $"column name '{names[i]}' appears twice in the header (columns {first + 1} and {i + 1})");
            }
        }

        int targetIndex = targetColumn is null ? names.Length - 1 : Array.IndexOf(names, targetColumn);
        if (targetIndex < 0)
        {
            throw new DataFormatException(source, header.Line, 1, $"no column named '{targetColumn}' for --target (columns: {string.Join(", ", names)})");
        }

        if (names.Length < 2)
        {
            throw new DataFormatException(source, header.Line, 1, $"only one column ('{names[0]}'): need at least one feature column besides the target");
        }

        if (records.Count == 1)
        {
            throw new DataFormatException(source, header.Line + 1, 1, "no data rows after the header");
        }

        int rows = records.Count - 1;
        int featureCount = names.Length - 1;
        var features = new double[rows * featureCount];
        var target = new double[rows];
        var targetCells = new (int Line, int Column)[rows];
        for (int r = 0; r < rows; r++)
        {
            CsvRecord record = records[r + 1];
            if (record.Fields.Count != names.Length)
            {
                int column = record.Fields.Count > names.Length ? record.Fields[names.Length].Column : record.EndColumn;
                throw new DataFormatException(source, record.Line, column, $"row has {record.Fields.Count} cells but the header has {names.Length}");
            }

            int f = 0;
            for (int c = 0; c < names.Length; c++)
            {
                double value = ParseCell(record.Fields[c], names[c], source);
                if (c == targetIndex)
                {
                    target[r] = value;
                    targetCells[r] = (record.Fields[c].Line, record.Fields[c].Column);
                }
                else
                {
                    features[(r * featureCount) + f++] = value;
                }
            }
        }

        string[] featureNames = names.Where((_, i) => i != targetIndex).ToArray();
        return new DataSet(source, featureNames, names[targetIndex], features, target, targetCells);
    }

    /// <summary>Checks that every target is 0 or 1, as logistic regression needs.</summary>
    /// <exception cref="DataFormatException">At the first target cell that is neither.</exception>
    public void RequireBinaryTarget()
    {
        for (int r = 0; r < Target.Length; r++)
        {
            if (Target[r] is not (0.0 or 1.0))
            {
                (int line, int column) = _targetCells[r];
                throw new DataFormatException(Source, line, column, $"target '{TargetName}' is {Target[r].ToString(CultureInfo.InvariantCulture)}; logistic regression needs 0 or 1");
            }
        }
    }

    private static double ParseCell(CsvField field, string columnName, string source)
    {
        string text = field.Text.Trim();
        if (text.Length == 0)
        {
            throw new DataFormatException(source, field.Line, field.Column, $"empty cell in column '{columnName}' (every cell must be a number)");
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new DataFormatException(source, field.Line, field.Column, $"'{text}' in column '{columnName}' is not a number");
        }

        if (!double.IsFinite(value))
        {
            throw new DataFormatException(source, field.Line, field.Column, $"'{text}' in column '{columnName}' is not a finite number");
        }

        return value;
    }
}
