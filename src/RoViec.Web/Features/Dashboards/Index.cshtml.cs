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
    public sealed record ReportLine(Guid ReportId, string Unit, string State, DateOnly DueOn, DateTime? SubmittedAtUtc, bool Late);
    public sealed record TaskLine(Guid TaskId, string? Code, string Name, string? Lead, TaskHealth Health, DateOnly? Since);
    public sealed record UnitRate(string Unit, ReportingRate Rate);

    public Plan? Plan { get; private set; }
    public IReadOnlyList<ReportingPeriod> PeriodChoices { get; private set; } = [];
    public ReportingPeriod? Period { get; private set; }
    public ReportingRate PeriodRate { get; private set; } = new(0, 0, 0);
    public ReportingRate YearRate { get; private set; } = new(0, 0, 0);
    public IReadOnlyList<ReportLine> Reports { get; private set; } = [];
    public IReadOnlyList<TaskLine> Troubled { get; private set; } = [];
    public IReadOnlyList<(TaskHealth Health, int Count)> ByStatus { get; private set; } = [];
    public IReadOnlyList<UnitRate> UnitRates { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>Open tasks nobody reports on because they have no lead unit yet.</summary>
    public int Unassigned { get; private set; }
    /// <summary>Lines the inspection committee did not confirm, newest period first.</summary>
    public IReadOnlyList<Features.CrossChecks.CrossCheckFlag> Flags { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? ky, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        if (scope is null || !scope.SeesWholeCommune) return Forbid();
        var communeId = await currentUser.CommuneIdAsync(HttpContext, ct);
        Plan = await PlanQueries.ActivePlanAsync(db, communeId, ct);
        Today = clock.VietnamToday();
        if (Plan is null) return Page();

        PeriodChoices = await db.Periods.AsNoTracking().Where(p => p.PlanId == Plan.Id && p.State != PeriodStates.Scheduled)
            .OrderByDescending(p => p.OpensOn).ThenBy(p => p.Kind).ToListAsync(ct);
        Period = (ky is { } chosen ? PeriodChoices.FirstOrDefault(p => p.Id == chosen) : null)
            ?? PeriodChoices.FirstOrDefault(p => p.State == PeriodStates.Open && p.Kind == PeriodKinds.Monthly)
            ?? PeriodChoices.FirstOrDefault(p => p.State == PeriodStates.Open)
            ?? (PeriodChoices.Count > 0 ? PeriodChoices[0] : null);
        if (ky is not null && Period?.Id != ky) return NotFound();

        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == Plan.CommuneId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var expected = await ReportingFigures.ExpectedAsync(db, Plan.Id, null, ct);
        YearRate = ReportingRate.Of(expected);
        UnitRates = expected.GroupBy(e => e.UnitId)
            .Select(g => new UnitRate(units.GetValueOrDefault(g.Key, "?"), ReportingRate.Of(g)))
            .OrderBy(u => u.Rate.OnTimeRate).ThenBy(u => u.Unit).ToList();

        if (Period is not null)
        {
            var mine = expected.Where(e => e.PeriodId == Period.Id).ToDictionary(e => e.UnitId);
            PeriodRate = ReportingRate.Of(mine.Values);
            var reports = await db.Reports.AsNoTracking().Where(r => r.PeriodId == Period.Id)
                .Select(r => new { r.Id, r.UnitId, r.State, r.SubmittedAtUtc }).ToListAsync(ct);
            Reports = reports.Select(r =>
            {
                var e = mine[r.UnitId];
                return new ReportLine(r.Id, units.GetValueOrDefault(r.UnitId, "?"), r.State, e.DueOn, r.SubmittedAtUtc,
                    e.ReceivedOn is { } on ? on > e.DueOn : Today > e.DueOn);
            }).OrderBy(r => r.Unit).ToList();
        }

        var health = await PlanHealth.ComputeAsync(db, Plan.Id, Today, ct);
        var unassigned = await db.Tasks.AsNoTracking().Where(t => t.PlanId == Plan.Id && t.LeadUnitId == null).Select(t => t.Id).ToListAsync(ct);
        Unassigned = unassigned.Count(id => TaskStatusRules.IsOpen(health[id]));
        Flags = await Features.CrossChecks.CrossCheckFlags.ForCommuneAsync(db, Plan.CommuneId, ct);
        ByStatus = health.Values.GroupBy(h => h).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        var monthStart = new DateOnly(Today.Year, Today.Month, 1);
        var turned = await db.TaskStatusChanges.AsNoTracking()
            // The scheduler's first look at a plan records every status (From is null): that is not a turn.
            .Where(c => c.CommuneId == Plan.CommuneId && c.On >= monthStart && c.From != null)
            .Select(c => new { c.TaskId, c.To, c.On }).ToListAsync(ct);
        var since = turned.GroupBy(c => c.TaskId).ToDictionary(g => g.Key, g => g.Max(c => c.On));
        var troubledIds = health.Where(h => h.Value is TaskHealth.AtRisk or TaskHealth.Overdue).Select(h => h.Key).ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => troubledIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Code, t.Name, t.LeadUnitId, t.Order }).ToListAsync(ct);
        Troubled = tasks
            .Select(t => new TaskLine(t.Id, t.Code, t.Name, t.LeadUnitId is { } l ? units.GetValueOrDefault(l) : null, health[t.Id], since.TryGetValue(t.Id, out var s) ? s : null))
            .OrderByDescending(t => t.Since.HasValue).ThenBy(t => t.Health == TaskHealth.Overdue ? 0 : 1).ThenBy(t => t.Lead).ToList();
        return Page();
    }
}
