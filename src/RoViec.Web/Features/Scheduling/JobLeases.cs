using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Scheduling;

/// <summary>
/// A lease on a named job, kept in the database so that however many instances run behind a load balancer,
/// one of them does the job at a time. Taking and renewing is one conditional UPDATE (the row is free when
/// its lease has expired, or already ours); the row is inserted on first use, and an insert that loses the
/// race to another instance's insert means "not acquired". The same SQL on SQLite and PostgreSQL.
/// </summary>
public static class JobLeases
{
    /// <summary>Takes or renews the lease until <paramref name="nowUtc"/> + <paramref name="duration"/>; false when another instance holds it.</summary>
    public static async Task<bool> TryAcquireAsync(RoViecDbContext db, string name, string holder, TimeSpan duration, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var until = nowUtc + duration;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.ExpiresAtUtc < nowUtc || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUtc, until), ct);
        if (taken == 1) return true;
        if (await db.JobLeases.AnyAsync(l => l.Name == name, ct)) return false;

        var lease = new JobLease { Name = name, Holder = holder, ExpiresAtUtc = until };
        db.JobLeases.Add(lease);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (Notifications.Notices.IsInsertConflict(ex))
        {
            // Another instance inserted the row between our read and our insert: it holds the lease.
            db.Entry(lease).State = EntityState.Detached;
            if (await db.JobLeases.AnyAsync(l => l.Name == name, ct)) return false;
            throw;
        }
        finally
        {
            if (db.Entry(lease).State != EntityState.Detached) db.Entry(lease).State = EntityState.Detached;
        }
    }

    /// <summary>Gives the lease up (at shutdown) so another instance takes over at its next tick rather than after the expiry.</summary>
    public static Task<int> ReleaseAsync(RoViecDbContext db, string name, string holder, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var past = nowUtc.AddSeconds(-1);
        return db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAtUtc, past), ct);
    }
}
