using RoViec.Web.Shared.Outcomes;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Files;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Reports;

/// <summary>
/// Which evidence files are taken: documents, spreadsheets and pictures, by their extension AND their first
/// bytes (an ".exe" renamed ".pdf" is refused), at most <see cref="MaxBytes"/> each. The content type
/// stored and served is the one of the extension, never the one the browser claimed. Refusals are sentences: the
/// file's name and size are their arguments, a kind's name ("ảnh JPG") is translated inside.
/// </summary>
public static class EvidenceFiles
{
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>How many first bytes tell a file's type (<see cref="CheckContent"/>).</summary>
    public const int HeadBytes = 16;

    /// <summary>A file kept as evidence: in the store (<paramref name="Path"/>), or still in the database (<paramref name="Content"/>, before <c>roviec migrate</c> moved it).</summary>
    public sealed record Stored(string Title, string? ContentType, string? Path, byte[]? Content);

    /// <summary>
    /// The file <paramref name="evidenceId"/> kept on one of the report's lines, or null (a link, or another report's).
    /// A row whose file the store has lost throws: the server's fault, not the caller's.
    /// </summary>
    public static async Task<Stored?> StoredAsync(RoViecDbContext db, FileStore store, UnitReport report, Guid evidenceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(report);
        var itemIds = report.Items.Select(i => i.Id).ToList();
        var file = await db.Evidence.AsNoTracking()
            .Where(e => e.Id == evidenceId && e.Kind == EvidenceKinds.File && itemIds.Contains(e.ItemId))
            .Select(e => new { e.Title, e.ContentType, e.ContentSha256, e.Content }).FirstOrDefaultAsync(ct);
        if (file is null) return null;
        if (file.ContentSha256 is { } sha256)
            return new Stored(file.Title, file.ContentType,
                store.Find(sha256) ?? throw new FileNotFoundException($"The file store {store.Root} has no file {sha256} (evidence {evidenceId})."), null);
        return file.Content is null ? null : new Stored(file.Title, file.ContentType, null, file.Content);
    }

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly Dictionary<string, (string ContentType, byte[] Magic, string Name)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", Pdf, "PDF"),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip, "Word (DOCX)"),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip, "Excel (XLSX)"),
        [".doc"] = ("application/msword", Ole, "Word (DOC)"),
        [".xls"] = ("application/vnd.ms-excel", Ole, "Excel (XLS)"),
        [".odt"] = ("application/vnd.oasis.opendocument.text", Zip, "ODT"),
        [".ods"] = ("application/vnd.oasis.opendocument.spreadsheet", Zip, "ODS"),
        [".jpg"] = ("image/jpeg", Jpeg, "ảnh JPG"),
        [".jpeg"] = ("image/jpeg", Jpeg, "ảnh JPG"),
        [".png"] = ("image/png", Png, "ảnh PNG"),
    };

    public const string Accepted = "PDF, DOCX, DOC, XLSX, XLS, ODT, ODS, JPG, PNG";

    /// <summary>For the file input's "accept" attribute.</summary>
    public static string AcceptAttribute => string.Join(",", Types.Keys);

    /// <summary>What one unit's report of one period may hold in files, all lines together.</summary>
    public const long QuotaPerReport = 100L * 1024 * 1024;

    /// <summary>Refused when the report's files would pass <see cref="QuotaPerReport"/> (413); what is stored stays.</summary>
    public static ReportOutcome? CheckQuota(string fileName, long used, long length) =>
        used + length > QuotaPerReport
            ? new ReportOutcome.RefusedFile(Refusal.TooLarge,
                new Sentence("Báo cáo kỳ này của đơn vị đã có {0:#,0.#} MB tệp minh chứng; thêm tệp \"{1}\" sẽ vượt mức {2} MB cho mỗi báo cáo, nên tệp chưa được lưu. Hãy gỡ tệp không cần, nén tệp, hoặc ghi số văn bản hay đường dẫn thay cho tệp.",
                    Math.Round(used / 1024m / 1024m, 1), fileName, QuotaPerReport / 1024 / 1024))
            : null;

    /// <summary>Refused before the content is read: too large (413).</summary>
    public static ReportOutcome? CheckSize(string fileName, long length) =>
        length > MaxBytes
            ? new ReportOutcome.RefusedFile(Refusal.TooLarge,
                new Sentence("Tệp \"{0}\" nặng {1:#,0.##} MB, vượt giới hạn 10 MB mỗi tệp minh chứng; tệp chưa được lưu. Hãy nén hoặc chia nhỏ tệp.",
                    fileName, Math.Round(length / 1024m / 1024m, 1)))
            : null;

    /// <summary>The stored content type of a file name, or the refusal (415) of a type not taken; nothing of the content is read.</summary>
    public static (string? ContentType, ReportOutcome? Refusal) CheckName(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return Types.TryGetValue(extension, out var type)
            ? (type.ContentType, null)
            : (null, new ReportOutcome.RefusedFile(Refusal.UnsupportedType,
                new Sentence("Không nhận tệp \"{0}\": minh chứng chỉ nhận tệp {1}.", fileName, Accepted)));
    }

    /// <summary>The refusal (415) of content that is not what its name says, or null.</summary>
    public static ReportOutcome? CheckContent(string fileName, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(fileName);
        if (!Types.TryGetValue(extension, out var type)) return CheckName(fileName).Refusal;
        return content.StartsWith(type.Magic)
            ? null
            : new ReportOutcome.RefusedFile(Refusal.UnsupportedType,
                new Sentence("Tệp \"{0}\" không phải tệp {1} thật (nội dung không khớp với đuôi {2}); tệp chưa được lưu.",
                    fileName, (Sentence)type.Name, extension.ToLowerInvariant()));
    }
}
