using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data;
using RoViec.Import;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Plans.Import;

/// <summary>
/// Upload a plan document (DOCX, XLSX, PDF or text), or download the Excel template to fill in. It is checked by the importer at once — size, type,
/// damage, scans, encodings — and refused with the importer's Vietnamese message and an HTTP status
/// that says what happened; a readable document becomes a draft plan for review at once.
/// </summary>
// The importer's 20 MB limit plus the form around the file; bigger declared bodies are refused unread.
[RoViec.Web.Shared.Forms.UploadLimit(21L * 1024 * 1024)]
[RequestSizeLimit(32L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 32L * 1024 * 1024)]
[Microsoft.AspNetCore.Authorization.Authorize(Policy = RoViec.Web.Shared.Access.Policies.ManagePlans)]
public sealed class UploadModel(RoViecDbContext db, RoViec.Web.Shared.Files.FileStore store, RoViec.Web.Shared.Access.CurrentUser currentUser, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>Rows of a refused workbook listed on the page; the rest are counted.</summary>
    public const int RowsListed = 50;

    [BindProperty]
    public IFormFile? Document { get; set; }

    public string? Error { get; private set; }

    /// <summary>A workbook refused for its rows: one line per row to fix ("Dòng 14: thời hạn "Quý 5/2026" không hợp lệ (cột F)"), in the file's order.</summary>
    public IReadOnlyList<string> Rows { get; private set; } = [];

    public void OnGet()
    {
    }

    /// <summary>The Excel template for this commune: the header the importer reads, its units as the lead column's drop-down.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        var user = await currentUser.ScopeAsync(User, ct);
        if (user is not { ManagesPlans: true, CommuneId: { } communeId }) return Forbid();
        return File(await ImportTemplate.BuildAsync(db, communeId, clock, ct), RoViec.Documents.Sheets.Spreadsheets.XlsxContentType, ImportTemplate.FileName);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await currentUser.ScopeAsync(User, ct);
        if (user is not { ManagesPlans: true, CommuneId: { } communeId }) return Forbid();
        return await UploadPlan.RunAsync(db, store, communeId, user.UserId, Document, clock, ct) switch
        {
            UploadPlan.Outcome.Drafted drafted => Redirect($"/nhap-ke-hoach/{drafted.Plan.Id}"),
            UploadPlan.Outcome.Refused refused => Refuse(refused),
            _ => throw new InvalidOperationException("unknown upload outcome"),
        };
    }

    private IActionResult Refuse(UploadPlan.Outcome.Refused refused)
    {
        // The importer words each refusal in both languages; the page shows the reader's. A workbook's rows are listed
        // one per line under a sentence of the page's own, so the officer can tick them off in Excel.
        if (refused.Error is InvalidRows invalid)
        {
            Error = L["Tệp Excel có {0} dòng không hợp lệ nên chưa nhập gì; hãy sửa các dòng dưới đây trong tệp rồi tải lên lại.", invalid.Problems.Count];
            Rows = invalid.Problems;
            return this.Refuse(refused.Refusal);
        }
        Error = ReaderLanguage.IsEnglish ? refused.Error.English : refused.Message;
        return this.Refuse(refused.Refusal);
    }
}
