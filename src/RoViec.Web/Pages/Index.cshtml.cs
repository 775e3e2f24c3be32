using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Features.Access;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Pages;

/// <summary>
/// The plan workspace: the latest plan's tasks with search that ignores diacritics ("chu ky so" finds
/// "chữ ký số"), and filters by lead unit and deadline kind. Reads are projections, not entity graphs.
/// </summary>
public sealed class IndexModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    public sealed record TaskLine(Guid Id, string? Code, string Name, string Lead, string? Due, string? DeadlineRaw, string DeadlineKind, string? Output);

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "don-vi")] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "thoi-han")] public string? DeadlineKind { get; set; }

    public Plan? Plan { get; private set; }
    public string CommuneName { get; private set; } = "";
    public IReadOnlyList<TaskLine> Tasks { get; private set; } = [];
    public int TotalTasks { get; private set; }
    public IReadOnlyList<string> Units { get; private set; } = [];
    public int IndicatorCount { get; private set; }

    public static readonly IReadOnlyList<(string Kind, string Label)> DeadlineKinds =
    [
        ("Date", "Ngày cụ thể"), ("Month", "Tháng"), ("Quarter", "Quý"), ("Year", "Năm"), ("Recurring", "Thường xuyên"),
        ("External", "Theo cấp trên"), ("Done", "Đã thực hiện"), ("Milestones", "Nhiều mốc"), ("None", "Chưa có thời hạn"),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var communeId = await currentUser.CommuneIdAsync(HttpContext, ct);
        Plan = await PlanQueries.ActivePlanAsync(db, communeId, ct);
        if (Plan is null) return;
        CommuneName = await db.Communes.Where(c => c.Id == Plan.CommuneId).Select(c => c.Name).FirstAsync(ct);
        var visible = await currentUser.VisibleTasksAsync(HttpContext, ct);
        var rows = await visible.AsNoTracking().Where(t => t.PlanId == Plan.Id).OrderBy(t => t.Order)
            .Select(t => new { t.Id, t.Code, t.Name, t.LeadAsWritten, t.DeadlineDue, t.DeadlineRaw, t.DeadlineKind, t.Output })
            .ToListAsync(ct);
        TotalTasks = rows.Count;
        Units = rows.Select(r => r.LeadAsWritten).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var query = VietnameseText.Fold(Query);
        Tasks = rows
            .Where(r => query.Length == 0 || VietnameseText.Fold(r.Name + " " + r.Output + " " + r.LeadAsWritten).Contains(query, StringComparison.Ordinal))
            .Where(r => string.IsNullOrEmpty(Unit) || r.LeadAsWritten == Unit)
            .Where(r => string.IsNullOrEmpty(DeadlineKind) || r.DeadlineKind == DeadlineKind)
            .Select(t => new TaskLine(t.Id, t.Code, t.Name, t.LeadAsWritten, t.DeadlineDue?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), t.DeadlineRaw, t.DeadlineKind, t.Output))
            .ToList();
        IndicatorCount = await db.Indicators.CountAsync(i => i.PlanId == Plan.Id, ct);
    }
}
