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
    public sealed record TaskLine(Guid Id, string? Code, string Name, string Lead, string? DeadlineRaw, DateOnly? Due, string? Output, bool Priority);

    public sealed record IndicatorLine(string Name, string Target, string? Owner);

    public Plan Plan { get; private set; } = null!;
    public Plan? Replaces { get; private set; }
    public Plan? ReplacedBy { get; private set; }
    public IReadOnlyList<TaskLine> Tasks { get; private set; } = [];
    public IReadOnlyList<IndicatorLine> Indicators { get; private set; } = [];
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];
    public bool ShowsHistory { get; private set; }
    public bool UnitOnly { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null || !await currentUser.CanReadCommuneAsync(User, plan.CommuneId, ct)) return NotFound();
        var scope = (await currentUser.ScopeAsync(User, ct))!;
        if (plan.Status == PlanStatuses.Draft)
            return scope.ManagesPlans && scope.CommuneId == plan.CommuneId ? Redirect($"/nhap-ke-hoach/{id}") : NotFound();
        Plan = plan;
        if (plan.ReplacesPlanId is { } old) Replaces = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == old && p.CommuneId == plan.CommuneId, ct);
        ReplacedBy = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.ReplacesPlanId == id && p.CommuneId == plan.CommuneId && p.Status != PlanStatuses.Draft, ct);

        var tasks = db.Tasks.AsNoTracking().Where(t => t.PlanId == id && t.CommuneId == plan.CommuneId);
        var indicators = db.Indicators.AsNoTracking().Where(i => i.PlanId == id && i.CommuneId == plan.CommuneId);
        // A unit sees its own unit's tasks and indicators of any plan, nothing else of it.
        UnitOnly = scope.IsUnitScoped;
        if (UnitOnly)
        {
            tasks = tasks.Where(t => t.LeadUnitId != null && t.LeadUnitId == scope.UnitId);
            indicators = indicators.Where(i => i.OwnerUnitId != null && i.OwnerUnitId == scope.UnitId);
        }
        Tasks = await tasks.OrderBy(t => t.Order)
            .Select(t => new TaskLine(t.Id, t.Code, t.Name, t.LeadAsWritten, t.DeadlineRaw, t.DeadlineDue, t.Output, t.Priority)).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == plan.CommuneId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        Indicators = (await indicators.OrderBy(i => i.Order).ToListAsync(ct))
            .Select(i => new IndicatorLine(i.Name, i.TargetRaw, i.OwnerUnitId is { } o && units.TryGetValue(o, out var name) ? name : i.Owner)).ToList();
        ShowsHistory = scope.SeesWholeCommune;
        if (ShowsHistory) History = await PlanHistory.ReadAsync(db, plan, 200, ct);
        return Page();
    }
}
