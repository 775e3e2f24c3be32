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
    public sealed record PlanLine(Guid Id, string Title, string? Number, int Year, string Status, string SourceFileName, DateTime ImportedAtUtc,
        DateTime? ConfirmedAtUtc, string? ConfirmedBy, int Tasks, int Indicators, Guid? ReplacesPlanId);

    public IReadOnlyList<PlanLine> Plans { get; private set; } = [];
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
        CommuneName = await db.Communes.Where(c => c.Id == communeId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.CommuneId == communeId && (ManagesPlans || p.Status != PlanStatuses.Draft))
            .Select(p => new PlanLine(p.Id, p.Title, p.Number, p.Year, p.Status, p.SourceFileName, p.ImportedAtUtc, p.ConfirmedAtUtc, p.ConfirmedBy,
                db.Tasks.Count(t => t.PlanId == p.Id), db.Indicators.Count(i => i.PlanId == p.Id), p.ReplacesPlanId))
            .ToListAsync(ct);
        Plans = plans.OrderBy(p => p.Status switch { PlanStatuses.Draft => 0, PlanStatuses.Active => 1, _ => 2 })
            .ThenByDescending(p => p.Year).ThenByDescending(p => p.ConfirmedAtUtc ?? p.ImportedAtUtc).ToList();
    }
}
