using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Plans;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Features.Dashboards;

/// <summary>
/// `/tong-quan`: the period at a glance for the standing office (and the committee) — who has submitted,
/// who is late, what awaits verification, the tasks that turned at risk or overdue this month, tasks by
/// derived status, and the reporting and on-time rates of each unit over the year.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class IndexModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public Plan? Plan { get; private set; }
    public IReadOnlyList<ReportingPeriod> PeriodChoices { get; private set; } = [];
    public ReportingPeriod? Period { get; private set; }
    public ReportingRate PeriodRate { get; private set; } = ReportingRate.None;
    public ReportingRate YearRate { get; private set; } = ReportingRate.None;
    public IReadOnlyList<Overview.ReportLine> Reports { get; private set; } = [];
    public IReadOnlyList<Overview.TaskLine> Troubled { get; private set; } = [];
    public IReadOnlyList<(TaskHealth Health, int Count)> ByStatus { get; private set; } = [];
    public IReadOnlyList<Overview.UnitRate> UnitRates { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>Open tasks nobody reports on because they have no lead unit yet.</summary>
    public int Unassigned { get; private set; }
    /// <summary>Lines the inspection committee did not confirm, newest period first.</summary>
    public IReadOnlyList<Features.CrossChecks.CrossCheckFlag> Flags { get; private set; } = [];

    /// <summary>The years with a work programme, for reading a past year (`?nam=`).</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? ky, [FromQuery] int? nam, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        if (scope is null || !scope.SeesWholeCommune) return Forbid();
        var communeId = await currentUser.CommuneIdAsync(HttpContext, ct);
        Today = clock.VietnamToday();
        // A past year stays readable: its periods as they closed.
        (Plan, Years, _) = await PlanQueries.ProgrammeForAsync(db, communeId, nam, ct);
        if (Plan is null) return nam is null ? Page() : NotFound();

        // A period of another year, when the year was just changed on the form, gives way to the chosen year's.
        var view = await Overview.ReadAsync(db, Plan, ky, Today, ct);
        if (view is null && nam is not null) view = await Overview.ReadAsync(db, Plan, null, Today, ct);
        if (view is null) return NotFound();
        (PeriodChoices, Period, PeriodRate, YearRate, Reports, Troubled, ByStatus, UnitRates, Unassigned, Flags) =
            (view.PeriodChoices, view.Period, view.PeriodRate, view.YearRate, view.Reports, view.Troubled, view.ByStatus, view.UnitRates, view.Unassigned, view.Flags);
        return Page();
    }
}
