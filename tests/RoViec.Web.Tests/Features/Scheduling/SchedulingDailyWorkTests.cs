using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Web.Features.Notifications;

namespace RoViec.Web.Tests;

/// <summary>
/// Issue 17: the scheduler ticks every minute, but a commune's reminders and task alerts are day-level work, done at
/// its first tick of a Vietnam day and not again until the next day; periods still open and close at any tick.
/// </summary>
public sealed class SchedulingDailyWorkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly March(int day) => new(2026, 3, day);

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task A_second_tick_on_the_same_day_does_no_day_level_work_and_the_next_day_does_it_again(string provider)
    {
        await using var s = SchedulingApp.Create(provider, March(16));
        var first = await s.TickAsync();
        Assert.Equal(1, first.Days);
        var recorded = await s.App.WithDbAsync(db => db.TaskStatusChanges.CountAsync(Ct));
        Assert.True(recorded > 0);

        // A task turns overdue during the day: the day's look at the tasks is done, so nothing is recorded until tomorrow.
        var task = await s.App.WithDbAsync(async db =>
        {
            var police = await db.Units.Where(u => u.Key == "cong-an").Select(u => u.Id).SingleAsync(Ct);
            var row = await db.Tasks.Where(t => t.LeadUnitId == police && t.DeadlineDue != null).OrderBy(t => t.Order).FirstAsync(Ct);
            row.DeadlineDue = March(10);
            row.Version = Guid.NewGuid();
            await db.SaveChangesAsync(Ct);
            return row.Id;
        });
        var second = await s.TickAsync();

        Assert.True(second.Ran);
        Assert.Equal(0, second.Days);
        Assert.Equal(recorded, await s.App.WithDbAsync(db => db.TaskStatusChanges.CountAsync(Ct)));

        var next = await s.TickOnAsync(March(17));

        Assert.Equal(1, next.Days);
        var last = await s.App.WithDbAsync(db => db.TaskStatusChanges.AsNoTracking().Where(c => c.TaskId == task).OrderBy(c => c.Id).LastAsync(Ct));
        Assert.Equal(("Overdue", March(17)), (last.To, last.On));
        Assert.Contains(await s.NoticesOfAsync("congan"), n => n.Kind == NoticeKinds.TaskAlert && n.Link == $"/nhiem-vu/{task}");
        Assert.Equal(0, (await s.TickAsync()).Days);
    }

    [Fact]
    public async Task A_period_whose_day_comes_opens_at_the_next_tick_though_the_communes_day_is_done()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, March(16));
        Assert.Equal(1, (await s.TickAsync()).Days);
        // An officer moves April's opening day to today: the period opens at the next tick, not tomorrow.
        await s.App.WithDbAsync(async db =>
        {
            var april = await db.Periods.SingleAsync(p => p.Kind == PeriodKinds.Monthly && p.Year == 2026 && p.Number == 4, Ct);
            april.OpensOn = March(16);
            april.Version = Guid.NewGuid();
            return await db.SaveChangesAsync(Ct);
        });

        var tick = await s.TickAsync();

        Assert.Equal((1, 0), (tick.Opened, tick.Days));
        Assert.Equal(PeriodStates.Open, (await s.MonthAsync(4)).State);
    }
}
