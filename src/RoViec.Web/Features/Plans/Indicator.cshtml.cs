using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Features.Plans;

/// <summary>One indicator: its target as written and as read, its owner, the source text it came from, its history.</summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class IndicatorModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    public IndicatorRow? Indicator { get; private set; }
    public string? OwnerUnit { get; private set; }
    public string SourceHtml { get; private set; } = "";
    public IReadOnlyList<RoViec.Web.Features.History.HistoryRow> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (indicator is null) return NotFound();
        switch (await currentUser.AccessAsync(HttpContext, indicator.CommuneId, indicator.OwnerUnitId, ct))
        {
            case ResourceAccess.None: return NotFound();
            case ResourceAccess.Forbidden: return StatusCode(StatusCodes.Status403Forbidden);
            case ResourceAccess.Read when await PlanQueries.IsDraftAsync(db, indicator.PlanId, ct): return NotFound();
        }
        Indicator = indicator;
        OwnerUnit = indicator.OwnerUnitId is { } owner ? await db.Units.Where(u => u.Id == owner).Select(u => u.Name).FirstOrDefaultAsync(ct) : null;
        if (indicator.SpanLength > 0)
        {
            var text = await db.Plans.Where(p => p.Id == indicator.PlanId).Select(p => p.SourceText).FirstAsync(ct);
            SourceHtml = FieldHighlighter.Render(text, new Dictionary<Domain.Tasks.TaskField, SourceSpan> { [Domain.Tasks.TaskField.Name] = new(indicator.SpanStart, indicator.SpanLength) });
        }
        var key = id.ToString();
        History = AuditChanges.Rows(await db.Audit.AsNoTracking().Where(a => a.Entity == nameof(IndicatorRow) && a.EntityId == key).OrderByDescending(a => a.Id).Take(50).ToListAsync(ct));
        return Page();
    }
}
