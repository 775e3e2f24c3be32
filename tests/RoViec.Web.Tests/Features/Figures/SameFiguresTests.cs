using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// The issue's "done when": on the demo commune with its simulated year, the committee head's dashboard, a unit's score
/// breakdown, the month's Word report and the public page show the same figures — and they are the database's.
/// </summary>
public sealed partial class SameFiguresTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_breakdown_report_and_public_page_agree_for_the_month()
    {
        await using var app = new RoViecApp
        {
            Clock = new TestClock(new DateOnly(2026, 11, 24), 10),
            Settings = new Dictionary<string, string> { ["RoViec:Demo:History"] = "true" },
        };
        var month = await app.WithDbAsync(db => db.Periods.AsNoTracking().SingleAsync(p => p.Kind == PeriodKinds.Monthly && p.Number == 10, Ct));

        // The database, counted here: expected reports, those that reached the office, and the stored scores.
        var reports = await app.WithDbAsync(db => db.Reports.AsNoTracking().Where(r => r.PeriodId == month.Id).ToListAsync(Ct));
        var received = reports.Count(r => r.State is ReportStates.Submitted or ReportStates.Returned or ReportStates.Verified);
        var scores = await app.WithDbAsync(db => db.UnitScores.AsNoTracking().Where(s => s.PeriodId == month.Id)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { s.UnitId, u.Name, s.Total, s.Rank, s.Band }).ToListAsync(Ct));
        Assert.NotEmpty(scores);
        var best = scores.OrderBy(s => s.Rank).ThenBy(s => s.Name, StringComparer.Ordinal).First();
        static string Pts(decimal v) => v.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

        // The committee head's dashboard.
        using var chair = await app.SignedInClientAsync("truongban");
        var dashboard = WebUtility.HtmlDecode(await chair.GetStringAsync(new Uri($"/bang-dieu-khien?ky={month.Id}", UriKind.Relative), Ct));
        Assert.Contains($"báo cáo đã nhận ({received}/{reports.Count})", dashboard, StringComparison.Ordinal);
        var troubled = Tile(dashboard, "d-troubled");
        var rankingRows = Rows(dashboard, "d-ranking");
        Assert.Equal(scores.Count, rankingRows.Count);

        // The unit's breakdown.
        var breakdown = WebUtility.HtmlDecode(await chair.GetStringAsync(new Uri($"/diem/{month.Id}/{best.UnitId}", UriKind.Relative), Ct));
        Assert.Equal(Pts(best.Total), Tile(breakdown, "score-total"));
        Assert.Contains(rankingRows, r => r.Contains(best.Name, StringComparison.Ordinal) && r.Contains(Pts(best.Total), StringComparison.Ordinal));

        // The month's Word report.
        using var office = await app.SignedInClientAsync("thuongtruc");
        var docx = await office.GetByteArrayAsync(new Uri($"/ky-bao-cao/{month.Id}/bao-cao.docx", UriKind.Relative), Ct);
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
        Assert.Contains($"{received}/{reports.Count} cơ quan, đơn vị đã gửi báo cáo", text, StringComparison.Ordinal);
        Assert.Contains($"{troubled} nhiệm vụ quá hạn hoặc có nguy cơ chậm", text, StringComparison.Ordinal);
        var table = doc.MainDocumentPart.Document.Body.Descendants<Table>()
            .First(t => t.Descendants<TableRow>().First().InnerText.Contains("Xếp loại", StringComparison.Ordinal));
        var docRows = table.Descendants<TableRow>().Skip(1).Select(r => r.Descendants<TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        Assert.Equal(scores.Count, docRows.Count);
        Assert.Contains(docRows, r => r[1] == best.Name && r[2] == Pts(best.Total) && r[3] == best.Band);
        Assert.Equal(2, doc.MainDocumentPart.ImageParts.Count());

        // The month's workbook and its upward export.
        var xlsx = new MemoryStream(await office.GetByteArrayAsync(new Uri($"/ky-bao-cao/{month.Id}/so-lieu.xlsx", UriKind.Relative), Ct));
        var summary = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Tổng hợp").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Nội dung"]!, r => Convert.ToString(r["Giá trị"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(received.ToString(System.Globalization.CultureInfo.InvariantCulture), summary["Báo cáo đã nhận"]);
        Assert.Equal(troubled, summary["Nhiệm vụ quá hạn hoặc có nguy cơ chậm"]);
        xlsx.Position = 0;
        var sheetRanking = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Xếp hạng").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(sheetRanking, r => (string?)r["Cơ quan, đơn vị"] == best.Name && Convert.ToDecimal(r["Điểm"], System.Globalization.CultureInfo.InvariantCulture) == best.Total && (string?)r["Xếp loại"] == best.Band);

        // The public page (the demo publishes its ranking).
        using var anonymous = app.CreateClient();
        var slug = await app.WithDbAsync(db => db.PublicPages.Select(p => p.Slug).SingleAsync(Ct));
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri($"/cong-khai/{slug}?ky=2026-10", UriKind.Relative), Ct));
        var publicRows = Rows(page, "pub-ranking");
        Assert.Equal(scores.Count, publicRows.Count);
        Assert.Contains(publicRows, r => r.Contains(best.Name, StringComparison.Ordinal) && r.Contains(Pts(best.Total), StringComparison.Ordinal) && r.Contains(best.Band, StringComparison.Ordinal));
    }

    private static string Tile(string html, string id) => Regex.Match(html, $"id=\"{id}\"><span class=\"big\">([^<]*)</span>").Groups[1].Value;

    private static List<string> Rows(string html, string tableId)
    {
        var start = html.IndexOf($"id=\"{tableId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, tableId);
        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        return [.. RowRegex().Matches(html[start..end]).Select(m => m.Value).Where(r => !r.Contains("<th>", StringComparison.Ordinal))];
    }

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();
}
