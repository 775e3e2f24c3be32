using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Figures;
using RoViec.Web.Features.Scheduling;
using RoViec.Web.Features.Scores;

namespace RoViec.Web.Tests;

/// <summary>
/// Several plans in force at once (issue 16, ADR 0009): a second monthly plan kept beside the work programme reports in
/// the programme's periods — one report per unit per month, its lines grouped by plan — and is counted by the month's
/// figures, while a closed month stays as it was; a campaign reports in its own weeks; bad answers change nothing.
/// </summary>
public sealed class SeveralPlansTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A short Đề án 06 plan of the same commune: two tasks the commune police lead, one the office leads.</summary>
    public static byte[] SecondPlan(int year) => Encoding.UTF8.GetBytes(
        $"ỦY BAN NHÂN DÂN XÃ\n\nSố: 45/KH-UBND\n\nngày 2 tháng 12 năm {year}\n\nKẾ HOẠCH\n\nTriển khai Đề án 06 trên địa bàn xã năm {year}\n\n" +
        "I. NHIỆM VỤ\n\n" +
        "TT\tNhiệm vụ\tChủ trì\tPhối hợp\tSản phẩm\tThời hạn\n" +
        $"1\tLàm sạch dữ liệu dân cư của các thôn trong cơ sở dữ liệu quốc gia\tCông an xã\tVăn phòng HĐND và UBND xã\tDữ liệu dân cư đúng, đủ, sạch, sống\t31/12/{year}\n" +
        $"2\tHướng dẫn người dân kích hoạt tài khoản định danh điện tử mức độ 2\tCông an xã\tĐoàn Thanh niên\tSố tài khoản được kích hoạt\t31/12/{year}\n" +
        $"3\tRà soát thủ tục hành chính liên thông khai sinh, thường trú, bảo hiểm y tế\tVăn phòng HĐND và UBND xã\tCông an xã\tDanh sách thủ tục đã rà soát\t31/12/{year}\n");

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task A_second_monthly_plan_reports_in_the_same_monthly_form_and_a_closed_month_stays_as_it_was(string provider)
    {
        await using var on = AppOn.Create(provider, clock: new TestClock(new DateOnly(2026, 12, 10), 10));
        var app = on.App;
        var police = await app.UnitIdAsync("cong-an");
        var programme = await app.WithDbAsync(db => db.Plans.AsNoTracking().SingleAsync(p => p.Status == PlanStatuses.Active, Ct));
        var (november, _, novemberReports) = await app.OpenMonthAsync(11);
        await app.FillAsync(novemberReports.Single(r => r.Value == police).Key, ReportStates.Verified);
        await app.WithDbAsync(db => db.Periods.Where(p => p.Id == november).ExecuteUpdateAsync(u => u.SetProperty(p => p.State, PeriodStates.Closed), Ct));
        await RescoreAsync(app, november);
        var novemberScores = await ScoresAsync(app, november);
        var novemberTasks = await FigureTasksAsync(app, november);
        var (december, _, decemberReports) = await app.OpenMonthAsync(12);
        var (decemberTasksBefore, programmeTask) = await app.WithDbAsync(async db =>
            (await db.Tasks.CountAsync(t => t.PlanId == programme.Id, Ct), await db.Tasks.Where(t => t.PlanId == programme.Id).OrderBy(t => t.Order).Select(t => t.Name).FirstAsync(Ct)));
        var policeDecember = decemberReports.Single(r => r.Value == police).Key;
        var linesBefore = await app.WithDbAsync(db => db.ReportItems.CountAsync(i => i.ReportId == policeDecember, Ct));

        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var draft = await review.DraftAsync(SecondPlan(2026), "de-an-06.txt");
        var asked = WebUtility.HtmlDecode(await (await review.PostAsync($"/nhap-ke-hoach/{draft}?handler=Confirm", ("knowingly", "true"))).Content.ReadAsStringAsync(Ct));
        Assert.Contains("id=\"cung-thuc-hien\"", asked, StringComparison.Ordinal);
        Assert.Contains("mỗi đơn vị vẫn chỉ một báo cáo mỗi kỳ", asked, StringComparison.Ordinal);
        var kept = await review.PostAsync($"/nhap-ke-hoach/{draft}?handler=Confirm", ("replace", "none"), ("knowingly", "true"), ("rhythm", PlanRhythms.Monthly), ("field", "Đề án 06"));
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.EndsWith($"/ke-hoach/{draft}", kept.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);

        // Both in force; the new plan reports with the programme and has no calendar of its own.
        var second = await app.WithDbAsync(db => db.Plans.AsNoTracking().SingleAsync(p => p.Id == draft, Ct));
        Assert.Equal((PlanStatuses.Active, programme.Id, "Đề án 06"), (second.Status, second.ReportsWithPlanId!.Value, second.Field));
        Assert.Equal(PlanStatuses.Active, await app.WithDbAsync(db => db.Plans.Where(p => p.Id == programme.Id).Select(p => p.Status).SingleAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.Periods.AnyAsync(p => p.PlanId == draft, Ct)));

        // The scheduler's next look gives the December reports being written the new plan's lines: one report per unit.
        await app.Services.GetRequiredService<ScheduledWork>().RunOnceAsync(Ct);
        Assert.Single(await app.WithDbAsync(db => db.Periods.Where(p => p.Kind == PeriodKinds.Monthly && p.Number == 12).ToListAsync(Ct)));
        var perUnit = await app.WithDbAsync(db => db.Reports.Where(r => r.PeriodId == december).GroupBy(r => r.UnitId).Select(g => g.Count()).ToListAsync(Ct));
        Assert.All(perUnit, n => Assert.Equal(1, n));
        var secondTasks = await app.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.PlanId == draft).OrderBy(t => t.Order).ToListAsync(Ct));
        Assert.Equal(3, secondTasks.Count);
        var policeLines = await app.WithDbAsync(db => db.ReportItems.AsNoTracking().Where(i => i.ReportId == policeDecember).ToListAsync(Ct));
        Assert.Equal(linesBefore + 3, policeLines.Count); // two tasks it leads, one it coordinates on
        Assert.Equal(2, policeLines.Count(l => l.Kind == ReportItemKinds.Task && secondTasks.Any(t => t.Id == l.TaskId)));
        Assert.Single(policeLines, l => l.Kind == ReportItemKinds.Contribution && l.TaskId == secondTasks[2].Id);

        // The form shows the lines plan by plan, under each plan's title.
        using var reporter = await app.SignedInClientAsync("congan");
        var form = WebUtility.HtmlDecode(await reporter.GetStringAsync(new Uri($"/bao-cao/{policeDecember}", UriKind.Relative), Ct));
        var first = form.IndexOf($"Kế hoạch: {programme.Title}", StringComparison.Ordinal);
        var then = form.IndexOf($"Kế hoạch: {second.Title}", StringComparison.Ordinal);
        Assert.True(first > 0 && then > first, "the form does not group its lines by plan, the programme first");
        Assert.True(form.IndexOf(secondTasks[0].Name, StringComparison.Ordinal) > then);

        // The month's dashboard says which plans its figures cover.
        var dashboard = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/bang-dieu-khien?ky={december}", UriKind.Relative), Ct));
        Assert.Contains("id=\"cac-ke-hoach\"", dashboard, StringComparison.Ordinal);
        Assert.Contains(second.Title, dashboard, StringComparison.Ordinal);
        // One plan alone: its three tasks only; a plan the month does not cover is not found.
        var alone = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/bang-dieu-khien?ky={december}&ke-hoach={draft}", UriKind.Relative), Ct));
        Assert.Contains("Nhiệm vụ và chỉ tiêu của một kế hoạch:", alone, StringComparison.Ordinal);
        var view = await app.WithDbAsync(async db => RoViec.Web.Features.Dashboards.DashboardView.Of(
            await PeriodSnapshots.ReadAsync(db, await db.Periods.AsNoTracking().SingleAsync(p => p.Id == december, Ct), app.Clock, Ct),
            RoViec.Web.Features.Dashboards.DashboardLens.Commune, draft));
        Assert.Equal(secondTasks.Select(t => t.Id).Order(), view.Tasks.Select(t => t.Id).Order());
        Assert.Equal(3, view.ByStatus.Sum(s => s.Count));
        using var elsewhere = await client.GetAsync(new Uri($"/bang-dieu-khien?ky={december}&ke-hoach={Guid.NewGuid()}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        // The scores page says its scores come from one report covering both plans.
        var scores = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/diem?ky={december}", UriKind.Relative), Ct));
        Assert.Contains("Điểm của mỗi đơn vị tính trên một báo cáo chung cho 2 kế hoạch:", scores, StringComparison.Ordinal);
        // The workbook, the Word report and the upward export of one plan: its three tasks, named so; another plan is a 404.
        var xlsx = new MemoryStream(await client.GetByteArrayAsync(new Uri($"/ky-bao-cao/{december}/so-lieu.xlsx?duthao=1&ke-hoach={draft}", UriKind.Relative), Ct));
        var sheetTasks = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Nhiệm vụ").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(secondTasks.Select(t => t.Name), sheetTasks.Select(r => (string?)r["Nhiệm vụ"]));
        using var docx = await client.GetAsync(new Uri($"/ky-bao-cao/{december}/bao-cao.docx?duthao=1&ke-hoach={draft}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Contains("ke-hoach-", docx.Content.Headers.ContentDisposition!.FileNameStar ?? docx.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await docx.Content.ReadAsStreamAsync(Ct), false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("0/3 nhiệm vụ đã hoàn thành", text, StringComparison.Ordinal);
            Assert.DoesNotContain($"0/{decemberTasksBefore} nhiệm vụ", text, StringComparison.Ordinal);
        }
        var upward = await client.GetStringAsync(new Uri($"/ky-bao-cao/{december}/xuat-len.csv?duthao=1&ke-hoach={draft}", UriKind.Relative), Ct);
        Assert.All(secondTasks, t => Assert.Contains(t.Name, upward, StringComparison.Ordinal));
        Assert.DoesNotContain(programmeTask, upward, StringComparison.Ordinal);
        foreach (var url in new[] { "so-lieu.xlsx", "bao-cao.docx", "xuat-len.csv" })
        {
            using var notCovered = await client.GetAsync(new Uri($"/ky-bao-cao/{december}/{url}?duthao=1&ke-hoach={Guid.NewGuid()}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.NotFound, notCovered.StatusCode);
        }

        // December's figures count the second plan's tasks; November, closed before it came, is unchanged.
        var decemberTasks = await FigureTasksAsync(app, december);
        Assert.All(secondTasks, t => Assert.Contains(t.Id, decemberTasks));
        Assert.Equal(novemberTasks, await FigureTasksAsync(app, november));
        await RescoreAsync(app, november);
        Assert.Equal(novemberScores, await ScoresAsync(app, november));

        // Once December closes, the public page names its plans and shows one alone; a plan it does not cover is a 404.
        await app.WithDbAsync(async db =>
        {
            await db.Periods.Where(p => p.Id == december).ExecuteUpdateAsync(u => u.SetProperty(p => p.State, PeriodStates.Closed), Ct);
            db.PublicPages.Add(new PublicPage { Id = Guid.NewGuid(), CommuneId = programme.CommuneId, Slug = "xa-thu", Enabled = true, Version = Guid.NewGuid() });
            return await db.SaveChangesAsync(Ct);
        });
        using var citizen = app.CreateClient();
        var all = WebUtility.HtmlDecode(await citizen.GetStringAsync(new Uri("/cong-khai/xa-thu?ky=2026-12", UriKind.Relative), Ct));
        Assert.Contains("Số liệu gồm 2 kế hoạch:", all, StringComparison.Ordinal);
        var one = WebUtility.HtmlDecode(await citizen.GetStringAsync(new Uri($"/cong-khai/xa-thu?ky=2026-12&ke-hoach={draft}", UriKind.Relative), Ct));
        Assert.Contains($"Chỉ tiêu và lĩnh vực của một kế hoạch: {second.Title}.", one, StringComparison.Ordinal);
        using var unknown = await citizen.GetAsync(new Uri($"/cong-khai/xa-thu?ky=2026-12&ke-hoach={Guid.NewGuid()}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>A plan kept beside the programme that reports quarterly has lines only in the quarter's last month: none in November, in December.</summary>
    [Fact]
    public async Task A_quarterly_plan_reports_in_the_last_month_of_the_quarter_only()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 11, 10), 10) };
        var police = await app.UnitIdAsync("cong-an");
        var (_, _, novemberReports) = await app.OpenMonthAsync(11);
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var draft = await review.DraftAsync(SecondPlan(2026), "de-an-06.txt");
        var kept = await review.PostAsync($"/nhap-ke-hoach/{draft}?handler=Confirm", ("replace", "none"), ("knowingly", "true"), ("rhythm", PlanRhythms.Quarterly));
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var plan = await app.WithDbAsync(db => db.Plans.AsNoTracking().SingleAsync(p => p.Id == draft, Ct));
        Assert.Equal(PlanRhythms.Quarterly, plan.Rhythm);
        Assert.NotNull(plan.ReportsWithPlanId);
        await app.Services.GetRequiredService<ScheduledWork>().RunOnceAsync(Ct);
        var ownTasks = await app.WithDbAsync(db => db.Tasks.Where(t => t.PlanId == draft).Select(t => t.Id).ToListAsync(Ct));
        Task<int> LinesAsync(Guid report) => app.WithDbAsync(db => db.ReportItems.CountAsync(i => i.ReportId == report && i.TaskId != null && ownTasks.Contains(i.TaskId.Value), Ct));
        Assert.Equal(0, await LinesAsync(novemberReports.Single(r => r.Value == police).Key));
        var (_, _, decemberReports) = await app.OpenMonthAsync(12);
        Assert.Equal(3, await LinesAsync(decemberReports.Single(r => r.Value == police).Key));
    }

    [Fact]
    public async Task A_campaign_reports_in_its_own_weeks_and_bad_answers_change_nothing()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 9), 10) };
        var police = await app.UnitIdAsync("cong-an");
        await app.OpenMonthAsync(12);
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var draft = await review.DraftAsync(SecondPlan(2026), "chien-dich.txt");

        foreach (var (fields, message) in new[]
        {
            (new[] { ("rhythm", PlanRhythms.Weekly) }, "Chiến dịch báo cáo hằng tuần cần ngày kết thúc."),
            ([("rhythm", PlanRhythms.Weekly), ("endsOn", "2026-12-01")], "Ngày kết thúc của chiến dịch đã qua"),
            ([("rhythm", PlanRhythms.Weekly), ("endsOn", "31/01/2027")], "Ngày kết thúc chiến dịch không hợp lệ"),
            ([("rhythm", PlanRhythms.Weekly), ("endsOn", "2028-06-01")], "dài nhất một năm"),
            ([("rhythm", "Daily")], "Nhịp báo cáo không hợp lệ"),
            ([("field", new string('x', 101))], "dài quá 100 ký tự"),
        })
        {
            var refused = await review.PostAsync($"/nhap-ke-hoach/{draft}?handler=Confirm", [("replace", "none"), ("knowingly", "true"), .. fields]);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
            Assert.Equal(PlanStatuses.Draft, await app.WithDbAsync(db => db.Plans.Where(p => p.Id == draft).Select(p => p.Status).SingleAsync(Ct)));
            Assert.False(await app.WithDbAsync(db => db.Periods.AnyAsync(p => p.PlanId == draft, Ct)));
        }

        var confirmed = await review.PostAsync($"/nhap-ke-hoach/{draft}?handler=Confirm", ("replace", "none"), ("knowingly", "true"),
            ("rhythm", PlanRhythms.Weekly), ("endsOn", "2027-01-10"), ("field", "Chiến dịch"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var campaign = await app.WithDbAsync(db => db.Plans.AsNoTracking().SingleAsync(p => p.Id == draft, Ct));
        Assert.Equal((PlanRhythms.Weekly, (Guid?)null, new DateOnly(2026, 12, 9), new DateOnly(2027, 1, 10)),
            (campaign.Rhythm, campaign.ReportsWithPlanId, campaign.StartsOn!.Value, campaign.EndsOn!.Value));

        // Weeks Monday to Sunday from the week of 9 December (a Wednesday) to the week of 10 January; due on Fridays.
        var weeks = await app.WithDbAsync(db => db.Periods.AsNoTracking().Where(p => p.PlanId == draft).OrderBy(p => p.StartsOn).ToListAsync(Ct));
        Assert.All(weeks, w => Assert.Equal(PeriodKinds.Weekly, w.Kind));
        Assert.Equal(new DateOnly(2026, 12, 7), weeks[0].StartsOn);
        Assert.Equal(new DateOnly(2027, 1, 10), weeks[^1].EndsOn);
        Assert.Equal(5, weeks.Count);
        Assert.Equal(("Tuần 1 (07/12–13/12/2026)", new DateOnly(2026, 12, 11), new DateOnly(2026, 12, 14)), (weeks[0].Label, weeks[0].UnitDueOn, weeks[0].CompileDueOn));

        // The scheduler opens this week: the police get a weekly report with the campaign's lines only, and their
        // monthly report does not carry the campaign.
        await app.Services.GetRequiredService<ScheduledWork>().RunOnceAsync(Ct);
        var weekly = await app.WithDbAsync(db => db.Reports.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.PeriodId == weeks[0].Id && r.UnitId == police, Ct));
        var campaignTasks = await app.WithDbAsync(db => db.Tasks.Where(t => t.PlanId == draft).Select(t => t.Id).ToListAsync(Ct));
        Assert.All(weekly.Items, i => Assert.Contains(i.TaskId!.Value, campaignTasks));
        Assert.Equal(3, weekly.Items.Count);
        var monthly = await app.WithDbAsync(db => db.ReportItems.AsNoTracking()
            .Where(i => db.Reports.Any(r => r.Id == i.ReportId && r.UnitId == police && db.Periods.Any(p => p.Id == r.PeriodId && p.Kind == PeriodKinds.Monthly)))
            .Select(i => i.TaskId).ToListAsync(Ct));
        Assert.DoesNotContain(monthly, t => t != null && campaignTasks.Contains(t.Value));
        Assert.False(await app.WithDbAsync(db => db.Reports.AnyAsync(r => r.PeriodId == weeks[1].Id, Ct)));
    }

    private static async Task RescoreAsync(RoViecApp app, Guid periodId)
    {
        using var scope = app.Services.CreateScope();
        await ScoreService.RecomputeAsync(scope.ServiceProvider.GetRequiredService<RoViecDbContext>(), periodId, "Khóa sổ", "kiểm thử",
            scope.ServiceProvider.GetRequiredService<TimeProvider>(), Ct);
    }

    private static Task<List<(Guid Unit, decimal Total)>> ScoresAsync(RoViecApp app, Guid periodId) =>
        app.WithDbAsync(db => db.UnitScores.AsNoTracking().Where(s => s.PeriodId == periodId).OrderBy(s => s.UnitId)
            .Select(s => new ValueTuple<Guid, decimal>(s.UnitId, s.Total)).ToListAsync(Ct));

    /// <summary>The tasks the month's figures (dashboard, official report) count, from a fresh snapshot.</summary>
    private static Task<List<Guid>> FigureTasksAsync(RoViecApp app, Guid periodId) =>
        app.WithDbAsync(async db =>
        {
            await PeriodSnapshots.MarkStaleAsync(db, periodId, Ct);
            var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == periodId, Ct);
            var figures = await PeriodSnapshots.ReadAsync(db, period, app.Clock, Ct);
            return figures.Tasks.Select(t => t.Id).Order().ToList();
        });
}
