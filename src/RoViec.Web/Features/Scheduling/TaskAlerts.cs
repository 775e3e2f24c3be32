using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Web.Features.Notifications;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Features.Scheduling;

/// <summary>
/// Watches each task's derived status (<see cref="PlanHealth.ComputeAsync"/>) against the last one recorded
/// (<see cref="TaskStatusChange"/>): a change is recorded, and a task that turned at risk or overdue alerts its
/// lead unit's reporters and head and the steering member who directs it (by the task's "trực tiếp chỉ đạo",
/// else the members over the lead unit). The first look at a plan records every status without alerting, so a
/// new plan does not flood everyone with what was already late; a task seen for the first time later is
/// recorded the same way.
/// </summary>
public static class TaskAlerts
{
    public sealed record Outcome(int Changes, IReadOnlyList<NoticeDraft> Notices);

    public static async Task<Outcome> RunAsync(RoViecDbContext db, Plan plan, Recipients people, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(people);
        var health = await PlanHealth.ComputeAsync(db, plan.Id, today, ct);
        if (health.Count == 0) return new Outcome(0, []);
        // The day's statuses are kept on the tasks for the pages that read many communes at once.
        await PlanHealth.StoreAsync(db, health, today, ct);
        var taskIds = health.Keys.ToList();
        var lastIds = db.TaskStatusChanges.Where(c => taskIds.Contains(c.TaskId)).GroupBy(c => c.TaskId).Select(g => g.Max(c => c.Id));
        var last = await db.TaskStatusChanges.AsNoTracking().Where(c => lastIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.TaskId, c => c.To, ct);

        var changes = new List<TaskStatusChange>();
        foreach (var (taskId, status) in health)
        {
            var now = status.ToString();
            var before = last.GetValueOrDefault(taskId);
            if (before == now) continue;
            changes.Add(new TaskStatusChange { CommuneId = plan.CommuneId, TaskId = taskId, From = before, To = now, On = today });
        }
        if (changes.Count == 0) return new Outcome(0, []);
        db.TaskStatusChanges.AddRange(changes);
        await db.SaveChangesAsync(ct);

        var alerting = changes.Where(c => c.From is not null && c.To is nameof(TaskHealth.AtRisk) or nameof(TaskHealth.Overdue)).ToList();
        if (alerting.Count == 0) return new Outcome(changes.Count, []);
        var alertIds = alerting.Select(c => c.TaskId).ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => alertIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, t.Code, t.LeadUnitId, t.Directing, t.DeadlineRaw, t.DeadlineDue }).ToDictionaryAsync(t => t.Id, ct);

        var notices = new List<NoticeDraft>();
        foreach (var change in alerting)
        {
            if (!tasks.TryGetValue(change.TaskId, out var task)) continue;
            var name = task.Code is { Length: > 0 } code ? $"{code}. {task.Name}" : task.Name;
            var overdue = change.To == nameof(TaskHealth.Overdue);
            var title = overdue ? $"Nhiệm vụ quá hạn: {Short(name)}" : $"Nhiệm vụ có nguy cơ chậm: {Short(name)}";
            var deadline = task.DeadlineDue is { } d ? $" Thời hạn: {task.DeadlineRaw ?? Periods.DayText.Show(d)}." : "";
            var body = overdue
                ? $"Nhiệm vụ \"{name}\" đã quá thời hạn mà chưa được báo cáo hoàn thành.{deadline}"
                : $"Nhiệm vụ \"{name}\" có nguy cơ chậm: tiến độ báo cáo chậm hơn thời gian đã qua, hoặc nhiều kỳ chưa cập nhật.{deadline}";
            var users = new HashSet<Guid>();
            if (task.LeadUnitId is { } lead)
            {
                users.UnionWith(people.Reporters(lead));
                users.UnionWith(people.Heads(lead));
            }
            var directing = people.Directing(task.Directing);
            users.UnionWith(directing.Count > 0 ? directing : task.LeadUnitId is { } unit ? people.SteeringOver(unit) : []);
            foreach (var user in users)
                notices.Add(new NoticeDraft(user, NoticeKinds.TaskAlert, NoticeKeys.TaskAlert(change.Id, user), title, body, $"/nhiem-vu/{task.Id}", plan.CommuneId));
        }
        return new Outcome(changes.Count, notices);
    }

    private static string Short(string text) => text.Length <= 120 ? text : text[..119] + "…";
}
