using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Dashboards;
using RoViec.Web.Features.Figures;
using RoViec.Web.Features.Scores;

namespace RoViec.Web.Features.OfficialReports;

/// <summary>
/// The official report of a period as a Word document, written from the period's snapshot — the same figures the
/// dashboard shows — with the dashboard's charts and the units' scores. Usable without a web request.
/// </summary>
public static class OfficialReport
{
    /// <summary>The report as Word, and whether it is a draft (<see cref="MonthlyReportDocx.IsDraft"/>).</summary>
    public sealed record Written(byte[] Content, bool Draft);

    /// <param name="onlyPlan">One plan of the period alone (<see cref="OnePlan"/>); the office's own paragraphs are the whole
    /// report's, so a one-plan report is the generated text.</param>
    public static async Task<Written> WriteDocxAsync(RoViecDbContext db, ReportingPeriod period, MonthlyReportSettings settings, TimeProvider clock, CancellationToken ct, Guid? onlyPlan = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var figures = await OnePlan.FiguresAsync(db, period, onlyPlan, clock, ct);
        var extras = await ExtrasAsync(db, figures, ct);
        var report = onlyPlan is null ? ReportCompositions.Apply(figures.Report, await ReportCompositions.ReadAsync(db, period.Id, ct)) : figures.Report;
        return new Written(MonthlyReportDocx.Write(report, settings, extras), MonthlyReportDocx.IsDraft(report));
    }

    /// <summary>The particulars of the period's report: the layout profile's defaults with what the office kept with the report over them.</summary>
    public static async Task<MonthlyReportSettings> SettingsAsync(RoViecDbContext db, ReportingPeriod period, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var defaults = await MonthlyReportSettings.DefaultsAsync(db, period, today, ct);
        return ReportCompositions.Apply(defaults, await ReportCompositions.ReadAsync(db, period.Id, ct));
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
            // A month's own scheme; for a quarter or the year, that of its last scored month (as the average ranking classes them).
            var period = await db.Periods.AsNoTracking().FirstAsync(p => p.Id == figures.PeriodId, ct);
            var schemeId = await (from s in db.UnitScores.AsNoTracking()
                                  join p in db.Periods.AsNoTracking() on s.PeriodId equals p.Id
                                  where p.PlanId == period.PlanId && (s.PeriodId == period.Id || (p.Kind == PeriodKinds.Monthly && p.StartsOn >= period.StartsOn && p.EndsOn <= period.EndsOn))
                                  orderby p.StartsOn descending
                                  select s.SchemeId).FirstOrDefaultAsync(ct);
            if (await SchemeStore.ByIdAsync(db, schemeId, ct) is { } scheme) classes = ScoreQueries.ClassesText(scheme.Definition);
        }
        return new ReportExtras(donut, bars, [.. figures.Ranking.Select(r => new ScoreRow(r.Rank, r.Unit, r.Total, r.HeadTotal, r.Band))], classes, figures.Tasks, Averaged: figures.Kind is PeriodKinds.Quarterly or PeriodKinds.Annual);
    }
}
