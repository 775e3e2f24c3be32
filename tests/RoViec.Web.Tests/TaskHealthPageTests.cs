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
        var today = VietnamTime.Today;
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
}
