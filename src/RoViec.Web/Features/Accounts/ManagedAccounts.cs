using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.Accounts;

/// <summary>An account as the list of accounts shows it.</summary>
public sealed record AccountRow(
    Guid Id, string UserName, string? FullName, string? Title, IReadOnlyList<string> Roles,
    string? Unit, string? Commune, bool Locked, bool TwoFactor);

/// <summary>The accounts an administrator manages: their commune's, or for a province administrator every commune's of the province and the province's own.</summary>
public static class ManagedAccounts
{
    /// <param name="communeId">Only this commune's accounts; <see cref="Guid.Empty"/> for the province's own accounts; null for all.</param>
    /// <summary>Forgets what the unit of work holds, after a refused save, so the account is read again as stored.</summary>
    public static void Forget(RoViecDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The commune's active units an account may belong to (not groups), and the unit <paramref name="keep"/> it belongs
    /// to now even if no longer active, in Vietnamese alphabetical order.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> AssignableUnitsAsync(RoViecDbContext db, Guid communeId, Guid? keep, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. (await db.Units.Where(u => u.CommuneId == communeId && ((u.Active && u.Kind != "Group") || u.Id == keep)).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .OrderBy(u => u.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), true))
            .Select(u => (u.Id, u.Name))];
    }

    public static async Task<IReadOnlyList<AccountRow>> ListAsync(RoViecDbContext db, UserScope admin, Guid? communeId, TimeProvider clock, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        if (admin.CommuneId is { } own) users = users.Where(u => u.CommuneId == own);
        else if (admin.ProvinceId is { } province)
        {
            var communes = db.Communes.Where(c => c.ProvinceId == province).Select(c => c.Id);
            users = users.Where(u => (u.CommuneId != null && communes.Contains(u.CommuneId.Value)) || (u.CommuneId == null && u.ProvinceId == province));
        }
        else return [];
        if (communeId == Guid.Empty) users = users.Where(u => u.CommuneId == null);
        else if (communeId is { } only) users = users.Where(u => u.CommuneId == only);

        var rows = await (from u in users
                          join unit in db.Units on u.UnitId equals unit.Id into units
                          from unit in units.DefaultIfEmpty()
                          join commune in db.Communes on u.CommuneId equals commune.Id into communes
                          from commune in communes.DefaultIfEmpty()
                          select new { u.Id, u.UserName, u.FullName, u.Title, Unit = unit != null ? unit.Name : null, Commune = commune != null ? commune.Name : null, u.LockoutEnd, u.TwoFactorEnabled })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where ids.Contains(ur.UserId)
                            select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name ?? "");
        var now = clock.GetUtcNow();
        var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), true);
        return
        [
            .. rows.Select(r => new AccountRow(r.Id, r.UserName ?? "", r.FullName, r.Title, [.. roles[r.Id]], r.Unit, r.Commune,
                    r.LockoutEnd is { } end && end > now, r.TwoFactorEnabled))
                .OrderBy(r => r.Commune ?? "", comparer).ThenBy(r => r.FullName ?? r.UserName, comparer),
        ];
    }
}
