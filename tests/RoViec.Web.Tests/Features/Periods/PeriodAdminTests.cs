using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Domain.Text;

namespace RoViec.Web.Tests;

/// <summary>The standing office's periods: rules, opening a period early, ad-hoc requests, extensions; and the overview's figures.</summary>
public sealed class PeriodAdminTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<Guid> PlanIdAsync(RoViecApp app) =>
        app.WithDbAsync(db => db.Plans.Where(p => p.Status == PlanStatuses.Active).Select(p => p.Id).SingleAsync(Ct));

    private static Task<ReportingPeriod> MonthAsync(RoViecApp app, int month) =>
        app.WithDbAsync(db => db.Periods.AsNoTracking().SingleAsync(p => p.Kind == PeriodKinds.Monthly && p.Number == month, Ct));

    [Fact]
    public async Task The_confirmed_demo_plan_has_twelve_months_and_the_year_with_the_default_due_days()
    {
        await using var app = new RoViecApp();
        var planId = await PlanIdAsync(app);
        var periods = await app.WithDbAsync(db => db.Periods.AsNoTracking().Where(p => p.PlanId == planId).ToListAsync(Ct));

        Assert.Equal(12, periods.Count(p => p.Kind == PeriodKinds.Monthly));
        var march = periods.Single(p => p.Kind == PeriodKinds.Monthly && p.Number == 3);
        Assert.Equal("Tháng 3/2026", march.Label);
        Assert.Equal(new DateOnly(2026, 3, 20), march.UnitDueOn);
        Assert.Equal(new DateOnly(2026, 3, 22), march.CompileDueOn);
        var year = periods.Single(p => p.Kind == PeriodKinds.Annual);
        Assert.Equal(new DateOnly(2026, 11, 15), year.UnitDueOn);
        Assert.Equal(new DateOnly(2026, 11, 20), year.CompileDueOn);
        Assert.All(periods, p => Assert.Equal(PeriodStates.Scheduled, p.State));
    }

    [Fact]
    public async Task Opening_a_period_early_gives_each_unit_one_report_with_its_own_tasks_only()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var december = await MonthAsync(app, 12);

        using var response = await client.PostFormAsync("/ky-bao-cao", "/ky-bao-cao?handler=Open&id=" + december.Id, ("version", december.Version.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var police = await app.UnitIdAsync("cong-an");
        var (state, reports, policeTasks, policeLines, wrongLines) = await app.WithDbAsync(async db =>
        {
            var p = await db.Periods.AsNoTracking().SingleAsync(x => x.Id == december.Id, Ct);
            var reports = await db.Reports.AsNoTracking().Include(r => r.Items).Where(r => r.PeriodId == december.Id).ToListAsync(Ct);
            var tasks = await db.Tasks.CountAsync(t => t.LeadUnitId == police && t.DeadlineKind != "Done", Ct);
            var mine = reports.Single(r => r.UnitId == police).Items;
            var wrong = await db.ReportItems.Where(i => i.Kind == ReportItemKinds.Task && mine.Select(m => m.Id).Contains(i.Id))
                .Join(db.Tasks, i => i.TaskId, t => t.Id, (i, t) => t.LeadUnitId).CountAsync(l => l != police, Ct);
            return (p.State, reports, tasks, mine.Count(i => i.Kind == ReportItemKinds.Task), wrong);
        });
        Assert.Equal(PeriodStates.Open, state);
        Assert.Equal(reports.Count, reports.Select(r => r.UnitId).Distinct().Count());
        Assert.True(policeTasks > 0);
        Assert.Equal(policeTasks, policeLines);
        Assert.Equal(0, wrongLines);
        Assert.All(reports, r => Assert.Equal(ReportStates.Draft, r.State));
    }

    [Fact]
    public async Task Opening_twice_with_the_same_version_is_a_conflict_and_creates_nothing_more()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var december = await MonthAsync(app, 12);
        using var first = await client.PostFormAsync("/ky-bao-cao", "/ky-bao-cao?handler=Open&id=" + december.Id, ("version", december.Version.ToString()));
        var count = await app.WithDbAsync(db => db.Reports.CountAsync(r => r.PeriodId == december.Id, Ct));

        using var second = await client.PostFormAsync("/ky-bao-cao", "/ky-bao-cao?handler=Open&id=" + december.Id, ("version", december.Version.ToString()));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("hãy tải lại trang", await second.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(count, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.PeriodId == december.Id, Ct)));
    }

    [Fact]
    public async Task Changing_the_due_days_lays_out_the_scheduled_periods_again_and_keeps_an_open_one()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var december = await MonthAsync(app, 12);
        using var open = await client.PostFormAsync("/ky-bao-cao", "/ky-bao-cao?handler=Open&id=" + december.Id, ("version", december.Version.ToString()));
        var html = await client.GetStringAsync(new Uri("/ky-bao-cao", UriKind.Relative), Ct);

        using var response = await client.PostTokenFormAsync(html, "/ky-bao-cao?handler=Rules",
            ("Rules.UnitDueDay", "15"), ("Rules.CompileDueDay", "18"), ("Rules.Monthly", "true"), ("Rules.Quarterly", "false"),
            ("Rules.AnnualUnitDue", "10/11"), ("Rules.AnnualCompileDue", "20/11"), ("Rules.RequireHeadApproval", "true"),
            ("Rules.RemindDaysBefore", "3"), ("Rules.EscalateDaysAfter", "2"), ("Rules.Version", FormPosts.InputValue(html, "Rules.Version")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new DateOnly(2026, 11, 15), (await MonthAsync(app, 11)).UnitDueOn);
        Assert.Equal(new DateOnly(2026, 12, 20), (await MonthAsync(app, 12)).UnitDueOn);
        Assert.Equal(13, await app.WithDbAsync(db => db.Periods.CountAsync(p => p.Kind != PeriodKinds.AdHoc, Ct)));
        Assert.True(await app.WithDbAsync(db => db.ReportingRules.Select(r => r.RequireHeadApproval).SingleAsync(Ct)));
    }

    [Theory]
    [InlineData("Rules.UnitDueDay", "32", "từ 1 đến 31")]
    [InlineData("Rules.CompileDueDay", "10", "không được trước hạn báo cáo của đơn vị")]
    [InlineData("Rules.AnnualUnitDue", "31/11", "ngày/tháng")]
    public async Task Bad_rules_are_refused_with_a_message_and_nothing_changes(string field, string value, string message)
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var html = await client.GetStringAsync(new Uri("/ky-bao-cao", UriKind.Relative), Ct);
        var fields = new Dictionary<string, string>
        {
            ["Rules.UnitDueDay"] = "20",
            ["Rules.CompileDueDay"] = "22",
            ["Rules.Monthly"] = "true",
            ["Rules.AnnualUnitDue"] = "15/11",
            ["Rules.AnnualCompileDue"] = "20/11",
            ["Rules.RemindDaysBefore"] = "3",
            ["Rules.EscalateDaysAfter"] = "2",
            ["Rules.Version"] = FormPosts.InputValue(html, "Rules.Version"),
        };
        fields[field] = value;

        using var response = await client.PostTokenFormAsync(html, "/ky-bao-cao?handler=Rules", [.. fields.Select(f => (f.Key, f.Value))]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 3, 20), (await MonthAsync(app, 3)).UnitDueOn);
    }

    [Fact]
    public async Task Bad_rules_are_explained_in_english_when_the_reader_chose_english()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        (await client.GetAsync(new Uri("/ngon-ngu?culture=en&returnUrl=%2F", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        var html = await client.GetStringAsync(new Uri("/ky-bao-cao", UriKind.Relative), Ct);

        using var response = await client.PostTokenFormAsync(html, "/ky-bao-cao?handler=Rules",
            ("Rules.UnitDueDay", "32"), ("Rules.CompileDueDay", "22"), ("Rules.Monthly", "true"), ("Rules.AnnualUnitDue", "15/11"),
            ("Rules.AnnualCompileDue", "20/11"), ("Rules.RemindDaysBefore", "3"), ("Rules.EscalateDaysAfter", "2"), ("Rules.Version", FormPosts.InputValue(html, "Rules.Version")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = System.Net.WebUtility.HtmlDecode(await response.BodyAsync());
        Assert.Contains("The units' due day must be a day from 1 to 31.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("từ 1 đến 31", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ad_hoc_request_to_one_unit_opens_at_once_with_only_that_unit()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var police = await app.UnitIdAsync("cong-an");
        var due = app.Today.AddDays(7).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        using var response = await client.PostFormAsync("/ky-bao-cao", "/ky-bao-cao?handler=AdHoc",
            ("AdHoc.Title", "Báo cáo đột xuất Đề án 06"), ("AdHoc.Request", "Kết quả cấp tài khoản định danh điện tử"), ("AdHoc.UnitDue", due), ("AdHoc.UnitIds", police.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Báo cáo đột xuất Đề án 06", await response.BodyAsync(), StringComparison.Ordinal);
        var units = await app.WithDbAsync(db => db.Reports.Where(r => db.Periods.Any(p => p.Id == r.PeriodId && p.Kind == PeriodKinds.AdHoc)).Select(r => r.UnitId).ToListAsync(Ct));
        Assert.Equal([police], units);
    }

    [Fact]
    public async Task An_ad_hoc_request_due_in_the_past_is_refused_and_nothing_is_created()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");

        using var response = await client.PostFormAsync("/ky-bao-cao", "/ky-bao-cao?handler=AdHoc",
            ("AdHoc.Title", "Báo cáo đột xuất"), ("AdHoc.UnitDue", "01/01/2020"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("không được trước hôm nay", await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Periods.CountAsync(p => p.Kind == PeriodKinds.AdHoc, Ct)));
    }

    [Fact]
    public async Task An_extension_needs_a_later_day_and_a_reason_and_moves_the_units_due_day()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var december = await MonthAsync(app, 12);
        using var open = await client.PostFormAsync("/ky-bao-cao", "/ky-bao-cao?handler=Open&id=" + december.Id, ("version", december.Version.ToString()));
        var police = await app.UnitIdAsync("cong-an");
        var page = $"/ky-bao-cao/{december.Id}";

        using var noReason = await client.PostFormAsync(page, page + "?handler=Extend", ("ExtendUnitId", police.ToString()), ("ExtendDueOn", "28/12/2026"), ("ExtendReason", " "));
        using var tooEarly = await client.PostFormAsync(page, page + "?handler=Extend", ("ExtendUnitId", police.ToString()), ("ExtendDueOn", "10/12/2026"), ("ExtendReason", "Bận diễn tập"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Hãy ghi lý do gia hạn", await noReason.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooEarly.StatusCode);
        Assert.Contains("phải sau hạn chung của kỳ (20/12/2026)", await tooEarly.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.PeriodExtensions.CountAsync(Ct)));

        using var granted = await client.PostFormAsync(page, page + "?handler=Extend", ("ExtendUnitId", police.ToString()), ("ExtendDueOn", "28/12/2026"), ("ExtendReason", "Bận diễn tập phòng cháy"));

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var body = await granted.BodyAsync();
        Assert.Contains("Bận diễn tập phòng cháy", body, StringComparison.Ordinal);
        Assert.Contains("28/12/2026", body, StringComparison.Ordinal);
        var extension = await app.WithDbAsync(db => db.PeriodExtensions.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(("thuongtruc", new DateOnly(2026, 12, 28)), (extension.GrantedBy, extension.DueOn));
    }

    [Fact]
    public async Task A_unit_reporter_sees_only_its_own_line_of_a_period_and_cannot_open_one()
    {
        await using var app = new RoViecApp();
        using var office = await app.SignedInClientAsync("thuongtruc");
        var december = await MonthAsync(app, 12);
        using var open = await office.PostFormAsync("/ky-bao-cao", "/ky-bao-cao?handler=Open&id=" + december.Id, ("version", december.Version.ToString()));
        using var reporter = await app.SignedInClientAsync("congan");

        var html = await reporter.GetStringAsync(new Uri($"/ky-bao-cao/{december.Id}", UriKind.Relative), Ct);
        var november = await MonthAsync(app, 11);
        using var refused = await reporter.PostFormAsync("/ky-bao-cao", "/ky-bao-cao?handler=Open&id=" + november.Id, ("version", november.Version.ToString()));

        Assert.Contains("Công an xã", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Phòng Văn hóa", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(PeriodStates.Scheduled, (await MonthAsync(app, 11)).State);
    }

    [Fact]
    public async Task The_overview_counts_received_and_on_time_reports_of_the_period()
    {
        await using var app = new RoViecApp();
        using var office = await app.SignedInClientAsync("thuongtruc");
        var due = app.Today.AddDays(5).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        using var created = await office.PostFormAsync("/ky-bao-cao", "/ky-bao-cao?handler=AdHoc", ("AdHoc.Title", "Đột xuất tháng"), ("AdHoc.UnitDue", due));
        var (expected, periodId) = await app.WithDbAsync(async db =>
        {
            var period = await db.Periods.SingleAsync(p => p.Kind == PeriodKinds.AdHoc, Ct);
            var reports = await db.Reports.Where(r => r.PeriodId == period.Id).OrderBy(r => r.Id).ToListAsync(Ct);
            // Two units submitted (one of them already verified); the rest have not.
            foreach (var (report, state) in reports.Take(2).Zip([ReportStates.Submitted, ReportStates.Verified]))
            {
                report.State = state;
                report.FirstSubmittedAtUtc = report.SubmittedAtUtc = app.UtcNow;
            }
            await db.SaveChangesAsync(Ct);
            return (reports.Count, period.Id);
        });
        Assert.True(expected > 2);

        var html = await office.GetStringAsync(new Uri($"/tong-quan?ky={periodId}", UriKind.Relative), Ct);

        Assert.Contains($"id=\"tile-received\"><strong>2/{expected}</strong>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"tile-awaiting\"><strong>1</strong>", html, StringComparison.Ordinal);
        var onTime = Math.Round(2 * 100m / expected, 1).ToString("0.#", CultureInfo.GetCultureInfo("vi-VN")) + "%";
        Assert.Contains(onTime, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_reporter_is_refused_the_overview()
    {
        await using var app = new RoViecApp();
        using var reporter = await app.SignedInClientAsync("congan");

        using var response = await reporter.GetAsync(new Uri("/tong-quan", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
