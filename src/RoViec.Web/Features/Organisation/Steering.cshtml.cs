using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.History;

namespace RoViec.Web.Features.Organisation;

/// <summary>The commune's steering committee by position, each member with their fields, units and account; and the committee's history.</summary>
[Authorize(Policy = Policies.ManageOrganisation)]
public sealed class SteeringModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    public CommuneChoice? Commune { get; private set; }
    public IReadOnlyList<CommuneChoice> Communes { get; private set; } = [];
    public IReadOnlyList<SteeringMemberView> Members { get; private set; } = [];
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    public string CommuneQuery => Communes.Count > 1 && Commune is not null ? "?xa=" + Commune.Id : "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Communes = await AdminScope.CommunesAsync(db, await currentUser.ScopeAsync(User, ct), ct);
        Commune = AdminScope.Select(Communes, Request.Query[AdminScope.CommuneQuery]);
        if (Commune is null) return NotFound();
        Members = await SteeringCommittee.MembersAsync(db, Commune.Id, ct);
        History = await SteeringHistory.LatestAsync(db, Commune.Id, ct);
        return Page();
    }
}
