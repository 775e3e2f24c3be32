using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Scores;

namespace RoViec.Web.Tests;

/// <summary>
/// The year's report (issue 16, "The year turns"): generated from the year's data like the month's — the tasks not done
/// with the cause their units gave and the year they were carried into, each indicator against its target with the
/// year's latest value (a month's, when the annual report did not repeat it), the year's ranking — and its figures are
/// the dashboard's for the whole year.
/// </summary>
public sealed partial class AnnualReportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Cause = "Chưa được cấp kinh phí mua thiết bị";

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task The_year_report_lists_unfinished_tasks_with_causes_takes_the_years_latest_values_and_agrees_with_the_year_dashboard(string provider)
    {
        await using var on = AppOn.Create(provider, clock: new TestClock(new DateOnly(2026, 12, 10), 10));
        var app = on.App;
        var police = await app.UnitIdAsync("cong-an");

        // October: the police verified; one task it cannot do, with its reason; an indicator of 77.
        var (october, _, reports) = await app.OpenMonthAsync(10);
        var policeReport = reports.Single(r => r.Value == police).Key;
        await app.FillAsync(policeReport, ReportStates.Verified);
        var (stuck, indicatorId, stuckName, indicatorName) = await app.WithDbAsync(async db =>
        {
            var items = await db.ReportItems.Where(i => i.ReportId == policeReport).OrderBy(i => i.Order).ToListAsync(Ct);
            var line = items.First(i => i.Kind == ReportItemKinds.Task);
            line.TaskStatus = ReportedTaskStatuses.CannotDo;
            line.Percent = 10;
            line.Reason = Cause;
            var value = items.First(i => i.Kind == ReportItemKinds.Indicator);
            value.Value = 77;
            await db.SaveChangesAsync(Ct);
            var task = await db.Tasks.SingleAsync(t => t.Id == line.TaskId, Ct);
            var indicator = await db.Indicators.SingleAsync(i => i.Id == value.IndicatorId, Ct);
            return (task, indicator.Id, task.Name, indicator.Name);
        });
        await app.WithDbAsync(db => db.Periods.Where(p => p.Id == october).ExecuteUpdateAsync(u => u.SetProperty(p => p.State, PeriodStates.Closed), Ct));
        using (var scope = app.Services.CreateScope())
        {
            await ScoreService.RecomputeAsync(scope.ServiceProvider.GetRequiredService<RoViecDbContext>(), october, "Khóa sổ", "kiểm thử",
                scope.ServiceProvider.GetRequiredService<TimeProvider>(), Ct);
        }

        // The year's period: opened and closed, the police's annual report sent without the indicator's value.
        var year = await app.WithDbAsync(async db =>
        {
            var period = await db.Periods.SingleAsync(p => p.Kind == PeriodKinds.Annual && p.Year == 2026 && p.PlanId == stuck.PlanId, Ct);
            await Features.Periods.OpenPeriod.OpenAsync(db, period, new DateTime(2026, 11, 1, 3, 0, 0, DateTimeKind.Utc), Ct);
            return period.Id;
        });
        var annualReport = await app.WithDbAsync(db => db.Reports.Where(r => r.PeriodId == year && r.UnitId == police).Select(r => r.Id).SingleAsync(Ct));
        await app.FillAsync(annualReport, ReportStates.Submitted);
        await app.WithDbAsync(async db =>
        {
            await db.ReportItems.Where(i => i.ReportId == annualReport && i.Kind == ReportItemKinds.Indicator)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Value, (decimal?)null), Ct);
            return await db.Periods.Where(p => p.Id == year).ExecuteUpdateAsync(u => u.SetProperty(p => p.State, PeriodStates.Closed), Ct);
        });

        // Next year's plan carries the task over.
        await app.WithDbAsync(async db =>
        {
            var next = new Plan
            {
                Id = Guid.NewGuid(),
                CommuneId = stuck.CommuneId,
                Kind = "KH",
                Title = "Kế hoạch năm 2027",
                Year = 2027,
                SourceFileName = "ke-hoach-2027.txt",
                Source = new PlanSource { Text = "" },
                Status = PlanStatuses.Active,
            };
            db.Plans.Add(next);
            db.Tasks.Add(new PlanTaskRow
            {
                Id = Guid.NewGuid(),
                CommuneId = stuck.CommuneId,
                PlanId = next.Id,
                Order = 1,
                Source = TaskSources.CarriedOver,
                Section = "Nhiệm vụ chuyển tiếp từ năm 2026",
                Name = stuck.Name,
                DeadlineKind = "Date",
                ReplacesTaskId = stuck.Id,
                Version = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync(Ct);
        });

        using var office = await app.SignedInClientAsync("thuongtruc");
        var docx = await office.GetByteArrayAsync(new Uri($"/ky-bao-cao/{year}/bao-cao.docx", UriKind.Relative), Ct);
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var text = string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText));

        // The tasks not done, with the cause the police gave and the year it went on in.
        Assert.Contains("1. Nhiệm vụ chưa hoàn thành và nguyên nhân", text, StringComparison.Ordinal);
        var unfinished = TableWith(body, "Nguyên nhân, hướng xử lý");
        var row = Assert.Single(unfinished, r => r[1].Contains(stuckName[..40], StringComparison.Ordinal));
        Assert.Equal("Không thể thực hiện", row[4]);
        Assert.Contains(Cause + ".", row[5], StringComparison.Ordinal);
        Assert.Contains("Chuyển tiếp sang năm 2027.", row[5], StringComparison.Ordinal);
        Assert.Contains("1 nhiệm vụ đã chuyển tiếp sang kế hoạch năm sau", text, StringComparison.Ordinal);

        // The indicator with October's value, though the annual report left it empty.
        var indicators = TableWith(body, "Kết quả (số liệu mới nhất)");
        Assert.Contains(indicators, r => r[1].StartsWith(indicatorName[..30], StringComparison.OrdinalIgnoreCase) && r[3].StartsWith("77", StringComparison.Ordinal));

        // The year on the dashboard: the same figures.
        var dashboard = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/bang-dieu-khien?nam=2026&ky={year}", UriKind.Relative), Ct));
        Assert.Contains("id=\"ca-nam\"", dashboard, StringComparison.Ordinal);
        var rate = RateTile().Match(dashboard);
        Assert.True(rate.Success, "the reporting-rate tile");
        Assert.Contains($"{rate.Groups[1].Value}/{rate.Groups[2].Value} cơ quan, đơn vị đã gửi báo cáo", text, StringComparison.Ordinal);
        Assert.Contains($"{Tile(dashboard, "d-troubled")} nhiệm vụ quá hạn hoặc có nguy cơ chậm", text, StringComparison.Ordinal);
        var met = Tile(dashboard, "d-indicators").Split('/');
        Assert.NotEqual("0", met[1]);
        Assert.Contains($"trong số {met[1]} chỉ tiêu đánh giá được trong kỳ, {met[0]} chỉ tiêu đạt mục tiêu", text, StringComparison.Ordinal);
        var ranking = TableWith(body, "Xếp loại");
        Assert.NotEmpty(ranking);
        Assert.Equal(ranking.Count, RowCount(dashboard, "d-ranking"));
        Assert.Contains("trung bình điểm các tháng đã khóa sổ", text, StringComparison.Ordinal);
        Assert.Contains($"value=\"{year}\" selected", dashboard, StringComparison.Ordinal);
    }

    private static List<string[]> TableWith(Body body, string header) =>
        body.Descendants<Table>().First(t => t.Descendants<TableRow>().First().InnerText.Contains(header, StringComparison.Ordinal))
            .Descendants<TableRow>().Skip(1).Select(r => r.Descendants<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(p => p.InnerText))).ToArray()).ToList();

    private static string Tile(string html, string id) => Regex.Match(html, $"id=\"{id}\"><span class=\"big\">([^<]*)</span>").Groups[1].Value;

    private static int RowCount(string html, string tableId)
    {
        var start = html.IndexOf($"id=\"{tableId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, tableId);
        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        return Regex.Count(html[start..end], "<tr data-unit=");
    }

    [GeneratedRegex(@"báo cáo đã nhận \((\d+)/(\d+)\)")]
    private static partial Regex RateTile();
}
