using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Units;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Plans.Import;

/// <summary>
/// Every unit name of a draft the commune does not know, on one screen: how many tasks use it, the units it most
/// likely means, and the officer's decision; one save for all of them (<see cref="MapUnknownNames"/>).
/// </summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class MapNamesModel(RoViecDbContext db, CurrentUser currentUser, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class RowForm
    {
        public string? Name { get; set; }
        public string? Choice { get; set; }
        public string? Kind { get; set; }
    }

    /// <summary>A name with its suggestions (value, label, similarity in percent), best first.</summary>
    public sealed record Line(UnknownName Name, IReadOnlyList<(string Value, string Label, int Percent)> Suggestions);

    [BindProperty]
    public List<RowForm> Rows { get; set; } = [];

    [BindProperty]
    public string? Seen { get; set; }

    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<Line> Lines { get; private set; } = [];
    /// <summary>The commune's units a name can go to.</summary>
    public IReadOnlyList<(string Value, string Label)> CommuneUnits { get; private set; } = [];
    /// <summary>Units of the default catalogue the commune has no row for: added to it when the draft is confirmed.</summary>
    public IReadOnlyList<(string Value, string Label)> CatalogueUnits { get; private set; } = [];
    public IReadOnlyList<string> Reasons { get; private set; } = [];

    /// <summary>The label of a commune or catalogue unit's choice value, or null for any other value.</summary>
    public string? UnitLabel(string value) =>
        CommuneUnits.Concat(CatalogueUnits).Where(u => u.Value == value).Select(u => u.Label).FirstOrDefault();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is null) return NotFound();
        if (!await LoadAsync(id, ct)) return NotFound();
        Seen = MapUnknownNames.Fingerprint(Plan.UnitChoices);
        Rows = [.. Lines.Select(l => new RowForm { Name = l.Name.Name, Choice = ValueOf(l.Name.Choice), Kind = l.Name.Choice?.UnitKind })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return NotFound();
        var rows = Rows.Select(r => new MapUnknownNames.Row(r.Name, r.Choice, r.Kind)).ToList();
        switch (await MapUnknownNames.RunAsync(db, communeId, id, rows, Seen, ct))
        {
            case MapUnknownNames.Outcome.Saved saved:
                Notice = saved.Open == 0
                    ? L["Đã lưu lựa chọn cho {0} tên đơn vị; không còn tên nào chưa quyết định.", saved.Decided]
                    : L["Đã lưu lựa chọn cho {0} tên đơn vị; còn {1} tên chưa quyết định.", saved.Decided, saved.Open];
                return Redirect($"/nhap-ke-hoach/{id}");
            case MapUnknownNames.Outcome.Invalid invalid:
                if (!await LoadAsync(id, ct)) return NotFound();
                Reasons = invalid.Reasons;
                return this.Refuse(invalid.Refusal);
            case MapUnknownNames.Outcome.Conflict conflict:
                if (!await LoadAsync(id, ct)) return NotFound();
                Reasons = [conflict.Message];
                Seen = MapUnknownNames.Fingerprint(Plan.UnitChoices);
                return this.Refuse(conflict.Refusal);
            default:
                return NotFound();
        }
    }

    /// <summary>How a stored decision is written in the form's select.</summary>
    public static string ValueOf(UnitChoice? choice) => choice switch
    {
        null => "",
        { Kind: UnitChoiceKinds.Unit, UnitId: { } id } => "unit:" + id,
        { Kind: UnitChoiceKinds.Catalog, CatalogKey: { } key } => "catalog:" + key,
        _ => choice.Kind,
    };

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var plan = await DraftQueries.DraftAsync(db, id, ct);
        if (plan is null) return false;
        Plan = plan;
        var units = await DraftQueries.UnitsAsync(db, ct);
        var tasks = await DraftQueries.TasksAsync(db, id, ct);
        var indicators = await DraftQueries.IndicatorsAsync(db, id, ct);
        var names = DraftUnits.Unknown(tasks, indicators, units, DraftUnits.Read(plan.UnitChoices));
        var assignable = units.Where(CommuneCatalog.IsAssignable).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
        var keys = units.Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
        var catalogue = UnitCatalog.CreateDefault().Units.Where(u => !keys.Contains(u.Id)).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
        CommuneUnits = [.. assignable.Select(u => ("unit:" + u.Id, u.Name))];
        CatalogueUnits = [.. catalogue.Select(u => ("catalog:" + u.Id, u.Name))];
        // Suggestions come from the commune's units (with the aliases officers gave them) and the catalogue's.
        var candidates = assignable.Select(u => (Value: "unit:" + u.Id, Unit: CommuneCatalog.ToUnit(u)))
            .Concat(catalogue.Select(u => (Value: "catalog:" + u.Id, Unit: u))).ToList();
        var byUnit = candidates.ToDictionary(c => c.Unit, c => c.Value);
        Lines = [.. names.Select(n => new Line(n, [.. UnitSuggestions.For(n.Name, candidates.Select(c => c.Unit))
            .Select(s => (byUnit[s.Unit], s.Unit.Name, (int)Math.Round(s.Score * 100)))]))];
        return true;
    }

    private async Task<Guid?> CommuneAsync(CancellationToken ct) =>
        await currentUser.ScopeAsync(User, ct) is { ManagesPlans: true, CommuneId: { } communeId } ? communeId : null;
}
