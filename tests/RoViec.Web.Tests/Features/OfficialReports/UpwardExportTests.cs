using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using RoViec.Data.Entities;
using RoViec.Web.Features.OfficialReports;

namespace RoViec.Web.Tests;

/// <summary>
/// The period's figures for other programs on the demo year: the Excel workbook of the report's tables, the results
/// per indicator and task for upward systems (CSV and JSON), and the standing office's marks of what it entered upward.
/// </summary>
public sealed class UpwardExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RoViecApp App() => new()
    {
        Clock = new TestClock(new DateOnly(2026, 11, 24), 10),
        Settings = new Dictionary<string, string> { ["RoViec:Demo:History"] = "true" },
    };

    private static Task<ReportingPeriod> OctoberAsync(RoViecApp app) =>
        app.WithDbAsync(db => db.Periods.AsNoTracking().SingleAsync(p => p.Kind == PeriodKinds.Monthly && p.Number == 10, Ct));

    [Fact]
    public async Task The_workbook_has_a_sheet_per_table_with_the_databases_figures()
    {
        await using var app = App();
        var october = await OctoberAsync(app);
        using var office = await app.SignedInClientAsync("thuongtruc");

        using var response = await office.GetAsync(new Uri($"/ky-bao-cao/{october.Id}/so-lieu.xlsx", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("so-lieu-thang-10-2026.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(["Tổng hợp", "Báo cáo đơn vị", "Tình trạng", "Nhiệm vụ", "Chỉ tiêu", "Quá hạn", "Xếp hạng"], workbook.GetSheetNames());

        // Counted from the database here.
        var reports = await app.WithDbAsync(db => db.Reports.AsNoTracking().Where(r => r.PeriodId == october.Id).ToListAsync(Ct));
        var received = reports.Count(r => r.State is ReportStates.Submitted or ReportStates.Returned or ReportStates.Verified);
        var tasks = await app.WithDbAsync(db => db.Tasks.CountAsync(t => t.PlanId == october.PlanId, Ct));
        var scores = await app.WithDbAsync(db => db.UnitScores.AsNoTracking().Where(s => s.PeriodId == october.Id).OrderBy(s => s.Rank).Select(s => s.Total).ToListAsync(Ct));

        workbook.Position = 0;
        var summary = workbook.Query(useHeaderRow: true, sheetName: "Tổng hợp").Cast<IDictionary<string, object?>>().ToDictionary(r => (string)r["Nội dung"]!, r => r["Giá trị"]);
        Assert.Equal(reports.Count, Convert.ToInt32(summary["Cơ quan, đơn vị phải báo cáo"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(received, Convert.ToInt32(summary["Báo cáo đã nhận"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(tasks, Convert.ToInt32(summary["Tổng số nhiệm vụ"], System.Globalization.CultureInfo.InvariantCulture));
        workbook.Position = 0;
        Assert.Equal(reports.Count, workbook.Query(useHeaderRow: true, sheetName: "Báo cáo đơn vị").Count());
        workbook.Position = 0;
        Assert.Equal(tasks, workbook.Query(useHeaderRow: true, sheetName: "Nhiệm vụ").Count());
        workbook.Position = 0;
        var ranking = workbook.Query(useHeaderRow: true, sheetName: "Xếp hạng").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(scores, ranking.Select(r => Convert.ToDecimal(r["Điểm"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_upward_export_keys_every_indicator_and_task_by_code_in_csv_and_json()
    {
        await using var app = App();
        var october = await OctoberAsync(app);
        using var office = await app.SignedInClientAsync("thuongtruc");
        var indicators = await app.WithDbAsync(db => db.Indicators.CountAsync(i => i.PlanId == october.PlanId, Ct));
        var tasks = await app.WithDbAsync(db => db.Tasks.CountAsync(t => t.PlanId == october.PlanId, Ct));

        var csv = await office.GetByteArrayAsync(new Uri($"/ky-bao-cao/{october.Id}/xuat-len.csv", UriKind.Relative), Ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.NotEqual(Encoding.UTF8.GetPreamble(), csv[3..6]);
        var rows = new MemoryStream(csv[3..]).Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(indicators + tasks, rows.Count);
        Assert.Equal(indicators, rows.Count(r => (string?)r["Loại"] == "Chỉ tiêu"));
        Assert.Equal("CT01", rows.First(r => (string?)r["Loại"] == "Chỉ tiêu")["Mã"]);
        Assert.All(rows, r => Assert.Equal("Chưa", r["Đã nhập lên"]));
        // A reported indicator carries its result as text.
        Assert.Contains(rows, r => (string?)r["Loại"] == "Chỉ tiêu" && ((string?)r["Kết quả"])?.Length > 0);

        var json = await office.GetByteArrayAsync(new Uri($"/ky-bao-cao/{october.Id}/xuat-len.json", UriKind.Relative), Ct);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("Diễn Châu", document.RootElement.GetProperty("commune").GetString());
        Assert.Equal(indicators, document.RootElement.GetProperty("indicators").GetArrayLength());
        Assert.Equal(tasks, document.RootElement.GetProperty("tasks").GetArrayLength());
        var codes = document.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("code").GetString()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+84 912", "'+84 912")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("45/50 (90%)", "45/50 (90%)")]
    public void Cells_a_spreadsheet_would_run_are_neutralised(string text, string expected) => Assert.Equal(expected, UpwardExport.Cell(text));

    [Fact]
    public async Task Csv_quotes_commas_quotes_and_line_breaks()
    {
        var row = new UpwardExport.Row("chi-tieu:1", UpwardExport.IndicatorKind, Guid.NewGuid(), "CT01", "Tỷ lệ \"hồ sơ\", trực tuyến", "≥ 90%", "Dòng 1\nDòng 2", null, null, false);
        var csv = await UpwardExport.CsvAsync([row], Ct);
        var back = new MemoryStream(csv[3..]).Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object?>>().Single();
        Assert.Equal("Tỷ lệ \"hồ sơ\", trực tuyến", back["Tên"]);
        Assert.Equal("Dòng 1\nDòng 2", ((string?)back["Kết quả"])?.Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_office_marks_what_it_entered_upward_and_sees_what_changed_since()
    {
        await using var app = App();
        var october = await OctoberAsync(app);
        using var office = await app.SignedInClientAsync("thuongtruc");
        var page = $"/ky-bao-cao/{october.Id}/nhap-len";
        var html = await office.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        var indicator = await app.WithDbAsync(db => db.Indicators.Where(i => i.PlanId == october.PlanId).OrderBy(i => i.Order).Select(i => i.Id).FirstAsync(Ct));
        var task = await app.WithDbAsync(db => db.Tasks.Where(t => t.PlanId == october.PlanId).OrderBy(t => t.Order).Select(t => t.Id).FirstAsync(Ct));

        using var marked = await office.PostTokenFormAsync(html, page + "?handler=Mark", ("Chon", "chi-tieu:" + indicator), ("Chon", "nhiem-vu:" + task));
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var after = WebUtility.HtmlDecode(await marked.BodyAsync());
        Assert.Contains("Đã đánh dấu 2 mục", after, StringComparison.Ordinal);
        var entries = await app.WithDbAsync(db => db.UpwardEntries.AsNoTracking().ToListAsync(Ct));
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("thuongtruc", e.EnteredBy));

        // The text entered upward no longer matches what the period says now.
        await app.WithDbAsync(async db =>
        {
            var entry = await db.UpwardEntries.SingleAsync(e => e.TaskId == task, Ct);
            entry.Text = "Kết quả cũ";
            await db.SaveChangesAsync(Ct);
            return 0;
        });
        var csv = Encoding.UTF8.GetString(await office.GetByteArrayAsync(new Uri($"/ky-bao-cao/{october.Id}/xuat-len.csv", UriKind.Relative), Ct));
        Assert.Contains("Đã nhập, kết quả đã thay đổi", csv, StringComparison.Ordinal);
        var changed = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri(page, UriKind.Relative), Ct));
        Assert.Contains("Đã nhập 2/", changed, StringComparison.Ordinal);
        Assert.Contains("1 mục có kết quả thay đổi", changed, StringComparison.Ordinal);

        // Unknown items: refused, nothing saved.
        using var bad = await office.PostTokenFormAsync(changed, page + "?handler=Unmark", ("Chon", "chi-tieu:" + indicator), ("Chon", "nhiem-vu:" + Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.UpwardEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task Only_the_office_marks_the_chair_looks_and_a_unit_is_refused()
    {
        await using var app = App();
        var october = await OctoberAsync(app);
        var page = $"/ky-bao-cao/{october.Id}/nhap-len";
        using var chair = await app.SignedInClientAsync("truongban");
        var html = await chair.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        Assert.DoesNotContain("handler=Mark", html, StringComparison.Ordinal);
        using var post = await chair.PostTokenFormAsync(html, page + "?handler=Mark", ("Chon", "chi-tieu:" + Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        using var unit = await app.SignedInClientAsync("congan");
        foreach (var path in new[] { page, $"/ky-bao-cao/{october.Id}/xuat-len.csv", $"/ky-bao-cao/{october.Id}/so-lieu.xlsx" })
        {
            using var response = await unit.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        using var office = await app.SignedInClientAsync("thuongtruc");
        using var unknown = await office.GetAsync(new Uri($"/ky-bao-cao/{Guid.NewGuid()}/xuat-len.json", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
