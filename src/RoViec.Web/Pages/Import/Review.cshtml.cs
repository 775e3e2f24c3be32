using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Plans;
using RoViec.Import;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Pages.Import;

/// <summary>What was extracted from an upload, with its "6 rõ" defects; confirming makes it the commune's plan.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = RoViec.Web.Features.Access.Policies.ManagePlans)]
public sealed class ReviewModel(RoViecDbContext db, RoViec.Web.Features.Access.CurrentUser currentUser) : PageModel
{
    public PlanDraft? Draft { get; private set; }
    public string FileName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var upload = await FindAsync(id, ct);
        if (upload is null) return NotFound();
        FileName = upload.FileName;
        Draft = (PlanImporter.Import(upload.Content, upload.FileName) as ImportOutcome.Imported)?.Draft;
        return Draft is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var upload = await FindAsync(id, ct);
        if (upload is null) return NotFound();
        if (PlanImporter.Import(upload.Content, upload.FileName) is not ImportOutcome.Imported imported) return NotFound();
        await ConfirmPlan.SaveAsync(db, upload.CommuneId, imported.Draft, upload.FileName, ct);
        db.Uploads.Remove(upload);
        await db.SaveChangesAsync(ct);
        return Redirect("/");
    }

    /// <summary>Only the commune that uploaded a document can see it.</summary>
    private async Task<PlanUpload?> FindAsync(Guid id, CancellationToken ct)
    {
        var user = await currentUser.ScopeAsync(User, ct);
        return user is not { ManagesPlans: true, CommuneId: { } communeId } ? null : await db.Uploads.FirstOrDefaultAsync(u => u.Id == id && u.CommuneId == communeId, ct);
    }
}
