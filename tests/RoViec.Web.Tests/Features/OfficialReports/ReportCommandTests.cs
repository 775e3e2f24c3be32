using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Figures;
using RoViec.Web.Features.OfficialReports;

namespace RoViec.Web.Tests;

/// <summary>
/// `roviec report …` as the province's scripts run it: the web application's own process, on a database file that
/// does not exist yet (so it creates the demo commune with its year first), writing the Word report and the workbook.
/// </summary>
public sealed class ReportCommandTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _directory = Directory.CreateTempSubdirectory("roviec-report-").FullName;

    public void Dispose()
    {
        RoViecApp.ReleaseSqlite($"Data Source={Path.Combine(_directory, "data", "roviec.db")}");
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The command on 24 November 2026 at 10:00, on a demo database that exists already.</summary>
    private Task<(int Exit, string Out, string Error)> RunAsync(params string[] arguments) => RunOnAsync("2026-11-24T10:00", existing: true, arguments);

    /// <summary>The demo database with its year as a first start on <paramref name="now"/> creates it: the run's template for that clock.</summary>
    private static string DemoDatabase(string now)
    {
        using var app = new RoViecApp
        {
            Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(RoViec.Web.Shared.Time.AppClock.Parse(now)!.Value),
            Settings = new Dictionary<string, string> { ["RoViec:Demo:History"] = "true" },
        };
        return app.SqliteTemplateFile();
    }

    /// <param name="now">The day and hour the command runs on (Vietnam time), whatever the machine's date.</param>
    /// <param name="existing">Whether the demo database exists already; otherwise the command creates it.</param>
    private async Task<(int Exit, string Out, string Error)> RunOnAsync(string now, bool existing, params string[] arguments)
    {
        if (existing)
        {
            Directory.CreateDirectory(Path.Combine(_directory, "data"));
            File.Copy(DemoDatabase(now), Path.Combine(_directory, "data", "roviec.db"));
        }
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RoViec.Web.dll"));
        start.ArgumentList.Add("report");
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--DataDirectory");
        start.ArgumentList.Add(Path.Combine(_directory, "data"));
        start.ArgumentList.Add("--RoViec:Demo:History=true");
        start.Environment["ROVIEC_ADMIN_PASSWORD"] = RoViecApp.AdminPassword;
        // The command runs on the test's day, not the machine's: the demo year it creates is 2026 up to 24 November.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["RoViec__Clock__Now"] = now;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task The_command_creates_the_demo_database_and_writes_the_month_as_on_the_dashboard()
    {
        var (exit, output, error) = await RunOnAsync("2026-11-24T10:00", existing: false, "monthly", "--period", "2026-10", "--out", "bao-cao.docx", "--xlsx", "so-lieu.xlsx");

        Assert.True(exit == 0, error);
        Assert.Contains("Đã ghi", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "data", "roviec.db")));

        // The figures the dashboard reads for October, from the database the command created.
        var options = new DbContextOptionsBuilder<RoViec.Data.RoViecDbContext>();
        options.UseRoViecDatabase($"Data Source={Path.Combine(_directory, "data", "roviec.db")}");
        await using var db = new RoViec.Data.RoViecDbContext(options.Options);
        var october = await db.Periods.SingleAsync(p => p.Kind == PeriodKinds.Monthly && p.Year == 2026 && p.Number == 10, Ct);
        var figures = await PeriodSnapshots.ReadAsync(db, october, new TestClock(new DateOnly(2026, 11, 24), 10), Ct);
        var expected = MonthlyReportDocx.Summary(figures.Report);

        using (var doc = WordprocessingDocument.Open(Path.Combine(_directory, "bao-cao.docx"), false))
        {
            var paragraphs = doc.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(MonthlyReportArrange.ParagraphText).ToList();
            Assert.Contains(expected, paragraphs);
            Assert.Contains(paragraphs, p => p.Contains("tháng 10/2026", StringComparison.Ordinal));
        }

        var sheets = MiniExcel.GetSheetNames(Path.Combine(_directory, "so-lieu.xlsx"));
        Assert.Equal(["Tổng hợp", "Báo cáo đơn vị", "Tình trạng", "Nhiệm vụ", "Chỉ tiêu", "Quá hạn", "Xếp hạng"], sheets);
        var summary = MiniExcel.Query(Path.Combine(_directory, "so-lieu.xlsx"), useHeaderRow: true, sheetName: "Tổng hợp").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Nội dung"]!, r => r["Giá trị"]);
        Assert.Equal(figures.Report.Rate.Received, Convert.ToInt32(summary["Báo cáo đã nhận"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(figures.Report.TaskTotal, Convert.ToInt32(summary["Tổng số nhiệm vụ"], System.Globalization.CultureInfo.InvariantCulture));
        var tasks = MiniExcel.Query(Path.Combine(_directory, "so-lieu.xlsx"), useHeaderRow: true, sheetName: "Nhiệm vụ").Count();
        Assert.Equal(figures.Tasks.Count, tasks);
        var ranking = MiniExcel.Query(Path.Combine(_directory, "so-lieu.xlsx"), useHeaderRow: true, sheetName: "Xếp hạng").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(figures.Ranking.Select(r => r.Unit), ranking.Select(r => (string)r["Cơ quan, đơn vị"]!));
        Assert.Equal(figures.Ranking.Select(r => r.Total), ranking.Select(r => Convert.ToDecimal(r["Điểm"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_years_report_names_the_year_once_and_the_rest_of_it_as_coming_work()
    {
        var (exit, _, error) = await RunAsync("annual", "--period", "2026", "--out", "nam.docx");

        Assert.True(exit == 0, error);
        using var doc = WordprocessingDocument.Open(Path.Combine(_directory, "nam.docx"), false);
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(MonthlyReportArrange.ParagraphText).ToList();
        Assert.Contains("Kết quả thực hiện Chương trình công tác năm 2026", paragraphs);
        Assert.Contains("VI. NHIỆM VỤ TRỌNG TÂM TỪ NAY ĐẾN CUỐI NĂM 2026", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Trong năm 2026, ", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains("năm 2026 trong năm 2026", StringComparison.Ordinal));
        // The year's ranking is the average of its closed scored months, as /diem?nam=1 shows.
        Assert.Contains("Kết quả chấm điểm năm 2026 (trung bình điểm các tháng đã khóa sổ, thang điểm 100) như sau:", paragraphs);
    }

    [Theory]
    [InlineData(2, "Kỳ \"2026-13\" không đọc được", "monthly", "--period", "2026-13", "--out", "a.docx")]
    [InlineData(2, "không có kỳ báo cáo tháng 10/2025", "monthly", "--period", "2025-10", "--out", "a.docx")]
    [InlineData(2, "không có; hãy dùng monthly", "weekly", "--period", "2026-10", "--out", "a.docx")]
    [InlineData(2, "phải có đuôi .docx", "monthly", "--period", "2026-10", "--out", "a.pdf")]
    [InlineData(2, "Không có xã \"Hà Nội\"", "monthly", "--period", "2026-10", "--commune", "Hà Nội", "--out", "a.docx")]
    [InlineData(3, "chưa có báo cáo nào được Cơ quan thường trực xác minh", "monthly", "--period", "2026-12", "--out", "a.docx")]
    [InlineData(2, "bật “Báo cáo hằng quý”", "quarterly", "--period", "2026-Q3", "--out", "a.docx")]
    public async Task Bad_input_is_told_in_vietnamese_with_its_exit_code_and_writes_nothing(int code, string message, params string[] arguments)
    {
        var (exit, _, error) = await RunAsync(arguments);

        Assert.Equal(code, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory, "*.docx"));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public async Task A_month_that_has_not_opened_has_no_report_exit_3()
    {
        // On 20 November the demo's December has not opened (from the 23rd the office opens it ahead of its day).
        var (exit, _, error) = await RunOnAsync("2026-11-20T10:00", existing: true, "monthly", "--period", "2026-12", "--out", "a.docx");

        Assert.Equal(3, exit);
        Assert.Contains("chưa mở", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory, "*.docx"));
    }

    [Theory]
    [InlineData("monthly", "2026-10", 2026, 10)]
    [InlineData("monthly", "10/2026", 2026, 10)]
    [InlineData("quarterly", "2026-Q4", 2026, 4)]
    [InlineData("quarterly", "q2/2026", 2026, 2)]
    [InlineData("annual", "2026", 2026, 1)]
    public void Periods_are_read_as_people_write_them(string kind, string text, int year, int number)
    {
        var parsed = ReportCommand.Parse(["report", kind, "--period", text, "--out", "x.docx", "--ConnectionStrings:RoViec", "Data Source=x.db"],
            TextWriter.Null, TextWriter.Null, out var host, out var exit);

        Assert.Equal(0, exit);
        Assert.NotNull(parsed);
        Assert.Equal((year, number), (parsed.Year, parsed.Number));
        Assert.Equal(["--ConnectionStrings:RoViec", "Data Source=x.db"], host);
    }

    [Fact]
    public void The_environment_and_data_folder_that_roviec_report_passes_go_to_the_host()
    {
        // As ./roviec report runs it: the environment before the command's own words.
        var parsed = ReportCommand.Parse(["report", "--environment", "Demo", "--DataDirectory", "/srv/data", "monthly", "--period", "2026-10", "--out", "x.docx"],
            TextWriter.Null, TextWriter.Null, out var host, out var exit);

        Assert.Equal(0, exit);
        Assert.NotNull(parsed);
        Assert.Equal((2026, 10), (parsed.Year, parsed.Number));
        Assert.Equal(["--environment", "Demo", "--DataDirectory", "/srv/data"], host);
    }
}
