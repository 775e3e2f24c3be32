using System.Net;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// The unit head's approval when the commune asks for it, the standing office's return without a comment,
/// and the lists of <c>/bao-cao</c> for a unit and for the standing office.
/// </summary>
public sealed class ReportsApprovalAndListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Head_approval_applies_to_units_with_an_active_head_account_only()
    {
        await using var app = new RoViecApp();
        var periodId = await app.OpenPeriodAsync(requireHeadApproval: true);
        var reportId = await app.ReportIdAsync(periodId);
        var fields = await app.CompleteFieldsAsync(reportId);
        var headId = await app.UserIdAsync("truongcongan");
        // The police head's account is deactivated: nobody would approve, so the report goes straight to the office.
        await app.WithDbAsync(async db =>
        {
            var head = await db.Users.SingleAsync(u => u.Id == headId, TestContext.Current.CancellationToken);
            head.LockoutEnd = DateTimeOffset.MaxValue;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return 0;
        });
        using var reporter = await app.ClientAsync("congan");

        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "Submit", fields), reportId);

        Assert.Equal(ReportStates.Submitted, (await app.ReportAsync(reportId)).State);
    }

    [Fact]
    public async Task With_head_approval_the_report_waits_for_the_head_who_approves_or_returns_it()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync(requireHeadApproval: true));
        var fields = await app.CompleteFieldsAsync(reportId);
        using var reporter = await app.ClientAsync("congan");
        using var head = await app.ClientAsync("truongcongan");
        using var office = await app.ClientAsync("thuongtruc");

        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "Submit", fields), reportId);
        Assert.Equal(ReportStates.AwaitingApproval, (await app.ReportAsync(reportId)).State);
        Assert.Contains("Chờ trưởng đơn vị duyệt", await reporter.PageAsync(reportId), StringComparison.Ordinal);
        // Neither the reporter nor the standing office may approve or verify it yet.
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostReportAsync(reportId, "Approve")).StatusCode);
        var awaiting = (await app.ReportAsync(reportId)).Version.ToString();
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostReportAsync(reportId, "Verify", ("version", awaiting))).StatusCode);

        // The head returns it with a comment; the reporter sees it and resubmits; the head approves.
        var noComment = await head.PostReportAsync(reportId, "HeadReturn", ("comment", "  "));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noComment.StatusCode);
        Assert.Contains("Hãy ghi ý kiến chung hoặc ý kiến cho ít nhất một dòng", WebUtility.HtmlDecode(await noComment.BodyAsync()), StringComparison.Ordinal);
        ReportsArrange.IsRedirectBack(await head.PostReportAsync(reportId, "HeadReturn", ("comment", "Ghi rõ số cán bộ đã tập huấn.")), reportId);
        var returned = await app.ReportAsync(reportId);
        Assert.Equal((ReportStates.Returned, "truongcongan", "Ghi rõ số cán bộ đã tập huấn."), (returned.State, returned.ReturnedBy!, returned.ReturnComment!));
        Assert.Contains("Ghi rõ số cán bộ đã tập huấn.", await reporter.PageAsync(reportId), StringComparison.Ordinal);
        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "Submit", fields), reportId);
        Assert.Equal(ReportStates.AwaitingApproval, (await app.ReportAsync(reportId)).State);
        ReportsArrange.IsRedirectBack(await head.PostReportAsync(reportId, "Approve"), reportId);
        var approved = await app.ReportAsync(reportId);
        Assert.Equal((ReportStates.Submitted, "truongcongan"), (approved.State, approved.ApprovedBy!));
        Assert.Null(approved.ReturnComment);
        ReportsArrange.IsRedirectBack(await office.PostReportAsync(reportId, "Verify"), reportId);
        Assert.Equal(ReportStates.Verified, (await app.ReportAsync(reportId)).State);
        var history = WebUtility.HtmlDecode(await office.PageAsync(reportId));
        Assert.Contains("Trưởng đơn vị trả lại", history, StringComparison.Ordinal);
        Assert.Contains("Trưởng đơn vị duyệt", history, StringComparison.Ordinal);
        Assert.Contains("Xác minh", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standing_office_must_say_why_it_returns_a_report()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        using var reporter = await app.ClientAsync("congan");
        using var office = await app.ClientAsync("thuongtruc");
        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "Submit", await app.CompleteFieldsAsync(reportId)), reportId);

        var response = await office.PostReportAsync(reportId, "Return", ("comment", ""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Hãy ghi ý kiến chung hoặc ý kiến cho ít nhất một dòng, để đơn vị biết cần sửa gì.", WebUtility.HtmlDecode(await response.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(ReportStates.Submitted, (await app.ReportAsync(reportId)).State);
    }

    [Fact]
    public async Task Unit_sees_its_reports_and_the_standing_office_every_units_by_period_and_state()
    {
        await using var app = new RoViecApp();
        var late = await app.OpenPeriodAsync(dueInDays: -1, label: "Kỳ đã quá hạn");
        var current = await app.OpenPeriodAsync(dueInDays: 5, label: "Kỳ đang mở");
        var lateReport = await app.ReportIdAsync(late);
        var currentReport = await app.ReportIdAsync(current);
        using var reporter = await app.ClientAsync("congan");
        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(currentReport, "Submit", await app.CompleteFieldsAsync(currentReport)), currentReport);
        var expected = await app.WithDbAsync(db => db.Reports.CountAsync(r => r.PeriodId == current, Ct));

        var unitList = WebUtility.HtmlDecode(await reporter.GetStringAsync(new Uri("/bao-cao", UriKind.Relative), Ct));
        using var office = await app.ClientAsync("thuongtruc");
        var officeList = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri("/bao-cao", UriKind.Relative), Ct));
        var waiting = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/bao-cao?ky={current}&trang-thai=Submitted", UriKind.Relative), Ct));

        Assert.Contains("Báo cáo của đơn vị", unitList, StringComparison.Ordinal);
        Assert.Contains($"/bao-cao/{lateReport}", unitList, StringComparison.Ordinal);
        Assert.Contains($"/bao-cao/{currentReport}", unitList, StringComparison.Ordinal);
        // Newest due day first; the overdue draft is marked late, the one submitted before its day is not.
        Assert.True(unitList.IndexOf("Kỳ đang mở", StringComparison.Ordinal) < unitList.IndexOf("Kỳ đã quá hạn", StringComparison.Ordinal));
        Assert.Matches(@"Kỳ đã quá hạn</a></td>\s*<td><span class=""state s-Draft"">Nháp</span></td>\s*<td data-label=""Hạn nộp"">[0-9/]+</td>\s*<td data-label=""Gửi lúc"">—\s*<span class=""pill late"">trễ hạn</span>", unitList);
        Assert.Matches(@"Kỳ đang mở</a></td>\s*<td><span class=""state s-Submitted"">Chờ xác minh</span></td>\s*<td data-label=""Hạn nộp"">[0-9/]+</td>\s*<td data-label=""Gửi lúc"">[0-9/: ]+\s*</td>", unitList);
        Assert.DoesNotContain("Phòng Văn hóa", unitList, StringComparison.Ordinal);

        Assert.Contains("<h2>Kỳ đang mở</h2>", officeList, StringComparison.Ordinal);
        Assert.Contains("<h2>Kỳ đã quá hạn</h2>", officeList, StringComparison.Ordinal);
        Assert.Contains($"đã nhận 1/{expected} báo cáo, 1 đúng hạn", officeList, StringComparison.Ordinal);
        Assert.Contains($"/bao-cao/{currentReport}", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>Kỳ đã quá hạn</h2>", waiting, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(waiting, @"href=""/bao-cao/[0-9a-f-]{36}"""));

        // A province user reads the commune it picks, with the links keeping the pick.
        using var province = await app.ClientAsync("tinh");
        var commune = await app.CommuneIdAsync("Diễn Châu");
        var provinceList = WebUtility.HtmlDecode(await province.GetStringAsync(new Uri($"/bao-cao?xa={commune}", UriKind.Relative), Ct));
        Assert.Contains("<h2>Kỳ đang mở</h2>", provinceList, StringComparison.Ordinal);
        Assert.Contains($"/bao-cao/{currentReport}?xa={commune}", provinceList, StringComparison.Ordinal);
        var provinceReport = await province.GetAsync(new Uri($"/bao-cao/{currentReport}?xa={commune}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, provinceReport.StatusCode);
        Assert.DoesNotContain("id=\"xu-ly\"", await provinceReport.BodyAsync(), StringComparison.Ordinal);
    }
}
