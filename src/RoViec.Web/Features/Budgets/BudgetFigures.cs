using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Budgets;

/// <summary>
/// Allocated, disbursed and the disbursement rate ("tỷ lệ giải ngân") of tasks' money, summed by plan, field, source,
/// lead unit and task, counting what was disbursed up to the end of a month of each plan's year. A rate is disbursed over
/// allocated of the same tasks; nothing allocated gives no rate.
/// </summary>
public static class BudgetFigures
{
    /// <summary>One row of a table: its label (a plan's title, a field, a source key, a unit's name, a task) and its money.</summary>
    public sealed record Totals(string Label, decimal Allocated, decimal Disbursed)
    {
        public decimal? Rate => BudgetText.Rate(Disbursed, Allocated);
    }

    /// <summary>A task with money: its plan and lead, its totals and, for an information system, its security share.</summary>
    public sealed record TaskLine(Guid Id, string? Code, string Name, Guid PlanId, string Plan, string? Unit, decimal Allocated, decimal Disbursed,
        bool InformationSystem, decimal SecurityAllocated, bool BelowThreshold)
    {
        public decimal? Rate => BudgetText.Rate(Disbursed, Allocated);

        /// <summary>Security over the task's allocation, in percent; null when it is no information system or has nothing allocated.</summary>
        public decimal? SecurityShare => InformationSystem ? BudgetText.Rate(SecurityAllocated, Allocated) : null;
    }

    public sealed record Overview(decimal Threshold, int Month, IReadOnlyList<Totals> ByPlan, IReadOnlyList<Totals> ByField, IReadOnlyList<Totals> BySource,
        IReadOnlyList<Totals> ByUnit, IReadOnlyList<TaskLine> Tasks)
    {
        public Totals All => new("", Tasks.Sum(t => t.Allocated), Tasks.Sum(t => t.Disbursed));

        public IReadOnlyList<TaskLine> BelowThreshold => [.. Tasks.Where(t => t.BelowThreshold)];
    }

    /// <summary>Label of plans without a field, and of tasks without a lead unit (resource keys).</summary>
    public const string NoField = "Chưa ghi lĩnh vực";
    public const string NoUnit = "Chưa có đơn vị chủ trì";

    /// <summary>
    /// The money of these plans' tasks (only <paramref name="unitId"/>'s when given), disbursed up to the end of
    /// <paramref name="month"/> of each plan's year. The plans' rows come in the order given.
    /// </summary>
    public static async Task<Overview> ReadAsync(RoViecDbContext db, Guid communeId, IReadOnlyList<Guid> planIds, Guid? unitId, int month, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(planIds);
        var (threshold, _) = await SecurityThreshold.ReadAsync(db, communeId, ct);
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).Select(p => new { p.Id, p.Title, p.Field, p.Year }).ToDictionaryAsync(p => p.Id, ct);
        var tasks = db.Tasks.AsNoTracking().Where(t => planIds.Contains(t.PlanId) && (unitId == null || t.LeadUnitId == unitId));
        var taskRows = await tasks
            .Where(t => db.TaskBudgetLines.Any(l => l.TaskId == t.Id) || db.TaskInformationSystems.Any(s => s.TaskId == t.Id))
            .Select(t => new { t.Id, t.Code, t.Name, t.PlanId, t.LeadUnitId, t.Order, t.Section }).ToListAsync(ct);
        var ids = taskRows.Select(t => t.Id).ToList();
        var lines = await db.TaskBudgetLines.AsNoTracking().Where(l => ids.Contains(l.TaskId)).Select(l => new { l.TaskId, l.Source, l.Allocated }).ToListAsync(ct);
        var paid = await db.TaskDisbursements.AsNoTracking().Where(d => ids.Contains(d.TaskId) && d.Month <= month)
            .Select(d => new { d.TaskId, d.Source, d.Year, d.Amount }).ToListAsync(ct);
        var planOf = taskRows.ToDictionary(t => t.Id, t => plans[t.PlanId]);
        // Each plan counts the months of its own year.
        var counted = paid.Where(d => d.Year == planOf[d.TaskId].Year).ToList();
        var systems = await db.TaskInformationSystems.AsNoTracking().Where(s => ids.Contains(s.TaskId)).ToDictionaryAsync(s => s.TaskId, s => s.SecurityAllocated, ct);
        var unitIds = taskRows.Where(t => t.LeadUnitId != null).Select(t => t.LeadUnitId!.Value).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        var allocatedOf = lines.GroupBy(l => l.TaskId).ToDictionary(g => g.Key, g => g.Sum(l => l.Allocated));
        var disbursedOf = counted.GroupBy(d => d.TaskId).ToDictionary(g => g.Key, g => g.Sum(d => d.Amount));
        var planOrder = planIds.Distinct().Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var taskLines = taskRows
            .OrderBy(t => planOrder[t.PlanId]).ThenBy(t => t.Order)
            .Select(t =>
            {
                var allocated = allocatedOf.GetValueOrDefault(t.Id);
                var system = systems.TryGetValue(t.Id, out var security);
                var below = system && allocated > 0 && security * 100m < threshold * allocated;
                return new TaskLine(t.Id, t.Code, t.Name, t.PlanId, plans[t.PlanId].Title, t.LeadUnitId is { } u ? units.GetValueOrDefault(u) : null,
                    allocated, disbursedOf.GetValueOrDefault(t.Id), system, security, below);
            }).ToList();

        var byPlan = planIds.Where(plans.ContainsKey)
            .Select(id => Sum(plans[id].Title, taskLines.Where(t => t.PlanId == id))).ToList();
        // A plan's field where it names one (a Đề án 06 plan); a work programme spanning several, its task's top-level
        // section, as the dashboards count fields.
        var sectionOf = taskRows.ToDictionary(t => t.Id, t => t.Section);
        var byField = taskLines.GroupBy(t => plans[t.PlanId].Field is { Length: > 0 } f ? f : Domain.Plans.SectionPath.Field(sectionOf[t.Id]), StringComparer.Ordinal)
            .OrderBy(g => g.Key == NoField).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => Sum(g.Key, g)).ToList();
        var bySource = BudgetSources.All
            .Select(s => new Totals(s, lines.Where(l => l.Source == s).Sum(l => l.Allocated), counted.Where(d => d.Source == s).Sum(d => d.Amount)))
            .Where(t => t.Allocated > 0 || t.Disbursed > 0).ToList();
        var byUnit = taskLines.GroupBy(t => t.Unit ?? NoUnit, StringComparer.Ordinal)
            .OrderBy(g => g.Key == NoUnit).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => Sum(g.Key, g)).ToList();
        return new Overview(threshold, month, byPlan, byField, bySource, byUnit, taskLines);
    }

    private static Totals Sum(string label, IEnumerable<TaskLine> tasks)
    {
        var list = tasks.ToList();
        return new Totals(label, list.Sum(t => t.Allocated), list.Sum(t => t.Disbursed));
    }

    /// <summary>
    /// For the scores: per lead unit, what its tasks of these plans were allocated and disbursed up to the end of the
    /// month of <paramref name="endsOn"/>; units leading no task with money are absent.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, (decimal Allocated, decimal Disbursed)>> ByLeadUnitAsync(RoViecDbContext db, IReadOnlyList<Guid> planIds, DateOnly endsOn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tasks = db.Tasks.AsNoTracking().Where(t => planIds.Contains(t.PlanId) && t.LeadUnitId != null);
        var allocated = await tasks.Join(db.TaskBudgetLines, t => t.Id, l => l.TaskId, (t, l) => new { Unit = t.LeadUnitId!.Value, l.Allocated }).ToListAsync(ct);
        if (allocated.Count == 0) return new Dictionary<Guid, (decimal, decimal)>();
        var last = endsOn.Year * 12 + endsOn.Month;
        var paid = await tasks.Join(db.TaskDisbursements, t => t.Id, d => d.TaskId, (t, d) => new { Unit = t.LeadUnitId!.Value, d.Year, d.Month, d.Amount })
            .Where(d => d.Year * 12 + d.Month <= last).ToListAsync(ct);
        return allocated.GroupBy(a => a.Unit).ToDictionary(g => g.Key, g => (g.Sum(a => a.Allocated), paid.Where(p => p.Unit == g.Key).Sum(p => p.Amount)));
    }

    /// <summary>The plan's information-system tasks whose security share is below the commune's threshold, and the threshold.</summary>
    public static async Task<(int Count, decimal Threshold)> BelowThresholdAsync(RoViecDbContext db, Guid communeId, Guid planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (threshold, _) = await SecurityThreshold.ReadAsync(db, communeId, ct);
        var systems = await db.TaskInformationSystems.AsNoTracking()
            .Join(db.Tasks.Where(t => t.PlanId == planId), s => s.TaskId, t => t.Id, (s, t) => new { s.TaskId, s.SecurityAllocated }).ToListAsync(ct);
        if (systems.Count == 0) return (0, threshold);
        var ids = systems.Select(s => s.TaskId).ToList();
        var allocated = (await db.TaskBudgetLines.AsNoTracking().Where(l => ids.Contains(l.TaskId)).Select(l => new { l.TaskId, l.Allocated }).ToListAsync(ct))
            .GroupBy(l => l.TaskId).ToDictionary(g => g.Key, g => g.Sum(l => l.Allocated));
        return (systems.Count(s => allocated.GetValueOrDefault(s.TaskId) is var total && total > 0 && s.SecurityAllocated * 100m < threshold * total), threshold);
    }
}

/// <summary>The plans the money page shows: the commune's plans in force (the work programme first), or the one plan asked for.</summary>
public static class BudgetPlans
{
    public sealed record PlanName(Guid Id, string Title, string? Field, int Year);

    public static async Task<IReadOnlyList<PlanName>> InForceAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Plans.AsNoTracking().Where(p => p.CommuneId == communeId && p.Status == PlanStatuses.Active)
            .OrderBy(p => p.ReportsWithPlanId != null).ThenBy(p => p.ConfirmedAtUtc)
            .Select(p => new PlanName(p.Id, p.Title, p.Field, p.Year)).ToListAsync(ct);
    }

    /// <summary>One plan of the commune that is not a draft; null when there is none.</summary>
    public static async Task<PlanName?> OneAsync(RoViecDbContext db, Guid communeId, Guid planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Plans.AsNoTracking().Where(p => p.Id == planId && p.CommuneId == communeId && p.Status != PlanStatuses.Draft)
            .Select(p => new PlanName(p.Id, p.Title, p.Field, p.Year)).FirstOrDefaultAsync(ct);
    }
}
