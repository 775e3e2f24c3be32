using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Accounts;

/// <summary>Where an account works: its commune or, for a province account, its province; and its unit.</summary>
public static class AccountPlace
{
    public sealed record Place(string? Commune, string? Province, string? Unit);

    public static async Task<Place> OfAsync(RoViecDbContext db, AppUser account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(account);
        var commune = account.CommuneId is { } communeId ? await db.Communes.Where(c => c.Id == communeId).Select(c => c.Name).FirstAsync(ct) : null;
        var province = commune is null && account.ProvinceId is { } provinceId ? await db.Provinces.Where(p => p.Id == provinceId).Select(p => p.Name).FirstAsync(ct) : null;
        var unit = account.UnitId is { } unitId ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct) : null;
        return new Place(commune, province, unit);
    }
}
