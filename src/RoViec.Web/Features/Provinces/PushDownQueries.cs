using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;

namespace RoViec.Web.Features.Provinces;

/// <summary>What the push-down pages read: the province's publications with where each commune is, and a commune's inbox.</summary>
public static class PushDownQueries
{
    private static readonly StringComparer Names = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);

    public sealed record Counts(int Pending, int Accepted, int Declined)
    {
        public int Total => Pending + Accepted + Declined;
    }

    public sealed record Published(IReadOnlyList<(ProvinceTask Task, Counts Counts)> Tasks, IReadOnlyList<(ProvinceIndicator Indicator, Counts Counts)> Indicators,
        IReadOnlyList<(Guid Id, string Name)> Communes);

    public static async Task<Published> PublishedAsync(RoViecDbContext db, Guid provinceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tasks = await db.ProvinceTasks.AsNoTracking().Where(t => t.ProvinceId == provinceId).OrderByDescending(t => t.PublishedAtUtc).ToListAsync(ct);
        var indicators = await db.ProvinceIndicators.AsNoTracking().Where(i => i.ProvinceId == provinceId).OrderByDescending(i => i.PublishedAtUtc).ToListAsync(ct);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var taskStates = await db.PushedTasks.AsNoTracking().Where(p => taskIds.Contains(p.ProvinceTaskId))
            .GroupBy(p => new { p.ProvinceTaskId, p.State }).Select(g => new { g.Key.ProvinceTaskId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        var indicatorStates = await db.PushedIndicators.AsNoTracking().Where(p => indicatorIds.Contains(p.ProvinceIndicatorId))
            .GroupBy(p => new { p.ProvinceIndicatorId, p.State }).Select(g => new { g.Key.ProvinceIndicatorId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        Counts Of(IEnumerable<(string State, int Count)> rows)
        {
            var list = rows.ToList();
            int N(string s) => list.Where(r => r.State == s).Sum(r => r.Count);
            return new Counts(N(PushStates.Pending), N(PushStates.Accepted), N(PushStates.Declined));
        }
        var communes = (await db.Communes.AsNoTracking().Where(c => c.ProvinceId == provinceId).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .OrderBy(c => c.Name, Names).Select(c => (c.Id, c.Name)).ToList();
        return new Published(
            [.. tasks.Select(t => (t, Of(taskStates.Where(s => s.ProvinceTaskId == t.Id).Select(s => (s.State, s.Count)))))],
            [.. indicators.Select(i => (i, Of(indicatorStates.Where(s => s.ProvinceIndicatorId == i.Id).Select(s => (s.State, s.Count)))))],
            communes);
    }

    /// <summary>One commune's handling of a pushed task, with the derived status of its localised task on the day.</summary>
    public sealed record CommuneTask(Guid CommuneId, string Commune, string State, string? Reason, Guid? LocalTaskId, string? LocalLead, string? LocalDeadline, TaskHealth? Health);

    public sealed record TaskSpread(ProvinceTask Task, IReadOnlyList<CommuneTask> Communes);

    /// <summary>
    /// Where a pushed task is in each commune it went to: pending, declined (why), or localised — with the local task's lead,
    /// deadline and stored status (<see cref="PlanTaskRow.Health"/>; none shown before it was first derived). Null when the
    /// task is not the province's.
    /// </summary>
    public static async Task<TaskSpread?> SpreadAsync(RoViecDbContext db, Guid provinceId, Guid taskId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var task = await db.ProvinceTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId && t.ProvinceId == provinceId, ct);
        if (task is null) return null;
        var rows = await (from p in db.PushedTasks.AsNoTracking()
                          join c in db.Communes.AsNoTracking() on p.CommuneId equals c.Id
                          where p.ProvinceTaskId == taskId
                          select new { p.CommuneId, c.Name, p.State, p.Reason, p.LocalTaskId }).ToListAsync(ct);
        var localIds = rows.Select(r => r.LocalTaskId).OfType<Guid>().ToList();
        // The localised tasks' stored statuses (kept by the daily pass and by each build of the running month), not derived here.
        var locals = await (from t in db.Tasks.AsNoTracking()
                            where localIds.Contains(t.Id)
                            select new { t.Id, t.LeadAsWritten, t.DeadlineRaw, t.Health }).ToDictionaryAsync(t => t.Id, ct);
        return new TaskSpread(task, [.. rows.OrderBy(r => r.Name, Names).Select(r =>
        {
            var local = r.LocalTaskId is { } l && locals.TryGetValue(l, out var x) ? x : null;
            return new CommuneTask(r.CommuneId, r.Name, r.State, r.Reason, r.LocalTaskId, local?.LeadAsWritten, local?.DeadlineRaw, Health(local?.Health));
        })]);
    }

    /// <summary>
    /// For each of these pushed tasks, the stored status of every commune's localised task (null when a commune accepted it
    /// but its status was not derived yet), in one query.
    /// </summary>
    public static async Task<Dictionary<Guid, List<TaskHealth?>>> LocalisedStatusesAsync(RoViecDbContext db, IReadOnlyCollection<Guid> taskIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (from p in db.PushedTasks.AsNoTracking()
                          where taskIds.Contains(p.ProvinceTaskId) && p.State == PushStates.Accepted
                          join t in db.Tasks.AsNoTracking() on p.LocalTaskId equals (Guid?)t.Id into local
                          from t in local.DefaultIfEmpty()
                          select new { p.ProvinceTaskId, Health = t == null ? null : t.Health }).ToListAsync(ct);
        return rows.GroupBy(r => r.ProvinceTaskId).ToDictionary(g => g.Key, g => g.Select(r => Health(r.Health)).ToList());
    }

    /// <summary>A stored status (<see cref="PlanTaskRow.Health"/>), or null when none was derived yet.</summary>
    private static TaskHealth? Health(string? stored) => Enum.TryParse<TaskHealth>(stored, out var health) ? health : null;

    public sealed record Inbox(IReadOnlyList<(PushedTask Pushed, ProvinceTask Task)> Tasks, IReadOnlyList<(PushedIndicator Pushed, ProvinceIndicator Indicator)> Indicators,
        IReadOnlyList<(Guid Id, string Title)> Plans, IReadOnlyList<(Guid Id, string Name)> Units);

    /// <summary>
    /// What the province pushed down to a commune, pending first, with the plans in force it can localise into (the year's
    /// work programme first, then campaigns and companions) and its units.
    /// </summary>
    public static async Task<Inbox> InboxAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tasks = await (from p in db.PushedTasks.AsNoTracking()
                           join t in db.ProvinceTasks.AsNoTracking() on p.ProvinceTaskId equals t.Id
                           where p.CommuneId == communeId
                           select new { p, t }).ToListAsync(ct);
        var indicators = await (from p in db.PushedIndicators.AsNoTracking()
                                join i in db.ProvinceIndicators.AsNoTracking() on p.ProvinceIndicatorId equals i.Id
                                where p.CommuneId == communeId
                                select new { p, i }).ToListAsync(ct);
        var plans = await db.Plans.AsNoTracking().Where(p => p.CommuneId == communeId && p.Status == PlanStatuses.Active)
            .OrderByDescending(p => p.Year).ThenBy(p => p.Rhythm != PlanRhythms.Monthly).ThenBy(p => p.ReportsWithPlanId != null).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        var units = (await db.Units.AsNoTracking().Where(u => u.CommuneId == communeId && u.Active).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .OrderBy(u => u.Name, Names).Select(u => (u.Id, u.Name)).ToList();
        static int Rank(string state) => state == PushStates.Pending ? 0 : 1;
        return new Inbox(
            [.. tasks.OrderBy(x => Rank(x.p.State)).ThenByDescending(x => x.t.PublishedAtUtc).Select(x => (x.p, x.t))],
            [.. indicators.OrderBy(x => Rank(x.p.State)).ThenByDescending(x => x.i.PublishedAtUtc).Select(x => (x.p, x.i))],
            [.. plans.Select(p => (p.Id, p.Title))], units);
    }
}
