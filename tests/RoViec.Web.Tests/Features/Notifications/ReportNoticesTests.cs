using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>A report's round trip tells each person at once: the head what awaits approval, the office what arrived, the reporters a return (with its comment) and a verification.</summary>
public sealed class ReportNoticesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<List<Notification>> NoticesAsync(RoViecApp app, Guid userId) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.CreatedAtUtc).ToListAsync(Ct));

    [Fact]
    public async Task Each_step_of_the_round_trip_reaches_the_person_who_acts_next_at_once()
    {
        var clock = new TestClock(new DateOnly(2026, 3, 10), 9);
        await using var app = new RoViecApp { Clock = clock };
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync(requireHeadApproval: true));
        var fields = await app.CompleteFieldsAsync(reportId);
        var (reporterId, headId, officeId) = (await app.UserIdAsync("congan"), await app.UserIdAsync("truongcongan"), await app.UserIdAsync("thuongtruc"));
        using var reporter = await app.ClientAsync("congan");
        using var head = await app.ClientAsync("truongcongan");
        using var office = await app.ClientAsync("thuongtruc");

        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "Submit", fields), reportId);
        var toHead = Assert.Single(await NoticesAsync(app, headId));
        Assert.Contains("chờ đồng chí duyệt", toHead.Title, StringComparison.Ordinal);
        Assert.Equal($"/bao-cao/{reportId}", toHead.Link);
        Assert.Empty(await NoticesAsync(app, officeId));

        ReportsArrange.IsRedirectBack(await head.PostReportAsync(reportId, "Approve"), reportId);
        var toOffice = Assert.Single(await NoticesAsync(app, officeId));
        Assert.Contains("đã gửi tới cơ quan thường trực", toOffice.Title, StringComparison.Ordinal);

        ReportsArrange.IsRedirectBack(await office.PostReportAsync(reportId, "Return", ("comment", "Bổ sung minh chứng cho dòng 2.")), reportId);
        var returned = Assert.Single(await NoticesAsync(app, reporterId));
        Assert.Contains("bị trả lại", returned.Title, StringComparison.Ordinal);
        Assert.Contains("Ý kiến: Bổ sung minh chứng cho dòng 2.", returned.Body, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromHours(2));
        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "Submit", fields), reportId);
        ReportsArrange.IsRedirectBack(await head.PostReportAsync(reportId, "Approve"), reportId);
        ReportsArrange.IsRedirectBack(await office.PostReportAsync(reportId, "Verify"), reportId);
        var toReporter = await NoticesAsync(app, reporterId);
        Assert.Equal(2, toReporter.Count);
        Assert.Contains("đã được xác minh", toReporter[^1].Title, StringComparison.Ordinal);
        // Arrived twice (first sending and resending), each told once.
        Assert.Equal(2, (await NoticesAsync(app, officeId)).Count);
    }
}
