using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RoViec.Data;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.DeadlineChanges;

/// <summary>
/// `/de-nghi-dieu-chinh-han/{id}`: one request to move a task's deadline; the standing office approves it (an optional
/// comment) or refuses it (a reason) through <see cref="DecideDeadlineChange"/>. The task's lead unit may read it.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class DecideModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public DeadlineChangeLine Asked { get; private set; } = null!;
    public bool CanDecide { get; private set; }

    /// <summary>Why the decision was not saved (decided meanwhile), shown above the forms.</summary>
    public string? NotNow { get; private set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => DecideAsync(id, approve: true, ct);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct) => DecideAsync(id, approve: false, ct);

    private async Task<IActionResult> DecideAsync(Guid id, bool approve, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var result = await DecideDeadlineChange.RunAsync(db, await currentUser.ScopeAsync(User, ct), id, approve, Comment, clock.GetUtcNow().UtcDateTime, ct);
        switch (result)
        {
            case DeadlineChangeOutcome.Done done:
                return Redirect($"/nhiem-vu/{done.Request.TaskId}#dieu-chinh-han");
            case DeadlineChangeOutcome.Invalid invalid:
                foreach (var (field, message) in invalid.Errors) ModelState.AddModelError(field, message.In(localizer));
                return this.Refuse(invalid.Refusal);
            case DeadlineChangeOutcome.Conflict conflict:
                await LoadAsync(id, ct);
                NotNow = conflict.Text.In(localizer);
                return this.Refuse(conflict.Refusal);
            default:
                return this.Refuse((IRefused)result);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var row = await DeadlineChangeQueries.RowAsync(db, id, ct);
        if (row is null) return NotFound();
        var scope = await currentUser.ScopeAsync(User, ct);
        switch (CurrentUser.AccessTo(scope, row.CommuneId, row.UnitId))
        {
            case ResourceAccess.None: return NotFound();
            case ResourceAccess.Forbidden: return this.Refuse(Refusal.Forbidden);
        }
        Asked = (await DeadlineChangeQueries.OneAsync(db, id, ct))!;
        CanDecide = DecideDeadlineChange.Decides(scope, row.CommuneId);
        return null;
    }
}
