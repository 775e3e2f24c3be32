using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Access;

namespace RoViec.Web.Pages.Tasks;

/// <summary>A task with all its fields and the source text it came from, the span highlighted.</summary>
public sealed class DetailModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    public PlanTaskRow? Task { get; private set; }
    public string Before { get; private set; } = "";
    public string Source { get; private set; } = "";
    public string After { get; private set; } = "";
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return NotFound();
        switch (await currentUser.AccessAsync(HttpContext, task.CommuneId, task.LeadUnitId, ct))
        {
            case ResourceAccess.None: return NotFound();
            case ResourceAccess.Forbidden: return StatusCode(StatusCodes.Status403Forbidden);
            case ResourceAccess.Write: CanEdit = true; break;
        }
        Task = task;
        var text = await db.Plans.Where(p => p.Id == Task.PlanId).Select(p => p.SourceText).FirstAsync(ct);
        var start = Math.Clamp(Task.NameSpanStart, 0, text.Length);
        var end = Math.Clamp(Task.NameSpanStart + Task.NameSpanLength, start, text.Length);
        Before = text[Math.Max(0, start - 600)..start];
        Source = text[start..end];
        After = text[end..Math.Min(text.Length, end + 600)];
        var key = id.ToString();
        History = await db.Audit.AsNoTracking().Where(a => a.Entity == nameof(PlanTaskRow) && a.EntityId == key).OrderByDescending(a => a.Id).Take(50).ToListAsync(ct);
        return Page();
    }
}
