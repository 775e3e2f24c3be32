using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Time;

namespace RoViec.Web.Tests;

/// <summary>
/// The served process's clock (<c>RoViec:Clock:Now</c>): the machine's unless set, set only outside Production, a
/// wrong value refused with a Vietnamese reason; once set it runs on in real time from the day it names.
/// </summary>
public sealed class AppClockTests
{
    private static readonly FakeTimeProvider Machine = new(new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero));

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "RoViec.Web";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    private static TimeProvider? Choose(string? value, string environment, out string? error)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AppClock.Setting] = value }).Build();
        return AppClock.Choose(configuration, new Environment(environment), Machine, out error);
    }

    [Fact]
    public void Without_the_setting_the_clock_is_the_machines()
    {
        Assert.Same(Machine, Choose(null, "Production", out var error));
        Assert.Null(error);
    }

    [Fact]
    public void In_production_the_setting_is_refused_with_a_vietnamese_reason()
    {
        Assert.Null(Choose("2027-01-15", "Production", out var error));
        Assert.Contains("không dùng khi vận hành thật", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("15/01/2027")]
    [InlineData("2027-13-01")]
    [InlineData("ngày mai")]
    public void A_value_that_is_not_a_date_is_refused(string value)
    {
        Assert.Null(Choose(value, "Testing", out var error));
        Assert.Contains("không phải ngày giờ hợp lệ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-01-15", "2027-01-15T01:00:00Z", "2027-01-15")]
    [InlineData("2028-02-29T23:30", "2028-02-29T16:30:00Z", "2028-02-29")]
    [InlineData("2027-01-01T00:30:00+07:00", "2026-12-31T17:30:00Z", "2027-01-01")]
    [InlineData("2030-06-01T12:00Z", "2030-06-01T12:00:00Z", "2030-06-01")]
    public void A_set_day_is_vietnam_time_unless_it_says_otherwise_and_the_clock_runs_on_from_it(string value, string utc, string vietnamDay)
    {
        var clock = Choose(value, "Testing", out var error);

        Assert.Null(error);
        var expected = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, clock!.GetUtcNow());
        Machine.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(expected.AddMinutes(3), clock.GetUtcNow());
        Assert.Equal(DateOnly.ParseExact(vietnamDay, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), clock.VietnamToday());
    }
}
