using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Domain.Units;

namespace RoViec.Web.Features.Organisation;

/// <summary>Adds a unit to a commune: one of the catalogue's default units it does not have yet, or a new one.</summary>
public static class AddUnit
{
    /// <summary>The catalogue's default units the commune does not have yet, by catalogue key.</summary>
    public static async Task<IReadOnlyList<Unit>> MissingDefaultsAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        var keys = await db.Units.Where(u => u.CommuneId == communeId).Select(u => u.Key).ToListAsync(ct);
        var present = keys.ToHashSet(StringComparer.Ordinal);
        return [.. UnitCatalog.CreateDefault().Units.Where(u => !present.Contains(u.Id))];
    }

    public static async Task<UnitOutcome> FromCatalogueAsync(RoViecDbContext db, Guid communeId, string key, Guid? parentId, CancellationToken ct)
    {
        var unit = (await MissingDefaultsAsync(db, communeId, ct)).FirstOrDefault(u => u.Id == key);
        if (unit is null) return new UnitOutcome.Refused(new NotInCatalogue());
        var input = new UnitInput(unit.Name, unit.Kind.ToString(), parentId, unit.Aliases);
        return await SaveAsync(db, communeId, key, input, ct);
    }

    public static async Task<UnitOutcome> NewAsync(RoViecDbContext db, Guid communeId, UnitInput input, CancellationToken ct)
    {
        var stem = "don-vi:" + VietnameseText.Fold(input.Name).Replace(' ', '-');
        if (stem.Length > 180) stem = stem[..180];
        var keys = (await db.Units.Where(u => u.CommuneId == communeId && u.Key.StartsWith(stem)).Select(u => u.Key).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var key = stem;
        for (var n = 2; keys.Contains(key); n++) key = stem + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await SaveAsync(db, communeId, key, input, ct);
    }

    private static async Task<UnitOutcome> SaveAsync(RoViecDbContext db, Guid communeId, string key, UnitInput input, CancellationToken ct)
    {
        if (await input.CheckAsync(db, communeId, unitId: null, ct) is { } error) return new UnitOutcome.Refused(error);
        var row = new OrgUnit
        {
            Id = Guid.NewGuid(),
            CommuneId = communeId,
            ParentId = input.ParentId,
            Key = key,
            Name = input.Name,
            Kind = input.Kind,
            Aliases = input.StoredAliases,
            Active = true,
            Version = Guid.NewGuid(),
        };
        db.Units.Add(row);
        await db.SaveChangesAsync(ct);
        return new UnitOutcome.Saved(row);
    }
}
