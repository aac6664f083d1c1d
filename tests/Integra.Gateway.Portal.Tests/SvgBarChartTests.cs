using System.Xml.Linq;
using Integra.Gateway.Portal.Desk;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>The SLA board's server-side chart: scales, escaping, the empty chart, and well-formed SVG.</summary>
public sealed class SvgBarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Bars_are_scaled_to_the_largest_value_with_their_numbers_beside_them()
    {
        var chart = Parse(SvgBarChart.Render("Orders", [SvgBarChart.Count("FOC", 40), SvgBarChart.Count("PND", 10), SvgBarChart.Count("REJ", 0)]));

        var widths = chart.Descendants(Svg + "rect").Select(r => (double)r.Attribute("width")!).ToList();
        Assert.Equal([SvgBarChart.BarArea, SvgBarChart.BarArea / 4.0, 0], widths);
        var texts = chart.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(["Orders", "FOC", "40", "PND", "10", "REJ", "0"], texts);
    }

    [Theory]
    [InlineData(50, 100, SvgBarChart.BarArea / 2.0)]
    [InlineData(150, 100, SvgBarChart.BarArea)] // never past the end of the scale
    [InlineData(-5, 100, 0)]
    [InlineData(5, 0, 0)] // all zero: no division by zero
    public void A_given_scale_bounds_the_bars(double value, double max, double length) =>
        Assert.Equal(length, SvgBarChart.BarLength(value, max));

    [Fact]
    public void A_share_chart_uses_the_scale_it_is_given_not_its_largest_bar()
    {
        var chart = Parse(SvgBarChart.Render("CSR", [new ChartBar("ACME", 50, "1 of 2 (50%)")], 100));
        Assert.Equal(SvgBarChart.BarArea / 2.0, (double)chart.Descendants(Svg + "rect").Single().Attribute("width")!);
    }

    [Fact]
    public void Labels_and_titles_are_escaped()
    {
        var markup = SvgBarChart.Render("<script>alert(1)</script>", [SvgBarChart.Count("A&B \"<x>\"", 3)]);

        Assert.DoesNotContain("<script>", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<x>", markup, StringComparison.Ordinal);
        var chart = Parse(markup);
        Assert.Equal("<script>alert(1)</script>", chart.Element(Svg + "title")!.Value);
        Assert.Contains(chart.Descendants(Svg + "text"), t => t.Value == "A&B \"<x>\"");
    }

    [Fact]
    public void An_empty_chart_says_no_data_and_draws_no_bar()
    {
        var chart = Parse(SvgBarChart.Render("Rejects", []));
        Assert.Empty(chart.Descendants(Svg + "rect"));
        Assert.Contains(chart.Descendants(Svg + "text"), t => t.Value == "No data");
    }

    [Fact]
    public void An_alert_bar_is_drawn_in_the_alert_colour_and_the_chart_uses_no_inline_style()
    {
        var markup = SvgBarChart.Render("CSR", [new ChartBar("late", 1, "1", Alert: true), SvgBarChart.Count("ok", 1)]);
        var fills = Parse(markup).Descendants(Svg + "rect").Select(r => (string)r.Attribute("fill")!).ToList();
        Assert.NotEqual(fills[0], fills[1]);
        Assert.DoesNotContain("style=", markup, StringComparison.Ordinal); // the CSP forbids inline style
    }

    private static XElement Parse(string markup) => XElement.Parse(markup);
}
