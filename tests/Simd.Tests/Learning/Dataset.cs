using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Simd.Tests.Learning;

/// <summary>A CSV of Data/ (header row, target in the last column) as a dense row-major feature matrix and targets.</summary>
internal sealed class Dataset
{
    private Dataset(double[] x, double[] y, int rows, int columns)
    {
        X = x;
        Y = y;
        Rows = rows;
        Columns = columns;
    }

    public double[] X { get; }

    public double[] Y { get; }

    public int Rows { get; }

    public int Columns { get; }

    public static Dataset Diabetes { get; } = Load("diabetes.csv");

    public static Dataset BreastCancer { get; } = Load("breast_cancer.csv");

    public static Dataset Iris { get; } = Load("iris.csv");

    public float[] XFloat => Array.ConvertAll(X, v => (float)v);

    public float[] YFloat => Array.ConvertAll(Y, v => (float)v);

    public ReadOnlyMatrixView<double> View => new(X, Rows, Columns);

    private static Dataset Load(string name)
    {
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", name))
            .Skip(1).Where(l => l.Length > 0).ToArray();
        int columns = lines[0].Split(',').Length - 1;
        var x = new double[lines.Length * columns];
        var y = new double[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            string[] cells = lines[i].Split(',');
            for (int j = 0; j < columns; j++)
            {
                x[(i * columns) + j] = double.Parse(cells[j], CultureInfo.InvariantCulture);
            }

            y[i] = double.Parse(cells[columns], CultureInfo.InvariantCulture);
        }

        return new Dataset(x, y, lines.Length, columns);
    }
}
