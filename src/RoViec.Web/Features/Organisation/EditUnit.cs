using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Organisation;

/// <summary>
/// Renames a unit, changes its kind, moves it under another unit (never under itself or its own
/// descendants) or changes its aliases. The version read with the form must still be the stored
/// one: otherwise nothing is written and both versions are shown.
/// </summary>
public static class EditUnit
{
    public static async Task<UnitOutcome> SaveAsync(RoViecDbContext db, OrgUnit unit, UnitInput input, Guid version, CancellationToken ct)
    {
        if (await input.CheckAsync(db, unit.CommuneId, unit.Id, ct) is { } error) return new UnitOutcome.Refused(error);
        db.Entry(unit).Property(u => u.Version).OriginalValue = version;
        unit.Name = input.Name;
        unit.Kind = input.Kind;
        unit.ParentId = input.ParentId;
        unit.Aliases = input.StoredAliases;
        unit.Version = Guid.NewGuid();
        return await SaveOrConflictAsync(db, unit, ct);
    }

    /// <summary>Deactivates (kept for history, no longer offered) or reactivates a unit, guarded by the version read with the page.</summary>
    public static async Task<UnitOutcome> SetActiveAsync(RoViecDbContext db, OrgUnit unit, bool active, Guid version, CancellationToken ct)
    {
        db.Entry(unit).Property(u => u.Version).OriginalValue = version;
        unit.Active = active;
        unit.Version = Guid.NewGuid();
        return await SaveOrConflictAsync(db, unit, ct);
    }

    internal static async Task<UnitOutcome> SaveOrConflictAsync(RoViecDbContext db, OrgUnit unit, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new UnitOutcome.Saved(unit);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var theirs = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unit.Id, ct);
            return theirs is null ? new UnitOutcome.Refused(new UnitGone()) : new UnitOutcome.Conflict(theirs);
        }
    }
}
