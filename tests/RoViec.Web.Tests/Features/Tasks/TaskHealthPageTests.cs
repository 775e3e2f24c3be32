using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Domain.Text;

namespace RoViec.Web.Tests;

/// <summary>The task page shows the task's derived status.</summary>
public sealed class TaskHealthPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dated_task_past_its_day_without_a_report_shows_overdue_and_a_recurring_one_does_not()
    {
        await using var app = new RoViecApp();
        var today = app.Today;
        var (late, recurring) = await app.WithDbAsync(async db =>
        {
            var tasks = await db.Tasks.Where(t => t.DeadlineKind == "Recurring" || t.DeadlineKind == "Date").OrderBy(t => t.Order).ToListAsync(Ct);
            var dated = tasks.First(t => t.DeadlineKind == "Date");
            dated.DeadlineDue = today.AddDays(-3);
            await db.SaveChangesAsync(Ct);
            return (dated.Id, tasks.First(t => t.DeadlineKind == "Recurring").Id);
        });
        using var client = await app.SignedInClientAsync("thuongtruc");

        var latePage = await client.GetStringAsync(new Uri($"/nhiem-vu/{late}", UriKind.Relative), Ct);
        var recurringPage = await client.GetStringAsync(new Uri($"/nhiem-vu/{recurring}", UriKind.Relative), Ct);

        Assert.Contains("<span class=\"pill defect\">Quá hạn</span>", latePage, StringComparison.Ordinal);
        Assert.Contains(">Thường xuyên</span>", recurringPage[recurringPage.IndexOf("id=\"tinh-trang\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_dates_a_real_turn_but_not_the_first_recorded_status()
    {
        await using var app = new RoViecApp();
        var today = app.Today;
        var (first, turned) = await app.WithDbAsync(async db =>
        {
            var tasks = await db.Tasks.OrderBy(t => t.Order).Take(2).ToListAsync(Ct);
            foreach (var t in tasks)
            {
                t.DeadlineKind = "Date";
                t.DeadlineDue = today.AddDays(-2);
            }
            db.TaskStatusChanges.Add(new TaskStatusChange { CommuneId = tasks[0].CommuneId, TaskId = tasks[0].Id, From = null, To = "Overdue", On = today });
            db.TaskStatusChanges.Add(new TaskStatusChange { CommuneId = tasks[1].CommuneId, TaskId = tasks[1].Id, From = "OnTrack", To = "Overdue", On = today });
            await db.SaveChangesAsync(Ct);
            return (tasks[0].Id, tasks[1].Id);
        });
        using var client = await app.SignedInClientAsync("thuongtruc");

        var html = await client.GetStringAsync(new Uri("/tong-quan", UriKind.Relative), Ct);

        var day = today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        string Row(Guid id)
        {
            var at = html.IndexOf($"/nhiem-vu/{id}", StringComparison.Ordinal);
            Assert.True(at > 0, "the task is listed as troubled");
            return html[at..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
        }
        Assert.DoesNotContain(day, Row(first), StringComparison.Ordinal);
        Assert.Contains(day, Row(turned), StringComparison.Ordinal);
    }
}
