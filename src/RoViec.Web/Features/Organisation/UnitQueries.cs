using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Organisation;

/// <summary>Reads of one unit for its administration page, and the unit of work's reset after a refused change.</summary>
public static class UnitQueries
{
    /// <summary>Forgets what the unit of work holds, so the page reads the unit anew as stored.</summary>
    public static void Forget(RoViecDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.Clear();
    }

    /// <summary>The unit as stored (not tracked), or null.</summary>
    public static Task<OrgUnit?> FindAsync(RoViecDbContext db, Guid id, CancellationToken ct) =>
        db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);

    /// <summary>The unit, tracked, for a change the page has already checked it may make.</summary>
    public static Task<OrgUnit> TrackedAsync(RoViecDbContext db, Guid id, CancellationToken ct) =>
        db.Units.FirstAsync(u => u.Id == id, ct);

    /// <summary>The accounts of the unit, by user name: their id and full name (or user name).</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> AccountsAsync(RoViecDbContext db, Guid unitId, CancellationToken ct) =>
        [.. (await db.Users.Where(u => u.UnitId == unitId).OrderBy(u => u.UserName).Select(u => new { u.Id, Name = u.FullName ?? u.UserName ?? "" }).ToListAsync(ct)).Select(u => (u.Id, u.Name))];

    /// <summary>The unit's last 100 recorded changes, newest first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ChangesAsync(RoViecDbContext db, Guid unitId, CancellationToken ct)
    {
        var key = unitId.ToString();
        return await db.Audit.AsNoTracking().Where(a => a.Entity == nameof(OrgUnit) && a.EntityId == key).OrderByDescending(a => a.Id).Take(100).ToListAsync(ct);
    }
}
