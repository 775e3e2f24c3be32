using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Organisation;

/// <summary>How much refers to a unit: tasks it leads (any plan), accounts in it, and other links (indicators, units under it, steering members, requests to move a deadline).</summary>
public sealed record UnitUsage(int Tasks, int Users, int Others)
{
    public bool IsUsed => Tasks + Users + Others > 0;
}

/// <summary>
/// Deletes a unit nothing refers to. A unit that leads tasks, has accounts or anything else attached
/// is only ever deactivated, so no task loses its lead and no history loses its subject.
/// </summary>
public static class DeleteUnit
{
    public static async Task<UnitUsage> UsageAsync(RoViecDbContext db, Guid unitId, CancellationToken ct)
    {
        var tasks = await db.Tasks.CountAsync(t => t.LeadUnitId == unitId, ct);
        var users = await db.Users.CountAsync(u => u.UnitId == unitId, ct);
        var others = await db.Indicators.CountAsync(i => i.OwnerUnitId == unitId, ct)
            + await db.Units.CountAsync(u => u.ParentId == unitId, ct)
            + await db.SteeringMemberUnits.CountAsync(m => m.UnitId == unitId, ct)
            + await db.DeadlineChangeRequests.CountAsync(r => r.UnitId == unitId, ct);
        return new UnitUsage(tasks, users, others);
    }

    public static async Task<UnitOutcome> DeleteAsync(RoViecDbContext db, OrgUnit unit, Guid version, CancellationToken ct)
    {
        var usage = await UsageAsync(db, unit.Id, ct);
        if (usage.IsUsed) return new UnitOutcome.Refused(new InUse(unit.Name, usage.Tasks, usage.Users, usage.Others));
        db.Entry(unit).Property(u => u.Version).OriginalValue = version;
        db.Units.Remove(unit);
        return await EditUnit.SaveOrConflictAsync(db, unit, ct);
    }
}
