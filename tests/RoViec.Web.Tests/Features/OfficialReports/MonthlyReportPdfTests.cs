using System.Text;
using UglyToad.PdfPig;

namespace RoViec.Web.Tests;

/// <summary>
/// The monthly report opens in a real word processor: LibreOffice converts it to PDF headless (scripts/test.sh
/// installs it), and the PDF has its pages and its text. Set ROVIEC_REPORT_OUT to a folder to keep the files.
/// </summary>
public sealed class MonthlyReportPdfTests(MonthlyReportFixture fixture) : IClassFixture<MonthlyReportFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LibreOffice_converts_the_report_to_a_pdf_with_its_title_and_figures()
    {
        var pdf = await LibreOffice.ToPdfAsync(fixture.Docx, "bao-cao-thang-12-2026.docx", Ct);
        using var document = PdfDocument.Open(pdf);
        Assert.InRange(document.NumberOfPages, 2, 40);
        var first = document.GetPage(1);
        // A4 portrait, in points.
        Assert.InRange(first.Width, 594, 597);
        Assert.InRange(first.Height, 840, 843);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text)).Normalize(NormalizationForm.FormC);
        var words = text.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("BÁOCÁO", words, StringComparison.Ordinal);
        Assert.Contains("CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM", words, StringComparison.Ordinal);
        Assert.Contains("tháng12/2026", words, StringComparison.Ordinal);
        Assert.Contains("45/50(90%)", words, StringComparison.Ordinal);
        Assert.Contains("TRƯỞNGBAN", words, StringComparison.Ordinal);
    }
}
