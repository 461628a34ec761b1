using System.Globalization;
using System.Net;
using System.Text;

namespace Localize.Server.Web;

/// <summary>
/// A bar chart drawn on the server as inline SVG: a y axis with round ticks and its unit, an x axis with its labels,
/// one bar per point with its exact value as a tooltip, and a title and description for screen readers. No script,
/// no library: the page stays one request and works with JavaScript off.
/// </summary>
public static class SvgBarChart
{
    private const int Width = 640, Height = 260, Left = 64, Right = 16, Top = 16, Bottom = 52;

    /// <param name="id">The element id (and the prefix of its title's id).</param>
    /// <param name="xTitle">What the x axis counts, e.g. "day (UTC)".</param>
    /// <param name="yTitle">What the y axis measures, with its unit, e.g. "segments approved".</param>
    /// <param name="labelEvery">Write every n-th x label only, so 30 days stay legible.</param>
    /// <param name="wholeUnits">Counts: ticks are whole numbers (never "0.25 segments").</param>
    public static string Render(
        string id, string title, string xTitle, string yTitle, IReadOnlyList<ChartPoint> points, Func<double, string> formatTick, int labelEvery = 1, bool wholeUnits = true)
    {
        var max = points.Count == 0 ? 0 : points.Max(p => p.Value);
        var step = NiceStep(max <= 0 ? 1 : max / 4);
        step = wholeUnits ? Math.Max(1, Math.Ceiling(step)) : step;
        var top = Math.Max(step, Math.Ceiling(max / step) * step);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = points.Count == 0 ? plotWidth : (double)plotWidth / points.Count;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg id="{E(id)}" class="chart" role="img" aria-labelledby="{E(id)}-title {E(id)}-desc" viewBox="0 0 {Width} {Height}" xmlns="http://www.w3.org/2000/svg">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{E(id)}-title">{E(title)}</title>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<desc id="{E(id)}-desc">{E(Describe(points, formatTick))}</desc>""");
        for (var tick = 0.0; tick <= top + (step / 2); tick += step)
        {
            var y = Y(tick);
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="grid" x1="{Left}" x2="{Width - Right}" y1="{y:0.#}" y2="{y:0.#}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="tick" x="{Left - 6}" y="{y + 4:0.#}" text-anchor="end">{E(formatTick(tick))}</text>""");
        }

        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var x = Left + (i * slot) + (slot * 0.15);
            var y = Y(point.Value);
            svg.Append(CultureInfo.InvariantCulture, $"""<rect class="bar" x="{x:0.#}" y="{y:0.#}" width="{slot * 0.7:0.#}" height="{Top + plotHeight - y:0.#}" data-value="{point.Value.ToString(CultureInfo.InvariantCulture)}"><title>{E(point.Label)}: {E(formatTick(point.Value))}</title></rect>""");
            if (i % labelEvery == 0 || i == points.Count - 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<text class="tick" x="{x + (slot * 0.35):0.#}" y="{Top + plotHeight + 16}" text-anchor="middle">{E(point.ShortLabel ?? point.Label)}</text>""");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<line class="axis" x1="{Left}" x2="{Left}" y1="{Top}" y2="{Top + plotHeight}"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line class="axis" x1="{Left}" x2="{Width - Right}" y1="{Top + plotHeight}" y2="{Top + plotHeight}"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text class="axis-title" x="{Left + (plotWidth / 2)}" y="{Height - 8}" text-anchor="middle">{E(xTitle)}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text class="axis-title" transform="translate(14 {Top + (plotHeight / 2)}) rotate(-90)" text-anchor="middle">{E(yTitle)}</text>""");
        svg.Append("</svg>");
        return svg.ToString();

        double Y(double value) => Top + plotHeight - (value / top * plotHeight);
    }

    /// <summary>1, 2, 2.5 or 5 times a power of ten: the round tick step nearest above <paramref name="raw"/>.</summary>
    public static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var factor in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (factor * magnitude >= raw)
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Describe(IReadOnlyList<ChartPoint> points, Func<double, string> format) =>
        points.Count == 0 ? "No data." : string.Join("; ", points.Where(p => p.Value > 0).Select(p => $"{p.Label}: {format(p.Value)}").DefaultIfEmpty("All values are zero."));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

/// <param name="ShortLabel">What the x axis writes (e.g. "24 Nov"); the tooltip and description use <paramref name="Label"/>.</param>
public sealed record ChartPoint(string Label, double Value, string? ShortLabel = null);
