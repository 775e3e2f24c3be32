using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.CarryOver;

/// <summary>
/// `/ke-hoach/{id}/chuyen-tiep`: the standing office picks which of last year's unfinished tasks go on in this year's plan
/// (<see cref="CarryOver"/>); one save for all.
/// </summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class IndexModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<CarryOver.Candidate> Candidates { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <param name="carry">The ids of the old tasks to carry over.</param>
    public async Task<IActionResult> OnPostAsync(Guid id, Guid[]? carry, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        switch (await CarryOver.ApplyAsync(db, id, carry ?? [], clock.GetUtcNow().UtcDateTime, ct))
        {
            case CarryOver.Outcome.Done done:
                TempData["Notice"] = localizer["Đã chuyển tiếp {0} nhiệm vụ của năm {1} vào kế hoạch; hãy xem lại thời hạn của từng nhiệm vụ.", done.Count, Plan.Year - 1].Value;
                return Redirect($"/ke-hoach/{id}");
            case CarryOver.Outcome.Refused no:
                Error = localizer[no.Message];
                return this.Refuse(no.Refusal);
            case var other:
                return this.Refuse(((IRefused)other).Refusal);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var plan = await PlanDetail.FindAsync(db, id, ct);
        var scope = await currentUser.ScopeAsync(User, ct);
        if (plan is null || plan.Status != PlanStatuses.Active || scope is not { ManagesPlans: true } || scope.CommuneId != plan.CommuneId) return NotFound();
        Plan = plan;
        Candidates = await CarryOver.CandidatesAsync(db, plan, clock.VietnamToday(), ct);
        return null;
    }
}
