using System.Globalization;
using System.Net;
using System.Text;

namespace Integra.Gateway.Portal.Desk;

/// <summary>One bar: its label, the value it is drawn to, the text written next to it, and whether it needs attention.</summary>
public sealed record ChartBar(string Label, double Value, string Text, bool Alert = false);

/// <summary>
/// A horizontal bar chart as inline SVG, drawn on the server: the portal's CSP allows no script and no inline style, and
/// the board must work without a CDN. Colours are SVG attributes, every label and title is escaped, and each bar has
/// its number written next to it so the chart reads without a scale.
/// </summary>
public static class SvgBarChart
{
    public const int Width = 640;
    // Wide enough for the longest state label in words ("LSR pending expedite review (PND)", OrderText).
    public const int LabelWidth = 240;
    public const int BarArea = 290;
    public const int RowHeight = 24;
    public const int Top = 34;
    private const string BarColour = "#0b6fb3";
    private const string AlertColour = "#b3261e";

    /// <summary>
    /// The chart's SVG element. Bars are scaled to <paramref name="max"/> (their largest value when null, e.g. 100 for
    /// shares in percent); a bar never leaves the chart, and a negative value draws nothing. No bars: the chart says
    /// "No data" instead of drawing an empty frame.
    /// </summary>
    public static string Render(string title, IReadOnlyList<ChartBar> bars, double? max = null)
    {
        var height = Top + (Math.Max(bars.Count, 1) * RowHeight) + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" aria-label=\"{Escape(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Escape(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"18\" font-size=\"15\" font-weight=\"bold\" fill=\"#1d2733\">{Escape(title)}</text>");
        if (bars.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{Top + 16}\" font-size=\"13\" fill=\"#5b6775\">No data</text>");
            return svg.Append("</svg>").ToString();
        }

        var scale = max ?? bars.Max(b => b.Value);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Top + (i * RowHeight);
            var length = BarLength(bar.Value, scale);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"bar\"><text x=\"{LabelWidth - 8}\" y=\"{y + 15}\" font-size=\"13\" text-anchor=\"end\" fill=\"#1d2733\">{Escape(bar.Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{length:0.#}\" height=\"{RowHeight - 6}\" fill=\"{(bar.Alert ? AlertColour : BarColour)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 6:0.#}\" y=\"{y + 15}\" font-size=\"13\" fill=\"#1d2733\">{Escape(bar.Text)}</text></g>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The drawn length of <paramref name="value"/> on a scale whose end is <paramref name="max"/>, within 0–<see cref="BarArea"/>.</summary>
    public static double BarLength(double value, double max) =>
        max <= 0 || double.IsNaN(value) ? 0 : Math.Clamp(value / max, 0, 1) * BarArea;

    /// <summary>A count as a bar whose text is the count itself.</summary>
    public static ChartBar Count(string label, long value, bool alert = false) =>
        new(label, value, value.ToString(CultureInfo.InvariantCulture), alert);

    // HtmlEncode escapes what XML needs in text and in quoted attributes: < > & " '.
    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
