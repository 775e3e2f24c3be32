using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Plans.Import;

/// <summary>Correct one indicator of a draft: what is measured, the target as written (read again), the owner unit.</summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class ReviewIndicatorModel(RoViecDbContext db, CurrentUser currentUser, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class Form
    {
        public string? Name { get; set; }
        public string? Target { get; set; }
        public Guid? OwnerUnitId { get; set; }
        public Guid Version { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public Plan Plan { get; private set; } = null!;
    public IndicatorRow Indicator { get; private set; } = null!;
    public IndicatorRow? Theirs { get; private set; }
    public string? TheirOwner { get; private set; }
    public string Excerpt { get; private set; } = "";
    public IReadOnlyList<OrgUnit> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid indicatorId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, indicatorId, ct)) return NotFound();
        Input = new Form { Name = Indicator.Name, Target = Indicator.TargetRaw, OwnerUnitId = Indicator.OwnerUnitId, Version = Indicator.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid indicatorId, CancellationToken ct)
    {
        if (await currentUser.ScopeAsync(User, ct) is not { ManagesPlans: true, CommuneId: { } communeId }) return NotFound();
        var result = await CorrectIndicator.RunAsync(db, communeId, planId, indicatorId, new IndicatorCorrection(Input.Name, Input.Target, Input.OwnerUnitId, Input.Version), ct);
        switch (result)
        {
            case ReviewResult.Done:
                TempData["Notice"] = L["Đã lưu chỉ tiêu."].Value;
                return Redirect($"/nhap-ke-hoach/{planId}#indicator-{indicatorId}");
            case ReviewResult.Invalid invalid:
                foreach (var (field, message) in invalid.Errors) ModelState.AddModelError("Input." + field, L[message]);
                Response.SetStatus(invalid.Refusal);
                break;
            case ReviewResult.Conflict conflict:
                Response.SetStatus(conflict.Refusal);
                break;
            default:
                return NotFound();
        }
        if (!await LoadAsync(planId, indicatorId, ct)) return NotFound();
        if (result is ReviewResult.Conflict)
        {
            Theirs = Indicator;
            TheirOwner = Owners.FirstOrDefault(o => o.Id == Indicator.OwnerUnitId)?.Name ?? Indicator.Owner;
            ModelState.Remove("Input.Version");
            Input.Version = Indicator.Version;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid planId, Guid indicatorId, CancellationToken ct)
    {
        if (await currentUser.ScopeAsync(User, ct) is not { ManagesPlans: true, CommuneId: { } communeId }) return false;
        var plan = await DraftQueries.DraftWithSourceAsync(db, planId, ct);
        var indicator = plan is null ? null : await DraftQueries.IndicatorAsync(db, planId, indicatorId, ct);
        if (plan is null || indicator is null) return false;
        Plan = plan;
        Indicator = indicator;
        var start = Math.Clamp(indicator.SpanStart, 0, plan.Source!.Text.Length);
        var end = Math.Clamp(indicator.SpanStart + indicator.SpanLength, start, plan.Source!.Text.Length);
        Excerpt = plan.Source!.Text[start..end];
        Owners = (await DraftQueries.UnitsAsync(db, ct)).Where(u => CommuneCatalog.IsAssignable(u) || u.Id == indicator.OwnerUnitId).ToList();
        return true;
    }
}
