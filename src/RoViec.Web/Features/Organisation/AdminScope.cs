using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.Organisation;

/// <summary>A commune an administrator may manage, with its province.</summary>
public sealed record CommuneChoice(Guid Id, string Name, Guid? ProvinceId, string? ProvinceName);

/// <summary>
/// What an administrator manages: a commune's administrator its own commune; a province's
/// administrator (a province, no commune) every commune of the province and the province's own
/// accounts. Anything else does not exist for them (404), whatever its id.
/// </summary>
public static class AdminScope
{
    /// <summary>Query parameter naming the commune a province administrator works on.</summary>
    public const string CommuneQuery = "xa";

    /// <summary>The caller when they administer something (a commune's or a province's administrator), else null.</summary>
    public static UserScope? Of(UserScope? caller) => caller is { ManagesOrganisation: true } ? caller : null;

    public static async Task<IReadOnlyList<CommuneChoice>> CommunesAsync(RoViecDbContext db, UserScope? caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var scope = Of(caller);
        if (scope is null) return [];
        IQueryable<Commune> communes;
        if (scope.CommuneId is { } own) communes = db.Communes.Where(c => c.Id == own);
        else if (scope.ProvinceId is { } province) communes = db.Communes.Where(c => c.ProvinceId == province);
        else return [];
        var list = await communes
            .Select(c => new CommuneChoice(c.Id, c.Name, c.ProvinceId, c.Province != null ? c.Province.Name : null))
            .ToListAsync(ct);
        return [.. list.OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))];
    }

    /// <summary>The commune a page works on: the one <paramref name="asked"/> names ("?xa=") among those managed, else the first; null when none (or not theirs).</summary>
    public static async Task<CommuneChoice?> SelectedAsync(RoViecDbContext db, UserScope? caller, string? asked, CancellationToken ct) =>
        Select(await CommunesAsync(db, caller, ct), asked);

    /// <summary>The commune <paramref name="asked"/> names among <paramref name="communes"/> (already read), else the first; null when not among them.</summary>
    public static CommuneChoice? Select(IReadOnlyList<CommuneChoice> communes, string? asked)
    {
        ArgumentNullException.ThrowIfNull(communes);
        if (string.IsNullOrEmpty(asked)) return communes.Count > 0 ? communes[0] : null;
        return Guid.TryParse(asked, out var id) ? communes.FirstOrDefault(c => c.Id == id) : null;
    }

    public static async Task<bool> ManagesCommuneAsync(RoViecDbContext db, UserScope? caller, Guid communeId, CancellationToken ct) =>
        (await CommunesAsync(db, caller, ct)).Any(c => c.Id == communeId);

    /// <summary>Whether the administrator manages this account: one of their communes', or (province level) their province's own.</summary>
    public static async Task<bool> ManagesUserAsync(RoViecDbContext db, UserScope? caller, AppUser target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        var scope = Of(caller);
        if (scope is null) return false;
        if (target.CommuneId is { } communeId) return await ManagesCommuneAsync(db, scope, communeId, ct);
        return scope.IsProvinceLevel && target.ProvinceId == scope.ProvinceId;
    }
}
