using RoViec.Domain.Plans;
using RoViec.Import.Parsing;
using RoViec.Import.Reading;

namespace RoViec.Import;

/// <summary>The outcome of an import: a draft plan, or why the document was refused.</summary>
public abstract record ImportOutcome
{
    public sealed record Imported(PlanDraft Draft) : ImportOutcome;

    public sealed record Refused(ImportError Error) : ImportOutcome;
}

/// <summary>
/// The importer's front door: a plan document (DOCX, XLSX, PDF or text) in, a PlanDraft out, every
/// field traced to the text it came from. Bad input is refused with an ImportError, never a crash.
/// </summary>
public static class PlanImporter
{
    public static ImportOutcome ImportFile(string path, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        var info = new FileInfo(path);
        if (!info.Exists) return new ImportOutcome.Refused(new FileNotFound(path));
        if (info.Length > options.MaxBytes) return new ImportOutcome.Refused(new FileTooLarge(info.Length, options.MaxBytes));
        if (info.Length > Array.MaxLength) return new ImportOutcome.Refused(new FileTooLarge(info.Length, Array.MaxLength));
        byte[]? bytes;
        try
        {
            bytes = ReadAtMost(path, options.MaxBytes);
        }
        catch (FileNotFoundException)
        {
            return new ImportOutcome.Refused(new FileNotFound(path));
        }
        catch (IOException ex)
        {
            return new ImportOutcome.Refused(new FileUnreadable(path, ex.Message));
        }
        catch (UnauthorizedAccessException ex)
        {
            return new ImportOutcome.Refused(new FileUnreadable(path, ex.Message));
        }
        if (bytes is null) return new ImportOutcome.Refused(new EndlessInputTooLarge(options.MaxBytes));
        return Import(bytes, info.Name, options);
    }

    /// <summary>
    /// The file's bytes, or null when there are more than <paramref name="limit"/>. The length on disk
    /// was checked already, but devices, pipes and /proc files report 0 and can be endless (/dev/zero).
    /// </summary>
    private static byte[]? ReadAtMost(string path, long limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.CanSeek && stream.Length > 0)
        {
            if (stream.Length > limit) return null;
            var exact = new byte[stream.Length];
            var read = stream.ReadAtLeast(exact, exact.Length, throwOnEndOfStream: false);
            return read == exact.Length ? exact : exact[..read];
        }
        return ReadRest(stream, limit);
    }

    private static byte[]? ReadRest(Stream stream, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > limit) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    public static ImportOutcome Import(byte[] bytes, string fileName, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        if (bytes.Length == 0 || bytes.All(b => b is 0x20 or 0x09 or 0x0A or 0x0D or 0xEF or 0xBB or 0xBF or 0xFE or 0xFF))
            return new ImportOutcome.Refused(new EmptyFile());
        if (bytes.LongLength > options.MaxBytes)
            return new ImportOutcome.Refused(new FileTooLarge(bytes.LongLength, options.MaxBytes));
        try
        {
            var blocks = Read(bytes, fileName, options);
            var document = SourceDocument.Compose(blocks);
            if (document.Text.Trim().Length == 0) return new ImportOutcome.Refused(new EmptyFile());
            if (document.Text.Length > options.MaxTextChars) return new ImportOutcome.Refused(new DocumentTooLong(options.MaxTextChars));
            var draft = PlanExtractor.Extract(document, options);
            if (blocks is XlsxBlocks workbook && XlsxRowCheck.Problems(workbook, draft) is { Count: > 0 } problems)
                return new ImportOutcome.Refused(new InvalidRows(problems));
            if (draft.Tasks.Count == 0 && draft.Indicators.Count == 0 && draft.Document.Kind == DocumentKind.Other)
                return new ImportOutcome.Refused(new NotAPlan());
            return new ImportOutcome.Imported(draft);
        }
        catch (ImportRefusal refusal)
        {
            return new ImportOutcome.Refused(refusal.Error);
        }
        catch (OutOfMemoryException)
        {
            // Only reachable under the host's heap limit (the CLI sets one): the document, not the process, fails.
            return new ImportOutcome.Refused(new DocumentTooComplex());
        }
    }

    private static IReadOnlyList<RawBlock> Read(byte[] bytes, string fileName, ImportOptions options)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        // A PDF may carry a few bytes before its header; readers accept "%PDF-" within the first kilobyte.
        var isPdf = bytes.AsSpan().StartsWith("%PDF"u8)
            || (extension == ".pdf" && bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) >= 0);
        var isZip = bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        var isOle = bytes.Length >= 4 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0;
        if (isPdf) return new PdfDocumentReader().Read(bytes);
        if (extension is ".xlsx" or ".xlsm" || (isZip && HasZipEntry(bytes, "xl/workbook.xml"))) return XlsxDocumentReader.Read(bytes, options);
        if (extension is ".xls") throw new ImportRefusal(isOle ? new LegacyExcelFormat() : new CorruptXlsx("not an Excel file"));
        if (isZip || isOle || extension is ".docx" or ".docm" or ".dotx") return DocxDocumentReader.Read(bytes, options);
        if (extension is ".pdf") throw new ImportRefusal(new CorruptPdf("no PDF header"));
        if (extension is ".doc") throw new ImportRefusal(new LegacyWordFormat());
        if (extension is "" or ".txt" or ".text" or ".md" or ".csv" or ".tsv") return TextDocumentReader.Read(bytes, options.MaxTextChars);
        throw new ImportRefusal(new UnsupportedFormat(extension));
    }

    /// <summary>Whether a zip holds the entry (an Excel workbook named .docx or without an extension); a damaged zip is left to the reader.</summary>
    private static bool HasZipEntry(byte[] bytes, string name)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes, writable: false), System.IO.Compression.ZipArchiveMode.Read);
            return zip.GetEntry(name) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
