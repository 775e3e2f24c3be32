using System.Security.Claims;
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
public sealed class AdminScope(RoViecDbContext db, CurrentUser currentUser)
{
    /// <summary>Query parameter naming the commune a province administrator works on.</summary>
    public const string CommuneQuery = "xa";

    public async Task<UserScope?> ScopeAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(user, ct);
        return scope is { ManagesOrganisation: true } ? scope : null;
    }

    public async Task<IReadOnlyList<CommuneChoice>> CommunesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = await ScopeAsync(user, ct);
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

    /// <summary>The commune a page works on: the one named by "?xa=" among those managed, else the first; null when none (or not theirs).</summary>
    public async Task<CommuneChoice?> SelectedAsync(HttpContext http, CancellationToken ct)
    {
        var communes = await CommunesAsync(http.User, ct);
        var asked = http.Request.Query[CommuneQuery].ToString();
        if (asked.Length == 0) return communes.Count > 0 ? communes[0] : null;
        return Guid.TryParse(asked, out var id) ? communes.FirstOrDefault(c => c.Id == id) : null;
    }

    public async Task<bool> ManagesCommuneAsync(ClaimsPrincipal user, Guid communeId, CancellationToken ct) =>
        (await CommunesAsync(user, ct)).Any(c => c.Id == communeId);

    /// <summary>Whether the administrator manages this account: one of their communes', or (province level) their province's own.</summary>
    public async Task<bool> ManagesUserAsync(ClaimsPrincipal user, AppUser target, CancellationToken ct)
    {
        var scope = await ScopeAsync(user, ct);
        if (scope is null) return false;
        if (target.CommuneId is { } communeId) return await ManagesCommuneAsync(user, communeId, ct);
        return scope.IsProvinceLevel && target.ProvinceId == scope.ProvinceId;
    }
}
