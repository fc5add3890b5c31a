using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Simd.Cli.Data;

/// <summary>
/// A numeric table for training: the feature matrix (row-major, <see cref="Rows"/> × <see cref="FeatureCount"/>)
/// and the target column, read from a CSV file with a header row; or, for clustering, a table whose every column
/// is a feature (<see cref="ReadFeaturesFile"/>), with no target.
/// </summary>
/// <remarks>
/// Cells are parsed straight into the two arrays as the file is read (no string per cell), and a file's records are
/// counted first so the arrays are allocated once at their final size: reading holds the numbers (8 bytes a cell),
/// the line each row starts on and the position of each target cell, nothing more.
/// </remarks>
internal sealed class DataSet
{
    private readonly (int Line, int Column)[] _targetCells;
    private readonly int[] _rowLines;
    private readonly int _targetIndex;
    private readonly Func<TextReader>? _reopen;

    private DataSet(string source, string[] featureNames, string targetName, int targetIndex, double[] features, double[] target, (int Line, int Column)[] targetCells, int[] rowLines, Func<TextReader>? reopen)
    {
        Rows = rowLines.Length;
        _targetCells = targetCells;
        _rowLines = rowLines;
        _targetIndex = targetIndex;
        _reopen = reopen;
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

    /// <summary>The header name of the target column; empty when the table has none.</summary>
    public string TargetName { get; }

    /// <summary>The features, row-major: element <c>[row * FeatureCount + column]</c>.</summary>
    public double[] Features { get; }

    /// <summary>The target value of every row; empty when the table has no target.</summary>
    public double[] Target { get; }

    /// <summary>The number of examples.</summary>
    public int Rows { get; }

    /// <summary>The number of feature columns.</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <summary>Reads the CSV file at <paramref name="path"/>, counting its records first so the arrays are allocated once.</summary>
    /// <param name="path">The file.</param>
    /// <param name="targetColumn">The header name of the target column, or <see langword="null"/> for the last column.</param>
    /// <returns>The table.</returns>
    /// <exception cref="DataFormatException">The file cannot be read, or its contents are not a numeric table (see <see cref="Read"/>).</exception>
    public static DataSet ReadFile(string path, string? targetColumn) => ReadFile(path, targetColumn, hasTarget: true);

    /// <summary>Reads the CSV file at <paramref name="path"/> as a table whose every column is a feature (no target).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The table, with an empty <see cref="Target"/>.</returns>
    /// <exception cref="DataFormatException">The file cannot be read, or its contents are not a numeric table (see <see cref="Read"/>).</exception>
    public static DataSet ReadFeaturesFile(string path) => ReadFile(path, null, hasTarget: false);

    private static DataSet ReadFile(string path, string? targetColumn, bool hasTarget)
    {
        try
        {
            int records;
            using (var counting = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
            {
                records = CountRecords(counting);
            }

            using var text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return Read(text, path, targetColumn, () => new StreamReader(path, detectEncodingFromByteOrderMarks: true), Math.Max(0, records - 1), hasTarget);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataFormatException(path, 1, 1, $"cannot read the file: {e.Message}");
        }
    }

    /// <summary>Reads a CSV file: a header row, then numeric rows of the same width.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="source">The name used in messages.</param>
    /// <param name="targetColumn">The header name of the target column (spaces around it ignored), or <see langword="null"/> for the last column.</param>
    /// <param name="reopen">Opens the same text again, to locate a cell named later by row and column (optional).</param>
    /// <param name="expectedRows">The number of data rows if known (the arrays are then allocated once), else 0.</param>
    /// <param name="hasTarget">Whether one column is the target (<see langword="false"/>: every column is a feature and <paramref name="targetColumn"/> is ignored).</param>
    /// <returns>The table.</returns>
    /// <exception cref="DataFormatException">The file is empty, a header name is empty or repeated, a row is ragged, a cell is
    /// not a finite number, the target column does not exist, or there is no feature column.</exception>
    public static DataSet Read(TextReader text, string source, string? targetColumn, Func<TextReader>? reopen = null, int expectedRows = 0, bool hasTarget = true)
    {
        var csv = new CsvReader(text, source);
        if (!csv.ReadRecord())
        {
            throw new DataFormatException(source, 1, 1, "the file is empty (expected a header row, then rows of numbers)");
        }

        int headerLine = csv.Line;
        var names = new string[csv.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = csv.Cell(i).Trim().ToString();
            if (names[i].Length == 0)
            {
                throw new DataFormatException(source, csv.CellLine(i), csv.CellColumn(i), $"column {i + 1} has no name in the header (every column needs one)");
            }

            int first = Array.IndexOf(names, names[i], 0, i);
            if (first >= 0)
            {
                throw new DataFormatException(source, csv.CellLine(i), csv.CellColumn(i), $"column name '{names[i]}' appears twice in the header (columns {first + 1} and {i + 1})");
            }
        }

        string? wanted = targetColumn?.Trim();
        int targetIndex = !hasTarget ? -1 : wanted is null ? names.Length - 1 : Array.IndexOf(names, wanted);
        if (hasTarget && targetIndex < 0)
        {
            throw new DataFormatException(source, headerLine, 1, $"no column named '{wanted}' for --target (columns: {string.Join(", ", names)})");
        }

        if (hasTarget && names.Length < 2)
        {
            throw new DataFormatException(source, headerLine, 1, $"only one column ('{names[0]}'): need at least one feature column besides the target{SeparatorHint(names[0])}");
        }

        int width = names.Length;
        int featureCount = hasTarget ? width - 1 : width;
        int capacityRows = Math.Max(expectedRows, 16);
        var features = new double[capacityRows * featureCount];
        var target = new double[hasTarget ? capacityRows : 0];
        var targetCells = new (int Line, int Column)[target.Length];
        var rowLines = new int[capacityRows];
        int rows = 0;
        while (csv.ReadRecord())
        {
            if (csv.Count != width)
            {
                int column = csv.Count > width ? csv.CellColumn(width) : csv.EndColumn;
                throw new DataFormatException(source, csv.Line, column, $"row has {csv.Count} cells but the header has {width}");
            }

            if (rows == rowLines.Length)
            {
                int capacity = checked(rowLines.Length * 2);
                Array.Resize(ref features, capacity * featureCount);
                Array.Resize(ref rowLines, capacity);
                if (hasTarget)
                {
                    Array.Resize(ref target, capacity);
                    Array.Resize(ref targetCells, capacity);
                }
            }

            rowLines[rows] = csv.Line;
            int f = rows * featureCount;
            for (int c = 0; c < width; c++)
            {
                double value = ParseCell(csv, c, names[c], source);
                if (c == targetIndex)
                {
                    target[rows] = value;
                    targetCells[rows] = (csv.CellLine(c), csv.CellColumn(c));
                }
                else
                {
                    features[f++] = value;
                }
            }

            rows++;
        }

        if (rows == 0)
        {
            throw new DataFormatException(source, headerLine + 1, 1, "no data rows after the header");
        }

        if (rows != rowLines.Length)
        {
            Array.Resize(ref features, rows * featureCount);
            Array.Resize(ref rowLines, rows);
            if (hasTarget)
            {
                Array.Resize(ref target, rows);
                Array.Resize(ref targetCells, rows);
            }
        }

        var featureNames = new string[featureCount];
        for (int c = 0, f = 0; c < width; c++)
        {
            if (c != targetIndex)
            {
                featureNames[f++] = names[c];
            }
        }

        return new DataSet(source, featureNames, hasTarget ? names[targetIndex] : string.Empty, targetIndex, features, target, targetCells, rowLines, reopen);
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

    /// <summary>
    /// The targets as class indices for softmax regression, and the number of classes K = the largest + 1 (at least 2,
    /// at most one per row).
    /// </summary>
    /// <exception cref="DataFormatException">At the first target cell that is not a whole number ≥ 0, or one that makes K too large; or when every target is 0.</exception>
    public (int[] Labels, int Classes) ClassLabels()
    {
        var labels = new int[Target.Length];
        int largest = 0;
        for (int r = 0; r < Target.Length; r++)
        {
            double t = Target[r];
            if (!(t >= 0) || t != Math.Floor(t))
            {
                (int line, int column) = _targetCells[r];
                throw new DataFormatException(
                    Source, line, column, $"target '{TargetName}' is {t.ToString(CultureInfo.InvariantCulture)} in data row {r + 1}; softmax regression needs class indices 0, 1, 2, … (whole numbers ≥ 0)");
            }

            if (t >= Target.Length)
            {
                (int line, int column) = _targetCells[r];
                throw new DataFormatException(
                    Source,
                    line,
                    column,
                    $"target '{TargetName}' is {t.ToString(CultureInfo.InvariantCulture)} in data row {r + 1}; softmax regression has K = the largest label + 1 classes, and {Target.Length} rows allow at most {Target.Length}: number the classes 0, 1, …, K − 1");
            }

            labels[r] = (int)t;
            largest = Math.Max(largest, labels[r]);
        }

        if (largest == 0)
        {
            throw new DataFormatException(Source, $"every target '{TargetName}' is 0; softmax regression needs at least two classes (labels 0 and 1, …)");
        }

        return (labels, largest + 1);
    }

    /// <summary>The 1-based line and column in the file of the target cell of data row <paramref name="row"/> (0-based).</summary>
    public (int Line, int Column) TargetCell(int row) => _targetCells[row];

    /// <summary>
    /// The 1-based line and column in the file of feature <paramref name="feature"/> of data row <paramref name="row"/>
    /// (both 0-based, as the library numbers them). The column is found by reading that row again; without a way to
    /// reopen the text it is 0 (unknown).
    /// </summary>
    public (int Line, int Column) FeatureCell(int row, int feature)
    {
        int cell = _targetIndex < 0 || feature < _targetIndex ? feature : feature + 1;
        int line = _rowLines[row];
        if (_reopen is null)
        {
            return (line, 0);
        }

        try
        {
            using TextReader text = _reopen();
            var csv = new CsvReader(text, Source);
            for (int record = 0; record <= row + 1; record++)
            {
                if (!csv.ReadRecord())
                {
                    return (line, 0);
                }
            }

            return cell < csv.Count ? (csv.CellLine(cell), csv.CellColumn(cell)) : (line, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DataFormatException)
        {
            return (line, 0);
        }
    }

    /// <summary>Counts the records of a CSV byte stream: lines that start outside quotes and are not empty.</summary>
    private static int CountRecords(Stream stream)
    {
        var buffer = new byte[1 << 16];
        int count = 0;
        bool quoted = false, lineStart = true;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (byte b in buffer.AsSpan(0, read))
            {
                if (b == '"')
                {
                    quoted = !quoted;
                }

                if (!quoted && b is (byte)'\n' or (byte)'\r')
                {
                    lineStart = true;
                    continue;
                }

                if (lineStart)
                {
                    count++;
                    lineStart = false;
                }
            }
        }

        return count;
    }

    private static string SeparatorHint(string header)
    {
        string? separator = header.Contains(';', StringComparison.Ordinal) ? "';'" : header.Contains('\t', StringComparison.Ordinal) ? "tabs" : null;
        return separator is null ? string.Empty : $"; the header looks separated by {separator}, but simd reads comma-separated values only";
    }

    private static double ParseCell(CsvReader csv, int index, string columnName, string source)
    {
        ReadOnlySpan<char> text = csv.Cell(index).Trim();
        if (text.Length == 0)
        {
            throw new DataFormatException(source, csv.CellLine(index), csv.CellColumn(index), $"empty cell in column '{columnName}' (every cell must be a number)");
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new DataFormatException(source, csv.CellLine(index), csv.CellColumn(index), $"'{text}' in column '{columnName}' is not a number");
        }

        if (!double.IsFinite(value))
        {
            throw new DataFormatException(source, csv.CellLine(index), csv.CellColumn(index), $"'{text}' in column '{columnName}' is not a finite number");
        }

        return value;
    }
}
