using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Pages.Tasks;

/// <summary>A task with all its fields and the source text it came from, the span highlighted.</summary>
public sealed class DetailModel(RoViecDbContext db, RoViec.Web.Features.Demo.CurrentCommune commune) : PageModel
{
    public PlanTaskRow? Task { get; private set; }
    public string Before { get; private set; } = "";
    public string Source { get; private set; } = "";
    public string After { get; private set; } = "";
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var communeId = await commune.IdAsync(User);
        Task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.CommuneId == communeId, ct);
        if (Task is null) return NotFound();
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
