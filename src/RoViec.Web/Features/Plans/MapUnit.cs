using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Domain.Units;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// Maps a unit name the catalogue did not know ("Bưu điện xã") to a unit of the commune, in one save:
/// every task it leads and every indicator it owns, in any plan of the commune, now belong to that
/// unit; the name becomes one of the unit's aliases, so the next import knows it; the unrecognised
/// row is removed. The text as written in the plan is kept.
/// </summary>
public static class MapUnit
{
    /// <summary>A target of the commune ("unit:{id}"), or a catalogue unit the commune has no row for yet ("catalog:{key}").</summary>
    public static async Task<ReviewResult> RunAsync(RoViecDbContext db, Guid communeId, Guid unrecognisedId, string? target, CancellationToken ct)
    {
        var source = await db.Units.FirstOrDefaultAsync(u => u.Id == unrecognisedId, ct);
        if (source is null || !CommuneCatalog.IsUnrecognised(source)) return new ReviewResult.NotFound();
        var units = await CommuneUnits.LoadAsync(db, communeId, ct);
        OrgUnit? row = null;
        if (target?.StartsWith("unit:", StringComparison.Ordinal) == true && Guid.TryParse(target[5..], out var id))
            row = units.Rows.FirstOrDefault(u => u.Id == id);
        else if (target?.StartsWith("catalog:", StringComparison.Ordinal) == true && UnitCatalog.CreateDefault().Units.FirstOrDefault(u => u.Id == target[8..]) is { } unit)
            row = units.RowFor(unit);
        if (row is null || !CommuneCatalog.IsAssignable(row))
            return ReviewResult.Invalid.Of("Target", "Hãy chọn một đơn vị trong danh mục của xã.");

        var aliases = row.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var name in source.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Prepend(source.Name))
        {
            if (!aliases.Append(row.Name).Any(a => VietnameseText.Fold(a) == VietnameseText.Fold(name))) aliases.Add(name);
        }
        var joined = string.Join('|', aliases);
        if (joined.Length > 2000) return ReviewResult.Invalid.Of("Target", "Đơn vị này đã có quá nhiều tên gọi khác; hãy liên hệ quản trị viên.");
        row.Aliases = joined;
        row.Version = Guid.NewGuid();

        foreach (var task in await db.Tasks.Where(t => t.LeadUnitId == source.Id).ToListAsync(ct))
        {
            task.LeadUnitId = row.Id;
            task.Version = Guid.NewGuid();
        }
        foreach (var indicator in await db.Indicators.Where(i => i.OwnerUnitId == source.Id).ToListAsync(ct))
        {
            indicator.OwnerUnitId = row.Id;
            indicator.Version = Guid.NewGuid();
        }
        foreach (var user in await db.Users.Where(u => u.CommuneId == communeId && u.UnitId == source.Id).ToListAsync(ct))
            user.UnitId = row.Id;
        var memberships = await db.SteeringMemberUnits.Where(m => m.UnitId == source.Id || m.UnitId == row.Id).ToListAsync(ct);
        foreach (var membership in memberships.Where(m => m.UnitId == source.Id))
        {
            if (memberships.Any(m => m.MemberId == membership.MemberId && m.UnitId == row.Id)) db.SteeringMemberUnits.Remove(membership);
            else membership.UnitId = row.Id;
        }
        db.Units.Remove(source);
        return await DraftRows.SaveAsync(db, new ReviewResult.Done(row.Id), ct);
    }
}
