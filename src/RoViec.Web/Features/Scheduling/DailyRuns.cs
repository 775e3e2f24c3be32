using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Scheduling;

/// <summary>
/// The day a commune's day-level scheduled work was last done (<see cref="DailyRun"/>): the scheduler ticks every
/// minute, but reminders and task alerts change only with the day, so each commune's are done at its first tick of a
/// Vietnam day and skipped by the other 1,439.
/// </summary>
public static class DailyRuns
{
    /// <summary>Reminders, task alerts and next year's proposal reminders of a commune.</summary>
    public const string Notices = "notices";

    /// <summary>The day's look at a commune's open and lately closed periods' snapshots (<see cref="SnapshotRefresh"/>).</summary>
    public const string Snapshots = "snapshots";

    /// <summary>Records that the commune's <paramref name="job"/> is done for <paramref name="today"/>.</summary>
    public static async Task MarkDoneAsync(RoViecDbContext db, Guid communeId, string job, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var updated = await db.DailyRuns.Where(r => r.CommuneId == communeId && r.Job == job)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DoneOn, today), ct);
        if (updated > 0) return;
        var run = new DailyRun { CommuneId = communeId, Job = job, DoneOn = today };
        db.DailyRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (Notifications.Notices.IsInsertConflict(ex))
        {
            // Another instance recorded the same day first (after losing the lease mid-tick): the day is done either way.
            db.Entry(run).State = EntityState.Detached;
        }
    }
}
