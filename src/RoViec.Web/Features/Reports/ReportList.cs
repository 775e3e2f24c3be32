using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Reports;

/// <summary>One unit's report in a list: its state, the day it is due (the unit's extension if any), when it came, whether late.</summary>
public sealed record ReportRow(Guid Id, Guid PeriodId, PeriodName Period, string UnitName, string State, DateOnly DueOn, bool Extended, DateTime? SubmittedAtUtc, bool Late)
{
    /// <summary>The period's stored Vietnamese label, for sentences built in code.</summary>
    public string PeriodLabel => Period.Label;
}

/// <summary>A period's reports, with how many have reached the standing office and how many of them on time.</summary>
public sealed record PeriodReports(ReportingPeriod Period, IReadOnlyList<ReportRow> Rows, int Expected, int Received, int OnTime);

/// <summary>
/// The lists of <c>/bao-cao</c>: a unit sees its own reports of every period, newest first; the commune's
/// readers see every unit's report of the open and the latest periods, grouped by period, filtered by period and state.
/// Late means first submitted after the due day, or not yet submitted when the due day has passed.
/// </summary>
public static class ReportList
{
    /// <summary>Closed periods shown beside the open ones when no period is chosen.</summary>
    public const int RecentClosed = 2;

    public static async Task<IReadOnlyList<ReportRow>> ForUnitAsync(RoViecDbContext db, Guid communeId, Guid unitId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await RowsAsync(db, db.Reports.Where(r => r.CommuneId == communeId && r.UnitId == unitId), today, ct);
        return [.. rows.OrderByDescending(r => r.Period.UnitDueOn).ThenBy(r => r.Period.Label, StringComparer.Ordinal).Select(r => r.Row)];
    }

    /// <summary>The periods one may choose from (every period opened so far, newest first) and the chosen or recent ones' reports.</summary>
    public static async Task<(IReadOnlyList<ReportingPeriod> Periods, IReadOnlyList<PeriodReports> Shown)> ForCommuneAsync(
        RoViecDbContext db, Guid communeId, Guid? periodId, string? state, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var periods = await db.Periods.AsNoTracking().Where(p => p.CommuneId == communeId && p.State != PeriodStates.Scheduled)
            .OrderByDescending(p => p.UnitDueOn).ThenBy(p => p.Label).ToListAsync(ct);
        var shown = periodId is { } chosen
            ? periods.Where(p => p.Id == chosen).ToList()
            : [.. periods.Where(p => p.State == PeriodStates.Open).Concat(periods.Where(p => p.State == PeriodStates.Closed).Take(RecentClosed))
                .OrderByDescending(p => p.UnitDueOn)];
        var ids = shown.Select(p => p.Id).ToList();
        var rows = await RowsAsync(db, db.Reports.Where(r => r.CommuneId == communeId && ids.Contains(r.PeriodId)), today, ct);
        var byPeriod = rows.ToLookup(r => r.Period.Id, r => r.Row);
        var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), true);
        return (periods, [.. shown.Select(p =>
        {
            var all = byPeriod[p.Id].ToList();
            var received = all.Where(r => r.State is ReportStates.Submitted or ReportStates.Verified).ToList();
            var filtered = string.IsNullOrEmpty(state) ? all : all.Where(r => r.State == state).ToList();
            return new PeriodReports(p, [.. filtered.OrderBy(r => r.UnitName, comparer)], all.Count, received.Count, received.Count(r => !r.Late));
        })]);
    }

    private static async Task<List<(ReportingPeriod Period, ReportRow Row)>> RowsAsync(RoViecDbContext db, IQueryable<UnitReport> reports, DateOnly today, CancellationToken ct)
    {
        var found = await (
            from report in reports.AsNoTracking()
            join period in db.Periods.AsNoTracking() on report.PeriodId equals period.Id
            join unit in db.Units.AsNoTracking() on report.UnitId equals unit.Id
            select new { Report = new { report.Id, report.UnitId, report.State, report.SubmittedAtUtc, report.FirstSubmittedAtUtc }, Period = period, UnitName = unit.Name })
            .ToListAsync(ct);
        var periodIds = found.Select(f => f.Period.Id).Distinct().ToList();
        var extensions = (await db.PeriodExtensions.AsNoTracking().Where(e => periodIds.Contains(e.PeriodId)).Select(e => new { e.PeriodId, e.UnitId, e.DueOn }).ToListAsync(ct))
            .GroupBy(e => (e.PeriodId, e.UnitId)).ToDictionary(g => g.Key, g => g.Max(e => e.DueOn));
        return [.. found.Select(f =>
        {
            var extended = extensions.TryGetValue((f.Period.Id, f.Report.UnitId), out var extendedTo);
            var due = extended ? extendedTo : f.Period.UnitDueOn;
            var late = f.Report.FirstSubmittedAtUtc is { } first ? ReportValues.Day(first) > due : today > due;
            return (f.Period, new ReportRow(f.Report.Id, f.Period.Id, PeriodName.Of(f.Period), f.UnitName, f.Report.State, due, extended, f.Report.SubmittedAtUtc, late));
        })];
    }
}
