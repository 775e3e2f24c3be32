using RoViec.Domain.Reporting;

namespace RoViec.Domain.Tests;

public sealed class ReportingRateTests
{
    private static readonly DateOnly Due = new(2026, 3, 20);

    private static ExpectedReport Report(DateOnly? received, DateOnly? due = null) => new(Guid.NewGuid(), Guid.NewGuid(), due ?? Due, received);

    [Fact]
    public void Rates_are_shares_of_the_expected_reports()
    {
        var rate = ReportingRate.Of([
            Report(new DateOnly(2026, 3, 19)),
            Report(new DateOnly(2026, 3, 20)),
            Report(new DateOnly(2026, 3, 21)),
            Report(null),
        ]);

        Assert.Equal((4, 3, 2, 1), (rate.Expected, rate.Received, rate.OnTime, rate.Missing));
        Assert.Equal(75m, rate.Rate);
        Assert.Equal(50m, rate.OnTimeRate);
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
        var rate = ReportingRate.Of([]);

        Assert.Null(rate.Rate);
        Assert.Null(rate.OnTimeRate);
    }

    [Fact]
    public void Rates_round_to_one_decimal()
    {
        var rate = ReportingRate.Of([Report(Due), Report(null), Report(null)]);

        Assert.Equal(33.3m, rate.Rate);
    }
}
