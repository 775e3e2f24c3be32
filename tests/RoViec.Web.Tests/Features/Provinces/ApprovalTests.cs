using System.Net;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// The levels of approval on the demo province: the commune's standing office approves its month and sends it up (not
/// while reports await verification), the province office sends it back with a reason or accepts it, accepted data is
/// locked, both sides see the state; another province's office never reaches it.
/// </summary>
public sealed class ApprovalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> DemoProvince = new()
    {
        ["RoViec:Demo:History"] = "true",
        ["RoViec:Demo:Province"] = "true",
    };

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Approve_send_back_approve_again_accept_and_the_month_is_locked(string provider)
    {
        var clock = new TestClock(new DateOnly(2026, 5, 25), 10);
        string? cs = null;
        if (provider == AppOn.Postgres)
        {
            var baseConnection = Environment.GetEnvironmentVariable("ROVIEC_TEST_PG");
            if (string.IsNullOrEmpty(baseConnection)) Assert.Fail("ROVIEC_TEST_PG is not set: run the tests through ./roviec test.");
            cs = new Npgsql.NpgsqlConnectionStringBuilder(baseConnection) { Database = $"roviec_web_{Guid.NewGuid():N}" }.ConnectionString;
        }
        await using var app = new RoViecApp { Clock = clock, Settings = DemoProvince, ConnectionString = cs };
        try
        {
            var communeId = await app.CommuneIdAsync("Diễn Châu");
            var november = await app.WithDbAsync(db => db.Periods.AsNoTracking()
                .SingleAsync(p => p.CommuneId == communeId && p.Kind == PeriodKinds.Monthly && p.Number == 5, Ct));
            var page = $"/ky-bao-cao/{november.Id}/gui-tinh?xa={communeId}";
            using var office = await app.SignedInClientAsync("thuongtruc");
            using var province = await app.SignedInClientAsync("tinh");

            // Two reports of November still await verification: the commune cannot send it up yet.
            var early = await office.PostFormAsync(page, $"/ky-bao-cao/{november.Id}/gui-tinh?handler=Approve");
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            var waiting = await app.WithDbAsync(db => db.Reports.CountAsync(r => r.PeriodId == november.Id && (r.State == ReportStates.Submitted || r.State == ReportStates.AwaitingApproval), Ct));
            Assert.True(waiting > 0, System.Text.RegularExpressions.Regex.Match(WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync(Ct)), "id=\"loi\">[^<]*").Value);
            var earlyText = WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync(Ct));
            Assert.True(earlyText.Contains($"Còn {waiting} báo cáo chưa xác minh", StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Match(earlyText, "id=\"loi\">[^<]*").Value);
            Assert.Null(await app.WithDbAsync(db => db.PeriodApprovals.AsNoTracking().FirstOrDefaultAsync(a => a.PeriodId == november.Id, Ct)));

            // Verified (here straight in the database), it goes up; the province office is told.
            await app.WithDbAsync(db => db.Reports.Where(r => r.PeriodId == november.Id && (r.State == ReportStates.Submitted || r.State == ReportStates.AwaitingApproval))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, ReportStates.Verified).SetProperty(r => r.VerifiedAtUtc, app.UtcNow), Ct));
            var approved = await office.PostFormAsync(page, $"/ky-bao-cao/{november.Id}/gui-tinh?handler=Approve");
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            Assert.Equal(ApprovalStates.Approved, await StateAsync(app, november.Id));
            Assert.Equal(ApprovalStates.Approved, await app.WithDbAsync(db => db.CommunePeriodSummaries.Where(s => s.PeriodId == november.Id).Select(s => s.Approval).SingleAsync(Ct)));
            var tinh = await app.UserIdAsync("tinh");
            Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == tinh && n.Title.Contains("Diễn Châu"), Ct)));

            // Sent back: a reason is required; with it, the commune reads it.
            var bare = await province.PostFormAsync(page, $"/ky-bao-cao/{november.Id}/gui-tinh?handler=Return", ("reason", "  "));
            Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
            Assert.Contains("Hãy ghi lý do trả lại", WebUtility.HtmlDecode(await bare.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
            Assert.Equal(ApprovalStates.Approved, await StateAsync(app, november.Id));
            const string Why = "Chỉ tiêu tỷ lệ hồ sơ trực tuyến chưa khớp số liệu Cổng dịch vụ công.";
            Assert.Equal(HttpStatusCode.OK, (await province.PostFormAsync(page, $"/ky-bao-cao/{november.Id}/gui-tinh?handler=Return", ("reason", Why))).StatusCode);
            Assert.Equal(ApprovalStates.Returned, await StateAsync(app, november.Id));
            Assert.Contains(Why, WebUtility.HtmlDecode(await office.GetStringAsync(new Uri(page, UriKind.Relative), Ct)), StringComparison.Ordinal);
            // The province cannot accept what is not approved.
            Assert.Equal(HttpStatusCode.Conflict, (await province.PostFormAsync(page, $"/ky-bao-cao/{november.Id}/gui-tinh?handler=Accept")).StatusCode);

            // Approved again and accepted: locked, shown on the cockpit; a correction is refused.
            Assert.Equal(HttpStatusCode.OK, (await office.PostFormAsync(page, $"/ky-bao-cao/{november.Id}/gui-tinh?handler=Approve")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await province.PostFormAsync(page, $"/ky-bao-cao/{november.Id}/gui-tinh?handler=Accept")).StatusCode);
            Assert.Equal(ApprovalStates.Accepted, await StateAsync(app, november.Id));
            var cockpit = WebUtility.HtmlDecode(await province.GetStringAsync(new Uri("/tinh?nam=2026&thang=5", UriKind.Relative), Ct));
            Assert.Matches($"<tr data-commune=\"{communeId}\"[^>]*>(?:(?!</tr>).)*Tỉnh đã tiếp nhận", cockpit.ReplaceLineEndings(" "));
            var report = await app.WithDbAsync(db => db.Reports.AsNoTracking().Include(r => r.Items)
                .FirstAsync(r => r.PeriodId == november.Id && r.State == ReportStates.Verified && r.Items.Any(i => i.Kind == ReportItemKinds.Task && i.Percent != null && i.Percent < 100), Ct));
            var line = report.Items.First(i => i.Kind == ReportItemKinds.Task && i.Percent is not null and < 100);
            var correction = await office.PostReportAsync(report.Id, "Correct", ("item", line.Id.ToString()), ("field", "percent"), ("value", (line.Percent!.Value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("reason", "Bổ sung minh chứng."));
            Assert.Equal(HttpStatusCode.Conflict, correction.StatusCode);
            Assert.Contains("đã khóa", WebUtility.HtmlDecode(await correction.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
            Assert.Equal(line.Percent, (await app.ReportAsync(report.Id)).Items.Single(i => i.Id == line.Id).Percent);

            // A unit's reporter does not see the way up; another province's office does not even find it.
            using var reporter = await app.SignedInClientAsync("congan");
            Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync(new Uri(page, UriKind.Relative), Ct)).StatusCode);
            await app.CommuneAsync("Thạch Hà", "Hà Tĩnh");
            await app.UserAsync("tinhkhac", Roles.ProvinceOffice, null, await app.ProvinceIdAsync("Hà Tĩnh"));
            using var other = await app.SignedInClientAsync("tinhkhac");
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(page, UriKind.Relative), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/tinh", $"/ky-bao-cao/{november.Id}/gui-tinh?handler=Return", ("reason", "x"))).StatusCode);
            Assert.Equal(ApprovalStates.Accepted, await StateAsync(app, november.Id));
            Assert.Empty(app.ServerErrors());
        }
        finally
        {
            if (provider == AppOn.Postgres) await app.WithDbAsync(db => db.Database.EnsureDeletedAsync(Ct));
        }
    }

    private static Task<string?> StateAsync(RoViecApp app, Guid periodId) =>
        app.WithDbAsync(db => db.PeriodApprovals.AsNoTracking().Where(a => a.PeriodId == periodId).Select(a => a.State).FirstOrDefaultAsync(Ct));
}
