using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Evaluation;
using RoViec.Web.Shared.Files;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Forms;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Reports;

/// <summary>
/// One unit's report for one period. The unit's reporter fills it in (saved as typed, submitted in one
/// step), the unit head approves it when the commune asks for that, the standing office verifies it,
/// returns it with comments per line or corrects a verified line with a reason; the commune's other
/// readers see it. Every change goes through a use case of <c>Features/Reports</c>; the page only
/// turns their answers into a page, a redirect or, for the autosave script, JSON.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
// An evidence file is at most 10 MB (refused with its own message); bodies far larger are refused unread.
[UploadLimit(BodyLimit)]
[RequestSizeLimit(BodyLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = BodyLimit, ValueCountLimit = 20_000)]
public sealed partial class DetailModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, PeriodChanges changes, IConfiguration configuration, ILogger<DetailModel> log,
    IStringLocalizer<SharedResource> L, FileStore files) : PageModel
{
    public const long BodyLimit = 24L * 1024 * 1024;

    /// <summary>The header the autosave script sends: it wants JSON, not a page.</summary>
    public const string AutosaveHeader = "X-RoViec-Autosave";

    public ReportSheet? Sheet { get; private set; }
    public string? Message { get; private set; }
    public string? Problem { get; private set; }
    /// <summary>Form field → refusal, shown beside the field.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    /// <summary>What was posted and refused, shown again so that nothing typed is lost.</summary>
    public Dictionary<string, string> Posted { get; } = new(StringComparer.Ordinal);
    /// <summary>The line whose evidence or correction form was refused, opened again.</summary>
    public Guid? OpenLine { get; private set; }

    public ReportHandle Handle => Sheet!.Handle;
    public UnitReport Report => Handle.Report;
    public string? ClosedMessage { get; private set; }
    public bool CanEdit => Handle.IsReporter && Handle.Editable && ClosedMessage is null;
    public bool CanApprove => Handle.IsHead && Report.State == ReportStates.AwaitingApproval;
    public bool CanVerify => Handle.RunsReporting && Report.State == ReportStates.Submitted;
    public bool CanCorrect => Handle.RunsReporting && Report.State == ReportStates.Verified;

    public bool Late => Report.FirstSubmittedAtUtc is { } first ? ReportValues.Day(first) > Handle.DueOn : Today > Handle.DueOn;

    private DateOnly Today => ReportValues.Day(clock.GetUtcNow().UtcDateTime);

    /// <summary>The report use cases' surroundings for this request: the unit of work, the caller, the clock, the change notices.</summary>
    private async Task<ReportDesk> DeskAsync(CancellationToken ct) => new(db, await currentUser.ScopeAsync(User, ct), clock, changes);

    /// <summary>The query a refused submission redirects to: the page shows what the report still lacks.</summary>
    public const string NotSentQuery = "chua-gui";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (TempData["Message"] is string message) Message = message;
        var shown = await ShowAsync(id, null, ct);
        if (Request.Query.ContainsKey(NotSentQuery) && Sheet is not null && CanEdit)
        {
            var missing = SubmitReport.Missing(Handle, Today);
            foreach (var error in missing) Errors.TryAdd(error.Key, error.Text.In(L));
            if (missing.Count > 0)
                Problem = L["Chưa gửi được: còn {0} ô cần điền đúng trước khi gửi (xem bên dưới). Những gì đã nhập được lưu nháp.", missing.Count];
        }
        return shown;
    }

    public async Task<IActionResult> OnPostDraftAsync(Guid id, CancellationToken ct)
    {
        var input = ReportInput.FromForm(PostedForm);
        var (outcome, savedAt, version) = await SaveDraft.RunAsync(await DeskAsync(ct), id, input, ct);
        if (Request.Headers[AutosaveHeader] == "1")
        {
            return outcome switch
            {
                ReportOutcome.Done => new JsonResult(new { saved = ReportValues.Clock(savedAt!.Value), version }),
                ReportOutcome.Invalid invalid => new JsonResult(new { message = L["Chưa lưu: có ô nhập chưa đúng."].Value, errors = invalid.Errors.ToDictionary(e => e.Key, e => e.Text.In(L)) }) { StatusCode = Refusals.Status(invalid.Refusal) },
                IRefused refused => new JsonResult(new { message = refused.Text.In(L) }) { StatusCode = Refusals.Status(refused.Refusal) },
                _ => throw new InvalidOperationException("unknown outcome"),
            };
        }
        return await AfterAsync(id, outcome, PostedForm, "#luu", ct);
    }

    /// <summary>
    /// A submission the report is not complete for keeps what was typed as the draft and answers with a redirect to
    /// the report showing what is missing (post/redirect/get): reloading that page never posts again, so it can
    /// never meet a stale version. Values a draft cannot hold either (a malformed date) are shown again under 422.
    /// </summary>
    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        var desk = await DeskAsync(ct);
        var input = ReportInput.FromForm(PostedForm);
        var outcome = await SubmitReport.RunAsync(desk, id, input, SubmitReport.TestingPause(configuration, log, id), ct);
        if (outcome is ReportOutcome.Invalid && (await SaveDraft.RunAsync(desk, id, input, ct)).Outcome is ReportOutcome.Done)
            return Redirect($"/bao-cao/{id}?{NotSentQuery}=1#loi");
        return await AfterAsync(id, outcome, PostedForm, "", ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, [FromForm] Guid? version, CancellationToken ct) =>
        await AfterAsync(id, await ApproveReport.RunAsync(await DeskAsync(ct), id, version, ct), null, "", ct);

    public async Task<IActionResult> OnPostHeadReturnAsync(Guid id, [FromForm] Guid? version, [FromForm] string? comment, CancellationToken ct) =>
        await AfterAsync(id, await ReturnReport.RunAsync(await DeskAsync(ct), id, version, comment, new Dictionary<Guid, string>(), byHead: true, ct), PostedForm, "", ct);

    public async Task<IActionResult> OnPostReturnAsync(Guid id, [FromForm] Guid? version, [FromForm] string? comment, CancellationToken ct)
    {
        var lines = new Dictionary<Guid, string>();
        foreach (var (key, value) in PostedForm)
        {
            var match = LineComment().Match(key);
            if (match.Success && Guid.TryParse(match.Groups[1].Value, out var itemId)) lines[itemId] = value.ToString();
        }
        return await AfterAsync(id, await ReturnReport.RunAsync(await DeskAsync(ct), id, version, comment, lines, byHead: false, ct), PostedForm, "", ct);
    }

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, [FromForm] Guid? version, CancellationToken ct) =>
        await AfterAsync(id, await VerifyReport.RunAsync(await DeskAsync(ct), id, version, ct), null, "", ct);

    public async Task<IActionResult> OnPostCorrectAsync(Guid id, [FromForm] Guid? version, [FromForm] Guid item, [FromForm] string? field, [FromForm] string? value, [FromForm] string? reason,
        CancellationToken ct)
    {
        OpenLine = item;
        return await AfterAsync(id, await CorrectLine.RunAsync(await DeskAsync(ct), id, version, item, field, value, reason, ct), PostedForm, $"#dong-{item}", ct);
    }

    public async Task<IActionResult> OnPostEvidenceAsync(Guid id, [FromForm] Guid item, [FromForm] string? kind, IFormFile? file,
        [FromForm] string? number, [FromForm] string? date, [FromForm] string? url, [FromForm] string? title, CancellationToken ct)
    {
        OpenLine = item;
        // The framework keeps a large upload in a work file; it is streamed from there into the file store, so memory stays
        // bounded whatever the number of reporters uploading. A file over the limit is refused by its declared length unread.
        var input = new EvidenceInput(kind ?? "", file?.FileName, file is { Length: > 0 } ? file.OpenReadStream : null, file?.Length ?? 0, number, date, url, title);
        return await AfterAsync(id, await AddEvidence.RunAsync(await DeskAsync(ct), files, id, item, input, ct), PostedForm, $"#dong-{item}", ct);
    }

    public async Task<IActionResult> OnPostRemoveEvidenceAsync(Guid id, [FromForm] Guid evidence, CancellationToken ct) =>
        await AfterAsync(id, await AddEvidence.RemoveAsync(await DeskAsync(ct), id, evidence, ct), null, "", ct);

    /// <summary>Done: back to the report (post-redirect-get) with the message. Refused: the page again with the reasons and what was typed, under the refusal's status.</summary>
    private async Task<IActionResult> AfterAsync(Guid id, ReportOutcome outcome, IFormCollection? form, string anchor, CancellationToken ct)
    {
        if (outcome is ReportOutcome.Done done)
        {
            // Written in the language of the request that did it; the page after the redirect shows it as it is.
            TempData["Message"] = done.Text.In(L);
            return Redirect($"/bao-cao/{id}{anchor}");
        }
        var refused = (IRefused)outcome;
        if (refused.Refusal is Refusal.NotFound or Refusal.Forbidden) return this.Refuse(refused.Refusal);
        if (outcome is ReportOutcome.Invalid invalid)
        {
            foreach (var error in invalid.Errors) Errors.TryAdd(error.Key, error.Text.In(L));
        }
        Problem = refused.Text.In(L);
        if (form is not null)
        {
            foreach (var (key, value) in form)
            {
                if (key != "__RequestVerificationToken" && key != "version") Posted[key] = value.ToString();
            }
        }
        // A stale form shows the report as it now is; what was typed is kept in the fields.
        return await ShowAsync(id, refused.Refusal, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, Refusal? refusal, CancellationToken ct)
    {
        var (handle, notOpened) = await (await DeskAsync(ct)).OpenAsync(id, track: false, ct);
        if (handle is null) return this.Refuse(((IRefused)notOpened!).Refusal);
        Sheet = await ReportSheet.LoadAsync(db, handle, ct);
        ClosedMessage = handle.Editable && handle.IsReporter ? handle.ClosedMessage(Today)?.In(L) : null;
        return refusal is { } r ? this.Refuse(r) : Page();
    }

    /// <summary>The posted form; an empty one when the body is not a form (no form of the page sends that).</summary>
    private IFormCollection PostedForm => Request.HasFormContentType ? Request.Form : FormCollection.Empty;

    /// <summary>The value a field shows: what was just posted and refused, else what is stored.</summary>
    public string Value(string name, string stored) => Posted.TryGetValue(name, out var posted) ? posted : stored;

    public string? ErrorFor(string name) => Errors.GetValueOrDefault(name);

    [GeneratedRegex(@"^comment\[([0-9a-fA-F-]{36})\]$")]
    private static partial Regex LineComment();
}
