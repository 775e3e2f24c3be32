using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.DeadlineChanges;

/// <summary>
/// `/nhiem-vu/{id}/dieu-chinh-han`: the task's lead unit asks to move its deadline (a new day and a reason) through
/// <see cref="RequestDeadlineChange"/>; back to the task's page, which shows the request waiting.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class RequestModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PlanTaskRow Task { get; private set; } = null!;

    /// <summary>Why no request can be sent now (one already waits, no deadline to move), shown instead of the form.</summary>
    public string? NotNow { get; private set; }

    [BindProperty]
    public string? NewDue { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var task = await RequestDeadlineChange.ReadTaskAsync(db, id, ct);
        if (task is null) return NotFound();
        Task = task;
        switch (await RequestDeadlineChange.RefusalAsync(db, await currentUser.ScopeAsync(User, ct), task, ct))
        {
            case DeadlineChangeOutcome.Conflict conflict:
                NotNow = conflict.Text.In(localizer);
                return Page();
            case IRefused refused:
                return this.Refuse(refused.Refusal);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var task = await RequestDeadlineChange.ReadTaskAsync(db, id, ct);
        if (task is null) return NotFound();
        Task = task;
        var result = await RequestDeadlineChange.RunAsync(db, await currentUser.ScopeAsync(User, ct), id, NewDue, Reason, clock.GetUtcNow().UtcDateTime, ct);
        switch (result)
        {
            case DeadlineChangeOutcome.Done:
                return Redirect($"/nhiem-vu/{id}#dieu-chinh-han");
            case DeadlineChangeOutcome.Invalid invalid:
                foreach (var (field, message) in invalid.Errors) ModelState.AddModelError(field, message.In(localizer));
                return this.Refuse(invalid.Refusal);
            case DeadlineChangeOutcome.Conflict conflict:
                NotNow = conflict.Text.In(localizer);
                return this.Refuse(conflict);
            default:
                return this.Refuse((IRefused)result);
        }
    }
}
