using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

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
        var indicator = await PlanQueries.IndicatorAsync(db, id, ct);
        if (indicator is null) return NotFound();
        switch (await currentUser.AccessAsync(HttpContext, indicator.CommuneId, indicator.OwnerUnitId, ct))
        {
            case ResourceAccess.None: return NotFound();
            case ResourceAccess.Forbidden: return this.Refuse(Refusal.Forbidden);
            case ResourceAccess.Read when await PlanQueries.IsDraftAsync(db, indicator.PlanId, ct): return NotFound();
        }
        Indicator = indicator;
        OwnerUnit = indicator.OwnerUnitId is { } owner ? await PlanQueries.UnitNameAsync(db, owner, ct) : null;
        if (indicator.SpanLength > 0)
        {
            var text = await PlanQueries.SourceTextAsync(db, indicator.PlanId, ct);
            SourceHtml = FieldHighlighter.Render(text, new Dictionary<Domain.Tasks.TaskField, SourceSpan> { [Domain.Tasks.TaskField.Name] = new(indicator.SpanStart, indicator.SpanLength) });
        }
        History = await PlanQueries.HistoryAsync(db, nameof(IndicatorRow), id, ct);
        return Page();
    }
}
