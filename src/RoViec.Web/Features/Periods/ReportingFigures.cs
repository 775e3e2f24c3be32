using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Periods;

/// <summary>
/// The expected reports of a plan's opened periods, with each unit's due day (its extension's when it has
/// one) and the day its report first reached the standing office, for <see cref="ReportingRate"/>.
/// A report counts as received once it has been submitted to the standing office (waiting, returned or
/// verified); on time is judged by its first submission, so a report returned and fixed later stays on time.
/// </summary>
public static class ReportingFigures
{
    private static readonly string[] ReachedOffice = [ReportStates.Submitted, ReportStates.Returned, ReportStates.Verified];

    public static async Task<IReadOnlyList<ExpectedReport>> ExpectedAsync(RoViecDbContext db, Guid planId, Guid? periodId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The year's reports include those of the months closed under a version of the plan it replaced.
        var periods = db.Periods.AsNoTracking();
        if (periodId is { } onlyPeriod) periods = periods.Where(p => p.Id == onlyPeriod && p.PlanId == planId);
        else
        {
            var line = await Plans.ReplacePlan.PlanLineAsync(db, planId, ct);
            periods = periods.Where(p => line.Contains(p.PlanId));
        }
        var rows = await (
            from report in db.Reports.AsNoTracking()
            join period in periods on report.PeriodId equals period.Id
            select new { report.UnitId, report.PeriodId, period.UnitDueOn, report.State, report.FirstSubmittedAtUtc, report.ApprovedAtUtc }).ToListAsync(ct);
        var extensions = await ExtensionsAsync(db, rows.Select(r => r.PeriodId).Distinct().ToList(), ct);
        return rows.Select(r => new ExpectedReport(
            r.UnitId,
            r.PeriodId,
            extensions.TryGetValue((r.PeriodId, r.UnitId), out var due) && due > r.UnitDueOn ? due : r.UnitDueOn,
            ReachedOffice.Contains(r.State) && r.FirstSubmittedAtUtc is { } at ? DateOnly.FromDateTime(VietnamTime.FromUtc(at)) : null)).ToList();
    }

    /// <summary>The latest extension granted to each unit in these periods.</summary>
    public static async Task<Dictionary<(Guid Period, Guid Unit), DateOnly>> ExtensionsAsync(RoViecDbContext db, IReadOnlyCollection<Guid> periodIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.PeriodExtensions.AsNoTracking().Where(e => periodIds.Contains(e.PeriodId))
            .Select(e => new { e.PeriodId, e.UnitId, e.DueOn, e.GrantedAtUtc }).ToListAsync(ct);
        return rows.GroupBy(e => (e.PeriodId, e.UnitId))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.GrantedAtUtc).First().DueOn);
    }
}
