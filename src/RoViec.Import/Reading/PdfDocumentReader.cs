using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;
using RoViec.Import.Reading.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace RoViec.Import.Reading;

/// <summary>
/// Reads a text PDF (one exported from Word or LibreOffice) into paragraphs and tables. A PDF has
/// no paragraphs or tables, only positioned glyphs and lines, so both are rebuilt from geometry:
/// tables from the ruling lines of their borders, paragraphs from line spacing, indentation and
/// list markers. Scans and damaged files are refused.
/// </summary>
internal sealed partial class PdfDocumentReader
{
    /// <summary>Below this many characters per page on a document with images, the text is a stamp on a scan.</summary>
    private const int ScanLettersPerPage = 25;

    [SuppressMessage("Performance", "CA1822", Justification = "Readers are instances so the importer can hold them uniformly.")]
    public IReadOnlyList<RawBlock> Read(byte[] bytes)
    {
        CheckEnvelope(bytes);
        var pages = ReadPages(bytes);
        RefuseScans(pages);
        StripRunningHeadersAndFooters(pages);
        return new BlockAssembler(pages).Assemble();
    }

    /// <summary>
    /// Cheap checks before the parser: not a PDF at all, or cut short. The end-of-file marker must be
    /// at the very end, because a file saved with incremental updates and cut after an earlier
    /// revision still parses, as that older revision, and the reader would import stale text.
    /// </summary>
    private static void CheckEnvelope(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        if (!head.Contains("%PDF-", StringComparison.Ordinal))
            throw new ImportRefusal(new CorruptPdf("no %PDF header"));
        var tailStart = Math.Max(0, bytes.Length - 2048);
        var tail = Encoding.ASCII.GetString(bytes, tailStart, bytes.Length - tailStart);
        if (!tail.Contains("%%EOF", StringComparison.Ordinal))
            throw new ImportRefusal(new CorruptPdf("truncated: no end-of-file marker"));
    }

    private static List<PageLayout> ReadPages(byte[] bytes)
    {
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages == 0)
                throw new ImportRefusal(new CorruptPdf("no pages"));
            var pages = new List<PageLayout>(document.NumberOfPages);
            // Page by page, keeping only the extracted words: PdfPig's page objects hold the parsed
            // content stream, which is the bulk of the memory.
            for (var number = 1; number <= document.NumberOfPages; number++)
                pages.Add(PageLayout.Read(document.GetPage(number)));
            return pages;
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new ImportRefusal(new PasswordProtectedPdf());
        }
        catch (Exception e) when (e is not ImportRefusal and not OutOfMemoryException)
        {
            throw new ImportRefusal(new CorruptPdf(e.GetType().Name + ": " + e.Message));
        }
    }

    private static void RefuseScans(List<PageLayout> pages)
    {
        var letters = pages.Sum(p => p.LetterCount);
        if (letters == 0 || (pages.Any(p => p.HasImages) && letters < ScanLettersPerPage * pages.Count))
            throw new ImportRefusal(new ScannedPdf());
    }

    /// <summary>
    /// Removes page numbers and running headers/footers: the first or last lines of a page, in the
    /// top or bottom tenth of it, that are a bare page number or that recur (digits aside) at the
    /// same height on at least half the pages.
    /// </summary>
    private static void StripRunningHeadersAndFooters(List<PageLayout> pages)
    {
        var candidates = new List<(PageLayout Page, TextLine Line, string Key)>();
        foreach (var page in pages)
        {
            var ordered = page.Lines.OrderByDescending(l => l.Top).ToList();
            foreach (var line in ordered.Take(2).Where(l => l.Bottom > page.Height * 0.9)
                         .Concat(ordered.TakeLast(2).Where(l => l.Top < page.Height * 0.1)))
            {
                candidates.Add((page, line, Digits().Replace(line.Text, "#")));
            }
        }

        foreach (var (page, line, key) in candidates)
        {
            var recurring = pages.Count >= 2 && candidates.Count(c =>
                c.Key == key && Math.Abs(c.Line.Baseline - line.Baseline) < 4) >= Math.Max(2, (pages.Count + 1) / 2);
            if (PageNumber().IsMatch(line.Text) || recurring)
                page.Lines.Remove(line);
        }
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^[-–—\s]*((trang|page)\s*)?\d{1,4}(\s*(/|của|of)\s*\d{1,4})?[-–—\s]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();
}
