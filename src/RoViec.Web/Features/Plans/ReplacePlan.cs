using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Plans;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// Replacing the plan in force by a new version of the same year without losing the year. The months already closed
/// stay with the plan they were reported on (their reports, scores and official reports unchanged, still listed with
/// the new plan's months: <see cref="PlanLineAsync"/>); the period open now moves to the new plan, so no unit has two
/// reports for one month; periods not yet opened are dropped and the new plan's own calendar gives the rest of the year.
/// Each task of the new plan that continues a task of the old one (<see cref="TaskPairing"/>) records it
/// (<see cref="PlanTaskRow.ReplacesTaskId"/>), and the open month's lines follow their task; lines of old tasks nothing
/// continues leave the reports still being written (a report already sent keeps what it said). Old tasks nothing
/// continues are superseded, not failed. A plan of another year (the year turning) changes none of this: its periods
/// stay with it.
/// </summary>
public static class ReplacePlan
{
    /// <summary>What replacing will do, said to the officer before it is done.</summary>
    public sealed record Preview(
        bool SameYear,
        IReadOnlyList<string> ClosedKept,
        IReadOnlyList<(string Label, int Reports)> OpenMoved,
        int NotYetOpenedDropped,
        IReadOnlyList<PairLine> Pairs,
        IReadOnlyList<(Guid Id, string Name)> Superseded,
        IReadOnlyList<(Guid Id, string Name)> Unpaired)
    {
        public int NewTasks => Unpaired.Count;
    }

    /// <summary>A proposed pair: the old task, the new task that continues it, and their similarity in percent.</summary>
    public sealed record PairLine(Guid OldId, string Old, Guid NewId, string New, int Percent);

    public static async Task<Preview> PreviewAsync(RoViecDbContext db, Plan replaced, Plan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(replaced);
        ArgumentNullException.ThrowIfNull(plan);
        var oldTasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == replaced.Id).OrderBy(t => t.Order).ToListAsync(ct);
        var newTasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == plan.Id).OrderBy(t => t.Order).ToListAsync(ct);
        var pairs = TaskPairing.Pairs(Items(oldTasks), Items(newTasks));
        var oldById = oldTasks.ToDictionary(t => t.Id);
        var newById = newTasks.ToDictionary(t => t.Id);
        var paired = pairs.Select(p => p.OldId).ToHashSet();
        var pairedNew = pairs.Select(p => p.NewId).ToHashSet();
        var sameYear = replaced.Year == plan.Year;
        var periods = await db.Periods.AsNoTracking().Where(p => p.PlanId == replaced.Id).OrderBy(p => p.StartsOn).ThenBy(p => p.Kind).ToListAsync(ct);
        var openIds = periods.Where(p => p.State == PeriodStates.Open).Select(p => p.Id).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => openIds.Contains(r.PeriodId)).GroupBy(r => r.PeriodId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new Preview(
            sameYear,
            sameYear ? [.. periods.Where(p => p.State == PeriodStates.Closed).Select(p => p.Label)] : [],
            sameYear ? [.. periods.Where(p => p.State == PeriodStates.Open).Select(p => (p.Label, reports.GetValueOrDefault(p.Id)))] : [],
            sameYear ? periods.Count(p => p.State == PeriodStates.Scheduled) : 0,
            [.. pairs.Select(p => new PairLine(p.OldId, Name(oldById[p.OldId]), p.NewId, Name(newById[p.NewId]), (int)Math.Round(p.Score * 100)))],
            [.. oldTasks.Where(t => !paired.Contains(t.Id)).Select(t => (t.Id, Name(t)))],
            [.. newTasks.Where(t => !pairedNew.Contains(t.Id)).Select(t => (t.Id, Name(t)))]);
    }

    /// <summary>
    /// Why the officer's pairing cannot be applied, or null: every old task must be the replaced plan's and every new
    /// task the draft's, each in one pair at most.
    /// </summary>
    public static async Task<string?> CheckPairingAsync(RoViecDbContext db, Guid replacedId, Guid planId, IReadOnlyDictionary<Guid, Guid> pairing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(pairing);
        var olds = pairing.Keys.ToList();
        var news = pairing.Values.ToList();
        if (news.Distinct().Count() != news.Count) return "Một nhiệm vụ mới chỉ tiếp nối được một nhiệm vụ cũ; hãy xem lại các cặp đã chọn.";
        if (await db.Tasks.CountAsync(t => t.PlanId == replacedId && olds.Contains(t.Id), ct) != olds.Count
            || await db.Tasks.CountAsync(t => t.PlanId == planId && news.Contains(t.Id), ct) != news.Count)
            return "Cặp nhiệm vụ đã chọn không thuộc kế hoạch bị thay thế và bản nháp này; hãy tải lại trang và chọn lại.";
        return null;
    }

    /// <summary>
    /// What was decided about an old task goes on in the task that continues it in a new version of the same year: a
    /// change of deadline the standing office approved (where the new version kept the plan's deadline the change
    /// replaced), and the task's money (allocations, disbursements, its information-system mark), which are the same
    /// work's. The deadline requests themselves stay on the old task, read from the new one through its history.
    /// </summary>
    private static async Task CarryDecisionsAsync(RoViecDbContext db, List<PlanTaskRow> oldTasks, Dictionary<Guid, PlanTaskRow> newById,
        Dictionary<Guid, Guid> taskPairs, CancellationToken ct)
    {
        var oldById = oldTasks.ToDictionary(t => t.Id);
        foreach (var (oldId, newId) in taskPairs)
        {
            var (old, now) = (oldById[oldId], newById[newId]);
            if (old.OriginalDeadlineDue is { } original && now.OriginalDeadlineDue is null && now.DeadlineDue == original)
            {
                now.OriginalDeadlineDue = original;
                now.DeadlineDue = old.DeadlineDue;
            }
        }
        var olds = taskPairs.Keys.ToList();
        foreach (var line in await db.TaskBudgetLines.Where(l => olds.Contains(l.TaskId)).ToListAsync(ct)) line.TaskId = taskPairs[line.TaskId];
        foreach (var paid in await db.TaskDisbursements.Where(d => olds.Contains(d.TaskId)).ToListAsync(ct)) paid.TaskId = taskPairs[paid.TaskId];
        foreach (var system in await db.TaskInformationSystems.Where(i => olds.Contains(i.TaskId)).ToListAsync(ct)) system.TaskId = taskPairs[system.TaskId];
    }

    /// <summary>
    /// Pairs the tasks and, for a plan of the same year, moves the periods as <see cref="ReplacePlan"/> says and gives
    /// the new plan the old one's reporting rules; saves. Run inside the confirmation's transaction, before the new
    /// plan's calendar is laid out (<see cref="PeriodCalendar.EnsureAsync"/> then adds only the periods still missing).
    /// </summary>
    /// <param name="pairing">The officer's pairing (old id → new id), checked by <see cref="CheckPairingAsync"/>; null for the proposed one.</param>
    public static async Task ApplyAsync(RoViecDbContext db, Plan replaced, Plan plan, IReadOnlyDictionary<Guid, Guid>? pairing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(replaced);
        ArgumentNullException.ThrowIfNull(plan);
        var oldTasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == replaced.Id).OrderBy(t => t.Order).ToListAsync(ct);
        var newTasks = await db.Tasks.Where(t => t.PlanId == plan.Id).OrderBy(t => t.Order).ToListAsync(ct);
        var taskPairs = pairing?.ToDictionary() ?? TaskPairing.Pairs(Items(oldTasks), Items(newTasks)).ToDictionary(p => p.OldId, p => p.NewId);
        var newById = newTasks.ToDictionary(t => t.Id);
        foreach (var (oldId, newId) in taskPairs) newById[newId].ReplacesTaskId = oldId;
        if (replaced.Year == plan.Year) await CarryDecisionsAsync(db, oldTasks, newById, taskPairs, ct);
        // A new version reports as the old one did: with the work programme, or as a campaign over the same weeks.
        if (replaced.Year == plan.Year)
        {
            plan.ReportsWithPlanId = replaced.ReportsWithPlanId;
            plan.Rhythm = replaced.Rhythm;
            plan.StartsOn ??= replaced.StartsOn;
            plan.EndsOn ??= replaced.EndsOn;
        }
        plan.Field ??= replaced.Field;
        if (replaced.Year != plan.Year)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        // An indicator continues an indicator of the old plan by its name (and owner), as a task does.
        var oldIndicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == replaced.Id).OrderBy(i => i.Order).ToListAsync(ct);
        var newIndicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id).OrderBy(i => i.Order).ToListAsync(ct);
        var indicatorPairs = TaskPairing.Pairs(
                [.. oldIndicators.Select(i => new TaskPairing.Item(i.Id, null, i.Name, i.OwnerUnitId?.ToString()))],
                [.. newIndicators.Select(i => new TaskPairing.Item(i.Id, null, i.Name, i.OwnerUnitId?.ToString()))])
            .ToDictionary(p => p.OldId, p => p.NewId);

        var rules = await db.ReportingRules.AsNoTracking().FirstOrDefaultAsync(r => r.PlanId == plan.Id, ct);
        if (rules is null)
        {
            // The rules the officer set for the year (due days, the unit head's approval, reminders) go on.
            rules = await db.ReportingRules.AsNoTracking().FirstOrDefaultAsync(r => r.PlanId == replaced.Id, ct)
                ?? new ReportingRules { CommuneId = plan.CommuneId };
            rules.Id = Guid.NewGuid();
            rules.PlanId = plan.Id;
            rules.Version = Guid.NewGuid();
            db.ReportingRules.Add(rules);
        }

        if (replaced.ReportsWithPlanId is { } root)
        {
            // A plan reporting with the work programme has no periods: its lines in the programme's open period follow
            // its tasks to the new version when the scheduler opens that period again.
            var host = await PlansTogether.HostAsync(db, plan.CommuneId, plan.Year, plan.Id, ct);
            var open = host is { } h && h.Root == root ? await PlansTogether.ReopenAsync(db, h.Id, ct) : [];
            await RemapLinesAsync(db, open, oldTasks, taskPairs, oldIndicators, indicatorPairs, ct);
            await db.SaveChangesAsync(ct);
            return;
        }

        var periods = await db.Periods.Where(p => p.PlanId == replaced.Id && p.State != PeriodStates.Closed).ToListAsync(ct);
        var periodIds = periods.Select(p => p.Id).ToList();
        var withReports = await db.Reports.Where(r => periodIds.Contains(r.PeriodId)).Select(r => r.PeriodId).Distinct().ToListAsync(ct);
        var moved = new List<Guid>();
        foreach (var period in periods)
        {
            if (period.State == PeriodStates.Scheduled && !withReports.Contains(period.Id))
            {
                db.Periods.Remove(period);
                continue;
            }
            period.PlanId = plan.Id;
            period.Version = Guid.NewGuid();
            // Not yet opened for the new plan: the scheduler's next look opens it again, adding the reports and lines
            // the new plan's tasks ask for (OpenPeriod), while its reports stay open to their units meanwhile.
            period.OpenedAtUtc = null;
            moved.Add(period.Id);
        }

        // The rest of the year by the new plan's calendar: what neither a closed month of the old plan nor a moved
        // period already holds.
        var held = await db.Periods.AsNoTracking().Where(p => p.PlanId == replaced.Id && p.State == PeriodStates.Closed && p.Kind != PeriodKinds.AdHoc)
            .Select(p => new { p.Kind, p.Number }).ToListAsync(ct);
        var taken = held.Select(p => (p.Kind, p.Number)).Concat(periods.Where(p => moved.Contains(p.Id)).Select(p => (p.Kind, p.Number))).ToHashSet();
        var calendar = plan.Rhythm == PlanRhythms.Weekly ? PeriodCalendar.Weeks(rules, plan) : PeriodCalendar.Build(rules, plan.Year);
        db.Periods.AddRange(calendar.Where(p => !taken.Contains((p.Kind, p.Number))));

        await RemapLinesAsync(db, moved, oldTasks, taskPairs, oldIndicators, indicatorPairs, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The lines of the replaced plan in these periods follow their task or indicator to the one continuing it; a line of
    /// a dropped one leaves a report still being written (a sent report keeps what it said). Lines of other plans reported
    /// in the same periods are not touched.
    /// </summary>
    private static async Task RemapLinesAsync(RoViecDbContext db, List<Guid> periodIds, List<PlanTaskRow> oldTasks,
        Dictionary<Guid, Guid> taskPairs, List<IndicatorRow> oldIndicators, Dictionary<Guid, Guid> indicatorPairs, CancellationToken ct)
    {
        if (periodIds.Count == 0) return;
        var oldTaskIds = oldTasks.Select(t => t.Id).ToHashSet();
        var oldIndicatorIds = oldIndicators.Select(i => i.Id).ToHashSet();
        var lines = await db.ReportItems.Join(db.Reports.Where(r => periodIds.Contains(r.PeriodId)), i => i.ReportId, r => r.Id, (i, r) => new { Item = i, r.State })
            .ToListAsync(ct);
        foreach (var line in lines)
        {
            var item = line.Item;
            var old = (item.TaskId is { } t && oldTaskIds.Contains(t)) || (item.IndicatorId is { } x && oldIndicatorIds.Contains(x));
            if (!old) continue;
            if (item.TaskId is { } taskId && taskPairs.TryGetValue(taskId, out var newTask)) item.TaskId = newTask;
            else if (item.IndicatorId is { } indicatorId && indicatorPairs.TryGetValue(indicatorId, out var newIndicator)) item.IndicatorId = newIndicator;
            else if (line.State is ReportStates.Draft or ReportStates.Returned) db.ReportItems.Remove(item);
            else continue;
            item.Version = Guid.NewGuid();
        }
    }

    /// <summary>
    /// The plan and the plans of the same year it replaced, newest first: one line of work whose months are listed
    /// together (a month closed under the replaced version is still a month of the year).
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> PlanLineAsync(RoViecDbContext db, Guid planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Id, p.CommuneId, p.Year, p.ReplacesPlanId }).FirstOrDefaultAsync(ct);
        if (plan is null) return [];
        var line = new List<Guid> { plan.Id };
        if (plan.ReplacesPlanId is null) return line;
        // The commune's plans of the year in one read; the chain of replacements is walked in memory.
        var replaces = await db.Plans.AsNoTracking().Where(p => p.CommuneId == plan.CommuneId && p.Year == plan.Year)
            .ToDictionaryAsync(p => p.Id, p => p.ReplacesPlanId, ct);
        for (var next = plan.ReplacesPlanId; next is { } id && replaces.ContainsKey(id) && !line.Contains(id); next = replaces[id])
            line.Add(id);
        return line;
    }

    /// <summary>
    /// For a task's page: the task of the replaced plan it continues, the task of the new plan that continues it, and
    /// whether it was superseded (its plan replaced and nothing continues it); <c>Carried</c>: the task continuing it was
    /// carried over into next year's plan (CarryOver), whatever the state of this task's plan.
    /// </summary>
    public static async Task<((Guid Id, string Name, string Plan)? Continues, (Guid Id, string Name, string Plan)? ContinuedBy, bool Superseded, bool Carried)> ContinuationAsync(
        RoViecDbContext db, PlanTaskRow task, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(task);
        (Guid, string, string)? continues = null, continuedBy = null;
        if (task.ReplacesTaskId is { } earlier
            && await (from e in db.Tasks.AsNoTracking()
                      join p in db.Plans.AsNoTracking() on e.PlanId equals p.Id
                      where e.Id == earlier
                      select new { e.Id, e.Name, p.Title }).FirstOrDefaultAsync(ct) is { } before)
            continues = (before.Id, before.Name, before.Title);
        var superseded = false;
        var carried = false;
        if (await db.Plans.AsNoTracking().AnyAsync(p => p.Id == task.PlanId && p.Status == PlanStatuses.Replaced, ct))
        {
            var next = await (from n in db.Tasks.AsNoTracking()
                              join p in db.Plans.AsNoTracking() on n.PlanId equals p.Id
                              where n.ReplacesTaskId == task.Id
                              select new { n.Id, n.Name, n.Source, p.Title }).FirstOrDefaultAsync(ct);
            if (next is not null) (continuedBy, carried) = ((next.Id, next.Name, next.Title), next.Source == TaskSources.CarriedOver);
            else superseded = await db.Plans.AsNoTracking().AnyAsync(p => p.ReplacesPlanId == task.PlanId && p.Status != PlanStatuses.Draft, ct);
        }
        if (continuedBy is null
            && await (from n in db.Tasks.AsNoTracking()
                      join p in db.Plans.AsNoTracking() on n.PlanId equals p.Id
                      where n.ReplacesTaskId == task.Id && n.Source == TaskSources.CarriedOver
                      select new { n.Id, n.Name, p.Title }).FirstOrDefaultAsync(ct) is { } into)
        {
            continuedBy = (into.Id, into.Name, into.Title);
            carried = true;
            superseded = false;
        }
        return (continues, continuedBy, superseded, carried);
    }

    private static TaskPairing.Item[] Items(IEnumerable<PlanTaskRow> tasks) =>
        [.. tasks.Select(t => new TaskPairing.Item(t.Id, t.Code, t.Name, t.LeadUnitId?.ToString() ?? t.LeadAsWritten))];

    private static string Name(PlanTaskRow t) => t.Code is { Length: > 0 } code ? $"{code}. {t.Name}" : t.Name;
}
