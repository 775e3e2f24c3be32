using System.Diagnostics;
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
        var soffice = Which("soffice");
        Assert.True(soffice is not null, "soffice (LibreOffice) is not installed; scripts/test.sh installs it");
        var dir = Directory.CreateTempSubdirectory("roviec-report-");
        try
        {
            var docx = Path.Combine(dir.FullName, "bao-cao-thang-12-2026.docx");
            await File.WriteAllBytesAsync(docx, fixture.Docx, Ct);
            var profile = new Uri(Path.Combine(dir.FullName, "profile")).AbsoluteUri;
            var start = new ProcessStartInfo(soffice!)
            {
                ArgumentList = { "-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir.FullName, docx },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var pdf = Path.ChangeExtension(docx, ".pdf");
            Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF: " + await error);

            using (var document = PdfDocument.Open(pdf))
            {
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

            if (Environment.GetEnvironmentVariable("ROVIEC_REPORT_OUT") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                File.Copy(docx, Path.Combine(keep, Path.GetFileName(docx)), overwrite: true);
                File.Copy(pdf, Path.Combine(keep, Path.GetFileName(pdf)), overwrite: true);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string? Which(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, command)).FirstOrDefault(File.Exists);
}
