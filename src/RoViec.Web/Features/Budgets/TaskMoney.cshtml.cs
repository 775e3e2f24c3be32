using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Budgets;

/// <summary>
/// `/nhiem-vu/{id}/kinh-phi`: a task's money, and where its forms post — the standing office allocates and marks an
/// information system, the office or the lead unit's reporter records a disbursement. Saved: back to the task's page;
/// refused: this page again with the message and the values typed.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class TaskMoneyModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PlanTaskRow Task { get; private set; } = null!;
    public TaskBudgetSection Section { get; private set; } = null!;

    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Month { get; set; }
    [BindProperty] public string? Basis { get; set; }
    [BindProperty] public string? Security { get; set; }
    [BindProperty] public bool InformationSystem { get; set; }
    [BindProperty] public string? Seen { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await TaskBudgetAccess.ReadTaskAsync(db, id, ct);
        if (found is null) return NotFound();
        var scope = await currentUser.ScopeAsync(User, ct);
        switch (CurrentUser.AccessTo(scope, found.Value.Task.CommuneId, found.Value.Task.LeadUnitId))
        {
            case ResourceAccess.None: return NotFound();
            case ResourceAccess.Forbidden: return this.Refuse(Refusal.Forbidden);
        }
        if (found.Value.PlanStatus == PlanStatuses.Draft && !TaskBudgetAccess.MayAllocate(scope, found.Value.Task)) return NotFound();
        await LoadAsync(found.Value.Task, scope, [], ct);
        return Page();
    }

    public Task<IActionResult> OnPostAllocateAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, (scope, now) => AllocateTaskBudget.RunAsync(db, scope, id, Source, Amount, Seen, now, ct),
            new(StringComparer.Ordinal) { ["Source"] = Source, ["Allocation"] = Amount }, ct);

    public Task<IActionResult> OnPostInformationSystemAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, (scope, now) => MarkInformationSystem.RunAsync(db, scope, id, InformationSystem, Security, Seen, now, ct),
            new(StringComparer.Ordinal) { ["Security"] = Security }, ct);

    public Task<IActionResult> OnPostDisburseAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, (scope, now) => RecordDisbursement.RunAsync(db, scope, id, Source, Month, Amount, Basis, now, ct),
            new(StringComparer.Ordinal) { ["Source"] = Source, ["Month"] = Month, ["Amount"] = Amount, ["Basis"] = Basis }, ct);

    private async Task<IActionResult> SaveAsync(Guid id, Func<UserScope?, DateTime, Task<BudgetOutcome>> run, Dictionary<string, string?> typed, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        var result = await run(scope, clock.GetUtcNow().UtcDateTime);
        if (result is BudgetOutcome.Done) return Redirect($"/nhiem-vu/{id}#kinh-phi");
        var refused = (IRefused)result;
        if (refused.Refusal is Refusal.NotFound or Refusal.Forbidden) return this.Refuse(refused.Refusal);
        if (result is BudgetOutcome.Invalid invalid)
            foreach (var (field, message) in invalid.Errors) ModelState.AddModelError(field, message.In(localizer));
        else ModelState.AddModelError("", refused.Text.In(localizer));
        var found = await TaskBudgetAccess.ReadTaskAsync(db, id, ct);
        await LoadAsync(found!.Value.Task, scope, typed, ct);
        return this.Refuse(refused.Refusal);
    }

    private async Task LoadAsync(PlanTaskRow task, UserScope? scope, Dictionary<string, string?> typed, CancellationToken ct)
    {
        Task = task;
        Section = new TaskBudgetSection(await TaskBudgetQueries.ForTaskAsync(db, scope, task, clock.VietnamToday(), ct), typed);
    }
}
