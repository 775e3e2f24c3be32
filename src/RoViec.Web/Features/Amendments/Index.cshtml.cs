using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Amendments;

/// <summary>
/// `/ke-hoach/{id}/dieu-chinh`: the standing office amends the plan in force (<see cref="AmendPlan"/>) — adds a task or
/// stops one, each with its reason and document — and reads the plan's amendments so far.
/// </summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class IndexModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public AmendPlan.Form Form { get; private set; } = null!;
    public IReadOnlyList<AmendPlan.Line> Amendments { get; private set; } = [];
    /// <summary>Tasks of the commune's other plans in force this year, to link one of this plan's to.</summary>
    public IReadOnlyList<(Guid Id, string Plan, string? Code, string Name)> Linkable { get; private set; } = [];
    /// <summary>The task the close form starts on (`?nhiem-vu=`), if any.</summary>
    public Guid? Chosen { get; private set; }
    public string? Error { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public Guid? LeadUnitId { get; set; }
    [BindProperty] public string? Output { get; set; }
    [BindProperty] public string? Deadline { get; set; }
    [BindProperty] public string? Section { get; set; }
    [BindProperty] public Guid? TaskId { get; set; }
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Document { get; set; }
    [BindProperty] public Guid? SameAs { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "nhiem-vu")] Guid? task, CancellationToken ct)
    {
        Chosen = task;
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var outcome = await AmendPlan.AddTaskAsync(db, await currentUser.ScopeAsync(User, ct), id,
            new AmendPlan.Addition(Name, LeadUnitId, Output, Deadline, Section, Reason, Document), User.Identity?.Name, clock.GetUtcNow().UtcDateTime, ct);
        return await AnswerAsync(id, outcome, "Đã thêm nhiệm vụ vào kế hoạch.", ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Chosen = TaskId;
        if (TaskId is not { } taskId || Form.Running.All(t => t.Id != taskId))
        {
            ModelState.AddModelError(nameof(TaskId), localizer["Hãy chọn nhiệm vụ cần dừng trong danh sách nhiệm vụ đang thực hiện của kế hoạch."]);
            return this.Refuse(Refusal.BadRequest);
        }
        var outcome = await AmendPlan.CloseTaskAsync(db, await currentUser.ScopeAsync(User, ct), taskId,
            new AmendPlan.Closing(Reason, Document, EffectiveOn), User.Identity?.Name, clock.GetUtcNow().UtcDateTime, ct);
        return await AnswerAsync(id, outcome, "Đã dừng thực hiện nhiệm vụ; lịch sử và báo cáo của nhiệm vụ vẫn được giữ.", ct);
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (TaskId is not { } taskId || Form.Running.All(t => t.Id != taskId))
        {
            ModelState.AddModelError(nameof(TaskId), localizer["Hãy chọn nhiệm vụ của kế hoạch này cần liên kết."]);
            return this.Refuse(Refusal.BadRequest);
        }
        var outcome = await AmendPlan.LinkAsync(db, await currentUser.ScopeAsync(User, ct), taskId, SameAs, ct);
        return await AnswerAsync(id, outcome, "Đã liên kết hai nhiệm vụ cùng nội dung: đơn vị báo cáo một lần cho cả hai.", ct);
    }

    private async Task<IActionResult> AnswerAsync(Guid id, AmendPlan.Outcome outcome, string done, CancellationToken ct)
    {
        switch (outcome)
        {
            case AmendPlan.Outcome.Done or AmendPlan.Outcome.Linked:
                TempData["Notice"] = localizer[done].Value;
                return Redirect($"/ke-hoach/{id}/dieu-chinh#cac-lan-dieu-chinh");
            case AmendPlan.Outcome.Invalid invalid:
                foreach (var (field, message) in invalid.Errors) ModelState.AddModelError(field, message.In(localizer));
                return this.Refuse(invalid.Refusal);
            case AmendPlan.Outcome.Conflict conflict:
                Error = conflict.Text.In(localizer);
                await LoadAsync(id, ct);
                return this.Refuse(conflict.Refusal);
            default:
                return this.Refuse(((IRefused)outcome).Refusal);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        var form = await AmendPlan.FormAsync(db, id, clock.GetUtcNow().UtcDateTime, ct);
        if (form is null || scope is null || scope.CommuneId != form.Plan.CommuneId) return NotFound();
        if (!scope.RunsReporting) return Forbid();
        Form = form;
        Amendments = await AmendPlan.OfPlanAsync(db, id, ct);
        Linkable = await AmendPlan.LinkableAsync(db, form.Plan, ct);
        return null;
    }
}
