using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data;
using RoViec.Web.Features.Access;
using RoViec.Web.Features.Organisation;

namespace RoViec.Web.Pages.Organisation;

/// <summary>The organisation tree: province, commune, and the commune's units nested under one another.</summary>
[Authorize(Policy = Policies.ManageOrganisation)]
public sealed class IndexModel(RoViecDbContext db, AdminScope admin) : PageModel
{
    public IReadOnlyList<CommuneChoice> Communes { get; private set; } = [];
    public CommuneChoice? Commune { get; private set; }
    public IReadOnlyList<UnitNode> Tree { get; private set; } = [];
    public int UnitCount { get; private set; }
    public int InactiveCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Communes = await admin.CommunesAsync(User, ct);
        Commune = await admin.SelectedAsync(HttpContext, ct);
        if (Commune is null) return NotFound();
        Tree = await OrganisationTree.LoadAsync(db, Commune.Id, ct);
        var all = OrganisationTree.Flatten(Tree).ToList();
        UnitCount = all.Count;
        InactiveCount = all.Count(n => !n.Node.Unit.Active);
        return Page();
    }

    /// <summary>"?xa=…" for a province administrator, so links stay on the commune they picked.</summary>
    public string CommuneQuery => Communes.Count > 1 && Commune is not null ? "?xa=" + Commune.Id : "";
}
