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
public sealed class UploadModel(RoViecDbContext db, RoViec.Web.Shared.Files.FileStore store, RoViec.Web.Shared.Access.CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty]
    public IFormFile? Document { get; set; }

    public string? Error { get; private set; }

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
        // The importer words each refusal in both languages; the page shows the reader's.
        Error = ReaderLanguage.IsEnglish ? refused.Error.English : refused.Message;
        return this.Refuse(refused.Refusal);
    }
}
