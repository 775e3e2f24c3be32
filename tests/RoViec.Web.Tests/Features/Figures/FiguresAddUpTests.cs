using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Web.Features.Measurement;

namespace RoViec.Web.Tests;

/// <summary>
/// Figures a standing office can defend: no on-time rate before anything is due, received + not yet sent = expected in
/// every view, indicators met named over the indicators judged, a count target met by its count.
/// </summary>
public sealed partial class FiguresAddUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Text(string html) => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " ")), @"\s+", " ");

    private static string Element(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element {id}");
        start = html.IndexOf('>', start) + 1;
        var end = html.IndexOf("</div>", start, StringComparison.Ordinal);
        return Text(html[start..end]).Trim();
    }

    [Fact]
    public async Task Two_weeks_before_the_due_day_no_page_shows_an_on_time_share()
    {
        // 6 December: the month opened on the 2nd, units are due on the 20th; two units have already sent.
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 6), 9) };
        var (periodId, _, reports) = await app.OpenMonthAsync(12);
        foreach (var reportId in reports.Keys.Take(2))
            await app.FillAsync(reportId, ReportStates.Submitted);
        var dueOn = await app.WithDbAsync(db => db.Periods.Where(p => p.Id == periodId).Select(p => p.UnitDueOn).SingleAsync(Ct));
        Assert.True(dueOn > new DateOnly(2026, 12, 6), "the arrangement needs the due day ahead");
        using var office = await app.SignedInClientAsync("thuongtruc");

        var overview = await office.GetStringAsync(new Uri($"/tong-quan?ky={periodId}", UriKind.Relative), Ct);
        var onTime = Element(overview, "tile-ontime");
        Assert.Contains("chưa đến hạn", onTime, StringComparison.Ordinal);
        Assert.DoesNotContain("%", onTime, StringComparison.Ordinal);

        var dashboard = await office.GetStringAsync(new Uri($"/bang-dieu-khien?ky={periodId}", UriKind.Relative), Ct);
        Assert.Contains("chưa đến hạn", Element(dashboard, "d-ontime"), StringComparison.Ordinal);
        Assert.DoesNotContain("%", Element(dashboard, "d-ontime"), StringComparison.Ordinal);

        var periods = Text(await office.GetStringAsync(new Uri("/ky-bao-cao", UriKind.Relative), Ct));
        Assert.Matches(@$"2/{reports.Count}\s+chưa đến hạn", periods);

        var detail = Text(await office.GetStringAsync(new Uri($"/ky-bao-cao/{periodId}", UriKind.Relative), Ct));
        Assert.Contains("đúng hạn: chưa báo cáo nào đến hạn", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_due_day_the_on_time_share_is_of_the_reports_due()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 22), 10) };
        var d = await app.ReportedDecemberAsync();
        var expected = await app.WithDbAsync(db => db.Reports.CountAsync(r => r.PeriodId == d.PeriodId, Ct));
        using var office = await app.SignedInClientAsync("thuongtruc");

        // The police sent on the 15th (on time), another unit on the 21st (late), a third on the 18th then was returned.
        var overview = await office.GetStringAsync(new Uri($"/tong-quan?ky={d.PeriodId}", UriKind.Relative), Ct);
        var share = Math.Round(2 * 100m / expected, 1).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        Assert.Contains($"{share}% gửi đúng hạn (2/{expected} báo cáo đã đến hạn)", Element(overview, "tile-ontime"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Received_and_not_yet_sent_add_up_to_the_expected_reports()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 22), 10) };
        var d = await app.ReportedDecemberAsync();
        var expected = await app.WithDbAsync(db => db.Reports.CountAsync(r => r.PeriodId == d.PeriodId, Ct));
        // Received: the verified police, the late submission and the returned report (it reached the office once).
        const int received = 3;
        using var office = await app.SignedInClientAsync("thuongtruc");

        var overview = Text(await office.GetStringAsync(new Uri($"/tong-quan?ky={d.PeriodId}", UriKind.Relative), Ct));
        Assert.Contains($"{received}/{expected} đơn vị đã gửi", overview, StringComparison.Ordinal);
        Assert.Contains($"Chưa gửi ({expected - received})", overview, StringComparison.Ordinal);
        Assert.Contains("Đã trả lại, chờ đơn vị sửa và gửi lại (1)", overview, StringComparison.Ordinal);
        Assert.Contains(d.UnitNames[d.Returned], overview[overview.IndexOf("Đã trả lại", StringComparison.Ordinal)..overview.IndexOf("Chưa gửi (", StringComparison.Ordinal)], StringComparison.Ordinal);

        var detail = Text(await office.GetStringAsync(new Uri($"/ky-bao-cao/{d.PeriodId}", UriKind.Relative), Ct));
        Assert.Contains($"Đã nhận {received}/{expected} báo cáo", detail, StringComparison.Ordinal);

        var dashboard = await office.GetStringAsync(new Uri($"/bang-dieu-khien?ky={d.PeriodId}", UriKind.Relative), Ct);
        Assert.Contains($"({received}/{expected})", Element(dashboard, "d-rate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indicators_met_name_the_indicators_judged_and_the_plans_total()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 22), 10) };
        var d = await app.ReportedDecemberAsync();
        var total = await app.WithDbAsync(db => db.Indicators.CountAsync(i => i.PlanId == d.PlanId, Ct));
        using var chair = await app.SignedInClientAsync("truongban");

        var tile = Element(await chair.GetStringAsync(new Uri($"/bang-dieu-khien?ky={d.PeriodId}", UriKind.Relative), Ct), "d-indicators");
        var judged = int.Parse(Regex.Match(tile, @"^\s*\d+/(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(judged < total, "the plan has more indicators than one month judges");
        Assert.Contains($"kế hoạch có {total} chỉ tiêu; {total - judged} chỉ tiêu chưa có số liệu để đánh giá", tile, StringComparison.Ordinal);
    }

    private static IndicatorRow Indicator(string raw, string op, decimal value, string unit) => new()
    {
        Section = "I",
        Name = "Chỉ tiêu thử",
        TargetRaw = raw,
        TargetOp = op,
        TargetValue = value,
        TargetUnit = unit,
    };

    [Theory]
    [InlineData("03 mô hình", "=", 3, "mô hình", 3, true)]
    [InlineData("03 mô hình", "=", 3, "mô hình", 4, true)]
    [InlineData("03 mô hình", "=", 3, "mô hình", 2, false)]
    [InlineData("Ít nhất 05", ">=", 5, "count", 5, true)]
    [InlineData("Không quá 2 vụ", "<=", 2, "vụ", 3, false)]
    public void A_count_target_is_met_by_its_count(string raw, string op, int target, string unit, int value, bool met) =>
        Assert.Equal(met, Measure.Meets(Indicator(raw, op, target, unit), null, value));

    [Fact]
    public void Percentages_and_increases_are_judged_as_before()
    {
        Assert.True(Measure.Meets(Indicator("Tối thiểu 90%", ">=", 90, "%"), 90, 90));
        Assert.False(Measure.Meets(Indicator("Tối thiểu 90%", ">=", 90, "%"), 89.9m, 89.9m));
        // A percentage target is not met by a bare count, nor an increase judged on one period.
        Assert.Null(Measure.Meets(Indicator("Tối thiểu 90%", ">=", 90, "%"), null, null));
        Assert.Null(Measure.Meets(Indicator("Tăng 25% so với năm 2025", "increase", 25, "%"), 30, 30));
        // A count target reported as a ratio is not judged as a count.
        Assert.Null(Measure.Meets(Indicator("03 mô hình", "=", 3, "mô hình"), 75, null));
    }
}
