using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data;
using RoViec.Domain.Units;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.Organisation;

/// <summary>The organisation tree: province, commune, and the commune's units nested under one another.</summary>
[Authorize(Policy = Policies.ManageOrganisation)]
public sealed class IndexModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    public IReadOnlyList<CommuneChoice> Communes { get; private set; } = [];
    public CommuneChoice? Commune { get; private set; }
    /// <summary>The accountable units, nested.</summary>
    public IReadOnlyList<UnitNode> Tree { get; private set; } = [];

    /// <summary>Names a plan used that the catalogue does not know yet: to classify.</summary>
    public IReadOnlyList<UnitNode> Unrecognised { get; private set; } = [];

    /// <summary>"Các cơ quan, đơn vị …": several units at once, named by plans, owned by nobody in particular.</summary>
    public IReadOnlyList<UnitNode> Groups { get; private set; } = [];
    public int UnitCount { get; private set; }
    public int InactiveCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Communes = await AdminScope.CommunesAsync(db, await currentUser.ScopeAsync(User, ct), ct);
        Commune = AdminScope.Select(Communes, Request.Query[AdminScope.CommuneQuery]);
        if (Commune is null) return NotFound();
        var roots = await OrganisationTree.LoadAsync(db, Commune.Id, ct);
        Tree = [.. roots.Where(n => n.Unit.Kind is not (nameof(UnitKind.Group) or nameof(UnitKind.Unrecognised)))];
        Unrecognised = [.. roots.Where(n => n.Unit.Kind == nameof(UnitKind.Unrecognised))];
        Groups = [.. roots.Where(n => n.Unit.Kind == nameof(UnitKind.Group))];
        var all = OrganisationTree.Flatten(roots).ToList();
        UnitCount = all.Count;
        InactiveCount = all.Count(n => !n.Node.Unit.Active);
        return Page();
    }

    /// <summary>"?xa=…" for a province administrator, so links stay on the commune they picked.</summary>
    public string CommuneQuery => Communes.Count > 1 && Commune is not null ? "?xa=" + Commune.Id : "";
}
