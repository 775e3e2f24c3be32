using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Scores;

namespace RoViec.Web.Tests;

/// <summary>The scores of a month that has not closed are provisional and say so; a closed month's are final and do not.</summary>
public sealed class ProvisionalScoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_open_months_scores_are_marked_provisional_and_a_closed_months_are_not()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 22), 10) };
        var december = await app.ReportedDecemberAsync();
        var (november, _, reports) = await app.OpenMonthAsync(11);
        await app.FillAsync(reports.Single(r => r.Value == december.Police).Key, ReportStates.Verified);
        await app.WithDbAsync(db => db.Periods.Where(p => p.Id == november).ExecuteUpdateAsync(u => u.SetProperty(p => p.State, PeriodStates.Closed), Ct));
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            Assert.IsType<ScoreOutcome.Scored>(await ScoreService.RecomputeAsync(db, november, "Chấm thử", "kiểm thử", clock, Ct));
            Assert.IsType<ScoreOutcome.Scored>(await ScoreService.RecomputeAsync(db, december.PeriodId, "Chấm thử", "kiểm thử", clock, Ct));
        }
        using var chair = await app.SignedInClientAsync("truongban");

        var openPage = WebUtility.HtmlDecode(await chair.GetStringAsync(new Uri($"/diem?ky={december.PeriodId}", UriKind.Relative), Ct));
        var closedPage = WebUtility.HtmlDecode(await chair.GetStringAsync(new Uri($"/diem?ky={november}", UriKind.Relative), Ct));
        var landing = WebUtility.HtmlDecode(await chair.GetStringAsync(new Uri("/diem", UriKind.Relative), Ct));

        Assert.Contains("id=\"provisional-mark\"", openPage, StringComparison.Ordinal);
        Assert.Contains("Điểm tạm tính: tháng chưa đóng kỳ báo cáo", openPage, StringComparison.Ordinal);
        Assert.Contains("id=\"ranking\"", closedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"provisional", closedPage, StringComparison.Ordinal);
        // The page opens on the latest scored month, December, still open: it says so there too.
        Assert.Contains("id=\"provisional-mark\"", landing, StringComparison.Ordinal);
        // The month list tells the open scored month apart.
        Assert.Contains("— tạm tính</option>", closedPage, StringComparison.Ordinal);
    }
}
