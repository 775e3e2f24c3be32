using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Web.Shared.Access;

using RoViec.Web.Shared.Api;

namespace RoViec.Web.Features.Organisation;

/// <summary>A unit of the commune (phòng, ban, Công an xã, thôn …); a closed one stays with <c>Active</c> false.</summary>
public sealed record UnitDto(Guid Id, string Key, string Name, string Kind, Guid? ParentId, bool Active);

/// <summary>GET /api/units.</summary>
internal static class UnitsApi
{
    public static void Map(RouteGroupBuilder api) => api.MapGet("/units", ListAsync)
        .RequireAuthorization(Policies.ReadPlans)
        .WithTags("Đơn vị")
        .WithName("ListUnits")
        .WithSummary("Các đơn vị của xã")
        .WithDescription("Dùng `id` của đơn vị làm tham số `unit` khi lọc nhiệm vụ.")
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Ok<List<UnitDto>>> ListAsync(
        HttpContext http, CurrentUser currentUser, RoViecDbContext db, CancellationToken ct, [FromQuery(Name = "xa")] Guid? commune = null)
    {
        var communeId = await currentUser.CommuneIdAsync(http, ct);
        if (communeId is null) return TypedResults.Ok(new List<UnitDto>());
        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == communeId).OrderBy(u => u.Name)
            .Select(u => new UnitDto(u.Id, u.Key, u.Name, u.Kind, u.ParentId, u.Active))
            .ToListAsync(ct);
        return TypedResults.Ok(units);
    }
}
