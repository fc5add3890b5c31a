using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Simd.Cli.Plot;
using Xunit;

namespace Simd.Cli.Tests;

public sealed class LearningCurveSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Draw(double[] costs, string title = "t", string subtitle = "s")
    {
        using var stream = new MemoryStream();
        LearningCurveSvg.Write(stream, costs, title, subtitle);
        stream.Position = 0;
        return XDocument.Load(stream);
    }

    private static (double X, double Y)[] Points(XDocument svg) =>
        svg.Descendants(Svg + "polyline").Single().Attribute("points")!.Value
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(','))
            .Select(p => (double.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();

    [Fact]
    public void Title_text_is_escaped_so_the_file_stays_well_formed()
    {
        XDocument svg = Draw([3, 2, 1], title: "a<b & \"c\".csv");
        Assert.Equal("a<b & \"c\".csv", svg.Root!.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Falling_cost_draws_a_falling_line_from_left_to_right()
    {
        (double X, double Y)[] points = Points(Draw([10, 6, 4, 3, 2.5]));
        Assert.Equal(5, points.Length);
        for (int i = 1; i < points.Length; i++)
        {
            Assert.True(points[i].X > points[i - 1].X);
            Assert.True(points[i].Y > points[i - 1].Y, "SVG y grows downwards, so a falling cost has growing y");
        }
    }

    [Fact]
    public void Costs_spanning_many_decades_use_a_log_axis()
    {
        XDocument svg = Draw([1e6, 1e3, 1, 1e-2]);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "cost (log scale)");
        (double X, double Y)[] points = Points(svg);

        // On a log axis equal ratios are equal distances: 1e6→1e3 and 1e3→1 are both three decades.
        Assert.Equal(points[1].Y - points[0].Y, points[2].Y - points[1].Y, 0.02);
    }

    [Fact]
    public void A_single_cost_is_marked_with_a_dot()
    {
        XDocument svg = Draw([42]);
        Assert.Single(svg.Descendants(Svg + "circle"));
    }

    [Fact]
    public void Long_histories_are_thinned_but_keep_the_last_point()
    {
        double[] costs = Enumerable.Range(0, 10_001).Select(i => 1000.0 / (i + 1)).ToArray();
        (double X, double Y)[] points = Points(Draw(costs));
        Assert.True(points.Length <= 2001, $"{points.Length} points");
        (double X, double Y)[] all = Points(Draw(costs[..2]));
        Assert.Equal(all[0].X, points[0].X);
        Assert.True(points[^1].X > points[^2].X);
    }

    [Fact]
    public void Empty_history_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Draw([]));
    }
}
