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

    [Fact]
    public async Task The_head_the_inspector_and_the_steering_committee_each_have_their_to_do()
    {
        // 22 December: the units' due day has passed; only one unit has sent.
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 22), 9) };
        var (december, label, reports) = await app.OpenMonthAsync(12);
        var (police, ubnd) = (await app.UnitIdAsync("cong-an"), await app.UnitIdAsync("ubnd"));
        var sent = reports.First(r => r.Value != police && r.Value != ubnd);
        await app.FillAsync(sent.Key, ReportStates.Verified);
        // The inspector's sample: one line of the verified report drawn for a cross-check, not yet checked.
        await app.WithDbAsync(async db =>
        {
            var item = await db.ReportItems.FirstAsync(i => i.ReportId == sent.Key, Ct);
            db.CrossChecks.Add(new CrossCheck { Id = Guid.NewGuid(), CommuneId = item.CommuneId, PeriodId = december, ItemId = item.Id, UnitId = sent.Value, DrawnAtUtc = app.UtcNow, Version = Guid.NewGuid() });
            await db.SaveChangesAsync(Ct);
            return 0;
        });
        var unsent = reports.Where(r => r.Key != sent.Key).Select(r => r.Value).ToHashSet();
        var memberLate = new[] { police, ubnd }.Count(unsent.Contains);
        Assert.True(memberLate > 0, "the member oversees a late unit");

        async Task<string> HomeAsync(string user)
        {
            using var client = await app.SignedInClientAsync(user);
            return WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct));
        }

        // The police head: the unit's report is not yet sent to them, two days late.
        Assert.Contains($"Báo cáo {label} của Công an xã cán bộ báo cáo chưa gửi bạn duyệt:", await HomeAsync("truongcongan"), StringComparison.Ordinal);
        Assert.Contains("1 dòng báo cáo được chọn kiểm tra chéo chưa kiểm tra.", await HomeAsync("ubkt"), StringComparison.Ordinal);
        // The member oversees the police and the people's committee; the chair heads the committee over every unit.
        Assert.Contains($"{memberLate} đơn vị bạn theo dõi đã quá hạn mà chưa gửi báo cáo", await HomeAsync("thanhvien"), StringComparison.Ordinal);
        Assert.Contains($"{unsent.Count} đơn vị bạn theo dõi đã quá hạn mà chưa gửi báo cáo", await HomeAsync("truongban"), StringComparison.Ordinal);
        Assert.DoesNotContain("đơn vị bạn theo dõi", await HomeAsync("congan"), StringComparison.Ordinal);

        // A report still awaiting verification once its month has closed stays on the office's list.
        await app.FillAsync(reports.First(r => r.Key != sent.Key).Key, ReportStates.Submitted);
        await app.WithDbAsync(async db =>
        {
            var period = await db.Periods.SingleAsync(p => p.Id == december, Ct);
            period.State = PeriodStates.Closed;
            await db.SaveChangesAsync(Ct);
            return 0;
        });
        Assert.Contains("1 báo cáo chờ xác minh.", await HomeAsync("thuongtruc"), StringComparison.Ordinal);
    }
}
