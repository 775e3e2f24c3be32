using System.Net;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>The landing page says what its reader has to do now: a reporter its unsent report with the days left, the standing office the reports awaiting verification.</summary>
public sealed class ToDoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_landing_page_tells_the_reporter_the_days_left_and_the_office_what_awaits_verification()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 6), 9) };
        var (december, label, reports) = await app.OpenMonthAsync(12);
        var police = await app.UnitIdAsync("cong-an");
        // Another unit has sent its report: it awaits the standing office's verification.
        await app.FillAsync(reports.First(r => r.Value != police).Key, ReportStates.Submitted);
        var due = await app.WithDbAsync(db => db.Periods.Where(p => p.Id == december).Select(p => p.UnitDueOn).SingleAsync(Ct));
        var days = due.DayNumber - new DateOnly(2026, 12, 6).DayNumber;
        using var reporter = await app.SignedInClientAsync("congan");
        using var office = await app.SignedInClientAsync("thuongtruc");

        var reporterHome = WebUtility.HtmlDecode(await reporter.GetStringAsync(new Uri("/", UriKind.Relative), Ct));
        var officeHome = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri("/", UriKind.Relative), Ct));

        Assert.Contains($"Báo cáo {label} của Công an xã chưa gửi: hạn {due:dd/MM/yyyy}, còn {days} ngày.", reporterHome, StringComparison.Ordinal);
        Assert.Contains($"href=\"/bao-cao/{reports.Single(r => r.Value == police).Key}\"", reporterHome, StringComparison.Ordinal);
        Assert.DoesNotContain("chờ xác minh.", reporterHome, StringComparison.Ordinal);
        Assert.Contains("1 báo cáo chờ xác minh.", officeHome, StringComparison.Ordinal);
        Assert.DoesNotContain("chưa gửi: hạn", officeHome, StringComparison.Ordinal);
    }
}
