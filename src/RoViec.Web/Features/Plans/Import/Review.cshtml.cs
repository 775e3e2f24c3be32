using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.SixRo;
using RoViec.Domain.Units;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Plans.Import;

/// <summary>
/// The review screen of a draft plan: the document text beside the extracted tasks and indicators,
/// every field linked to the text it came from, each task with its "6 rõ" defects. The officer
/// removes lines that are not tasks, merges and splits tasks, maps unknown unit names, then confirms
/// the draft as the commune's plan (replacing the one in force if they say so) or discards it.
/// Only the officer's own commune's drafts exist here; anything else is 404.
/// </summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class ReviewModel(RoViecDbContext db, CurrentUser currentUser, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L, TimeProvider clock) : PageModel
{
    /// <summary>An unknown unit name with how much of the draft depends on it.</summary>
    public sealed record UnknownUnit(OrgUnit Row, int Leads, int Supports, int Owns);

    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<PlanTaskRow> Tasks { get; private set; } = [];
    public int TaskCount { get; private set; }
    public IReadOnlyDictionary<Guid, IReadOnlyList<SixRoDefect>> Defects { get; private set; } = new Dictionary<Guid, IReadOnlyList<SixRoDefect>>();
    public IReadOnlyList<IndicatorRow> Indicators { get; private set; } = [];
    public IReadOnlyDictionary<Guid, OrgUnit> Units { get; private set; } = new Dictionary<Guid, OrgUnit>();
    public IReadOnlyList<UnknownUnit> Unknown { get; private set; } = [];
    /// <summary>Units a name can be mapped to: the commune's, then catalogue units it has no row for yet.</summary>
    public IReadOnlyList<(string Value, string Label)> Targets { get; private set; } = [];
    public string SourceHtml { get; private set; } = "";
    /// <summary>The id of each task's mark in the source ("t-3"), numbered over all tasks, also when only some are listed.</summary>
    public IReadOnlyDictionary<Guid, string> Marks { get; private set; } = new Dictionary<Guid, string>();
    public ConfirmOutcome.AskReplacement? Question { get; private set; }
    public string? Error { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [BindProperty(SupportsGet = true, Name = "loi")]
    public bool OnlyDefects { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    /// <summary>A malformed row reference: 400 on a draft the caller may see, 404 on one that is not theirs to know of.</summary>
    private async Task<IActionResult> MalformedAsync(Guid id, CancellationToken ct) =>
        await DraftQueries.ExistsAsync(db, id, ct) ? BadRequest() : NotFound();

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, string? target, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return NotFound();
        if (!TryRef(target, out var task)) return await MalformedAsync(id, ct);
        return await AfterAsync(id, await RemoveTask.RunAsync(db, communeId, id, task.Id, task.Version, ct), L["Đã xóa dòng không phải nhiệm vụ."], ct);
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid id, string[]? selected, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return NotFound();
        var refs = new List<(Guid, Guid)>();
        foreach (var value in selected ?? [])
        {
            if (!TryRef(value, out var r)) return BadRequest();
            refs.Add(r);
        }
        var result = await MergeTasks.RunAsync(db, communeId, id, refs, ct);
        return await AfterAsync(id, result, L["Đã gộp {0} nhiệm vụ thành một.", refs.Count], ct, result is ReviewResult.Done { Id: { } merged } ? "#task-" + merged : "");
    }

    public async Task<IActionResult> OnPostMapUnitAsync(Guid id, Guid unit, string? target, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return NotFound();
        if (!await IsDraftAsync(communeId, id, ct)) return NotFound();
        var name = await DraftQueries.UnitNameAsync(db, unit, ct);
        return await AfterAsync(id, await MapUnit.RunAsync(db, communeId, unit, target, ct), L["Đã gán “{0}” vào đơn vị trong danh mục.", name ?? ""], ct);
    }

    public async Task<IActionResult> OnPostDeleteIndicatorAsync(Guid id, string? target, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return NotFound();
        if (!TryRef(target, out var indicator)) return await MalformedAsync(id, ct);
        return await AfterAsync(id, await CorrectIndicator.RemoveAsync(db, communeId, id, indicator.Id, indicator.Version, ct), L["Đã xóa dòng không phải chỉ tiêu."], ct);
    }

    /// <param name="replace">Absent until the officer is asked; then the id of the plan replaced, or "none" to keep it in force.</param>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, string? replace, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return NotFound();
        ReplaceAnswer? answer = replace switch
        {
            null or "" => null,
            "none" => new ReplaceAnswer(null),
            _ when Guid.TryParse(replace, out var replaced) => new ReplaceAnswer(replaced),
            _ => null,
        };
        switch (await PlanDrafts.ConfirmAsync(db, communeId, id, answer, User.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime, ct))
        {
            case ConfirmOutcome.Confirmed confirmed:
                Notice = confirmed.Replaced is { } old
                    ? L["Đã xác nhận kế hoạch; kế hoạch “{0}” được thay thế và vẫn được lưu cùng lịch sử.", old.Title]
                    : L["Đã xác nhận kế hoạch; kế hoạch đang được thực hiện."];
                return Redirect($"/ke-hoach/{id}");
            case ConfirmOutcome.AskReplacement question:
                Question = question;
                return await ShowAsync(id, ct);
            case ConfirmOutcome.Refused refused:
                Error = refused.Message;
                Response.SetStatus(refused.Refusal);
                return await ShowAsync(id, ct);
            case ConfirmOutcome.ConfirmedMeanwhile meanwhile:
                Error = meanwhile.Message;
                ConfirmedMeanwhile = true;
                Response.SetStatus(meanwhile.Refusal);
                return await ShowAsync(id, ct);
            default:
                // Confirmed by someone else meanwhile: the plan's page; not the user's: 404.
                return await ShowAsync(id, ct);
        }
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return NotFound();
        if (!await PlanDrafts.DiscardAsync(db, communeId, id, ct)) return NotFound();
        Notice = L["Đã hủy bản nháp kế hoạch."];
        return Redirect("/ke-hoach");
    }

    private async Task<IActionResult> AfterAsync(Guid id, ReviewResult result, string done, CancellationToken ct, string anchor = "")
    {
        switch (result)
        {
            case ReviewResult.Done:
                Notice = done;
                return Redirect($"/nhap-ke-hoach/{id}{anchor}");
            case ReviewResult.Conflict conflict:
                Error = L["Dòng này vừa được người khác sửa hoặc xóa trong lúc bạn xem; chưa có gì thay đổi. Trang dưới đây là bản mới nhất, hãy xem lại rồi làm lại."];
                Response.SetStatus(conflict.Refusal);
                return await ShowAsync(id, ct);
            case ReviewResult.Invalid invalid:
                Error = invalid.Message;
                Response.SetStatus(invalid.Refusal);
                return await ShowAsync(id, ct);
            default:
                // The row is not in this draft any more (merged or removed by someone else meanwhile); the
                // draft itself is shown if it is the user's, otherwise nothing exists here. For the draft's
                // page that is a conflict with what the officer saw, not a missing page.
                Error = L["Dòng này không còn trong bản nháp; có thể người khác vừa gộp hoặc xóa nó. Trang dưới đây là bản mới nhất."];
                Response.SetStatus(Refusal.Conflict);
                return await ShowAsync(id, ct);
        }
    }

    /// <summary>The draft was confirmed by another request while this one was confirming it: the page says so and links the plan.</summary>
    public bool ConfirmedMeanwhile { get; private set; }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return NotFound();
        var plan = await DraftQueries.PlanAsync(db, id, ct);
        if (plan is null) return NotFound();
        if (plan.Status != PlanStatuses.Draft && !ConfirmedMeanwhile) return Redirect($"/ke-hoach/{id}");
        Plan = plan;
        var tasks = await DraftQueries.TasksAsync(db, id, ct);
        Indicators = await DraftQueries.IndicatorsAsync(db, id, ct);
        var units = await DraftQueries.UnitsAsync(db, ct);
        Units = units.ToDictionary(u => u.Id);
        Defects = TaskDefects.Of(tasks, Units);
        TaskCount = tasks.Count;
        Tasks = OnlyDefects ? tasks.Where(t => Defects[t.Id].Count > 0).ToList() : tasks;
        Unknown = FindUnknown(tasks, Indicators, units);
        var rows = units.Where(CommuneCatalog.IsAssignable).OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => ("unit:" + u.Id, u.Name));
        var keys = units.Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
        var catalogue = UnitCatalog.CreateDefault().Units.Where(u => !keys.Contains(u.Id)).OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => ("catalog:" + u.Id, u.Name));
        Targets = rows.Concat(catalogue).ToList();
        Marks = tasks.Select((t, i) => (t.Id, Mark: "t-" + i.ToString(CultureInfo.InvariantCulture))).ToDictionary(x => x.Id, x => x.Mark);
        SourceHtml = SourceHighlighter.Render(plan.SourceText,
            tasks.Select(t => (new Domain.Text.SourceSpan(t.NameSpanStart, t.NameSpanLength), Marks[t.Id]))
                .Concat(Indicators.Select((x, i) => (new Domain.Text.SourceSpan(x.SpanStart, x.SpanLength), "c-" + i.ToString(CultureInfo.InvariantCulture))))
                .ToList());
        return Page();
    }

    /// <summary>The unknown names the draft uses as lead, support or owner, each once.</summary>
    private static List<UnknownUnit> FindUnknown(IReadOnlyList<PlanTaskRow> tasks, IReadOnlyList<IndicatorRow> indicators, IReadOnlyList<OrgUnit> units)
    {
        var catalog = CommuneCatalog.For(units);
        var byKey = units.Where(u => u.Active && CommuneCatalog.IsUnrecognised(u)).ToDictionary(u => u.Key, StringComparer.Ordinal);
        var counts = new Dictionary<Guid, (int Leads, int Supports, int Owns)>();
        void Count(string? name, int lead, int support, int own)
        {
            if (string.IsNullOrWhiteSpace(name) || !byKey.TryGetValue(catalog.Resolve(name).Unit.Id, out var row)) return;
            var c = counts.GetValueOrDefault(row.Id);
            counts[row.Id] = (c.Leads + lead, c.Supports + support, c.Owns + own);
        }
        foreach (var t in tasks)
        {
            foreach (var name in CommuneCatalog.Names(t.LeadAsWritten)) Count(name, 1, 0, 0);
            foreach (var name in CommuneCatalog.Names(t.SupportAsWritten)) Count(name, 0, 1, 0);
        }
        foreach (var i in indicators) Count(i.Owner, 0, 0, 1);
        var unknownIds = byKey.Values.ToDictionary(u => u.Id);
        foreach (var t in tasks.Where(t => t.LeadUnitId is { } lead && unknownIds.ContainsKey(lead) && !counts.ContainsKey(lead)))
            counts[t.LeadUnitId!.Value] = (1, 0, 0);
        return counts.Select(c => new UnknownUnit(unknownIds[c.Key], c.Value.Leads, c.Value.Supports, c.Value.Owns)).OrderBy(u => u.Row.Name, StringComparer.Ordinal).ToList();
    }

    private async Task<bool> IsDraftAsync(Guid communeId, Guid id, CancellationToken ct) =>
        await DraftQueries.IsDraftAsync(db, id, ct);

    /// <summary>The commune whose drafts the user manages; none for anyone else (the page then answers 404).</summary>
    private async Task<Guid?> CommuneAsync(CancellationToken ct) =>
        await currentUser.ScopeAsync(User, ct) is { ManagesPlans: true, CommuneId: { } communeId } ? communeId : null;

    /// <summary>"{id}:{version}" as the page writes a row and the version it showed.</summary>
    internal static bool TryRef(string? value, out (Guid Id, Guid Version) row)
    {
        row = default;
        var parts = value?.Split(':');
        if (parts is not { Length: 2 } || !Guid.TryParse(parts[0], out var id) || !Guid.TryParse(parts[1], out var version)) return false;
        row = (id, version);
        return true;
    }
}
