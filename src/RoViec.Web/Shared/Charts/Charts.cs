using ScottPlot;

namespace RoViec.Web.Shared.Charts;

/// <summary>A chart drawn once: SVG for the pages, PNG for the Word report; the same picture in both.</summary>
public sealed record ChartImage(string Svg, byte[] Png, int Width, int Height);

/// <summary>A slice of a donut, a bar, or a point of a trend.</summary>
/// <param name="Color">"#rrggbb".</param>
public sealed record ChartValue(string Label, double Value, string Color);

/// <summary>A bar against its target line (an indicator's value against the plan's target).</summary>
public sealed record TargetBar(string Label, double Value, double? Target);

/// <summary>A named series over the months of a trend.</summary>
public sealed record TrendSeries(string Name, IReadOnlyList<double?> Values, string Color);

/// <summary>
/// The charts of the dashboards and the official reports, drawn on the server by ScottPlot (SkiaSharp):
/// a status donut, bars against target lines, and monthly trends. Small, no script, no CDN; texts in Vietnamese.
/// </summary>
public static class Charts
{
    private const string Font = "DejaVu Sans";

    public static ChartImage Donut(string title, IReadOnlyList<ChartValue> slices, int width = 480, int height = 320)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var plot = NewPlot(title);
        var shown = slices.Where(s => s.Value > 0).ToList();
        var pie = plot.Add.Pie(shown.Select(s => new PieSlice { Value = s.Value, FillColor = Color.FromHex(s.Color), LegendText = $"{s.Label} ({s.Value:0})" }).ToList());
        pie.DonutFraction = 0.55;
        pie.SliceLabelDistance = 0;
        plot.Axes.Frameless();
        // Frameless hides the title panel too; the donut keeps its title.
        plot.Axes.Title.IsVisible = true;
        plot.HideGrid();
        plot.ShowLegend(Edge.Right);
        return Draw(plot, width, height);
    }

    public static ChartImage Bars(string title, IReadOnlyList<TargetBar> bars, string valueLabel, int width = 640, int height = 360)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var plot = NewPlot(title);
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var met = b.Target is not { } t || b.Value >= t;
            var bar = plot.Add.Bar(position: i, value: b.Value);
            bar.Color = Color.FromHex(met ? "#2e7d32" : "#c62828");
            if (b.Target is { } target)
            {
                var line = plot.Add.Line(i - 0.45, target, i + 0.45, target);
                line.LineWidth = 3;
                line.LineColor = Color.FromHex("#212121");
            }
        }
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, bars.Count).Select(i => (double)i)], [.. bars.Select(b => b.Label)]);
        plot.Axes.Left.Label.Text = valueLabel;
        plot.Axes.Margins(bottom: 0);
        return Draw(plot, width, height);
    }

    public static ChartImage Trend(string title, IReadOnlyList<string> months, IReadOnlyList<TrendSeries> series, double? target = null, int width = 640, int height = 320)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(series);
        var plot = NewPlot(title);
        foreach (var s in series)
        {
            var points = s.Values.Select((v, i) => (v, i)).Where(p => p.v is not null).ToList();
            var scatter = plot.Add.Scatter(points.Select(p => (double)p.i).ToArray(), points.Select(p => p.v!.Value).ToArray());
            scatter.Color = Color.FromHex(s.Color);
            scatter.LineWidth = 2;
            scatter.MarkerSize = 6;
            scatter.LegendText = s.Name;
        }
        if (target is { } t)
        {
            var line = plot.Add.HorizontalLine(t);
            line.LineColor = Color.FromHex("#757575");
            line.LinePattern = LinePattern.Dashed;
        }
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, months.Count).Select(i => (double)i)], [.. months]);
        if (series.Count > 1) plot.ShowLegend(Edge.Bottom);
        return Draw(plot, width, height);
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title(title, size: 16);
        return plot;
    }

    private static ChartImage Draw(Plot plot, int width, int height) =>
        new(plot.GetSvgXml(width, height), plot.GetImageBytes(width, height, ImageFormat.Png), width, height);
}
