using RoViec.Domain.Deadlines;
using RoViec.Domain.Reporting;

namespace RoViec.Domain.Tests.Reporting;

/// <summary>Which tasks and indicators a period asks a unit to report on.</summary>
public sealed class ExpectedWorkTests
{
    private static PeriodShape Month(int month) =>
        new("Monthly", 2026, month, new DateOnly(2026, month, 1), new DateOnly(2026, month, 1).AddMonths(1).AddDays(-1));

    private static PeriodShape Quarter(int quarter) =>
        new("Quarterly", 2026, quarter, new DateOnly(2026, quarter * 3 - 2, 1), new DateOnly(2026, quarter * 3, 1).AddMonths(1).AddDays(-1));

    private static readonly PeriodShape Year = new("Annual", 2026, 0, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
    private static readonly PeriodShape AdHoc = new("AdHoc", 2026, 0, new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 4));

    [Theory]
    [InlineData(TaskHealth.NotStarted)]
    [InlineData(TaskHealth.OnTrack)]
    [InlineData(TaskHealth.AtRisk)]
    [InlineData(TaskHealth.Overdue)]
    [InlineData(TaskHealth.Recurring)]
    [InlineData(TaskHealth.External)]
    public void An_open_task_is_reported_every_period(TaskHealth health)
    {
        Assert.True(ExpectedWork.TaskExpected(DeadlineKind.Quarter, health));
    }

    [Theory]
    [InlineData(TaskHealth.DoneOnTime)]
    [InlineData(TaskHealth.DoneLate)]
    [InlineData(TaskHealth.CannotDo)]
    [InlineData(TaskHealth.AlreadyDone)]
    public void A_done_or_impossible_task_is_no_longer_reported(TaskHealth health)
    {
        Assert.False(ExpectedWork.TaskExpected(DeadlineKind.Quarter, health));
    }

    [Fact]
    public void A_task_the_plan_says_is_already_done_is_never_reported()
    {
        Assert.False(ExpectedWork.TaskExpected(DeadlineKind.Done, TaskHealth.NotStarted));
    }

    [Theory]
    [InlineData(DeadlineKind.Date)]
    [InlineData(DeadlineKind.Month)]
    [InlineData(DeadlineKind.Year)]
    [InlineData(DeadlineKind.Milestones)]
    [InlineData(DeadlineKind.Recurring)]
    [InlineData(DeadlineKind.External)]
    [InlineData(DeadlineKind.None)]
    public void Every_other_deadline_kind_is_reported_while_open(DeadlineKind kind)
    {
        Assert.True(ExpectedWork.TaskExpected(kind, TaskHealth.NotStarted));
    }

    [Fact]
    public void A_monthly_indicator_is_reported_in_every_month()
    {
        Assert.All(Enumerable.Range(1, 12), m => Assert.True(ExpectedWork.IndicatorExpected("Monthly", Month(m))));
    }

    [Fact]
    public void A_quarterly_indicator_is_reported_in_the_last_month_of_each_quarter()
    {
        var months = Enumerable.Range(1, 12).Where(m => ExpectedWork.IndicatorExpected("Quarterly", Month(m)));

        Assert.Equal([3, 6, 9, 12], months);
    }

    [Fact]
    public void An_annual_indicator_is_reported_in_december_only_among_the_months()
    {
        var months = Enumerable.Range(1, 12).Where(m => ExpectedWork.IndicatorExpected("Annual", Month(m)));

        Assert.Equal([12], months);
    }

    [Theory]
    [InlineData("Monthly", true)]
    [InlineData("Quarterly", true)]
    [InlineData("Annual", false)]
    public void A_quarterly_period_asks_for_monthly_and_quarterly_indicators(string rhythm, bool expected)
    {
        Assert.All(Enumerable.Range(1, 4), q => Assert.Equal(expected, ExpectedWork.IndicatorExpected(rhythm, Quarter(q))));
    }

    [Theory]
    [InlineData("Monthly")]
    [InlineData("Quarterly")]
    [InlineData("Annual")]
    public void The_annual_and_ad_hoc_periods_ask_for_every_indicator(string rhythm)
    {
        Assert.True(ExpectedWork.IndicatorExpected(rhythm, Year));
        Assert.True(ExpectedWork.IndicatorExpected(rhythm, AdHoc));
    }
}
