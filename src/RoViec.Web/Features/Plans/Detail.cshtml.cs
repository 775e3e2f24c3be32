using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// `/ke-hoach/{id}`: one plan — in force or replaced — with its tasks and indicators read-only and its
/// history. A draft is opened on the review screen by those who manage it and does not exist for anyone else.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class DetailModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    public Plan? Replaces { get; private set; }
    public Plan? ReplacedBy { get; private set; }
    public IReadOnlyList<PlanDetail.TaskLine> Tasks { get; private set; } = [];
    public IReadOnlyList<PlanDetail.IndicatorLine> Indicators { get; private set; } = [];
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];
    public bool ShowsHistory { get; private set; }
    public bool UnitOnly { get; private set; }
    /// <summary>The work programme this plan reports with (ADR 0009), or null.</summary>
    public (Guid Id, string Title)? Host { get; private set; }
    /// <summary>The officer may carry last year's unfinished tasks into this plan.</summary>
    public bool CanCarryOver { get; private set; }
    /// <summary>The commune's standing office: it may amend the plan in force.</summary>
    public bool ManagesPlan { get; private set; }
    /// <summary>The plan's information-system tasks whose security share is below the commune's threshold, and the threshold.</summary>
    public (int Count, decimal Threshold) SecurityBelowThreshold { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var plan = await PlanDetail.FindAsync(db, id, ct);
        if (plan is null || !await currentUser.CanReadCommuneAsync(User, plan.CommuneId, ct)) return NotFound();
        var scope = (await currentUser.ScopeAsync(User, ct))!;
        if (plan.Status == PlanStatuses.Draft)
            return scope.ManagesPlans && scope.CommuneId == plan.CommuneId ? Redirect($"/nhap-ke-hoach/{id}") : NotFound();
        Plan = plan;
        UnitOnly = scope.IsUnitScoped;
        ShowsHistory = scope.SeesWholeCommune;
        var view = await PlanDetail.ReadAsync(db, plan, UnitOnly, scope.UnitId, ShowsHistory, ct);
        (Replaces, ReplacedBy, Tasks, Indicators, History) = (view.Replaces, view.ReplacedBy, view.Tasks, view.Indicators, view.History);
        Host = await PlanQueries.HostOfAsync(db, plan, ct);
        SecurityBelowThreshold = await RoViec.Web.Features.Budgets.BudgetFigures.BelowThresholdAsync(db, plan.CommuneId, plan.Id, ct);
        ManagesPlan = scope.ManagesPlans && scope.CommuneId == plan.CommuneId;
        CanCarryOver = plan.Status == PlanStatuses.Active && scope.ManagesPlans && scope.CommuneId == plan.CommuneId
            && await PlanQueries.HasPlansOfYearAsync(db, plan.CommuneId, plan.Year - 1, ct);
        return Page();
    }
}
