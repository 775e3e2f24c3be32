using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Import;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Pages.Import;

/// <summary>
/// Upload a plan document (DOCX, PDF or text). It is checked by the importer at once — size, type,
/// damage, scans, encodings — and refused with the importer's Vietnamese message and an HTTP status
/// that says what happened; a readable document becomes a draft plan for review at once.
/// </summary>
// The importer's 20 MB limit plus the form around the file; bigger declared bodies are refused unread.
[RoViec.Web.Features.Forms.UploadLimit(21L * 1024 * 1024)]
[RequestSizeLimit(32L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 32L * 1024 * 1024)]
[Microsoft.AspNetCore.Authorization.Authorize(Policy = RoViec.Web.Features.Access.Policies.ManagePlans)]
public sealed class UploadModel(RoViecDbContext db, RoViec.Web.Features.Access.CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty]
    public IFormFile? Document { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await currentUser.ScopeAsync(User, ct);
        if (user is not { ManagesPlans: true, CommuneId: { } communeId }) return Forbid();
        if (Document is null || Document.Length == 0) return Refuse(StatusCodes.Status400BadRequest, new EmptyFile());
        var options = new ImportOptions { DefaultYear = RoViec.Domain.Text.VietnamTime.VietnamToday(clock).Year };
        if (Document.Length > options.MaxBytes) return Refuse(StatusCodes.Status413PayloadTooLarge, new FileTooLarge(Document.Length, options.MaxBytes));
        byte[] bytes;
        using (var memory = new MemoryStream())
        {
            await Document.CopyToAsync(memory, ct);
            bytes = memory.ToArray();
        }
        var fileName = Path.GetFileName(Document.FileName);
        switch (PlanImporter.Import(bytes, fileName, options))
        {
            case ImportOutcome.Refused refused:
                return Refuse(refused.Error is UnsupportedFormat ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status400BadRequest, refused.Error);
            case ImportOutcome.Imported imported:
                // The draft exists at once, with the file it came from; the officer reviews it next.
                var upload = new PlanUpload { Id = Guid.NewGuid(), CommuneId = communeId, FileName = fileName, Content = bytes, UploadedBy = user.UserId, UploadedAtUtc = clock.GetUtcNow().UtcDateTime };
                var plan = await PlanDrafts.CreateDraftAsync(db, communeId, imported.Draft, fileName, upload, upload.UploadedAtUtc, ct);
                return Redirect($"/nhap-ke-hoach/{plan.Id}");
            default:
                throw new InvalidOperationException("unknown import outcome");
        }
    }

    private PageResult Refuse(int status, ImportError error)
    {
        Error = error.Vietnamese;
        Response.StatusCode = status;
        return Page();
    }
}
