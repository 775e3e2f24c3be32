using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RoViec.Data;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Provinces;

/// <summary>
/// `/viec-tinh-giao` — what the province pushed down to the commune: each task accepted into a plan in force (lead unit,
/// deadline and output localised) or declined with a reason; each common indicator taken into a plan with a reporting
/// unit, or declined. Read by those who see the whole commune; the standing office acts.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class InboxModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PushDownQueries.Inbox View { get; private set; } = null!;
    public bool CanAct { get; private set; }
    public string? Error { get; private set; }
    public Guid? FailedId { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostAcceptTaskAsync(Guid id, Guid? planId, Guid? leadUnitId, string? deadline, string? output, CancellationToken ct) =>
        RunAsync(id, scope => PushDown.AcceptTaskAsync(db, scope, id, planId, leadUnitId, deadline, output, Now, ct), ct);

    public Task<IActionResult> OnPostAcceptIndicatorAsync(Guid id, Guid? planId, Guid? ownerUnitId, CancellationToken ct) =>
        RunAsync(id, scope => PushDown.AcceptIndicatorAsync(db, scope, id, planId, ownerUnitId, Now, ct), ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, bool indicator, string? reason, CancellationToken ct) =>
        RunAsync(id, scope => PushDown.DeclineAsync(db, scope, id, indicator, reason, Now, ct), ct);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<IActionResult> RunAsync(Guid id, Func<UserScope?, Task<PushDown.Outcome>> work, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (!CanAct) return this.Refuse(Refusal.Forbidden);
        var outcome = await work(await currentUser.ScopeAsync(User, ct));
        switch (outcome)
        {
            case PushDown.Outcome.Done done:
                Notice = done.Note.In(localizer);
                return Redirect("/viec-tinh-giao");
            case PushDown.Outcome.Invalid invalid:
                Error = string.Join(" ", invalid.Errors.Values.Select(e => e.In(localizer)));
                FailedId = id;
                return this.Refuse(Refusal.BadRequest);
            case PushDown.Outcome.Conflict conflict:
                await LoadAsync(ct);
                Error = conflict.Why.In(localizer);
                return this.Refuse(Refusal.Conflict);
            case PushDown.Outcome.NotFound:
                return this.Refuse(Refusal.NotFound);
            default:
                return this.Refuse(Refusal.Forbidden);
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        if (scope is null || scope.CommuneId is not { } communeId || !scope.SeesWholeCommune) return this.Refuse(Refusal.Forbidden);
        CanAct = scope.RunsReporting;
        View = await PushDownQueries.InboxAsync(db, communeId, ct);
        return null;
    }
}
