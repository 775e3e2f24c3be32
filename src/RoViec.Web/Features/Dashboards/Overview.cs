using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Features.Dashboards;

/// <summary>
/// What `/tong-quan` shows of a plan on a day: the periods to choose from and the one shown, who has submitted and
/// who is late, the tasks that turned at risk or overdue this month, tasks by derived status, open tasks without a
/// lead unit, the cross-check flags, and each unit's reporting and on-time rates over the year.
/// </summary>
public static class Overview
{
    /// <param name="Received">The report has reached the standing office (as the reporting rate counts it): received + not received = expected.</param>
    public sealed record ReportLine(Guid ReportId, string Unit, string State, DateOnly DueOn, DateTime? SubmittedAtUtc, bool Late, bool Received);
    public sealed record TaskLine(Guid TaskId, string? Code, string Name, string? Lead, TaskHealth Health, DateOnly? Since);
    public sealed record UnitRate(string Unit, ReportingRate Rate);

    public sealed record View(IReadOnlyList<ReportingPeriod> PeriodChoices, ReportingPeriod? Period, ReportingRate PeriodRate, ReportingRate YearRate,
        IReadOnlyList<ReportLine> Reports, IReadOnlyList<TaskLine> Troubled, IReadOnlyList<(TaskHealth Health, int Count)> ByStatus,
        IReadOnlyList<UnitRate> UnitRates, int Unassigned, IReadOnlyList<CrossChecks.CrossCheckFlag> Flags);

    /// <summary>The overview, or null when <paramref name="ky"/> names no opened period of the plan.</summary>
    public static async Task<View?> ReadAsync(RoViecDbContext db, Plan plan, Guid? ky, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var line = await Plans.ReplacePlan.PlanLineAsync(db, plan.Id, ct);
        var periodChoices = await db.Periods.AsNoTracking().Where(p => line.Contains(p.PlanId) && p.State != PeriodStates.Scheduled)
            .OrderByDescending(p => p.OpensOn).ThenBy(p => p.Kind).ToListAsync(ct);
        var period = (ky is { } chosen ? periodChoices.FirstOrDefault(p => p.Id == chosen) : null)
            ?? periodChoices.FirstOrDefault(p => p.State == PeriodStates.Open && p.Kind == PeriodKinds.Monthly)
            ?? periodChoices.FirstOrDefault(p => p.State == PeriodStates.Open)
            ?? (periodChoices.Count > 0 ? periodChoices[0] : null);
        if (ky is not null && period?.Id != ky) return null;

        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == plan.CommuneId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var periodRate = ReportingRate.None;
        IReadOnlyList<ReportLine> reports = [];
        var expected = await ReportingFigures.ExpectedAsync(db, plan.Id, null, ct);
        var yearRate = ReportingRate.Of(expected, today);
        var unitRates = expected.GroupBy(e => e.UnitId)
            .Select(g => new UnitRate(units.GetValueOrDefault(g.Key, "?"), ReportingRate.Of(g, today)))
            .OrderBy(u => u.Rate.OnTimeRate).ThenBy(u => u.Unit).ToList();

        if (period is not null)
        {
            var mine = expected.Where(e => e.PeriodId == period.Id).ToDictionary(e => e.UnitId);
            periodRate = ReportingRate.Of(mine.Values, today);
            var rows = await db.Reports.AsNoTracking().Where(r => r.PeriodId == period.Id)
                .Select(r => new { r.Id, r.UnitId, r.State, r.SubmittedAtUtc }).ToListAsync(ct);
            reports = rows.Select(r =>
            {
                var e = mine[r.UnitId];
                return new ReportLine(r.Id, units.GetValueOrDefault(r.UnitId, "?"), r.State, e.DueOn, r.SubmittedAtUtc,
                    e.ReceivedOn is { } on ? on > e.DueOn : today > e.DueOn, e.Received);
            }).OrderBy(r => r.Unit).ToList();
        }

        var health = await PlanHealth.ComputeAsync(db, plan.Id, today, ct);
        var unassigned = await db.Tasks.AsNoTracking().Where(t => t.PlanId == plan.Id && t.LeadUnitId == null).Select(t => t.Id).ToListAsync(ct);
        var unassignedOpen = unassigned.Count(id => TaskStatusRules.IsOpen(health[id]));
        var flags = await Features.CrossChecks.CrossCheckFlags.ForCommuneAsync(db, plan.CommuneId, ct);
        var byStatus = health.Values.GroupBy(h => h).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var turned = await db.TaskStatusChanges.AsNoTracking()
            // The scheduler's first look at a plan records every status (From is null): that is not a turn.
            .Where(c => c.CommuneId == plan.CommuneId && c.On >= monthStart && c.From != null)
            .Select(c => new { c.TaskId, c.To, c.On }).ToListAsync(ct);
        var since = turned.GroupBy(c => c.TaskId).ToDictionary(g => g.Key, g => g.Max(c => c.On));
        var troubledIds = health.Where(h => h.Value is TaskHealth.AtRisk or TaskHealth.Overdue).Select(h => h.Key).ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => troubledIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Code, t.Name, t.LeadUnitId, t.Order }).ToListAsync(ct);
        var troubled = tasks
            .Select(t => new TaskLine(t.Id, t.Code, t.Name, t.LeadUnitId is { } l ? units.GetValueOrDefault(l) : null, health[t.Id], since.TryGetValue(t.Id, out var s) ? s : null))
            .OrderByDescending(t => t.Since.HasValue).ThenBy(t => t.Health == TaskHealth.Overdue ? 0 : 1).ThenBy(t => t.Lead).ToList();
        return new View(periodChoices, period, periodRate, yearRate, reports, troubled, byStatus, unitRates, unassignedOpen, flags);
    }
}
