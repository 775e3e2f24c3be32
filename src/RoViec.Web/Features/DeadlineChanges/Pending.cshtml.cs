using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.DeadlineChanges;

/// <summary>`/de-nghi-dieu-chinh-han`: the requests to move a deadline waiting for the standing office, oldest first.</summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class PendingModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    public IReadOnlyList<DeadlineChangeLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var communeId = await currentUser.CommuneIdAsync(HttpContext, ct);
        if (communeId is null) return NotFound();
        Lines = await DeadlineChangeQueries.PendingAsync(db, communeId.Value, ct);
        return Page();
    }
}
