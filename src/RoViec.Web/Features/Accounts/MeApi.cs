using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.ApiTokens;

using RoViec.Web.Shared.Api;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Accounts;

/// <summary>Who the caller is and what they may see: "unit", "commune" or "province" scope.</summary>
public sealed record MeDto(
    Guid Id,
    string UserName,
    string? FullName,
    IReadOnlyList<string> Roles,
    string Scope,
    Guid? ProvinceId,
    Guid? CommuneId,
    string? CommuneName,
    Guid? UnitId,
    string? UnitName,
    bool ManagesPlans,
    bool ViaApiToken);

/// <summary>GET /api/me.</summary>
internal static class MeApi
{
    public static void Map(RouteGroupBuilder api) => api.MapGet("/me", GetAsync)
        .WithTags("Tài khoản")
        .WithName("GetMe")
        .WithSummary("Tôi là ai và thấy được gì")
        .WithDescription("Tài khoản đang gọi API, vai trò và phạm vi: `unit` (chỉ nhiệm vụ của đơn vị mình), `commune` (cả xã), `province` (các xã của tỉnh), `none` (chưa có vai trò).")
        .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<Results<Ok<MeDto>, ProblemHttpResult>> GetAsync(HttpContext http, CurrentUser currentUser, RoViecDbContext db, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(http.User, ct);
        if (scope is null) return ApiProblems.Refused(Refusal.Unauthenticated);
        var communeName = scope.CommuneId is { } communeId
            ? await db.Communes.Where(c => c.Id == communeId).Select(c => c.Name).FirstOrDefaultAsync(ct)
            : null;
        var unitName = scope.UnitId is { } unitId
            ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct)
            : null;
        var kind = !scope.HasAnyRole ? "none" : scope.IsUnitScoped ? "unit" : scope.IsProvinceLevel ? "province" : "commune";
        return TypedResults.Ok(new MeDto(scope.UserId, scope.UserName, scope.FullName, [.. scope.Roles.Order(StringComparer.Ordinal)], kind,
            scope.ProvinceId, scope.CommuneId, communeName, scope.UnitId, unitName, scope.ManagesPlans,
            http.User.HasClaim(c => c.Type == ApiTokenAuthenticationHandler.TokenIdClaim)));
    }
}
