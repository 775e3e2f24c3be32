using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.OfficialReports;

/// <summary>
/// `roviec report monthly|quarterly|annual --period 2026-10 [--commune ID|NAME] --out FILE.docx [--xlsx FILE.xlsx]`:
/// the official report of a period written from the local database, the same document the standing office
/// downloads (layout profile, kept narrative, snapshot figures). The host starts as for serving — migrations, and
/// the demo commune with its history when the database is empty — but listens on nothing. Files are written whole
/// or not at all. Exit codes: 0 written; 2 bad command line, unknown commune or period, or a file that cannot be
/// written; 3 the period has no verified report yet (<c>--chua-xac-minh</c> writes it anyway, marked).
/// </summary>
public static partial class ReportCommand
{
    public const int Ok = 0;
    public const int Bug = 1;
    public const int BadInput = 2;
    public const int NoVerifiedData = 3;

    /// <param name="Kind">One of <see cref="PeriodKinds"/> (monthly, quarterly, annual).</param>
    public sealed record Request(string Kind, int Year, int Number, string PeriodText, string? Commune, string? Docx, string? Xlsx, bool Unverified);

    /// <summary>Whether the process was started for a report rather than to serve.</summary>
    public static bool Requested(string[] args) => args is ["report", ..];

    /// <summary>
    /// Reads the report's command line. Configuration for the host ("--ConnectionStrings:RoViec …",
    /// "--DataDirectory …", "--RoViec:…") is passed on in <paramref name="hostArgs"/>. Null with an exit code when the
    /// line is wrong or only asked for help (the message is written to <paramref name="error"/> or <paramref name="output"/>).
    /// </summary>
    public static Request? Parse(string[] args, TextWriter output, TextWriter error, out string[] hostArgs, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (own, host) = Shared.Hosting.HostArguments.Split(args[1..]);
        hostArgs = host;

        var kind = new Argument<string>("loai") { Description = "monthly | quarterly | annual (báo cáo tháng, quý, năm)" };
        var period = new Option<string>("--period") { Description = "Kỳ báo cáo: 2026-10 (tháng), 2026-Q4 (quý), 2026 (năm) (the period)", Required = true };
        var commune = new Option<string?>("--commune") { Description = "Mã hoặc tên xã, khi cơ sở dữ liệu có nhiều xã (the commune's id or name)" };
        var docx = new Option<string?>("--out") { Description = "Tệp Word (.docx) được ghi (the Word file to write)" };
        var xlsx = new Option<string?>("--xlsx") { Description = "Tệp Excel (.xlsx) cùng số liệu (the workbook with the same figures)" };
        var unverified = new Option<bool>("--chua-xac-minh") { Description = "Vẫn ghi báo cáo khi kỳ chưa có báo cáo nào được xác minh (write it even without verified reports)" };
        var root = new RootCommand("roviec report: ghi báo cáo kết quả thực hiện của một kỳ từ cơ sở dữ liệu (write a period's official report)")
        {
            kind, period, commune, docx, xlsx, unverified,
        };
        var parsed = root.Parse(own);
        if (own.Any(a => a is "-h" or "--help" or "-?"))
        {
            parsed.Invoke(new InvocationConfiguration { Output = output, EnableDefaultExceptionHandler = false });
            exitCode = Ok;
            return null;
        }
        exitCode = BadInput;
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine("Câu lệnh không hợp lệ: " + string.Join("; ", parsed.Errors.Select(e => e.Message))
                + " (invalid command line; see roviec report --help). Ví dụ: roviec report monthly --period 2026-10 --out bao-cao.docx");
            return null;
        }
        var kindValue = (parsed.GetValue(kind) ?? "").Trim().ToLowerInvariant() switch
        {
            "monthly" or "thang" or "tháng" => PeriodKinds.Monthly,
            "quarterly" or "quy" or "quý" => PeriodKinds.Quarterly,
            "annual" or "yearly" or "nam" or "năm" => PeriodKinds.Annual,
            _ => null,
        };
        if (kindValue is null)
        {
            error.WriteLine($"Loại báo cáo \"{parsed.GetValue(kind)}\" không có; hãy dùng monthly (tháng), quarterly (quý) hoặc annual (năm) (unknown report kind).");
            return null;
        }
        var periodText = parsed.GetValue(period)!.Trim();
        if (!TryPeriod(kindValue, periodText, out var year, out var number))
        {
            error.WriteLine(kindValue switch
            {
                PeriodKinds.Monthly => $"Kỳ \"{periodText}\" không đọc được; báo cáo tháng viết --period 2026-10 hoặc 10/2026 (a month is written 2026-10).",
                PeriodKinds.Quarterly => $"Kỳ \"{periodText}\" không đọc được; báo cáo quý viết --period 2026-Q4 (a quarter is written 2026-Q4).",
                _ => $"Kỳ \"{periodText}\" không đọc được; báo cáo năm viết --period 2026 (a year is written 2026).",
            });
            return null;
        }
        var docxPath = parsed.GetValue(docx);
        var xlsxPath = parsed.GetValue(xlsx);
        if (docxPath is null && xlsxPath is null)
        {
            error.WriteLine("Hãy cho biết tệp cần ghi: --out bao-cao.docx và/hoặc --xlsx so-lieu.xlsx (name the file to write).");
            return null;
        }
        if (docxPath is not null && !docxPath.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine($"Tệp \"{docxPath}\" phải có đuôi .docx (the Word file must end in .docx).");
            return null;
        }
        if (xlsxPath is not null && !xlsxPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine($"Tệp \"{xlsxPath}\" phải có đuôi .xlsx (the workbook must end in .xlsx).");
            return null;
        }
        exitCode = Ok;
        return new Request(kindValue, year, number, periodText, parsed.GetValue(commune), docxPath, xlsxPath, parsed.GetValue(unverified));
    }

    /// <summary>"2026-10", "10/2026", "2026-Q4", "Q4/2026", "2026".</summary>
    public static bool TryPeriod(string kind, string text, out int year, out int number)
    {
        year = number = 0;
        var t = (text ?? "").Trim().ToUpperInvariant();
        Match m;
        switch (kind)
        {
            case PeriodKinds.Monthly:
                m = MonthPattern().Match(t);
                if (!m.Success) return false;
                (year, number) = m.Groups["y1"].Success ? (Int(m.Groups["y1"].Value), Int(m.Groups["m1"].Value)) : (Int(m.Groups["y2"].Value), Int(m.Groups["m2"].Value));
                return number is >= 1 and <= 12 && year is >= 2000 and <= 2100;
            case PeriodKinds.Quarterly:
                m = QuarterPattern().Match(t);
                if (!m.Success) return false;
                (year, number) = m.Groups["y1"].Success ? (Int(m.Groups["y1"].Value), Int(m.Groups["q1"].Value)) : (Int(m.Groups["y2"].Value), Int(m.Groups["q2"].Value));
                return number is >= 1 and <= 4 && year is >= 2000 and <= 2100;
            default:
                if (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out year)) return false;
                number = 1;
                return year is >= 2000 and <= 2100;
        }
    }

    /// <summary>Writes the report asked for; the database is the host's.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, Request request, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        var communes = await db.Communes.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var chosen = request.Commune is null
            ? (communes.Count == 1 ? communes[0] : null)
            : communes.FirstOrDefault(c => string.Equals(c.Id.ToString(), request.Commune.Trim(), StringComparison.OrdinalIgnoreCase)
                || RoViec.Domain.Text.VietnameseText.Fold(c.Name) == RoViec.Domain.Text.VietnameseText.Fold(request.Commune.Trim()));
        if (chosen is null)
        {
            var list = string.Join(", ", communes.Select(c => $"{c.Name} ({c.Id})"));
            error.WriteLine(request.Commune is null
                ? $"Cơ sở dữ liệu có {communes.Count} xã; hãy chọn bằng --commune: {list} (several communes; choose one with --commune)."
                : $"Không có xã \"{request.Commune}\". Các xã hiện có: {(list.Length == 0 ? "chưa có" : list)} (no such commune).");
            return BadInput;
        }
        // The operator chose one commune: the rest of the command sees only it.
        db.Boundary.Enclose([chosen.Id]);

        var period = await db.Periods.AsNoTracking()
            .Where(p => p.CommuneId == chosen.Id && p.Kind == request.Kind && p.Year == request.Year && (p.Kind == PeriodKinds.Annual || p.Number == request.Number))
            .OrderByDescending(p => p.State != PeriodStates.Scheduled).FirstOrDefaultAsync(ct);
        var label = Label(request);
        if (period is null)
        {
            var existing = await db.Periods.AsNoTracking().Where(p => p.CommuneId == chosen.Id && p.Kind == request.Kind)
                .OrderBy(p => p.Year).ThenBy(p => p.Number).Select(p => p.Label).Distinct().ToListAsync(ct);
            error.WriteLine($"Xã {chosen.Name} không có kỳ báo cáo {label}. "
                + (existing.Count > 0 ? "Các kỳ hiện có: " + string.Join(", ", existing) + "."
                    : request.Kind == PeriodKinds.Quarterly
                        ? "Xã chưa có kỳ báo cáo quý: Cơ quan thường trực bật “Báo cáo hằng quý” trong Quy định báo cáo tại trang Kỳ báo cáo (/ky-bao-cao)."
                        : "Xã chưa có kỳ báo cáo loại này.")
                + $" (no such period: {request.PeriodText})");
            return BadInput;
        }
        if (await DownloadMonthlyReport.NotReadyAsync(db, period, ct) is { } notReady
            && (period.State == PeriodStates.Scheduled || !request.Unverified))
        {
            error.WriteLine(period.State == PeriodStates.Scheduled ? notReady.ToString()
                : notReady.ToString() + " Chưa ghi báo cáo. Thêm --chua-xac-minh để vẫn ghi (nội dung được ghi chú “chưa xác minh”).");
            return NoVerifiedData;
        }

        var today = clock.VietnamToday();
        var files = new List<(string Path, byte[] Bytes)>();
        if (request.Docx is { } docxPath)
        {
            var settings = await OfficialReport.SettingsAsync(db, period, today, ct);
            files.Add((docxPath, (await OfficialReport.WriteDocxAsync(db, period, settings, clock, ct)).Content));
        }
        if (request.Xlsx is { } xlsxPath) files.Add((xlsxPath, await PeriodWorkbook.WriteAsync(db, period, clock, ct)));

        if (WriteAll(files, error) is { } failure) return failure;
        foreach (var (path, bytes) in files)
            output.WriteLine($"Đã ghi {Path.GetFullPath(path)} ({bytes.Length.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} byte): báo cáo {label} của xã {chosen.Name}.");
        return Ok;
    }

    /// <summary>
    /// Writes every file or none: each goes to a temporary file beside its target first, and only when all are
    /// written are they moved into place.
    /// </summary>
    private static int? WriteAll(IReadOnlyList<(string Path, byte[] Bytes)> files, TextWriter error)
    {
        var written = new List<(string Temp, string Target)>();
        try
        {
            foreach (var (path, bytes) in files)
            {
                var target = Path.GetFullPath(path);
                var directory = Path.GetDirectoryName(target)!;
                if (!Directory.Exists(directory))
                {
                    error.WriteLine($"Thư mục \"{directory}\" không có; hãy tạo thư mục hoặc chọn nơi ghi khác (the folder does not exist).");
                    Clean(written);
                    return BadInput;
                }
                var temp = Path.Combine(directory, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
                File.WriteAllBytes(temp, bytes);
                written.Add((temp, target));
            }
            foreach (var (temp, target) in written) File.Move(temp, target, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Clean(written);
            error.WriteLine($"Không ghi được tệp: {ex.Message} (cannot write the file; nothing was written).");
            return BadInput;
        }
    }

    private static void Clean(IEnumerable<(string Temp, string Target)> written)
    {
        foreach (var (temp, _) in written)
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // Best effort: a leftover temporary file is harmless and named as one.
            }
        }
    }

    private static string Label(Request r) => r.Kind switch
    {
        PeriodKinds.Monthly => $"tháng {r.Number:00}/{r.Year}",
        PeriodKinds.Quarterly => $"quý {r.Number}/{r.Year}",
        _ => $"năm {r.Year}",
    };

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:(?<y1>\d{4})-(?<m1>\d{1,2})|(?<m2>\d{1,2})/(?<y2>\d{4}))$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(?:(?<y1>\d{4})-Q(?<q1>[1-4])|Q(?<q2>[1-4])/(?<y2>\d{4}))$")]
    private static partial Regex QuarterPattern();
}
