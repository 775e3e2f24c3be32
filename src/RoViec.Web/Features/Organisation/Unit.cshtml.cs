using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.History;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Organisation;

/// <summary>
/// One unit: its facts, the form to rename, reclassify or move it, deactivation (or deletion when
/// nothing refers to it), merging it into another unit, and its history. A save from a stale form is a
/// 409 showing both versions.
/// </summary>
[Authorize(Policy = Policies.ManageOrganisation)]
public sealed class UnitModel(RoViecDbContext db, CurrentUser currentUser, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    private static readonly Dictionary<string, string> HistoryLabels = new(StringComparer.Ordinal)
    {
        [nameof(OrgUnit.Name)] = "Tên",
        [nameof(OrgUnit.Kind)] = "Loại",
        [nameof(OrgUnit.ParentId)] = "Trực thuộc",
        [nameof(OrgUnit.Aliases)] = "Tên khác",
        [nameof(OrgUnit.Active)] = "Trạng thái",
    };

    public OrgUnit? Unit { get; private set; }
    public string CommuneName { get; private set; } = "";
    public string? ParentName { get; private set; }
    public UnitUsage Usage { get; private set; } = new(0, 0, 0);
    public IReadOnlyList<(Guid Id, string Name)> Users { get; private set; } = [];
    public IReadOnlyList<(UnitNode Node, int Depth)> Parents { get; private set; } = [];
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    public string CommuneQuery { get; private set; } = "";

    /// <summary>Units of the same commune this one can be merged into: active real units, not itself.</summary>
    public IReadOnlyList<OrgUnit> MergeTargets { get; private set; } = [];

    /// <summary>Why the merge form was refused, shown beside it.</summary>
    public string? MergeError { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The stored unit when a save came from a stale form.</summary>
    public OrgUnit? Theirs { get; private set; }

    [BindProperty]
    public UnitForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        FillForm();
        return Page();
    }

    private void FillForm()
    {
        var u = Unit!;
        Input = new UnitForm { Name = u.Name, Kind = u.Kind, ParentId = u.ParentId, Aliases = string.Join('\n', u.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries)), Version = u.Version };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return this.Refuse(Refusal.BadRequest);
        var unit = await UnitQueries.TrackedAsync(db, id, ct);
        return await AnswerAsync(await EditUnit.SaveAsync(db, unit, Input.ToInput(), Input.Version, ct), id, ct);
    }

    // The buttons below the form post only the version they were shown with ("version").
    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, Guid version, CancellationToken ct) => await SetActiveAsync(id, false, version, ct);

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, Guid version, CancellationToken ct) => await SetActiveAsync(id, true, version, ct);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        var communeQuery = CommuneQuery;
        var unit = await UnitQueries.TrackedAsync(db, id, ct);
        var outcome = await DeleteUnit.DeleteAsync(db, unit, version, ct);
        if (outcome is UnitOutcome.Saved) return Redirect("/to-chuc" + (communeQuery.Length > 0 ? "?" + communeQuery : ""));
        return await AnswerAsync(outcome, id, ct, fillForm: true);
    }

    /// <summary>Merges this unit into the chosen one ("mergeInto"), guarded by the version read with the page.</summary>
    public async Task<IActionResult> OnPostMergeAsync(Guid id, Guid version, [FromForm(Name = "mergeInto")] Guid? target, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        var unit = await UnitQueries.TrackedAsync(db, id, ct);
        var name = unit.Name;
        var outcome = await MergeUnit.RunAsync(db, unit, target, version, ct);
        switch (outcome)
        {
            case UnitOutcome.Saved saved:
                Notice = L["Đã gộp “{0}” vào đơn vị này; “{0}” ngừng hoạt động và thành một tên khác của đơn vị này.", name].Value;
                return Redirect($"/to-chuc/don-vi/{saved.Unit.Id}");
            case UnitOutcome.Refused { Error.Refusal: Refusal.NotFound } gone:
                return this.Refuse(gone.Error.Refusal);
            case UnitOutcome.Refused refused:
                await LoadAsync(id, ct);
                FillForm();
                MergeError = refused.Error.Message;
                return this.Refuse(refused.Error.Refusal);
            default:
                return await AnswerAsync(outcome, id, ct, fillForm: true);
        }
    }

    private async Task<IActionResult> SetActiveAsync(Guid id, bool active, Guid version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        var unit = await UnitQueries.TrackedAsync(db, id, ct);
        return await AnswerAsync(await EditUnit.SetActiveAsync(db, unit, active, version, ct), id, ct, fillForm: true);
    }

    /// <param name="fillForm">The edit form was not what was posted: show it with the stored values.</param>
    private async Task<IActionResult> AnswerAsync(UnitOutcome outcome, Guid id, CancellationToken ct, bool fillForm = false)
    {
        if (outcome is not UnitOutcome.Saved && fillForm && await LoadAsync(id, ct)) FillForm();
        switch (outcome)
        {
            case UnitOutcome.Saved:
                return Redirect($"/to-chuc/don-vi/{id}");
            case UnitOutcome.Conflict conflict:
                Theirs = conflict.Theirs;
                await LoadAsync(id, ct);
                Input.Version = conflict.Theirs.Version;
                ModelState.Clear();
                return this.Refuse(conflict.Refusal);
            case UnitOutcome.Refused { Error.Refusal: Refusal.NotFound } gone:
                return this.Refuse(gone.Error.Refusal);
            case UnitOutcome.Refused refused:
                UnitForm.AddError(ModelState, nameof(Input), refused.Error);
                await LoadAsync(id, ct);
                return this.Refuse(refused.Error.Refusal);
            default:
                throw new InvalidOperationException("unknown outcome");
        }
    }

    /// <summary>The unit and everything the page shows of it, read anew; false when it is not this administrator's (404).</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        UnitQueries.Forget(db);
        var unit = await UnitQueries.FindAsync(db, id, ct);
        if (unit is null || !await AdminScope.ManagesCommuneAsync(db, await currentUser.ScopeAsync(User, ct), unit.CommuneId, ct)) return false;
        Unit = unit;
        CommuneName = await PlanQueries.CommuneNameAsync(db, unit.CommuneId, ct) ?? "";
        CommuneQuery = (await AdminScope.CommunesAsync(db, await currentUser.ScopeAsync(User, ct), ct)).Count > 1 ? "xa=" + unit.CommuneId : "";
        var tree = await OrganisationTree.LoadAsync(db, unit.CommuneId, ct);
        var all = OrganisationTree.Flatten(tree).ToList();
        ParentName = all.FirstOrDefault(n => n.Node.Unit.Id == unit.ParentId).Node?.Unit.Name;
        // Not itself nor anything below it: those would make a cycle.
        var below = new HashSet<Guid>();
        var self = all.First(n => n.Node.Unit.Id == id).Node;
        foreach (var (node, _) in OrganisationTree.Flatten([self])) below.Add(node.Unit.Id);
        Parents = [.. all.Where(n => !below.Contains(n.Node.Unit.Id) && ((n.Node.Unit.Active && n.Node.Unit.Kind != nameof(RoViec.Domain.Units.UnitKind.Group)) || n.Node.Unit.Id == unit.ParentId))];
        MergeTargets = [.. all.Select(n => n.Node.Unit).Where(x => !below.Contains(x.Id) && CommuneCatalog.IsAssignable(x))
            .OrderBy(x => x.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), true))];
        Usage = await DeleteUnit.UsageAsync(db, id, ct);
        Users = await UnitQueries.AccountsAsync(db, id, ct);
        var names = all.ToDictionary(n => n.Node.Unit.Id.ToString(), n => n.Node.Unit.Name, StringComparer.OrdinalIgnoreCase);
        var entries = await UnitQueries.ChangesAsync(db, id, ct);
        History = [.. entries.Select(e => ChangeHistory.Describe(e, HistoryLabels, (field, value) => Format(field, value, names)))];
        return true;
    }

    private string? Format(string field, string? value, Dictionary<string, string> units) => field switch
    {
        nameof(OrgUnit.Kind) => value is null ? null : UnitKindLabels.For(value),
        nameof(OrgUnit.ParentId) => value is null ? "—" : units.GetValueOrDefault(value, L["(đơn vị đã xóa)"]),
        nameof(OrgUnit.Aliases) => value is null ? null : string.Join("; ", value.Split('|', StringSplitOptions.RemoveEmptyEntries)),
        nameof(OrgUnit.Active) => ChangeHistory.YesNo(value, L["Đang hoạt động"], L["Ngừng hoạt động"]),
        _ => value,
    };
}
