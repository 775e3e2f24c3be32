using System.Diagnostics;

namespace RoViec.Web.Tests;

/// <summary>
/// Converts a Word document to PDF with LibreOffice headless, as a reader's word processor lays it out (scripts/test.sh
/// installs it). With ROVIEC_REPORT_OUT set to a folder, the DOCX and the PDF are kept there to look at.
/// </summary>
public static class LibreOffice
{
    public static async Task<byte[]> ToPdfAsync(byte[] docx, string fileName, CancellationToken ct)
    {
        var soffice = Which("soffice");
        Assert.True(soffice is not null, "soffice (LibreOffice) is not installed; scripts/test.sh installs it");
        var dir = Directory.CreateTempSubdirectory("roviec-report-");
        try
        {
            var input = Path.Combine(dir.FullName, fileName);
            await File.WriteAllBytesAsync(input, docx, ct);
            var profile = new Uri(Path.Combine(dir.FullName, "profile")).AbsoluteUri;
            var start = new ProcessStartInfo(soffice!)
            {
                ArgumentList = { "-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir.FullName, input },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var pdf = Path.ChangeExtension(input, ".pdf");
            Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF: " + await error);

            if (Environment.GetEnvironmentVariable("ROVIEC_REPORT_OUT") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                File.Copy(input, Path.Combine(keep, Path.GetFileName(input)), overwrite: true);
                File.Copy(pdf, Path.Combine(keep, Path.GetFileName(pdf)), overwrite: true);
            }
            return await File.ReadAllBytesAsync(pdf, ct);
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
