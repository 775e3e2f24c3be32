using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Dashboards;
using RoViec.Web.Features.Scoring;
using RoViec.Web.Features.Snapshots;

namespace RoViec.Web.Features.Publishing;

/// <summary>
/// The official report of a period as a Word document, written from the period's snapshot — the same figures the
/// dashboard shows — with the dashboard's charts and the units' scores. Usable without a web request.
/// </summary>
public static class OfficialReport
{
    public static async Task<byte[]> WriteDocxAsync(RoViecDbContext db, ReportingPeriod period, MonthlyReportSettings settings, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var figures = await PeriodSnapshots.ReadAsync(db, period, today, ct);
        var extras = await ExtrasAsync(db, figures, ct);
        return MonthlyReportDocx.Write(figures.Report with { Settings = settings }, extras);
    }

    public static async Task<ReportExtras> ExtrasAsync(RoViecDbContext db, PeriodFigures figures, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(figures);
        var view = DashboardView.Of(figures, DashboardLens.Commune);
        var donut = figures.Report.TaskTotal == 0 ? null : DashboardCharts.StatusDonut(view.ByStatus, 640, 340);
        var bars = figures.Indicators.Any(i => i.Unit == "%" && i.Number is not null) ? DashboardCharts.IndicatorBars(figures.Indicators, 640, 340) : null;
        string? classes = null;
        if (figures.Ranking.Count > 0)
        {
            var schemeId = await db.UnitScores.AsNoTracking().Where(s => s.PeriodId == figures.PeriodId).Select(s => s.SchemeId).FirstOrDefaultAsync(ct);
            if (await SchemeStore.ByIdAsync(db, schemeId, ct) is { } scheme) classes = ScoreQueries.ClassesText(scheme.Definition);
        }
        return new ReportExtras(donut, bars, [.. figures.Ranking.Select(r => new ScoreRow(r.Rank, r.Unit, r.Total, r.HeadTotal, r.Band))], classes);
    }
}
