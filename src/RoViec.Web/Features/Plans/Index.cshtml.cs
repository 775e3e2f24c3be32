using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// `/ke-hoach`: the commune's plans — drafts being reviewed (for those who manage the plan), the plans
/// in force, and those replaced, each with its dates and counts.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class IndexModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    public IReadOnlyList<PlanQueries.PlanLine> Plans { get; private set; } = [];
    public bool ManagesPlans { get; private set; }
    public string? CommuneName { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var communeId = await currentUser.CommuneIdAsync(HttpContext, ct);
        if (communeId is null) return;
        var scope = await currentUser.ScopeAsync(User, ct);
        ManagesPlans = scope is { ManagesPlans: true } && scope.CommuneId == communeId;
        CommuneName = await PlanQueries.CommuneNameAsync(db, communeId.Value, ct);
        Plans = await PlanQueries.ListAsync(db, communeId.Value, withDrafts: ManagesPlans, ct);
    }
}
