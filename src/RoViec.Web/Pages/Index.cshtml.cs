using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Pages;

/// <summary>The first screen: the demo commune's plan with its tasks (a projection, not an entity graph).</summary>
public sealed class IndexModel(RoViecDbContext db) : PageModel
{
    public sealed record TaskLine(string? Code, string Name, string Lead, string? Due, string? DeadlineRaw, string? Output);

    public Plan? Plan { get; private set; }
    public string CommuneName { get; private set; } = "";
    public IReadOnlyList<TaskLine> Tasks { get; private set; } = [];
    public int IndicatorCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plan = await db.Plans.AsNoTracking().OrderByDescending(p => p.ImportedAtUtc).FirstOrDefaultAsync(ct);
        if (Plan is null) return;
        CommuneName = await db.Communes.Where(c => c.Id == Plan.CommuneId).Select(c => c.Name).FirstAsync(ct);
        var rows = await db.Tasks.AsNoTracking().Where(t => t.PlanId == Plan.Id).OrderBy(t => t.Order)
            .Select(t => new { t.Code, t.Name, t.LeadAsWritten, t.DeadlineDue, t.DeadlineRaw, t.Output })
            .ToListAsync(ct);
        Tasks = rows.Select(t => new TaskLine(t.Code, t.Name, t.LeadAsWritten, t.DeadlineDue?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), t.DeadlineRaw, t.Output)).ToList();
        IndicatorCount = await db.Indicators.CountAsync(i => i.PlanId == Plan.Id, ct);
    }
}
