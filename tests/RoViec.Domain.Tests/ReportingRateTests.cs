using RoViec.Domain.Reporting;

namespace RoViec.Domain.Tests;

public sealed class ReportingRateTests
{
    private static readonly DateOnly Due = new(2026, 3, 20);
    private static readonly DateOnly After = new(2026, 4, 1);

    private static ExpectedReport Report(DateOnly? received, DateOnly? due = null) => new(Guid.NewGuid(), Guid.NewGuid(), due ?? Due, received);

    [Fact]
    public void Rates_are_shares_of_the_expected_reports()
    {
        var rate = ReportingRate.Of([
            Report(new DateOnly(2026, 3, 19)),
            Report(new DateOnly(2026, 3, 20)),
            Report(new DateOnly(2026, 3, 21)),
            Report(null),
        ], After);

        Assert.Equal((4, 3, 2, 1, 4, 1), (rate.Expected, rate.Received, rate.OnTime, rate.Missing, rate.Due, rate.Late));
        Assert.Equal(75m, rate.Rate);
        Assert.Equal(50m, rate.OnTimeRate);
    }

    [Fact]
    public void Before_the_due_day_there_is_no_on_time_rate()
    {
        // Two weeks before the due day, 2 of 10 units have sent: 20 % received, but nobody is late yet.
        var reports = Enumerable.Range(0, 10).Select(i => Report(i < 2 ? new DateOnly(2026, 3, 5) : null)).ToList();

        var early = ReportingRate.Of(reports, new DateOnly(2026, 3, 6));
        var onTheDay = ReportingRate.Of(reports, Due);
        var dayAfter = ReportingRate.Of(reports, Due.AddDays(1));

        Assert.Equal(20m, early.Rate);
        Assert.Null(early.OnTimeRate);
        Assert.True(early.NotYetDue);
        Assert.Equal(0, early.Late);
        Assert.Null(onTheDay.OnTimeRate);
        Assert.Equal(20m, dayAfter.OnTimeRate);
        Assert.False(dayAfter.NotYetDue);
    }

    [Fact]
    public void Only_reports_past_their_own_due_day_count_towards_the_on_time_rate()
    {
        // One unit was given until the 27th; on the 25th only the other's timeliness is known.
        var rate = ReportingRate.Of([Report(null), Report(null, due: new DateOnly(2026, 3, 27))], new DateOnly(2026, 3, 25));

        Assert.Equal((2, 1, 0), (rate.Expected, rate.Due, rate.OnTime));
        Assert.Equal(0m, rate.OnTimeRate);
    }

    [Fact]
    public void An_extension_moves_the_day_a_report_is_on_time_by()
    {
        var late = Report(new DateOnly(2026, 3, 25));
        var extended = Report(new DateOnly(2026, 3, 25), due: new DateOnly(2026, 3, 27));

        Assert.False(late.OnTime);
        Assert.True(extended.OnTime);
    }

    [Fact]
    public void With_nothing_expected_there_is_no_rate_rather_than_zero()
    {
        var rate = ReportingRate.Of([], After);

        Assert.Null(rate.Rate);
        Assert.Null(rate.OnTimeRate);
        Assert.False(rate.NotYetDue);
    }

    [Fact]
    public void Rates_round_to_one_decimal()
    {
        var rate = ReportingRate.Of([Report(Due), Report(null), Report(null)], After);

        Assert.Equal(33.3m, rate.Rate);
    }
}
