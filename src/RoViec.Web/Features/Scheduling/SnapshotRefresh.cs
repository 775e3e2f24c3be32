using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Figures;

namespace RoViec.Web.Features.Scheduling;

/// <summary>
/// Stores the period snapshots that reads no longer store (a read computes a snapshot that is not current and writes
/// nothing): at each tick the stale ones, oldest first; and once per commune and Vietnam day (<see cref="DailyRuns"/>,
/// job <see cref="DailyRuns.Snapshots"/>) those of its open periods, of the periods closed in the last week, and of the
/// closed ones whose summary row is of a day before their compile day, whose stored figures are not current — derived for an earlier day than the period's reference day, of an older shape,
/// or missing. At most <c>RoViec:Scheduler:SnapshotsPerTick</c> builds a tick; the rest waits for the next tick.
/// A build keeps the snapshot stale when it was marked again while the build ran (<see cref="PeriodSnapshots.StoreAsync"/>).
/// </summary>
public static class SnapshotRefresh
{
    /// <summary>Why the scheduler built a snapshot, as its row records it.</summary>
    public const string Reason = "Lập lại theo lịch";

    /// <summary>How far back a closed period is still looked at by the day's pass (a scheduler stopped for a few days catches up).</summary>
    public const int CatchUpDays = 7;

    /// <summary>The periods whose snapshot is stale, oldest build first, every commune (the caller crosses the boundary).</summary>
    public static async Task<IReadOnlyList<ReportingPeriod>> StaleAsync(RoViecDbContext db, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (limit <= 0) return [];
        return await (from s in db.PeriodSnapshots.AsNoTracking()
                      join p in db.Periods.AsNoTracking() on s.PeriodId equals p.Id
                      where s.Stale
                      orderby s.BuiltAtUtc
                      select p).Take(limit).ToListAsync(ct);
    }

    /// <summary>
    /// The periods the day's pass looks at, of the communes whose pass is not done <paramref name="today"/>: the open
    /// periods of active plans, those closed within <see cref="CatchUpDays"/> and those closed whose summary row is of an
    /// earlier day than their compile day, by commune (the caller crosses the boundary).
    /// </summary>
    public static async Task<IReadOnlyList<ReportingPeriod>> OfTheDayAsync(RoViecDbContext db, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var since = today.AddDays(-CatchUpDays);
        return await db.Periods.AsNoTracking()
            .Where(p => (p.State == PeriodStates.Open || (p.State == PeriodStates.Closed && p.CompileDueOn >= since)
                    // A closed month, quarter or year last built before its compile day (its summary row says for which day).
                    || (p.State == PeriodStates.Closed && db.CommunePeriodSummaries.Any(s => s.PeriodId == p.Id && s.AsOf < p.CompileDueOn)))
                && db.Plans.Any(plan => plan.Id == p.PlanId && plan.Status == PlanStatuses.Active)
                && !db.DailyRuns.Any(r => r.CommuneId == p.CommuneId && r.Job == DailyRuns.Snapshots && r.DoneOn == today))
            .OrderBy(p => p.CommuneId).ThenBy(p => p.StartsOn).ThenBy(p => p.Kind).ToListAsync(ct);
    }

    /// <summary>Builds and stores the period's snapshot when the stored one is not current; true when it built one.</summary>
    public static async Task<bool> FreshenAsync(RoViecDbContext db, ReportingPeriod period, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        if (await PeriodSnapshots.CurrentAsync(db, period, clock, ct) is not null) return false;
        var computed = await PeriodSnapshots.PrepareAsync(db, period, clock, ct);
        await PeriodSnapshots.StoreAsync(db, period, computed, clock, Reason, "hệ thống", ct);
        return true;
    }
}
