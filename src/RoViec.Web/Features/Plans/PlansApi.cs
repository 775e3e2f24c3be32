using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;

using RoViec.Web.Shared.Api;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Plans;

/// <summary>A commune's plan: "Draft" while it is reviewed, "Active" when confirmed, "Replaced" by a later one.</summary>
public sealed record PlanDto(
    Guid Id,
    Guid CommuneId,
    string Status,
    string Kind,
    string Title,
    int Year,
    string? Number,
    string? Issuer,
    string SourceFileName,
    DateTime ImportedAtUtc,
    DateTime? ConfirmedAtUtc,
    Guid? ReplacesPlanId,
    int TaskCount,
    int IndicatorCount);

/// <summary>GET /api/plans, GET /api/plans/{id}.</summary>
internal static class PlansApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var plans = api.MapGroup("").WithTags("Kế hoạch").RequireAuthorization(Policies.ReadPlans);
        plans.MapGet("/plans", ListAsync)
            .WithName("ListPlans")
            .WithSummary("Các kế hoạch của xã")
            .WithDescription("Kế hoạch đang thực hiện và kế hoạch đã được thay thế, mới nhất trước; bản nháp chỉ hiện với người quản lý kế hoạch (cơ quan thường trực, quản trị).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        plans.MapGet("/plans/{id:guid}", GetAsync)
            .WithName("GetPlan")
            .WithSummary("Một kế hoạch")
            .WithDescription("404 nếu kế hoạch không có hoặc thuộc xã khác.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<PlanDto>>> ListAsync(HttpContext http, CurrentUser currentUser, RoViecDbContext db, CancellationToken ct, [FromQuery(Name = "xa")] Guid? commune = null)
    {
        var scope = await currentUser.ScopeAsync(http.User, ct);
        var communeId = await currentUser.CommuneIdAsync(http, ct);
        if (scope is null || communeId is null) return TypedResults.Ok(new List<PlanDto>());
        var plans = db.Plans.AsNoTracking().Where(p => p.CommuneId == communeId);
        if (!scope.ManagesPlans) plans = plans.Where(p => p.Status != PlanStatuses.Draft);
        var rows = await Project(plans.OrderByDescending(p => p.Year).ThenByDescending(p => p.ImportedAtUtc)).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(Utc).ToList());
    }

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, CurrentUser currentUser, RoViecDbContext db, CancellationToken ct)
    {
        var plan = await Project(db.Plans.AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(ct);
        var scope = await currentUser.ScopeAsync(http.User, ct);
        if (plan is null || scope is null || !await currentUser.CanReadCommuneAsync(http.User, plan.CommuneId, ct)
            || (plan.Status == PlanStatuses.Draft && !scope.ManagesPlans))
            return ApiProblems.Refused(Refusal.NotFound, "Không có kế hoạch này, hoặc nó không thuộc phạm vi của bạn.");
        return TypedResults.Ok(Utc(plan));
    }

    private static IQueryable<PlanDto> Project(IQueryable<Plan> plans) => plans.Select(p => new PlanDto(
        p.Id, p.CommuneId, p.Status, p.Kind, p.Title, p.Year, p.Number, p.Issuer, p.SourceFileName, p.ImportedAtUtc, p.ConfirmedAtUtc,
        p.ReplacesPlanId, p.Tasks.Count, p.Indicators.Count));

    private static PlanDto Utc(PlanDto plan) => plan with { ImportedAtUtc = ApiTime.Utc(plan.ImportedAtUtc), ConfirmedAtUtc = ApiTime.Utc(plan.ConfirmedAtUtc) };
}
