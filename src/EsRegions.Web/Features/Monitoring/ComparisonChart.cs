using System.Net;
using EsRegions.Web.Infrastructure.Web;
using System.Text;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>
/// A server-rendered SVG bar chart of a comparison (years on the axis, one bar per region), no script and no CDN.
/// Bars carry a pattern as well as a colour and the regions are named in a legend; the page shows the same numbers
/// in a table, which is the chart's accessible equivalent.
/// </summary>
public static class ComparisonChart
{
    // Dark, mutually distinguishable colours (≥ 3:1 against white for graphical objects, WCAG 1.4.11).
    private static readonly string[] Colours = ["#0b5394", "#a61c00", "#38761d", "#674ea7", "#7f6000", "#134f5c", "#741b47", "#434343"];

    public static string Svg(ComparisonDto c, bool per100k, string titleId)
    {
        var years = c.Series.SelectMany(s => s.Values.Select(v => v.Period)).Distinct().Order().ToList();
        decimal? Value(ComparisonSeriesDto s, string year) => s.Values.FirstOrDefault(v => v.Period == year) is { } v ? per100k ? v.Per100k : v.Value : null;
        var max = c.Series.SelectMany(s => years.Select(y => Value(s, y) ?? 0)).DefaultIfEmpty(0).Max();
        if (max <= 0) max = 1;
        const int left = 60, top = 20, plotHeight = 220, barWidth = 22, gap = 28;
        var groupWidth = Math.Max(1, c.Series.Count) * barWidth + gap;
        var width = left + Math.Max(1, years.Count) * groupWidth + 20;
        var legendTop = top + plotHeight + 40;
        var height = legendTop + c.Series.Count * 22 + 10;
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{titleId}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" class=\"comparison-chart\">");
        svg.Append("<defs>");
        for (var i = 0; i < c.Series.Count; i++)
            svg.Append($"<pattern id=\"{titleId}-p{i}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate({i * 45})\"><rect width=\"6\" height=\"6\" fill=\"{Colours[i % Colours.Length]}\"/>{(i % 2 == 1 ? "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#fff\" stroke-width=\"2\"/>" : "")}</pattern>");
        svg.Append("</defs>");
        svg.Append($"<line x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{width - 10}\" y2=\"{top + plotHeight}\" stroke=\"#212529\"/>");
        svg.Append($"<text x=\"{left - 6}\" y=\"{top + 4}\" text-anchor=\"end\" font-size=\"12\" fill=\"#212529\">{N(max)}</text>");
        svg.Append($"<text x=\"{left - 6}\" y=\"{top + plotHeight}\" text-anchor=\"end\" font-size=\"12\" fill=\"#212529\">0</text>");
        for (var y = 0; y < years.Count; y++)
        {
            var x0 = left + y * groupWidth + gap / 2;
            for (var s = 0; s < c.Series.Count; s++)
            {
                if (Value(c.Series[s], years[y]) is not { } v) continue;
                var h = (int)Math.Round(v / max * plotHeight);
                svg.Append($"<rect x=\"{x0 + s * barWidth}\" y=\"{top + plotHeight - h}\" width=\"{barWidth - 4}\" height=\"{h}\" fill=\"url(#{titleId}-p{s})\" stroke=\"#212529\" stroke-width=\"0.5\"/>");
            }
            svg.Append($"<text x=\"{x0 + c.Series.Count * barWidth / 2}\" y=\"{top + plotHeight + 18}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#212529\">{years[y]}</text>");
        }
        for (var s = 0; s < c.Series.Count; s++)
        {
            var ly = legendTop + s * 22;
            svg.Append($"<rect x=\"{left}\" y=\"{ly}\" width=\"16\" height=\"16\" fill=\"url(#{titleId}-p{s})\" stroke=\"#212529\" stroke-width=\"0.5\"/>");
            svg.Append($"<text x=\"{left + 24}\" y=\"{ly + 13}\" font-size=\"13\" fill=\"#212529\">{WebUtility.HtmlEncode(c.Series[s].Name)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The scale's numbers as the page's table writes them, in the interface's language.</summary>
    private static string N(decimal d) => UiFormat.Number(d);
}
