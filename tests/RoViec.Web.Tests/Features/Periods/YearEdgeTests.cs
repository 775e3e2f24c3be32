using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Web.Features.Demo;
using RoViec.Web.Features.Notifications;
using RoViec.Web.Features.Plans;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Tests;

/// <summary>
/// The rules that depend on the date, on their edges: 29 February, a due day that falls on a Sunday, the day in
/// Vietnam (UTC+7) beside the day in UTC around midnight, and the turn of the year. Each sets its own clock.
/// </summary>
public sealed class YearEdgeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2028, 29)]
    [InlineData(2027, 28)]
    [InlineData(2100, 28)]
    public void February_ends_and_falls_due_on_its_last_day_in_leap_and_common_years(int year, int lastDay)
    {
        var february = PeriodCalendar.Build(PeriodCalendarTests.Rules(unitDue: 30, compileDue: 31), year).Single(p => p.Kind == PeriodKinds.Monthly && p.Number == 2);

        Assert.Equal(new DateOnly(year, 2, lastDay), february.EndsOn);
        Assert.Equal(new DateOnly(year, 2, lastDay), february.UnitDueOn);
        Assert.Equal(new DateOnly(year, 2, lastDay), february.CompileDueOn);
    }

    [Fact]
    public void The_demo_plan_moved_to_another_year_keeps_month_ends_and_days()
    {
        var written = DemoPlan.AsWritten;
        Assert.Equal(2026, written.Document.Year);
        var sample = written with
        {
            Tasks =
            [
                written.Tasks[0] with { Deadline = Deadline.Of(DeadlineKind.Month, new DateOnly(2026, 2, 28)) },
                written.Tasks[1] with { Deadline = Deadline.Of(DeadlineKind.Date, new DateOnly(2026, 3, 15)) },
                written.Tasks[2] with { Deadline = Deadline.Of(DeadlineKind.Year, new DateOnly(2026, 12, 31)) },
            ],
        };

        var leap = DemoPlan.MovedTo(sample, 2028);
        Assert.Equal(2028, leap.Document.Year);
        Assert.Equal([new DateOnly(2028, 2, 29), new DateOnly(2028, 3, 15), new DateOnly(2028, 12, 31)], leap.Tasks.Select(t => t.Deadline.Due!.Value));
        var common = DemoPlan.MovedTo(leap, 2029);
        Assert.Equal([new DateOnly(2029, 2, 28), new DateOnly(2029, 3, 15), new DateOnly(2029, 12, 31)], common.Tasks.Select(t => t.Deadline.Due!.Value));
        // The text is left as written; only the dates move.
        Assert.Equal(written.SourceText, common.SourceText);
        Assert.Equal(written.Tasks[0].Name, common.Tasks[0].Name);
        Assert.All(DemoPlan.For(2030).Tasks.Where(t => t.Deadline.Due is not null), t => Assert.Equal(2030, t.Deadline.Due!.Value.Year));
    }

    [Fact]
    public async Task December_opens_at_midnight_in_Vietnam_not_at_midnight_UTC()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, new DateOnly(2026, 11, 30), smtp: false);
        // 23:59 on 30 November in Vietnam.
        s.Clock.AdjustTime(Utc(2026, 11, 30, 16, 59));
        await s.TickAsync();
        Assert.Equal(PeriodStates.Scheduled, (await s.MonthAsync(12)).State);

        // 00:01 on 1 December in Vietnam, still 30 November in UTC.
        s.Clock.AdjustTime(Utc(2026, 11, 30, 17, 1));
        await s.TickAsync();
        Assert.Equal(PeriodStates.Open, (await s.MonthAsync(12)).State);
    }

    [Fact]
    public async Task A_due_day_on_a_Sunday_stays_the_due_day_reminded_that_morning_and_late_from_Monday()
    {
        // Units report by the 20th; 20 December 2026 is a Sunday, and the plans do not move a due day off a weekend.
        Assert.Equal(DayOfWeek.Sunday, new DateOnly(2026, 12, 20).DayOfWeek);
        await using var s = SchedulingApp.Create(AppOn.Sqlite, new DateOnly(2026, 12, 1), smtp: false);
        await s.TickAsync();
        var december = await s.MonthAsync(12);
        Assert.Equal(new DateOnly(2026, 12, 20), december.UnitDueOn);

        // 06:30 on Sunday 20 December in Vietnam is still Saturday in UTC: the reminder says "today".
        s.Clock.AdjustTime(Utc(2026, 12, 19, 23, 30));
        await s.TickAsync();
        Assert.Contains(await s.RemindersOfAsync("congan"), n => n.Kind == NoticeKinds.DueToday);
        Assert.DoesNotContain(await s.RemindersOfAsync("congan"), n => n.Kind == NoticeKinds.Late);

        // A report first sent at 23:59 on the Sunday is on time; one first sent at 00:01 on Monday is late.
        var police = await s.App.UnitIdAsync("cong-an");
        var others = await s.App.WithDbAsync(db => db.Reports.Where(r => r.PeriodId == december.Id && r.UnitId != police).Select(r => r.UnitId).OrderBy(u => u).Take(2).ToListAsync(Ct));
        var (onSunday, onMonday) = (others[0], others[1]);
        await s.App.WithDbAsync(async db =>
        {
            foreach (var (unit, at) in new[] { (onSunday, Utc(2026, 12, 20, 16, 59)), (onMonday, Utc(2026, 12, 20, 17, 1)) })
            {
                var report = await db.Reports.SingleAsync(r => r.PeriodId == december.Id && r.UnitId == unit, Ct);
                report.State = ReportStates.Submitted;
                report.FirstSubmittedAtUtc = report.SubmittedAtUtc = at.UtcDateTime;
            }
            return await db.SaveChangesAsync(Ct);
        });
        var expected = await s.App.WithDbAsync(db => ReportingFigures.ExpectedAsync(db, december.PlanId, december.Id, Ct));
        var sunday = expected.Single(e => e.UnitId == onSunday);
        var monday = expected.Single(e => e.UnitId == onMonday);
        Assert.Equal(new DateOnly(2026, 12, 20), sunday.ReceivedOn);
        Assert.True(sunday.OnTime);
        Assert.Equal(new DateOnly(2026, 12, 21), monday.ReceivedOn);
        Assert.False(monday.OnTime);

        // At 00:30 on Monday in Vietnam (still Sunday in UTC) the police, who sent nothing, are told they are late.
        s.Clock.AdjustTime(Utc(2026, 12, 20, 17, 30));
        await s.TickAsync();
        Assert.Contains(await s.RemindersOfAsync("congan"), n => n.Kind == NoticeKinds.Late);
    }

    [Fact]
    public async Task At_the_turn_of_the_year_the_last_periods_close_and_nothing_of_the_old_plan_opens()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, new DateOnly(2026, 12, 22), smtp: false);
        await s.TickAsync();
        Assert.Equal(PeriodStates.Open, (await s.MonthAsync(12)).State);

        // 00:30 on 1 January 2027 in Vietnam, 17:30 on 31 December in UTC.
        s.Clock.AdjustTime(Utc(2026, 12, 31, 17, 30));
        await s.TickAsync();
        var periods = await s.App.WithDbAsync(db => db.Periods.AsNoTracking().ToListAsync(Ct));
        Assert.All(periods.Where(p => p.Kind == PeriodKinds.Monthly), p => Assert.Equal(PeriodStates.Closed, p.State));
        Assert.All(periods, p => Assert.Equal(2026, p.Year));
        Assert.DoesNotContain(periods, p => p.State == PeriodStates.Open && p.Kind == PeriodKinds.Monthly);
    }
}
