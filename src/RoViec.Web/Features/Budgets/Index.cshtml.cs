using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RoViec.Data;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Budgets;

/// <summary>
/// `/kinh-phi`: the money of the plans in force (or of one, `?ke-hoach=`), disbursed up to a month (`?thang=`, the
/// current month by default) — by plan, field, source, lead unit and task — and the information systems whose security
/// share is below the commune's threshold, which the standing office sets here.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class IndexModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<BudgetPlans.PlanName> Plans { get; private set; } = [];
    public BudgetFigures.Overview? Figures { get; private set; }
    public bool OnePlan { get; private set; }
    public bool UnitOnly { get; private set; }
    public bool CanSetThreshold { get; private set; }
    public int Month { get; private set; }
    public Guid ThresholdVersion { get; private set; }

    [BindProperty] public string? Threshold { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] string? thang, [FromQuery(Name = "ke-hoach")] Guid? onlyPlan, CancellationToken ct)
    {
        var month = clock.VietnamToday().Month;
        if (!string.IsNullOrEmpty(thang))
        {
            if (!int.TryParse(thang, NumberStyles.None, CultureInfo.InvariantCulture, out month) || month is < 1 or > 12)
            {
                ModelState.AddModelError("", localizer["Tháng phải là một số từ 1 đến 12."]);
                Month = clock.VietnamToday().Month;
                return this.Refuse(Refusal.BadRequest);
            }
        }
        Month = month;
        var commune = await currentUser.CommuneIdAsync(HttpContext, ct);
        if (commune is not { } communeId) return NotFound();
        if (onlyPlan is { } planId)
        {
            if (await BudgetPlans.OneAsync(db, communeId, planId, ct) is not { } plan) return NotFound();
            Plans = [plan];
            OnePlan = true;
        }
        else Plans = await BudgetPlans.InForceAsync(db, communeId, ct);
        var scope = await currentUser.ScopeAsync(User, ct);
        UnitOnly = scope?.IsUnitScoped == true;
        Figures = await BudgetFigures.ReadAsync(db, communeId, [.. Plans.Select(p => p.Id)], UnitOnly ? scope!.UnitId ?? Guid.Empty : null, month, ct);
        CanSetThreshold = scope is { ManagesPlans: true } && scope.CommuneId == communeId;
        (_, ThresholdVersion) = await SecurityThreshold.ReadAsync(db, communeId, ct);
        Threshold ??= Figures.Threshold.ToString("0.##", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostThresholdAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        if (scope is not { ManagesPlans: true } || scope.CommuneId is not { } communeId) return this.Refuse(Refusal.Forbidden);
        var result = await SecurityThreshold.SaveAsync(db, scope, communeId, Threshold, Version, clock.GetUtcNow().UtcDateTime, ct);
        if (result is BudgetOutcome.Done) return Redirect("/kinh-phi#nguong");
        var refused = (IRefused)result;
        if (result is BudgetOutcome.Invalid invalid)
            foreach (var (field, message) in invalid.Errors) ModelState.AddModelError(field, message.In(localizer));
        else ModelState.AddModelError("", refused.Text.In(localizer));
        var typed = Threshold;
        await OnGetAsync(null, null, ct);
        Threshold = typed;
        return this.Refuse(refused.Refusal);
    }
}
