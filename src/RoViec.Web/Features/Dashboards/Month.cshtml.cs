using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Features.Periods;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Figures;
using RoViec.Web.Features.Plans;
using Microsoft.Extensions.Caching.Memory;

namespace RoViec.Web.Features.Dashboards;

/// <summary>
/// `/bang-dieu-khien`: a month at a glance, read from its snapshot — the commune for the committee head, the chair
/// and the standing office; a member's fields and units for a steering member; one unit for its people (its tasks,
/// its score, its rank and what would raise it). Charts are server-drawn SVG images.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class MonthModel(RoViecDbContext db, CurrentUser currentUser, IMemoryCache cache, TimeProvider clock) : PageModel
{
    public Plan? Plan { get; private set; }
    public IReadOnlyList<ReportingPeriod> Months { get; private set; } = [];
    public ReportingPeriod? Month { get; private set; }
    public DashboardView? View { get; private set; }
    public IReadOnlyList<TrendPoint> Trend { get; private set; } = [];
    /// <summary>The plans the month's figures cover (the programme and the plans reporting with it, ADR 0009).</summary>
    public IReadOnlyList<PlansTogether.PlanName> Plans { get; private set; } = [];

    /// <summary>The plan shown alone (`?ke-hoach=`), or null for every plan of the month.</summary>
    public Guid? OnlyPlan { get; private set; }

    /// <summary>The years with a work programme, for reading a past year (`?nam=`).</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? ky, [FromQuery(Name = "ke-hoach")] Guid? onlyPlan, [FromQuery] int? nam, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        var communeId = await currentUser.CommuneIdAsync(HttpContext, ct);
        if (scope is null || communeId is null) return Forbid();
        // A past year stays readable: its work programme's months, figures and scores as they closed.
        (Plan, Years, _) = await PlanQueries.ProgrammeForAsync(db, communeId, nam, ct);
        if (Plan is null) return nam is null ? Page() : NotFound();
        if (await DashboardLens.OfAsync(db, scope, Plan.CommuneId, ct) is not { } lens) return Forbid();
        var months = await PeriodQueries.MonthsAsync(db, Plan.Id, openedOnly: true, ct);
        // The whole year ("Năm 2026") after its months, once its period has opened: the year's report reads the same figures.
        Months = await PeriodQueries.YearOfAsync(db, Plan.Id, ct) is { } whole ? [.. months, whole] : months;
        Month = ky is { } id ? Months.FirstOrDefault(m => m.Id == id) : null;
        // A month of another year, when the year was just changed on the form, gives way to the chosen year's latest.
        if (ky is not null && Month is null && nam is null) return NotFound();
        Month ??= months.LastOrDefault(m => m.State == PeriodStates.Closed) ?? (months.Count > 0 ? months[^1] : null);
        if (Month is null) return Page();
        var figures = await PeriodSnapshots.ReadAsync(db, Month, clock, ct);
        // The month's plans are those of its figures' tasks: no second look at the reports.
        Plans = await PlansTogether.NamesAsync(db, figures.PlansOf(Month.PlanId), ct);
        // One plan of the month, or every plan; a plan the month does not cover is not there.
        if (onlyPlan is { } chosen && Plans.All(p => p.Id != chosen)) return NotFound();
        OnlyPlan = onlyPlan;
        View = DashboardView.Of(figures, lens, onlyPlan);
        Trend = await DashboardTrend.UpToAsync(db, cache, Month, clock, ct);
        return Page();
    }

    public static string Percent(decimal? value) => Shared.Localisation.Numbers.Percent(value);
}
