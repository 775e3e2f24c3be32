using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.SixRo;
using RoViec.Domain.Tasks;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Plans;
using RoViec.Web.Features.Tasks;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Plans.Import;

/// <summary>
/// Correct one task of a draft beside the text it came from, or split it in two. The version read with
/// the form travels back with it: if someone saved in between, nothing is overwritten (409, both versions).
/// </summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class ReviewTaskModel(RoViecDbContext db, CurrentUser currentUser, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class Form
    {
        public string? Name { get; set; }
        public string? Lead { get; set; }
        public string? Support { get; set; }
        public string? Directing { get; set; }
        public string? Output { get; set; }
        public string? Deadline { get; set; }
        public string? UpstreamSource { get; set; }
        public string? DecisionAuthority { get; set; }
        public bool Priority { get; set; }
        public Guid Version { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public Plan Plan { get; private set; } = null!;
    public PlanTaskRow Task { get; private set; } = null!;
    public PlanTaskRow? Theirs { get; private set; }
    public IReadOnlyList<SixRoDefect> Defects { get; private set; } = [];
    public IReadOnlyDictionary<TaskField, Domain.Text.SourceSpan> Spans { get; private set; } = new Dictionary<TaskField, Domain.Text.SourceSpan>();
    /// <summary>For a plan kept in Excel, where the task and its defects sit in the workbook; null for any other plan.</summary>
    public TaskCells? Cells { get; private set; }
    /// <summary>The source text around the task, its field spans marked.</summary>
    public string ExcerptHtml { get; private set; } = "";
    public bool ExcerptCutBefore { get; private set; }
    /// <summary>Where the excerpt starts in the plan's text; field spans are shown relative to it.</summary>
    public int ExcerptFrom { get; private set; }
    public bool ExcerptCutAfter { get; private set; }
    public IReadOnlyList<string> UnitNames { get; private set; } = [];
    /// <summary>Where the name can be split: the offset and the text on either side of it.</summary>
    public IReadOnlyList<(int At, string Before, string After)> SplitPoints { get; private set; } = [];
    public string? SplitError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid taskId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, taskId, ct)) return NotFound();
        Input = FormOf(Task);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid taskId, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return NotFound();
        var input = new TaskCorrection(Input.Name, Input.Lead, Input.Support, Input.Directing, Input.Output, Input.Deadline, Input.UpstreamSource, Input.DecisionAuthority, Input.Priority, Input.Version);
        var result = await CorrectDraftTask.RunAsync(db, communeId, planId, taskId, input, ct);
        switch (result)
        {
            case ReviewResult.Done:
                TempData["Notice"] = L["Đã lưu nhiệm vụ."].Value;
                return Redirect($"/nhap-ke-hoach/{planId}#task-{taskId}");
            case ReviewResult.Invalid invalid:
                foreach (var (field, message) in invalid.Errors) ModelState.AddModelError("Input." + field, L[message]);
                Response.SetStatus(invalid.Refusal);
                break;
            case ReviewResult.Conflict conflict:
                Response.SetStatus(conflict.Refusal);
                break;
            default:
                return NotFound();
        }
        if (!await LoadAsync(planId, taskId, ct)) return NotFound();
        if (result is ReviewResult.Conflict)
        {
            // The officer's text stays in the form; the saved version is shown beside it and the
            // form now carries its version, so saving again is a deliberate choice to replace it.
            Theirs = Task;
            ModelState.Remove("Input.Version");
            Input.Version = Task.Version;
        }
        return Page();
    }

    /// <param name="splitAt">An offset offered on the page.</param>
    /// <param name="splitText">Or the words the second part starts with, as the officer typed them.</param>
    public async Task<IActionResult> OnPostSplitAsync(Guid planId, Guid taskId, int? splitAt, string? splitText, Guid version, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return NotFound();
        if (!await LoadAsync(planId, taskId, ct)) return NotFound();
        int at;
        if (!string.IsNullOrWhiteSpace(splitText))
        {
            at = Task.Name.IndexOf(splitText.Trim(), 1, StringComparison.Ordinal);
            if (at < 0) at = Task.Name.IndexOf(splitText.Trim(), 1, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            at = splitAt ?? -1;
        }
        var result = await SplitTask.RunAsync(db, communeId, planId, taskId, version, at, ct);
        switch (result)
        {
            case ReviewResult.Done { Id: var created }:
                TempData["Notice"] = L["Đã tách nhiệm vụ thành hai; hãy xem lại phần mới tách."].Value;
                return Redirect($"/nhap-ke-hoach/{planId}#task-{created}");
            case ReviewResult.Invalid invalid:
                SplitError = !string.IsNullOrWhiteSpace(splitText) && at < 0
                    ? L["Không tìm thấy đoạn “{0}” trong nội dung nhiệm vụ (trừ ở đầu).", splitText.Trim()]
                    : invalid.Message;
                Response.SetStatus(invalid.Refusal);
                break;
            case ReviewResult.Conflict conflict:
                SplitError = L["Nhiệm vụ vừa được người khác sửa; chưa tách. Nội dung dưới đây là bản mới nhất, hãy chọn lại điểm tách."];
                Response.SetStatus(conflict.Refusal);
                break;
            default:
                return NotFound();
        }
        if (!await LoadAsync(planId, taskId, ct)) return NotFound();
        Input = FormOf(Task);
        return Page();
    }

    private static Form FormOf(PlanTaskRow t) => new()
    {
        Name = t.Name,
        Lead = t.LeadAsWritten,
        Support = t.SupportAsWritten,
        Directing = t.Directing,
        Output = t.Output,
        Deadline = t.DeadlineRaw,
        UpstreamSource = t.UpstreamSource,
        DecisionAuthority = t.DecisionAuthority,
        Priority = t.Priority,
        Version = t.Version,
    };

    private async Task<bool> LoadAsync(Guid planId, Guid taskId, CancellationToken ct)
    {
        if (await CommuneAsync(ct) is not { } communeId) return false;
        var plan = await DraftQueries.DraftWithSourceAsync(db, planId, ct);
        var task = plan is null ? null : await DraftQueries.TaskAsync(db, planId, taskId, ct);
        if (plan is null || task is null) return false;
        Plan = plan;
        Task = task;
        var units = await DraftQueries.UnitsAsync(db, ct);
        Defects = TaskDefects.Of(task, units.ToDictionary(u => u.Id));
        UnitNames = units.Where(CommuneCatalog.IsAssignable).Select(u => u.Name)
            .Concat(Domain.Units.UnitCatalog.CreateDefault().Units.Where(u => u.Kind != Domain.Units.UnitKind.Group).Select(u => u.Name))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Spans = TaskSpans.Read(task.Spans);
        var text = plan.Source!.Text;
        Cells = WorkbookCells.Of(text, [task], new Dictionary<Guid, IReadOnlyList<SixRoDefect>> { [task.Id] = Defects }).GetValueOrDefault(task.Id);
        var covered = Spans.Values.Append(new Domain.Text.SourceSpan(task.NameSpanStart, task.NameSpanLength)).Where(s => s.Length > 0 && s.End <= text.Length).ToList();
        var from = covered.Count == 0 ? 0 : Math.Max(0, covered.Min(s => s.Start) - 400);
        var to = covered.Count == 0 ? Math.Min(text.Length, 800) : Math.Min(text.Length, covered.Max(s => s.End) + 400);
        ExcerptCutBefore = from > 0;
        ExcerptCutAfter = to < text.Length;
        ExcerptFrom = from;
        // Only the task is marked: field spans overlap it (a bullet's lead sits inside its sentence) and are shown on demand.
        var whole = new Domain.Text.SourceSpan(task.NameSpanStart - from, task.NameSpanLength);
        ExcerptHtml = SourceHighlighter.Render(text[from..to], whole.Start >= 0 && task.NameSpanStart + task.NameSpanLength <= to ? [(whole, "f-Name")] : []);
        SplitPoints = SplitTask.Points(task.Name)
            .Select(at => (at, Ellipsis(task.Name[..at].TrimEnd(), fromEnd: true), Ellipsis(task.Name[at..].TrimStart(), fromEnd: false)))
            .ToList();
        return true;
    }

    private static string Ellipsis(string text, bool fromEnd) =>
        text.Length <= 60 ? text : fromEnd ? "…" + text[^60..] : text[..60] + "…";

    private async Task<Guid?> CommuneAsync(CancellationToken ct) =>
        await currentUser.ScopeAsync(User, ct) is { ManagesPlans: true, CommuneId: { } communeId } ? communeId : null;
}
