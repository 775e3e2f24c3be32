using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Periods;

/// <summary>
/// A month that remembers the last: each line of a newly opened period starts from the values of the same unit's line
/// for the same task or indicator in its latest verified report of an earlier period of the same kind — the status,
/// the percent, the work text as a starting point, the reason, the indicator's value and its source — so a reporter
/// changes what changed instead of retyping every recurring task. Difficulties, requests, comments and evidence are
/// the month's own and never carried. A line whose values are still those carried is shown as carried.
/// </summary>
public static class CarriedValues
{
    /// <summary>A verified line of an earlier period and the period's label.</summary>
    public sealed record Source(Guid PeriodId, string PeriodLabel, ReportItem Item);

    /// <summary>What a line is about: its unit, kind and task or indicator.</summary>
    public readonly record struct Subject(Guid UnitId, string Kind, Guid About);

    public static Subject? SubjectOf(Guid unitId, ReportItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (item.TaskId ?? item.IndicatorId) is { } about ? new Subject(unitId, item.Kind, about) : null;
    }

    /// <summary>The latest verified line of each subject in periods of <paramref name="period"/>'s plan and kind that ended before it began.</summary>
    /// <param name="unitId">Only this unit's lines, or every unit's when null.</param>
    public static async Task<Dictionary<Subject, Source>> LatestVerifiedAsync(RoViecDbContext db, ReportingPeriod period, Guid? unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var rows = await (
            from item in db.ReportItems.AsNoTracking()
            join report in db.Reports.AsNoTracking() on item.ReportId equals report.Id
            join earlier in db.Periods.AsNoTracking() on report.PeriodId equals earlier.Id
            where earlier.PlanId == period.PlanId && earlier.Kind == period.Kind && earlier.EndsOn < period.StartsOn
                && report.State == ReportStates.Verified && (unitId == null || report.UnitId == unitId)
            select new { report.UnitId, earlier.Id, earlier.Label, earlier.EndsOn, Item = item }).ToListAsync(ct);
        var latest = new Dictionary<Subject, Source>();
        foreach (var row in rows.OrderByDescending(r => r.EndsOn))
        {
            if (SubjectOf(row.UnitId, row.Item) is { } subject && Carries(row.Item)) latest.TryAdd(subject, new Source(row.Id, row.Label, row.Item));
        }
        return latest;
    }

    /// <summary>Whether a verified line holds anything to carry.</summary>
    public static bool Carries(ReportItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.TaskStatus is not null || item.Percent is not null || !string.IsNullOrWhiteSpace(item.WorkDone)
            || item.Value is not null || item.Numerator is not null;
    }

    /// <summary>Copies the carried values of <paramref name="from"/> into a new line.</summary>
    public static void CopyInto(ReportItem from, ReportItem to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        to.TaskStatus = from.TaskStatus;
        to.Percent = from.Percent;
        to.WorkDone = from.WorkDone;
        to.Reason = from.Reason;
        to.CompletedOn = from.TaskStatus == ReportedTaskStatuses.Done ? from.CompletedOn : null;
        to.Value = from.Value;
        to.Numerator = from.Numerator;
        to.Denominator = from.Denominator;
        to.DataSource = from.DataSource;
    }

    /// <summary>The line still holds exactly what was carried from <paramref name="from"/>.</summary>
    public static bool StillCarried(ReportItem from, ReportItem line)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(line);
        return line.TaskStatus == from.TaskStatus && line.Percent == from.Percent && line.WorkDone == from.WorkDone && line.Reason == from.Reason
            && line.CompletedOn == (from.TaskStatus == ReportedTaskStatuses.Done ? from.CompletedOn : null)
            && line.Value == from.Value && line.Numerator == from.Numerator && line.Denominator == from.Denominator && line.DataSource == from.DataSource;
    }
}
