using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Web.Shared.Access;

using RoViec.Web.Shared.Api;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Plans;

/// <summary>An indicator ("chỉ tiêu") with its target as written and as read: operator, value(s), unit.</summary>
public sealed record IndicatorDto(
    Guid Id,
    Guid PlanId,
    int Order,
    string Section,
    string Name,
    string Target,
    string TargetOp,
    decimal TargetValue,
    decimal? TargetValueMax,
    string TargetUnit,
    int? BaselineYear,
    string? Owner,
    Guid? OwnerUnitId,
    Guid Version);

/// <summary>GET /api/indicators.</summary>
internal static class IndicatorsApi
{
    public static void Map(RouteGroupBuilder api) => api.MapGet("/indicators", ListAsync)
        .RequireAuthorization(Policies.ReadPlans)
        .WithTags("Chỉ tiêu")
        .WithName("ListIndicators")
        .WithSummary("Chỉ tiêu của kế hoạch đang thực hiện")
        .WithDescription("Cả xã; người báo cáo và trưởng đơn vị chỉ thấy chỉ tiêu do đơn vị mình phụ trách.")
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<List<IndicatorDto>>, ProblemHttpResult>> ListAsync(
        HttpContext http, CurrentUser currentUser, RoViecDbContext db, CancellationToken ct, [FromQuery(Name = "xa")] Guid? commune = null)
    {
        var scope = await currentUser.ScopeAsync(http.User, ct);
        var plan = await PlanQueries.ActivePlanAsync(db, await currentUser.CommuneIdAsync(http, ct), ct);
        if (scope is null || plan is null) return ApiProblems.Refused(Refusal.NotFound, "Xã chưa có kế hoạch đang thực hiện (no active plan).");
        var indicators = db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id);
        if (scope.IsUnitScoped) indicators = indicators.Where(i => i.OwnerUnitId != null && i.OwnerUnitId == scope.UnitId);
        var rows = await indicators.OrderBy(i => i.Order)
            .Select(i => new IndicatorDto(i.Id, i.PlanId, i.Order, i.Section, i.Name, i.TargetRaw, i.TargetOp, i.TargetValue, i.TargetValueMax,
                i.TargetUnit, i.BaselineYear, i.Owner, i.OwnerUnitId, i.Version))
            .ToListAsync(ct);
        return TypedResults.Ok(rows);
    }
}
