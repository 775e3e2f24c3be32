using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// The province's monthly report (Word and Excel) is compiled from accepted commune months only: a month the province
/// sends back leaves the sums and is listed with why; the layout follows the form; bad input is refused in Vietnamese.
/// </summary>
public sealed class ProvinceReportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> DemoProvince = new() { ["RoViec:Demo:History"] = "true", ["RoViec:Demo:Province"] = "true" };

    private static string Text(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>The key tasks on schedule and in all, summed in the test from the accepted summary rows of March.</summary>
    private static Task<(int OnSchedule, int All, int Accepted)> AcceptedKeyTasksAsync(RoViecApp app) => app.WithDbAsync(async db =>
    {
        var rows = await db.CommunePeriodSummaries.AsNoTracking()
            .Where(s => s.Kind == PeriodKinds.Monthly && s.Year == 2026 && s.Number == 3 && s.Approval == ApprovalStates.Accepted).ToListAsync(Ct);
        return (rows.Sum(r => r.KeyTasksOnSchedule), rows.Sum(r => r.KeyTasks), rows.Count);
    });

    [Fact]
    public async Task The_report_sums_only_accepted_months_and_lists_the_rest_with_why()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 5, 25), 10), Settings = DemoProvince };
        using var province = await app.SignedInClientAsync("tinh");
        const string March = "/tinh/chi-tieu-chung?handler=Word&nam=2026&thang=3";

        var before = await AcceptedKeyTasksAsync(app);
        Assert.Equal(5, before.Accepted);
        var first = await province.GetAsync(new Uri(March, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("bao-cao-tinh-2026-03.docx", first.Content.Headers.ContentDisposition?.FileNameStar ?? first.Content.Headers.ContentDisposition?.FileName);
        var text = Text(await first.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", text, StringComparison.Ordinal);
        Assert.Contains("Toàn tỉnh có 6 xã, phường, đặc khu; 5 có số liệu tháng 3/2026, 5 đã được tỉnh tiếp nhận số liệu", text, StringComparison.Ordinal);
        Assert.Contains($"{before.OnSchedule}/{before.All} nhiệm vụ trọng tâm đúng tiến độ", text, StringComparison.Ordinal);
        // Thái Hòa has no plan: left out as having no figures, never as zero.
        Assert.Contains("Thái Hòa\nChưa có số liệu tháng", text, StringComparison.Ordinal);
        Assert.Contains("IV. XẾP HẠNG", text, StringComparison.Ordinal);
        Assert.Contains("Triển khai họp trực tuyến đến 100% thôn, xóm, khối phố", text, StringComparison.Ordinal);

        // The province sends Đô Lương's March back: its figures leave the report, and it is listed as sent back.
        var doLuong = await app.CommuneIdAsync("Đô Lương");
        var march = await app.WithDbAsync(db => db.Periods.AsNoTracking().SingleAsync(p => p.CommuneId == doLuong && p.Kind == PeriodKinds.Monthly && p.Number == 3 && p.Year == 2026, Ct));
        var own = await app.WithDbAsync(db => db.CommunePeriodSummaries.AsNoTracking().SingleAsync(s => s.PeriodId == march.Id, Ct));
        var sentBack = await province.PostFormAsync($"/ky-bao-cao/{march.Id}/gui-tinh?xa={doLuong}", $"/ky-bao-cao/{march.Id}/gui-tinh?handler=Return", ("reason", "Số liệu chỉ tiêu chưa khớp."));
        Assert.Equal(HttpStatusCode.OK, sentBack.StatusCode);
        var after = await AcceptedKeyTasksAsync(app);
        Assert.Equal((before.OnSchedule - own.KeyTasksOnSchedule, before.All - own.KeyTasks, 4), after);
        var again = Text(await province.GetByteArrayAsync(new Uri(March, UriKind.Relative), Ct));
        Assert.Contains("5 có số liệu tháng 3/2026, 4 đã được tỉnh tiếp nhận số liệu", again, StringComparison.Ordinal);
        Assert.Contains($"{after.OnSchedule}/{after.All} nhiệm vụ trọng tâm đúng tiến độ", again, StringComparison.Ordinal);
        Assert.Contains("Đô Lương\nTỉnh trả lại", again, StringComparison.Ordinal);

        // The workbook carries the same figures.
        var workbook = await province.GetAsync(new Uri("/tinh/chi-tieu-chung?handler=Excel&nam=2026&thang=3", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        var sheets = await ReadSheetsAsync(await workbook.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("Xã chưa tính", sheets.Keys);
        Assert.Contains(sheets["Xã chưa tính"], row => row.Contains("Đô Lương") && row.Contains("Tỉnh trả lại"));
        Assert.Contains(sheets["Tổng hợp"], row => row.Contains($"{after.OnSchedule}/{after.All}"));
    }

    [Fact]
    public async Task The_layout_follows_the_form_and_bad_input_or_a_commune_is_refused()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 5, 25), 10), Settings = DemoProvince };
        using var province = await app.SignedInClientAsync("tinh");
        var party = Text(await province.GetByteArrayAsync(new Uri(
            "/tinh/chi-tieu-chung?handler=Word&nam=2026&thang=3&thethuc=dang&captren=" + Uri.EscapeDataString("Tỉnh ủy Nghệ An") + "&so=15&nguoiky=" + Uri.EscapeDataString("Nguyễn Văn A"), UriKind.Relative), Ct));
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", party, StringComparison.Ordinal);
        Assert.DoesNotContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", party, StringComparison.Ordinal);
        Assert.Contains("TỈNH ỦY NGHỆ AN", party, StringComparison.Ordinal);
        Assert.Contains("Số 15-BC/BCĐ", party, StringComparison.Ordinal);
        Assert.Contains("T/M BAN CHỈ ĐẠO", party, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn A", party, StringComparison.Ordinal);

        var bad = await province.GetAsync(new Uri("/tinh/chi-tieu-chung?handler=Word&nam=2026&thang=3&ngay=32/13/2026", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Ngày ban hành phải viết dạng dd/mm/yyyy", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var month = await province.GetAsync(new Uri("/tinh/chi-tieu-chung?handler=Word&nam=2026&thang=13", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, month.StatusCode);

        using var commune = await app.SignedInClientAsync("thuongtruc");
        var refused = await commune.GetAsync(new Uri("/tinh/chi-tieu-chung?handler=Word&nam=2026&thang=3", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    /// <summary>Every sheet's rows, each row as its cells' texts.</summary>
    private static async Task<Dictionary<string, List<List<string>>>> ReadSheetsAsync(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        var result = new Dictionary<string, List<List<string>>>(StringComparer.Ordinal);
        foreach (var name in MiniExcelLibs.MiniExcel.GetSheetNames(stream))
        {
            stream.Position = 0;
            var rows = (await MiniExcelLibs.MiniExcel.QueryAsync(stream, sheetName: name)).Cast<IDictionary<string, object?>>()
                .Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList()).ToList();
            result[name] = rows;
        }
        return result;
    }
}
