using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// Several plans in force at once (docs/adr/0009-several-plans-one-report.md). The commune's work programme (the
/// <i>host</i>) has the calendar; every other monthly plan in force reports with it (<see cref="Plan.ReportsWithPlanId"/>
/// names the first version of the host's plan line), so a unit fills <b>one</b> report per period whose lines are grouped
/// by plan. A campaign that reports weekly keeps its own calendar of weeks.
/// </summary>
public static class PlansTogether
{
    /// <summary>The fields the samples' plans serve, offered when the officer names a plan's field (stored as typed: data, not a label).</summary>
    public static readonly IReadOnlyList<string> Fields = ["KHCN, ĐMST và CĐS", "Cải cách hành chính", "Đề án 06", "Chiến dịch"];

    /// <summary>A plan a period's lines come from, for grouping a report or a dashboard by plan.</summary>
    public sealed record PlanName(Guid Id, string Title, string? Field, string Rhythm, bool Host);

    /// <summary>
    /// The plans whose work a period covers, its own plan first. A closed period covers what its reports held when it
    /// closed (the plans of its lines: never rewritten by a plan joining or leaving later); a period still open or not yet
    /// open covers its plan and the plans in force that report with it.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> OfPeriodAsync(RoViecDbContext db, ReportingPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        if (period.State != PeriodStates.Closed) return await WithCompanionsAsync(db, period.PlanId, ct);
        var reports = db.Reports.Where(r => r.PeriodId == period.Id).Select(r => r.Id);
        var items = db.ReportItems.Where(i => reports.Contains(i.ReportId));
        var taskPlans = await items.Where(i => i.TaskId != null).Join(db.Tasks, i => i.TaskId, t => t.Id, (i, t) => t.PlanId).Distinct().ToListAsync(ct);
        var indicatorPlans = await items.Where(i => i.IndicatorId != null).Join(db.Indicators, i => i.IndicatorId, x => x.Id, (i, x) => x.PlanId).Distinct().ToListAsync(ct);
        return [period.PlanId, .. taskPlans.Concat(indicatorPlans).Distinct().Where(id => id != period.PlanId)];
    }

    /// <summary>The plan and the plans in force that report with it (none for a plan that is itself a companion), the plan first.</summary>
    public static async Task<IReadOnlyList<Guid>> WithCompanionsAsync(RoViecDbContext db, Guid planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.CommuneId, p.Year, p.ReportsWithPlanId }).FirstOrDefaultAsync(ct);
        if (plan is null) return [];
        if (plan.ReportsWithPlanId is not null) return [plan.Id];
        var year = await db.Plans.AsNoTracking().Where(p => p.CommuneId == plan.CommuneId && p.Year == plan.Year && p.Status != PlanStatuses.Draft)
            .Select(p => new { p.Id, p.ReplacesPlanId, p.ReportsWithPlanId, p.Status, p.ConfirmedAtUtc }).ToListAsync(ct);
        var root = Root(plan.Id, year.ToDictionary(p => p.Id, p => p.ReplacesPlanId));
        return [plan.Id, .. year.Where(p => p.ReportsWithPlanId == root && p.Status == PlanStatuses.Active).OrderBy(p => p.ConfirmedAtUtc).Select(p => p.Id)];
    }

    /// <summary>The names of these plans in the order given, for headings.</summary>
    public static async Task<IReadOnlyList<PlanName>> NamesAsync(RoViecDbContext db, IReadOnlyList<Guid> planIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(planIds);
        var rows = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id))
            .Select(p => new PlanName(p.Id, p.Title, p.Field, p.Rhythm, p.ReportsWithPlanId == null)).ToDictionaryAsync(p => p.Id, ct);
        return [.. planIds.Where(rows.ContainsKey).Select(id => rows[id])];
    }

    /// <summary>
    /// The commune's work programme in force for a year (the monthly plan with its own calendar) and the first version of
    /// its plan line, which a new plan of the same year reports with when the officer keeps both in force; null when there
    /// is none.
    /// </summary>
    public static async Task<(Guid Id, Guid Root)?> HostAsync(RoViecDbContext db, Guid communeId, int year, Guid exceptPlanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plans = await db.Plans.AsNoTracking().Where(p => p.CommuneId == communeId && p.Year == year && p.Status != PlanStatuses.Draft && p.Id != exceptPlanId)
            .Select(p => new { p.Id, p.ReplacesPlanId, p.ReportsWithPlanId, p.Status, p.Rhythm, p.ConfirmedAtUtc }).ToListAsync(ct);
        var host = plans.Where(p => p.Status == PlanStatuses.Active && p.ReportsWithPlanId == null && p.Rhythm == PlanRhythms.Monthly)
            .OrderBy(p => p.ConfirmedAtUtc).FirstOrDefault();
        if (host is null) return null;
        return (host.Id, Root(host.Id, plans.ToDictionary(p => p.Id, p => p.ReplacesPlanId)));
    }

    /// <summary>Where a plan stands among a period's plans (for ordering lines plan by plan); after them when absent.</summary>
    public static int Position(this IReadOnlyList<Guid> plans, Guid planId)
    {
        ArgumentNullException.ThrowIfNull(plans);
        for (var i = 0; i < plans.Count; i++)
            if (plans[i] == planId) return i;
        return plans.Count;
    }

    /// <summary>
    /// The programme's open periods, to be opened again by the scheduler (<c>OpenedAtUtc</c> cleared): reports still
    /// being written then get the lines of a plan that joined or of a companion's new version. Returns their ids.
    /// </summary>
    public static async Task<List<Guid>> ReopenAsync(RoViecDbContext db, Guid hostId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = await db.Periods.Where(p => p.PlanId == hostId && p.State == PeriodStates.Open).ToListAsync(ct);
        foreach (var period in open)
        {
            period.OpenedAtUtc = null;
            period.Version = Guid.NewGuid();
        }
        return [.. open.Select(p => p.Id)];
    }

    /// <summary>The first version of a plan's line among these plans (id → the plan it replaced); a version outside them ends the walk.</summary>
    private static Guid Root(Guid planId, Dictionary<Guid, Guid?> replaces)
    {
        var seen = new HashSet<Guid> { planId };
        var root = planId;
        while (replaces.GetValueOrDefault(root) is { } earlier && replaces.ContainsKey(earlier) && seen.Add(earlier)) root = earlier;
        return root;
    }
}
