using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Web.Features.CrossChecks;

namespace RoViec.Web.Tests;

/// <summary>The inspection committee's cross-check at /kiem-tra-cheo: drawing the sample, recording results, the flags they leave.</summary>
public sealed class CrossCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Page = "/kiem-tra-cheo";

    private static Task<HttpResponseMessage> DrawAsync(HttpClient client, Guid periodId, int? size = null) =>
        client.PostFormAsync($"{Page}?ky={periodId}", $"{Page}?handler=Draw",
            ("period", periodId.ToString()), ("size", size?.ToString(CultureInfo.InvariantCulture) ?? ""));

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, CrossCheck check, string result, string note, Guid? version = null) =>
        client.PostFormAsync($"{Page}?ky={check.PeriodId}", $"{Page}?handler=Record",
            ("id", check.Id.ToString()), ("result", result), ("note", note), ("version", (version ?? check.Version).ToString()));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 3)]
    [InlineData(5, 5)]
    [InlineData(6, 5)]
    [InlineData(50, 5)]
    [InlineData(51, 6)]
    [InlineData(120, 12)]
    [InlineData(125, 13)]
    public void Default_sample_is_a_tenth_rounded_up_at_least_five_or_all_when_fewer(int eligible, int size)
    {
        Assert.Equal(size, DrawSample.DefaultSize(eligible));
    }

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Draw_takes_only_lines_of_verified_reports_and_a_redraw_adds_only_new_ones(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        // Every report verified except the police's, which is only submitted.
        var (periodId, _, reports) = await app.OpenMonthAsync(3);
        var police = await app.UnitIdAsync("cong-an");
        var lines = new List<Guid>();
        foreach (var (reportId, unit) in reports)
        {
            await app.FillAsync(reportId, unit == police ? ReportStates.Submitted : ReportStates.Verified);
            if (unit != police) lines.AddRange(await app.FilledLinesAsync(reportId));
        }
        Assert.True(lines.Count > 6, $"{lines.Count} verified lines");
        using var ubkt = await app.SignedInClientAsync("ubkt", RoViecApp.AdminPassword);

        var first = await DrawAsync(ubkt, periodId, 3);
        var afterFirst = await app.SampleAsync(periodId);
        var second = await DrawAsync(ubkt, periodId, 3);
        var afterSecond = await app.SampleAsync(periodId);
        var rest = await DrawAsync(ubkt, periodId, 1000);
        var all = await app.SampleAsync(periodId);
        var nothingLeft = await DrawAsync(ubkt, periodId);
        var html = await nothingLeft.BodyAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(3, afterFirst.Count);
        Assert.Equal(6, afterSecond.Count);
        Assert.Subset(afterSecond.Select(c => c.ItemId).ToHashSet(), afterFirst.Select(c => c.ItemId).ToHashSet());
        // Every verified line once, nothing of the submitted reports, and no line twice.
        Assert.Equal(lines.Order(), all.Select(c => c.ItemId).Order());
        Assert.DoesNotContain(all, c => c.UnitId == police);
        Assert.All(all, c => Assert.Equal(reports.Single(r => r.Value == c.UnitId).Value, c.UnitId));
        Assert.All(all, c => Assert.Equal(CrossCheckResults.Pending, c.Result));
        Assert.All(all, c => Assert.Equal("ubkt", c.DrawnBy));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        Assert.Equal(lines.Count, (await app.SampleAsync(periodId)).Count);
        Assert.Contains("không có dòng nào để chọn thêm", html, StringComparison.Ordinal);
        Assert.Equal(lines.Count.ToString(CultureInfo.InvariantCulture), FormPosts.ElementText(html, "so-dong-da-chon"));
    }

    [Fact]
    public async Task Default_draw_takes_a_tenth_of_the_verified_lines_with_a_minimum_of_five()
    {
        await using var app = new RoViecApp();
        // Every indicator owned by the police, so that the period has enough lines for a tenth to exceed five.
        var police = await app.UnitIdAsync("cong-an");
        await app.WithDbAsync(db => db.Indicators.ExecuteUpdateAsync(u => u.SetProperty(i => i.OwnerUnitId, police), Ct));
        var (periodId, _, reports) = await app.OpenMonthAsync(4);
        foreach (var reportId in reports.Keys) await app.FillAsync(reportId, ReportStates.Verified);
        var eligible = 0;
        foreach (var reportId in reports.Keys) eligible += (await app.FilledLinesAsync(reportId)).Count;
        using var ubkt = await app.SignedInClientAsync("ubkt", RoViecApp.AdminPassword);
        var page = await ubkt.GetStringAsync(new Uri($"{Page}?ky={periodId}", UriKind.Relative), Ct);

        var response = await DrawAsync(ubkt, periodId);

        var expected = Math.Max(5, (int)Math.Ceiling(eligible / 10.0));
        Assert.True(eligible > 50, $"{eligible} verified lines");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (await app.SampleAsync(periodId)).Count);
        Assert.Equal(eligible.ToString(CultureInfo.InvariantCulture), FormPosts.ElementText(page, "so-dong-xac-minh"));
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), FormPosts.InputValue(page, "size"));
        Assert.Contains($"Đã chọn thêm {expected} dòng", await response.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_whose_reports_are_not_verified_cannot_be_sampled()
    {
        await using var app = new RoViecApp();
        var (periodId, _, reports) = await app.OpenMonthAsync(5);
        foreach (var reportId in reports.Keys) await app.FillAsync(reportId, ReportStates.Submitted);
        using var ubkt = await app.SignedInClientAsync("ubkt", RoViecApp.AdminPassword);

        var response = await DrawAsync(ubkt, periodId, 10);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("chưa có báo cáo nào được Cơ quan thường trực xác minh", await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Empty(await app.SampleAsync(periodId));
    }

    [Fact]
    public async Task Sample_size_out_of_range_is_refused_and_nothing_drawn()
    {
        await using var app = new RoViecApp();
        var (periodId, _, _, _) = await app.PeriodWithOneVerifiedReportAsync("cong-an");
        using var ubkt = await app.SignedInClientAsync("ubkt", RoViecApp.AdminPassword);

        var zero = await DrawAsync(ubkt, periodId, 0);
        var words = await ubkt.PostFormAsync($"{Page}?ky={periodId}", $"{Page}?handler=Draw", ("period", periodId.ToString()), ("size", "mười"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, zero.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, words.StatusCode);
        Assert.Contains("Số dòng cần chọn phải là số nguyên từ 1 đến 1000", await words.BodyAsync(), StringComparison.Ordinal);
        Assert.Empty(await app.SampleAsync(periodId));
    }

    [Fact]
    public async Task The_page_defaults_to_the_latest_period_with_verified_reports_and_shows_the_sample_with_its_evidence()
    {
        await using var app = new RoViecApp();
        var (march, marchLabel, _, _) = await app.PeriodWithOneVerifiedReportAsync("cong-an", 3);
        var (_, _, june) = await app.OpenMonthAsync(6);
        foreach (var reportId in june.Keys) await app.FillAsync(reportId, ReportStates.Submitted);
        using var ubkt = await app.SignedInClientAsync("ubkt", RoViecApp.AdminPassword);
        await DrawAsync(ubkt, march, 2);

        var html = await ubkt.GetStringAsync(new Uri(Page, UriKind.Relative), Ct);

        // June has reports, none verified: March is the latest period with something to check.
        Assert.Contains($"<h2>{marchLabel}</h2>", html, StringComparison.Ordinal);
        Assert.Equal("2", FormPosts.ElementText(html, "so-dong-da-chon"));
        Assert.Contains("Công an", html, StringComparison.Ordinal);
        Assert.Contains("Công văn số 12/UBND", html, StringComparison.Ordinal);
        Assert.Contains("ngày 05/03/2026", html, StringComparison.Ordinal);
        Assert.Contains("Chọn mẫu ngẫu nhiên", html, StringComparison.Ordinal);
        Assert.Contains("Không xác nhận", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Not_confirmed_needs_a_note_and_then_flags_the_unit(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var (periodId, label, _, unitId) = await app.PeriodWithOneVerifiedReportAsync("cong-an");
        using var ubkt = await app.SignedInClientAsync("ubkt", RoViecApp.AdminPassword);
        await DrawAsync(ubkt, periodId, 2);
        var sample = await app.SampleAsync(periodId);
        var (doubtful, fine) = (sample[0], sample[1]);

        var withoutNote = await RecordAsync(ubkt, doubtful, CrossCheckResults.NotConfirmed, "   ");
        var unchanged = (await app.SampleAsync(periodId)).Single(c => c.Id == doubtful.Id);
        var withNote = await RecordAsync(ubkt, doubtful, CrossCheckResults.NotConfirmed, "Công văn số 12/UBND không có trong sổ văn bản đi");
        var confirmed = await RecordAsync(ubkt, fine, CrossCheckResults.Confirmed, "");
        var after = (await app.SampleAsync(periodId)).ToDictionary(c => c.Id);
        var flags = await app.WithDbAsync(db => CrossCheckFlags.ForUnitAsync(db, unitId, Ct));
        var communeFlags = await app.WithDbAsync(async db => await CrossCheckFlags.ForCommuneAsync(db, await db.Units.Where(u => u.Id == unitId).Select(u => u.CommuneId).SingleAsync(Ct), Ct));
        using var admin = await app.SignedInClientAsync();
        var unitPage = await admin.GetStringAsync(new Uri($"/to-chuc/don-vi/{unitId}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutNote.StatusCode);
        Assert.Contains("Không xác nhận thì phải ghi rõ lý do", await withoutNote.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(CrossCheckResults.Pending, unchanged.Result);
        Assert.Equal(doubtful.Version, unchanged.Version);
        Assert.Null(unchanged.CheckedAtUtc);
        Assert.Equal(HttpStatusCode.OK, withNote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(CrossCheckResults.NotConfirmed, after[doubtful.Id].Result);
        Assert.Equal("Công văn số 12/UBND không có trong sổ văn bản đi", after[doubtful.Id].Note);
        Assert.Equal("ubkt", after[doubtful.Id].CheckedBy);
        Assert.NotEqual(doubtful.Version, after[doubtful.Id].Version);
        Assert.Equal(CrossCheckResults.Confirmed, after[fine.Id].Result);
        Assert.Null(after[fine.Id].Note);
        var flag = Assert.Single(flags);
        Assert.Equal(doubtful.Id, flag.Id);
        Assert.Equal(label, flag.PeriodLabel);
        Assert.Equal([doubtful.Id], communeFlags.Select(f => f.Id));
        Assert.Contains("Kết quả kiểm tra chéo không xác nhận", unitPage, StringComparison.Ordinal);
        Assert.Contains("Công văn số 12/UBND không có trong sổ văn bản đi", unitPage, StringComparison.Ordinal);
        Assert.Contains(label, unitPage, StringComparison.Ordinal);
        Assert.Contains(flag.Line, System.Net.WebUtility.HtmlDecode(unitPage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_without_unconfirmed_lines_shows_an_empty_list_on_its_page()
    {
        await using var app = new RoViecApp();
        using var admin = await app.SignedInClientAsync();
        var unitId = await app.UnitIdAsync("cong-an");

        var unitPage = await admin.GetStringAsync(new Uri($"/to-chuc/don-vi/{unitId}", UriKind.Relative), Ct);

        Assert.Contains("Kết quả kiểm tra chéo không xác nhận", unitPage, StringComparison.Ordinal);
        Assert.Contains("Không có dòng báo cáo nào bị Ủy ban Kiểm tra không xác nhận", unitPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_from_a_stale_form_is_a_conflict_and_overwrites_nothing()
    {
        await using var app = new RoViecApp();
        var (periodId, _, _, _) = await app.PeriodWithOneVerifiedReportAsync("cong-an");
        using var ubkt = await app.SignedInClientAsync("ubkt", RoViecApp.AdminPassword);
        await DrawAsync(ubkt, periodId, 1);
        var shown = Assert.Single(await app.SampleAsync(periodId));
        await RecordAsync(ubkt, shown, CrossCheckResults.NotConfirmed, "Thiếu biên bản nghiệm thu");

        var stale = await RecordAsync(ubkt, shown, CrossCheckResults.Confirmed, "");
        var stored = Assert.Single(await app.SampleAsync(periodId));
        var body = System.Net.WebUtility.HtmlDecode(await stale.BodyAsync());

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(CrossCheckResults.NotConfirmed, stored.Result);
        Assert.Equal("Thiếu biên bản nghiệm thu", stored.Note);
        Assert.Contains("Người khác vừa ghi kết quả cho dòng này", body, StringComparison.Ordinal);
        Assert.Contains("Thiếu biên bản nghiệm thu", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standing_office_reads_the_sample_but_cannot_draw_or_record()
    {
        await using var app = new RoViecApp();
        var (periodId, _, _, _) = await app.PeriodWithOneVerifiedReportAsync("cong-an");
        using var ubkt = await app.SignedInClientAsync("ubkt", RoViecApp.AdminPassword);
        await DrawAsync(ubkt, periodId, 1);
        var check = Assert.Single(await app.SampleAsync(periodId));
        using var office = await app.SignedInClientAsync("thuongtruc", RoViecApp.AdminPassword);

        var page = await office.GetAsync(new Uri($"{Page}?ky={periodId}", UriKind.Relative), Ct);
        var html = await page.BodyAsync();
        var draw = await office.PostTokenFormAsync(html, $"{Page}?handler=Draw", ("period", periodId.ToString()), ("size", "5"));
        var record = await office.PostTokenFormAsync(html, $"{Page}?handler=Record", ("id", check.Id.ToString()), ("result", CrossCheckResults.Confirmed), ("note", ""), ("version", check.Version.ToString()));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Bạn chỉ xem được kết quả", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Chọn mẫu ngẫu nhiên</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Record", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, draw.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, record.StatusCode);
        var after = Assert.Single(await app.SampleAsync(periodId));
        Assert.Equal(CrossCheckResults.Pending, after.Result);
    }

    [Theory]
    [InlineData("congan")]
    [InlineData("thanhvien")]
    [InlineData("truongban")]
    [InlineData("tinh")]
    public async Task Other_roles_may_neither_read_nor_post(string userName)
    {
        await using var app = new RoViecApp();
        var (periodId, _, _, _) = await app.PeriodWithOneVerifiedReportAsync("cong-an");
        using var ubkt = await app.SignedInClientAsync("ubkt", RoViecApp.AdminPassword);
        await DrawAsync(ubkt, periodId, 1);
        var check = Assert.Single(await app.SampleAsync(periodId));
        using var client = await app.SignedInClientAsync(userName, RoViecApp.AdminPassword);
        var form = await client.GetStringAsync(new Uri("/tai-khoan", UriKind.Relative), Ct);

        var page = await client.GetAsync(new Uri($"{Page}?ky={periodId}", UriKind.Relative), Ct);
        var draw = await client.PostTokenFormAsync(form, $"{Page}?handler=Draw", ("period", periodId.ToString()), ("size", "5"));
        var record = await client.PostTokenFormAsync(form, $"{Page}?handler=Record", ("id", check.Id.ToString()), ("result", CrossCheckResults.Confirmed), ("note", ""), ("version", check.Version.ToString()));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, draw.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, record.StatusCode);
        Assert.Single(await app.SampleAsync(periodId));
        Assert.Equal(CrossCheckResults.Pending, (await app.SampleAsync(periodId))[0].Result);
    }

    [Fact]
    public async Task Another_communes_inspector_finds_neither_the_period_nor_its_lines()
    {
        await using var app = new RoViecApp();
        var (periodId, _, _, _) = await app.PeriodWithOneVerifiedReportAsync("cong-an");
        using var ubkt = await app.SignedInClientAsync("ubkt", RoViecApp.AdminPassword);
        await DrawAsync(ubkt, periodId, 1);
        var check = Assert.Single(await app.SampleAsync(periodId));
        var (otherCommune, _) = await app.CommuneAsync("Xã Hòa Bình");
        await app.UserAsync("ubkt-hoabinh", Roles.Inspector, otherCommune);
        using var other = await app.SignedInClientAsync("ubkt-hoabinh", RoViecApp.AdminPassword);
        var own = await other.GetAsync(new Uri(Page, UriKind.Relative), Ct);
        var ownHtml = await own.BodyAsync();

        var page = await other.GetAsync(new Uri($"{Page}?ky={periodId}", UriKind.Relative), Ct);
        var draw = await other.PostTokenFormAsync(ownHtml, $"{Page}?handler=Draw", ("period", periodId.ToString()), ("size", "5"));
        var record = await other.PostTokenFormAsync(ownHtml, $"{Page}?handler=Record", ("id", check.Id.ToString()), ("result", CrossCheckResults.NotConfirmed), ("note", "Thử ghi"), ("version", check.Version.ToString()));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Chưa có kỳ báo cáo nào có báo cáo đã được xác minh", ownHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, draw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, record.StatusCode);
        var after = Assert.Single(await app.SampleAsync(periodId));
        Assert.Equal(CrossCheckResults.Pending, after.Result);
    }
}
