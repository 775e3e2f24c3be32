using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.SixRo;
using RoViec.Domain.Text;
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
public sealed class ReviewModel(RoViecDbContext db, RoViec.Web.Shared.Files.FileStore store, CurrentUser currentUser, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L, TimeProvider clock) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<PlanTaskRow> Tasks { get; private set; } = [];
    public int TaskCount { get; private set; }
    public IReadOnlyDictionary<Guid, IReadOnlyList<SixRoDefect>> Defects { get; private set; } = new Dictionary<Guid, IReadOnlyList<SixRoDefect>>();
    public IReadOnlyList<IndicatorRow> Indicators { get; private set; } = [];
    public IReadOnlyDictionary<Guid, OrgUnit> Units { get; private set; } = new Dictionary<Guid, OrgUnit>();
    /// <summary>Unit names of the draft the commune does not know, with the decision taken for each (none yet: null).</summary>
    public IReadOnlyList<UnknownName> Unknown { get; private set; } = [];
    /// <summary>What confirming would leave unclear, as of today; shown beside the confirm button.</summary>
    public ConfirmWarnings Warnings { get; private set; } = null!;
    /// <summary>Vietnam's date on the application's clock: deadlines before it have passed.</summary>
    public DateOnly Today { get; private set; }
    /// <summary>The officer tried to confirm without acknowledging the warnings.</summary>
    public bool MustAcknowledge { get; private set; }
    /// <summary>For a plan kept in Excel, where each task, its fields and its defects sit in the workbook; empty for any other plan.</summary>
    public IReadOnlyDictionary<Guid, TaskCells> Cells { get; private set; } = new Dictionary<Guid, TaskCells>();
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

    public async Task<IActionResult> OnPostDeleteIndicatorAsync(Guid id, string? target, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return NotFound();
        if (!TryRef(target, out var indicator)) return await MalformedAsync(id, ct);
        return await AfterAsync(id, await CorrectIndicator.RemoveAsync(db, communeId, id, indicator.Id, indicator.Version, ct), L["Đã xóa dòng không phải chỉ tiêu."], ct);
    }

    /// <param name="replace">Absent until the officer is asked; then the id of the plan replaced, or "none" to keep it in force.</param>
    /// <param name="knowingly">The officer ticked "I have read the warnings and confirm anyway".</param>
    /// <param name="pairing">The officer was shown the proposed pairing of tasks: <paramref name="pairs"/> is the pairing confirmed.</param>
    /// <param name="pairs">"oldTaskId:newTaskId" for each pair kept or chosen (empty values: an old task left superseded).</param>
    /// <param name="rhythm">Keeping both in force: how the new plan reports (<see cref="PlanRhythms"/>).</param>
    /// <param name="endsOn">Keeping both in force as a weekly campaign: its last day ("yyyy-MM-dd").</param>
    /// <param name="field">The field the new plan serves.</param>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, string? replace, bool knowingly, bool pairing, string[]? pairs, string? rhythm, string? endsOn, string? field, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return NotFound();
        Dictionary<Guid, Guid>? chosen = null;
        if (pairing)
        {
            chosen = [];
            foreach (var pair in (pairs ?? []).Where(p => !string.IsNullOrEmpty(p)))
            {
                var parts = pair.Split(':');
                if (parts.Length != 2 || !Guid.TryParse(parts[0], out var oldTask) || !Guid.TryParse(parts[1], out var newTask) || !chosen.TryAdd(oldTask, newTask))
                {
                    Error = L["Cặp nhiệm vụ gửi lên không hợp lệ; hãy tải lại trang và chọn lại."];
                    Response.SetStatus(Refusal.BadRequest);
                    return await ShowAsync(id, ct);
                }
            }
        }
        DateOnly? ends = null;
        if (!string.IsNullOrWhiteSpace(endsOn))
        {
            if (!DateOnly.TryParseExact(endsOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                Error = L["Ngày kết thúc chiến dịch không hợp lệ; hãy chọn ngày trên lịch."];
                Response.SetStatus(Refusal.BadRequest);
                return await ShowAsync(id, ct);
            }
            ends = day;
        }
        ReplaceAnswer? answer = replace switch
        {
            null or "" => null,
            "none" => new ReplaceAnswer(null, null, rhythm, ends, field),
            _ when Guid.TryParse(replace, out var replaced) => new ReplaceAnswer(replaced, chosen),
            _ => null,
        };
        Knowingly = knowingly;
        switch (await PlanDrafts.ConfirmAsync(db, store, communeId, id, answer, knowingly, User.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime, ct))
        {
            case ConfirmOutcome.Confirmed confirmed:
                Notice = confirmed.Replaced is { } old
                    ? L["Đã xác nhận kế hoạch; kế hoạch “{0}” được thay thế và vẫn được lưu cùng lịch sử.", old.Title]
                    : L["Đã xác nhận kế hoạch; kế hoạch đang được thực hiện."];
                return Redirect($"/ke-hoach/{id}");
            case ConfirmOutcome.AskReplacement question:
                Question = question;
                return await ShowAsync(id, ct);
            case ConfirmOutcome.Unacknowledged unacknowledged:
                Error = L[unacknowledged.Message];
                MustAcknowledge = true;
                Response.SetStatus(unacknowledged.Refusal);
                return await ShowAsync(id, ct);
            case ConfirmOutcome.Refused refused:
                Error = L[refused.Message];
                Response.SetStatus(refused.Refusal);
                return await ShowAsync(id, ct);
            case ConfirmOutcome.ConfirmedMeanwhile meanwhile:
                Error = L[meanwhile.Message];
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
                Error = string.Join(" ", invalid.Errors.Values.Select(m => L[m].Value));
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

    /// <summary>The officer's "confirm knowingly" as sent, carried into the replacement question's answers.</summary>
    public bool Knowingly { get; private set; }

    /// <summary>The draft was confirmed by another request while this one was confirming it: the page says so and links the plan.</summary>
    public bool ConfirmedMeanwhile { get; private set; }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return NotFound();
        var plan = await DraftQueries.PlanWithSourceAsync(db, id, ct);
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
        Unknown = DraftUnits.Unknown(tasks, Indicators, units, DraftUnits.Read(plan.UnitChoices));
        Today = clock.VietnamToday();
        Warnings = await ConfirmWarnings.ForAsync(db, communeId, id, Today, ct);
        Cells = WorkbookCells.Of(plan.Source!.Text, Tasks, Defects);
        Marks = tasks.Select((t, i) => (t.Id, Mark: "t-" + i.ToString(CultureInfo.InvariantCulture))).ToDictionary(x => x.Id, x => x.Mark);
        SourceHtml = SourceHighlighter.Render(plan.Source!.Text,
            tasks.Select(t => (new Domain.Text.SourceSpan(t.NameSpanStart, t.NameSpanLength), Marks[t.Id]))
                .Concat(Indicators.Select((x, i) => (new Domain.Text.SourceSpan(x.SpanStart, x.SpanLength), "c-" + i.ToString(CultureInfo.InvariantCulture))))
                .ToList());
        return Page();
    }

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
