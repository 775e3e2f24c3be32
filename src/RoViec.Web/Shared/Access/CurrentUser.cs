using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Shared.Access;

/// <summary>
/// The signed-in user's scope, read from the database once per request (not from cookie claims), so a
/// role or unit changed by an administrator applies from the user's next click.
/// </summary>
public sealed class CurrentUser(RoViecDbContext db)
{
    private UserScope? _scope;
    private bool _loaded;

    public async Task<UserScope?> ScopeAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (_loaded) return _scope;
        _loaded = true;
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return null;
        // The user, their roles and their commune's province in one statement: it runs on every request.
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.FullName,
                u.ProvinceId,
                u.CommuneId,
                u.UnitId,
                CommuneProvinceId = db.Communes.Where(c => c.Id == u.CommuneId).Select(c => c.ProvinceId).FirstOrDefault(),
                Roles = (from ur in db.UserRoles
                         join r in db.Roles on ur.RoleId equals r.Id
                         where ur.UserId == u.Id
                         select r.Name).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (user is null) return null;
        var provinceId = user.ProvinceId ?? (user.CommuneId is null ? null : user.CommuneProvinceId);
        _scope = new UserScope(user.Id, user.UserName ?? "", user.FullName, user.Roles.OfType<string>().ToHashSet(StringComparer.Ordinal),
            provinceId, user.CommuneId, user.UnitId);
        return _scope;
    }

    /// <summary>
    /// The communes whose rows the user may read at all (the request's <see cref="CommuneBoundary"/>): their own, or
    /// every commune of their province for a province office; none without a role.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> VisibleCommunesAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(principal, ct);
        if (scope is null || !scope.HasAnyRole) return [];
        if (scope.CommuneId is { } own) return [own];
        if (scope.ProvinceId is not { } provinceId) return [];
        return await db.Communes.AsNoTracking().Where(c => c.ProvinceId == provinceId).Select(c => c.Id).ToListAsync(ct);
    }

    /// <summary>
    /// The commune whose work is shown: the user's own, or for a province user the one they picked
    /// (query "xa") among their province's communes, else the first of them by name.
    /// </summary>
    public async Task<Guid?> CommuneIdAsync(HttpContext http, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(http.User, ct);
        if (scope is null || !scope.HasAnyRole) return null;
        if (scope.CommuneId is { } own) return own;
        if (scope.ProvinceId is not { } provinceId) return null;
        var communes = db.Communes.Where(c => c.ProvinceId == provinceId);
        if (Guid.TryParse(http.Request.Query["xa"], out var picked))
            return await communes.Where(c => c.Id == picked).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        return await communes.OrderBy(c => c.Name).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Whether the user may read the commune's plan data at all.</summary>
    public async Task<bool> CanReadCommuneAsync(ClaimsPrincipal principal, Guid communeId, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(principal, ct);
        if (scope is null || !scope.HasAnyRole) return false;
        if (scope.CommuneId is { } own) return own == communeId;
        return scope.ProvinceId is { } provinceId
            && await db.Communes.AnyAsync(c => c.Id == communeId && c.ProvinceId == provinceId, ct);
    }

    /// <summary>The tasks the user may read: the commune's, narrowed to their unit's own for unit-scoped roles.</summary>
    public async Task<IQueryable<PlanTaskRow>> VisibleTasksAsync(HttpContext http, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(http.User, ct);
        var communeId = await CommuneIdAsync(http, ct);
        if (scope is null || communeId is null) return db.Tasks.Where(_ => false);
        var tasks = db.Tasks.Where(t => t.CommuneId == communeId);
        return scope.IsUnitScoped ? tasks.Where(t => t.LeadUnitId != null && t.LeadUnitId == scope.UnitId) : tasks;
    }

    /// <summary>
    /// What the user may do with one row of a commune: nothing and not even know it exists (another
    /// commune: 404), know it but not open it (another unit's task: 403), read it, or change it.
    /// </summary>
    /// <summary>
    /// The caller's access to a row the unit of work's commune boundary (ADR 0005) let them read: no role, or a row of
    /// another commune than a commune user's own, is none; a unit-scoped role may only read its own unit's rows; a plan
    /// manager writes in their own commune.
    /// </summary>
    public static ResourceAccess AccessTo(UserScope? scope, Guid communeId, Guid? unitId)
    {
        if (scope is null || !scope.HasAnyRole) return ResourceAccess.None;
        if (scope.CommuneId is { } own && own != communeId) return ResourceAccess.None;
        if (scope.IsUnitScoped && (unitId is null || unitId != scope.UnitId)) return ResourceAccess.Forbidden;
        return scope.ManagesPlans && scope.CommuneId == communeId ? ResourceAccess.Write : ResourceAccess.Read;
    }

    public async Task<ResourceAccess> AccessAsync(HttpContext http, Guid communeId, Guid? unitId, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(http.User, ct);
        if (scope is null || !await CanReadCommuneAsync(http.User, communeId, ct)) return ResourceAccess.None;
        if (scope.IsUnitScoped && (unitId is null || unitId != scope.UnitId)) return ResourceAccess.Forbidden;
        return scope.ManagesPlans && scope.CommuneId == communeId ? ResourceAccess.Write : ResourceAccess.Read;
    }
}

/// <summary>The answer of <see cref="CurrentUser.AccessAsync"/>.</summary>
public enum ResourceAccess
{
    /// <summary>Not the user's to know about: answer 404.</summary>
    None,
    /// <summary>Known to exist in the user's commune but not theirs: answer 403, show nothing of it.</summary>
    Forbidden,
    Read,
    Write,
}
