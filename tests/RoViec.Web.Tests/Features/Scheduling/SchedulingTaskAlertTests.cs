using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// Task alerts: the derived status of every task is recorded; a task that turns overdue alerts its lead unit
/// and the steering member who directs it, once. The demo plan's police task "Tổ chức diễn tập…" is due at the
/// end of Quý III/2026 (30/09/2026).
/// </summary>
public sealed class SchedulingTaskAlertTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Due = new(2026, 9, 30);

    [Fact]
    public async Task A_task_past_its_deadline_records_one_change_and_alerts_its_unit_and_its_directing_member_once()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, Due);
        var task = await PoliceTaskAsync(s, "Phó Chủ tịch UBND xã Hồ Văn Chỉ Đạo");
        await s.SteeringMemberAsync("thanhvien", "Phó Chủ tịch UBND xã");
        await s.SteeringMemberAsync("truongban", "Chủ tịch UBND xã", "cong-an");

        await s.TickAsync();

        // The first look records every task's status and alerts nobody.
        var taskCount = await s.App.WithDbAsync(db => db.Tasks.CountAsync(t => t.PlanId == task.PlanId, Ct));
        Assert.Equal(taskCount, await s.App.WithDbAsync(db => db.TaskStatusChanges.CountAsync(Ct)));
        Assert.Equal(0, await s.App.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NoticeKinds.TaskAlert, Ct)));
        var before = await ChangesAsync(s, task.Id);
        Assert.NotEqual("Overdue", Assert.Single(before).To);

        await s.TickOnAsync(Due.AddDays(1));
        await s.TickAsync();
        await s.TickOnAsync(Due.AddDays(2));

        var changes = await ChangesAsync(s, task.Id);
        Assert.Equal(2, changes.Count);
        Assert.Equal((before[0].To, "Overdue", Due.AddDays(1)), (changes[1].From, changes[1].To, changes[1].On));
        foreach (var user in new[] { "congan", "truongcongan", "thanhvien" })
        {
            var alert = Assert.Single(await AlertsAsync(s, user, task.Id));
            Assert.StartsWith("Nhiệm vụ quá hạn: ", alert.Title, StringComparison.Ordinal);
            Assert.Contains(task.Name, alert.Body, StringComparison.Ordinal);
            Assert.Contains("đã quá thời hạn", alert.Body, StringComparison.Ordinal);
            Assert.Contains("Quý III", alert.Body, StringComparison.Ordinal);
            Assert.Equal(alert.Title, Assert.Single(s.Sink.To($"{user}@roviec.local"), m => m.Message.TextBody?.Contains(task.Name, StringComparison.Ordinal) == true).Message.Subject);
        }
        // The chair is over the unit but the task names the vice-chair, who directs it.
        Assert.Empty(await AlertsAsync(s, "truongban", task.Id));
        Assert.Empty(await AlertsAsync(s, "vhxh", task.Id));
    }

    [Fact]
    public async Task Without_a_directing_member_named_the_alert_goes_to_the_steering_members_over_the_lead_unit()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, Due);
        var task = await PoliceTaskAsync(s, null);
        await s.SteeringMemberAsync("truongban", "Chủ tịch UBND xã", "cong-an");
        await s.SteeringMemberAsync("thanhvien", "Phó Chủ tịch UBND xã", "ubnd");

        await s.TickAsync();
        await s.TickOnAsync(Due.AddDays(1));

        Assert.Single(await AlertsAsync(s, "truongban", task.Id));
        Assert.Single(await AlertsAsync(s, "congan", task.Id));
        Assert.Empty(await AlertsAsync(s, "thanhvien", task.Id));
    }

    /// <summary>The police task due on 30/09/2026, with its "trực tiếp chỉ đạo" set as given.</summary>
    private static Task<PlanTaskRow> PoliceTaskAsync(SchedulingApp s, string? directing) => s.App.WithDbAsync(async db =>
    {
        var police = await db.Units.Where(u => u.Key == "cong-an").Select(u => u.Id).SingleAsync(Ct);
        var task = await db.Tasks.SingleAsync(t => t.LeadUnitId == police && t.DeadlineDue == Due, Ct);
        task.Directing = directing;
        task.Version = Guid.NewGuid();
        await db.SaveChangesAsync(Ct);
        return task;
    });

    private static Task<List<TaskStatusChange>> ChangesAsync(SchedulingApp s, Guid taskId) =>
        s.App.WithDbAsync(db => db.TaskStatusChanges.AsNoTracking().Where(c => c.TaskId == taskId).OrderBy(c => c.Id).ToListAsync(Ct));

    private static async Task<List<Notification>> AlertsAsync(SchedulingApp s, string userName, Guid taskId) =>
        [.. (await s.NoticesOfAsync(userName)).Where(n => n.Kind == NoticeKinds.TaskAlert && n.Link == $"/nhiem-vu/{taskId}")];
}
