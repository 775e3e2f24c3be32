using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data;
using RoViec.Domain.Units;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Organisation;

/// <summary>Adds a unit to the commune: one of the catalogue's default units, or a new one with its name, kind and parent.</summary>
[Authorize(Policy = Policies.ManageOrganisation)]
public sealed class AddUnitModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    public sealed class CatalogueForm
    {
        [Required(ErrorMessage = "Hãy chọn một đơn vị trong danh mục.")]
        public string Key { get; set; } = "";

        public Guid? ParentId { get; set; }
    }

    public CommuneChoice? Commune { get; private set; }
    public IReadOnlyList<Unit> Missing { get; private set; } = [];
    public IReadOnlyList<(UnitNode Node, int Depth)> Parents { get; private set; } = [];
    public CatalogueForm FromCatalogue { get; private set; } = new();
    public UnitForm New { get; private set; } = new();
    public string CommuneQuery { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCatalogueAsync([Bind(Prefix = nameof(FromCatalogue))] CatalogueForm form, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        FromCatalogue = form;
        if (!ModelState.IsValid) return this.Refuse(Refusal.BadRequest);
        return Answer(await Features.Organisation.AddUnit.FromCatalogueAsync(db, Commune!.Id, form.Key, form.ParentId, ct), nameof(FromCatalogue));
    }

    public async Task<IActionResult> OnPostNewAsync([Bind(Prefix = nameof(New))] UnitForm form, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        New = form;
        if (!ModelState.IsValid) return this.Refuse(Refusal.BadRequest);
        return Answer(await Features.Organisation.AddUnit.NewAsync(db, Commune!.Id, form.ToInput(), ct), nameof(New));
    }

    private IActionResult Answer(UnitOutcome outcome, string prefix)
    {
        switch (outcome)
        {
            case UnitOutcome.Saved saved:
                return Redirect($"/to-chuc/don-vi/{saved.Unit.Id}");
            case UnitOutcome.Refused refused:
                // The catalogue form has only a unit and a parent; anything else is said above both forms.
                var shownBeside = prefix == nameof(New) || refused.Error.Field is "Key" or "ParentId";
                UnitForm.AddError(ModelState, prefix, shownBeside ? refused.Error : refused.Error with { Field = "" });
                return this.Refuse(refused.Error.Refusal);
            default:
                return this.Refuse(Refusal.Conflict);
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var communes = await AdminScope.CommunesAsync(db, await currentUser.ScopeAsync(User, ct), ct);
        Commune = AdminScope.Select(communes, Request.Query[AdminScope.CommuneQuery]);
        if (Commune is null) return false;
        CommuneQuery = communes.Count > 1 ? "xa=" + Commune.Id : "";
        Missing = await Features.Organisation.AddUnit.MissingDefaultsAsync(db, Commune.Id, ct);
        Parents = [.. OrganisationTree.Flatten(await OrganisationTree.LoadAsync(db, Commune.Id, ct)).Where(p => p.Node.Unit.Active && p.Node.Unit.Kind != nameof(UnitKind.Group))];
        return true;
    }
}
