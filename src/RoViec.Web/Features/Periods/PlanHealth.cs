using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Reporting;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Periods;

/// <summary>
/// The derived status of every task of a plan on a day, by <see cref="TaskStatusRules"/>, from the reports
/// the standing office has received (submitted or verified; a draft or a returned report does not count).
/// </summary>
public static class PlanHealth
{
    /// <summary>The reports that count for a task's status and for the reporting rates.</summary>
    public static readonly string[] ReceivedStates = [ReportStates.Submitted, ReportStates.Verified];

    /// <summary>Which reports a status is derived from: the received ones (the default), or — for scores — only the verified ones of periods that start by a day.</summary>
    public sealed record ReportFilter(IReadOnlyCollection<string> States, DateOnly? PeriodsStartingBy);

    public static readonly ReportFilter Received = new(ReceivedStates, null);

    public static ReportFilter VerifiedUntil(DateOnly day) => new([ReportStates.Verified], day);

    /// <summary>
    /// Stores each task's status derived for <paramref name="day"/> on its row (<see cref="PlanTaskRow.Health"/>), one
    /// statement per status, unless a later day's is already stored: what cross-commune pages read instead of deriving it.
    /// </summary>
    public static async Task StoreAsync(RoViecDbContext db, IReadOnlyDictionary<Guid, TaskHealth> health, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(health);
        foreach (var group in health.GroupBy(h => h.Value))
        {
            var ids = group.Select(h => h.Key).ToList();
            var name = group.Key.ToString();
            await db.Tasks.Where(t => ids.Contains(t.Id) && (t.HealthOn == null || t.HealthOn <= day))
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.Health, name).SetProperty(t => t.HealthOn, day), ct);
        }
    }

    public static async Task<IReadOnlyDictionary<Guid, TaskHealth>> ComputeAsync(RoViecDbContext db, Guid planId, DateOnly today, CancellationToken ct, ReportFilter? filter = null)
    {
        var facts = await FactsAsync(db, planId, today, ct, filter);
        return facts.ToDictionary(f => f.Key, f => TaskStatusRules.Derive(f.Value, today));
    }

    /// <summary>The derived status of every task of several plans (a period's plans, <see cref="Plans.PlansTogether"/>).</summary>
    public static async Task<IReadOnlyDictionary<Guid, TaskHealth>> ComputeAsync(RoViecDbContext db, IReadOnlyList<Guid> planIds, DateOnly today, CancellationToken ct, ReportFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(planIds);
        if (planIds.Count == 1) return await ComputeAsync(db, planIds[0], today, ct, filter);
        var all = new Dictionary<Guid, TaskHealth>();
        foreach (var planId in planIds)
            foreach (var (task, health) in await ComputeAsync(db, planId, today, ct, filter)) all[task] = health;
        return all;
    }

    public static async Task<IReadOnlyDictionary<Guid, TaskFacts>> FactsAsync(RoViecDbContext db, Guid planId, DateOnly today, CancellationToken ct, ReportFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        filter ??= Received;
        var until = filter.PeriodsStartingBy;
        var states = filter.States;
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Year, p.ReplacesPlanId }).FirstAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId)
            .Select(t => new { t.Id, t.DeadlineKind, t.DeadlineDue, t.OriginalDeadlineDue, t.ReplacesTaskId, t.ClosedOn, t.SameAsTaskId }).ToListAsync(ct);
        // A task linked to the same work in another plan reads that task's report lines (they answer for both).
        var linked = tasks.Where(t => t.SameAsTaskId is not null).Select(t => t.SameAsTaskId!.Value).Distinct().ToList();
        // A plan that replaced a version of the same year: a task's reports under the version it continues are its own.
        // Most plans replaced nothing: their line is themselves, read without another query (this runs on every tick).
        IReadOnlyList<Guid> planLine = plan.ReplacesPlanId is null ? [planId] : await Plans.ReplacePlan.PlanLineAsync(db, planId, ct);
        var owner = tasks.ToDictionary(t => t.Id, t => t.Id);
        if (planLine.Count > 1)
        {
            var step = tasks.Where(t => t.ReplacesTaskId is not null).Select(t => (Old: t.ReplacesTaskId!.Value, Current: t.Id)).ToList();
            while (step.Count > 0)
            {
                foreach (var (old, current) in step) owner.TryAdd(old, current);
                var olds = step.Select(s => s.Old).ToList();
                var earlier = await db.Tasks.AsNoTracking().Where(t => olds.Contains(t.Id) && t.ReplacesTaskId != null)
                    .Select(t => new { t.Id, Earlier = t.ReplacesTaskId!.Value }).ToListAsync(ct);
                step = [.. earlier.Where(e => !owner.ContainsKey(e.Earlier)).Select(e => (e.Earlier, owner[e.Id]))];
            }
        }
        var found = await (
            from item in db.ReportItems.AsNoTracking()
            join report in db.Reports.AsNoTracking() on item.ReportId equals report.Id
            join period in db.Periods.AsNoTracking() on report.PeriodId equals period.Id
            join task in db.Tasks.AsNoTracking() on item.TaskId equals task.Id
            // By the task's plan, not the period's: a plan reporting with the work programme has its lines in the programme's periods.
            where (planLine.Contains(task.PlanId) || linked.Contains(task.Id)) && item.Kind == ReportItemKinds.Task && item.TaskId != null && (until == null || period.StartsOn <= until)
            select new
            {
                TaskId = item.TaskId!.Value,
                period.UnitDueOn,
                report.State,
                report.SubmittedAtUtc,
                item.TaskStatus,
                item.Percent,
                item.CompletedOn,
            }).ToListAsync(ct);
        var byTask = found.Where(l => owner.ContainsKey(l.TaskId)).ToLookup(l => owner[l.TaskId]);
        var byLinked = found.Where(l => linked.Contains(l.TaskId)).ToLookup(l => l.TaskId);
        var start = new DateOnly(plan.Year, 1, 1);
        return tasks.ToDictionary(t => t.Id, t =>
        {
            var mine = t.SameAsTaskId is { } same ? byLinked[same].ToList() : byTask[t.Id].ToList();
            return new TaskFacts(
                Enum.TryParse<DeadlineKind>(t.DeadlineKind, out var kind) ? kind : DeadlineKind.None,
                // A moved deadline keeps the plan's in OriginalDeadlineDue; the due day stored is then the approved one.
                t.OriginalDeadlineDue ?? t.DeadlineDue,
                start,
                mine.Where(l => l.UnitDueOn < today).Select(l => l.UnitDueOn).Order().ToList(),
                mine.Where(l => states.Contains(l.State) && l.SubmittedAtUtc is not null && l.TaskStatus is not null)
                    .Select(l => new ProgressReport(DateOnly.FromDateTime(VietnamTime.FromUtc(l.SubmittedAtUtc!.Value)), l.TaskStatus!, l.Percent, l.CompletedOn, l.UnitDueOn))
                    .OrderBy(r => r.ReportedOn).ToList(),
                t.OriginalDeadlineDue is null ? null : t.DeadlineDue,
                t.ClosedOn);
        });
    }
}
