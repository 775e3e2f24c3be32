using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Evaluation;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Files;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Reports;

/// <summary>
/// Downloads an evidence file for whoever may read its report (another commune's: 404, another unit's: 403).
/// Always as an attachment, with the content type of its checked extension and no sniffing, so a file never
/// runs as a page of the application.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class EvidenceModel(RoViecDbContext db, FileStore store, CurrentUser currentUser, TimeProvider clock, PeriodChanges changes) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid evidenceId, CancellationToken ct)
    {
        var desk = new ReportDesk(db, await currentUser.ScopeAsync(User, ct), clock, changes);
        var (handle, refusal) = await desk.OpenAsync(id, track: false, ct);
        if (handle is null) return this.Refuse(((IRefused)refusal!).Refusal);
        var file = await EvidenceFiles.StoredAsync(db, store, handle.Report, evidenceId, ct);
        if (file is null) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        var type = file.ContentType ?? "application/octet-stream";
        // Streamed from the store, in ranges when asked (a large scan on a slow line resumes).
        return file.Path is not null ? new PhysicalFileResult(file.Path, type) { FileDownloadName = file.Title, EnableRangeProcessing = true } : File(file.Content!, type, file.Title);
    }
}
