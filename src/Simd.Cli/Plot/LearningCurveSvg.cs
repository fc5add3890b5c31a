using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace Simd.Cli.Plot;

/// <summary>
/// Draws the learning curve — cost against iteration — as a self-contained SVG: title, axes with round ticks and
/// labels, one polyline. Written with <see cref="XmlWriter"/> so the file is always well-formed XML.
/// </summary>
internal static class LearningCurveSvg
{
    private const double Width = 760;
    private const double Height = 460;
    private const double Left = 90;
    private const double Right = 30;
    private const double Top = 64;
    private const double Bottom = 64;

    // A browser draws at most a few thousand distinct x positions; more points only grow the file.
    private const int MaxPoints = 2000;

    /// <summary>Writes the plot of <paramref name="costs"/> (index = iteration) to <paramref name="output"/>.</summary>
    /// <param name="output">Where the SVG goes, UTF-8 encoded; left open.</param>
    /// <param name="costs">The cost before the first update, then after each update; finite, at least one value.</param>
    /// <param name="title">The title line.</param>
    /// <param name="subtitle">A smaller second line (data, settings).</param>
    public static void Write(Stream output, IReadOnlyList<double> costs, string title, string subtitle)
    {
        ArgumentNullException.ThrowIfNull(costs);
        if (costs.Count == 0)
        {
            throw new ArgumentException("The cost history is empty.", nameof(costs));
        }

        int lastIteration = costs.Count - 1;
        double min = costs.Min();
        double max = costs.Max();

        // Gradient descent often drops the cost by orders of magnitude in the first updates; a log axis keeps the
        // rest of the curve visible. Switch to it only when the values span more than three decades.
        bool logScale = min > 0 && max / min > 1000;
        Func<double, double> toAxis;
        double yLow, yHigh;
        List<double> yTicks;
        if (logScale)
        {
            (yLow, yHigh, yTicks) = AxisTicks.Log(min, max);
            toAxis = Math.Log10;
        }
        else
        {
            (yLow, yHigh, yTicks) = AxisTicks.Linear(min, max);
            toAxis = v => v;
        }

        (double xLow, double xHigh, List<double> xTicks) = AxisTicks.Linear(0, Math.Max(lastIteration, 1));
        xLow = 0;
        xTicks.RemoveAll(t => t < 0);

        double plotWidth = Width - Left - Right;
        double plotHeight = Height - Top - Bottom;
        double X(double iteration) => Left + ((iteration - xLow) / (xHigh - xLow) * plotWidth);
        double Y(double axisValue) => Top + plotHeight - ((axisValue - yLow) / (yHigh - yLow) * plotHeight);

        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false };
        using XmlWriter xml = XmlWriter.Create(output, settings);
        const string ns = "http://www.w3.org/2000/svg";
        xml.WriteStartDocument();
        xml.WriteStartElement("svg", ns);
        xml.WriteAttributeString("width", Format(Width));
        xml.WriteAttributeString("height", Format(Height));
        xml.WriteAttributeString("viewBox", $"0 0 {Format(Width)} {Format(Height)}");
        xml.WriteAttributeString("font-family", "sans-serif");
        xml.WriteAttributeString("font-size", "12");

        xml.WriteElementString("title", ns, title);
        Rect(xml, 0, 0, Width, Height, "white", "none");

        Text(xml, Width / 2, 26, title, "middle", "16", "bold");
        Text(xml, Width / 2, 46, subtitle, "middle", "12", null);

        // Grid and tick labels.
        foreach (double tick in yTicks)
        {
            double y = Y(tick);
            Line(xml, Left, y, Left + plotWidth, y, "#e0e0e0");
            string label = logScale ? FormatTick(Math.Pow(10, tick)) : FormatTick(tick);
            Text(xml, Left - 8, y + 4, label, "end", "11", null);
        }

        foreach (double tick in xTicks)
        {
            double x = X(tick);
            Line(xml, x, Top, x, Top + plotHeight, "#e0e0e0");
            Text(xml, x, Top + plotHeight + 18, FormatTick(tick), "middle", "11", null);
        }

        // Axes.
        Line(xml, Left, Top + plotHeight, Left + plotWidth, Top + plotHeight, "black");
        Line(xml, Left, Top, Left, Top + plotHeight, "black");
        Text(xml, Left + (plotWidth / 2), Height - 16, "iteration (updates applied)", "middle", "13", null);
        xml.WriteStartElement("text", ns);
        xml.WriteAttributeString("transform", $"translate(22 {Format(Top + (plotHeight / 2))}) rotate(-90)");
        xml.WriteAttributeString("text-anchor", "middle");
        xml.WriteAttributeString("font-size", "13");
        xml.WriteString(logScale ? "cost (log scale)" : "cost");
        xml.WriteEndElement();

        // The curve.
        var points = new StringBuilder();
        int stride = Math.Max(1, (costs.Count + MaxPoints - 1) / MaxPoints);
        for (int i = 0; i < costs.Count; i += stride)
        {
            AppendPoint(points, X(i), Y(toAxis(costs[i])));
        }

        if (lastIteration % stride != 0)
        {
            AppendPoint(points, X(lastIteration), Y(toAxis(costs[lastIteration])));
        }

        xml.WriteStartElement("polyline", ns);
        xml.WriteAttributeString("fill", "none");
        xml.WriteAttributeString("stroke", "#1f77b4");
        xml.WriteAttributeString("stroke-width", "2");
        xml.WriteAttributeString("points", points.ToString().TrimEnd());
        xml.WriteEndElement();

        if (costs.Count == 1)
        {
            // One value (nothing to connect): mark it so the plot is not empty.
            xml.WriteStartElement("circle", ns);
            xml.WriteAttributeString("cx", Format(X(0)));
            xml.WriteAttributeString("cy", Format(Y(toAxis(costs[0]))));
            xml.WriteAttributeString("r", "4");
            xml.WriteAttributeString("fill", "#1f77b4");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void AppendPoint(StringBuilder points, double x, double y) =>
        points.Append(Format(x)).Append(',').Append(Format(y)).Append(' ');

    private static void Rect(XmlWriter xml, double x, double y, double width, double height, string fill, string stroke)
    {
        xml.WriteStartElement("rect", "http://www.w3.org/2000/svg");
        xml.WriteAttributeString("x", Format(x));
        xml.WriteAttributeString("y", Format(y));
        xml.WriteAttributeString("width", Format(width));
        xml.WriteAttributeString("height", Format(height));
        xml.WriteAttributeString("fill", fill);
        xml.WriteAttributeString("stroke", stroke);
        xml.WriteEndElement();
    }

    private static void Line(XmlWriter xml, double x1, double y1, double x2, double y2, string stroke)
    {
        xml.WriteStartElement("line", "http://www.w3.org/2000/svg");
        xml.WriteAttributeString("x1", Format(x1));
        xml.WriteAttributeString("y1", Format(y1));
        xml.WriteAttributeString("x2", Format(x2));
        xml.WriteAttributeString("y2", Format(y2));
        xml.WriteAttributeString("stroke", stroke);
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, double x, double y, string text, string anchor, string size, string? weight)
    {
        xml.WriteStartElement("text", "http://www.w3.org/2000/svg");
        xml.WriteAttributeString("x", Format(x));
        xml.WriteAttributeString("y", Format(y));
        xml.WriteAttributeString("text-anchor", anchor);
        xml.WriteAttributeString("font-size", size);
        if (weight is not null)
        {
            xml.WriteAttributeString("font-weight", weight);
        }

        xml.WriteString(text);
        xml.WriteEndElement();
    }

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string FormatTick(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
