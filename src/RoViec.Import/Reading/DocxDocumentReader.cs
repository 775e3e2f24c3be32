using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RoViec.Import.Reading;

/// <summary>
/// Word documents through the Open XML SDK: body paragraphs and real tables in order. Merged
/// cells are resolved (vMerge repeats the text down, gridSpan leaves empty cells across), list
/// paragraphs get a "- " marker, bold runs are noted, legacy ".VnTime"/"VNI-" runs are converted.
/// The package is checked first so that a zip bomb or an encrypted file is refused before parsing.
/// </summary>
internal static class DocxDocumentReader
{
    public static IReadOnlyList<RawBlock> Read(byte[] bytes, ImportOptions options)
    {
        OfficePackage.Check(bytes, options, OfficeFormat.Docx);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = options.MaxExpandedBytes / 2 });
            var main = document.MainDocumentPart ?? throw new ImportRefusal(new CorruptDocx("no document body"));
            var numbering = new DocxNumbering(main);
            var blocks = new List<RawBlock>();
            var chars = 0L;
            // Streamed one body element at a time, so memory follows the largest paragraph or table, not the document.
            using var reader = OpenXmlReader.Create(main);
            var more = reader.Read();
            while (more)
            {
                if (reader.IsStartElement && reader.Depth == 2 && (reader.ElementType == typeof(Paragraph) || reader.ElementType == typeof(Table) || reader.ElementType == typeof(SdtBlock)))
                {
                    var element = reader.LoadCurrentElement()!;
                    var before = blocks.Count;
                    AddBlock(element, blocks, numbering);
                    for (var i = before; i < blocks.Count; i++) chars += Length(blocks[i]);
                    if (chars > options.MaxTextChars) throw new ImportRefusal(new DocumentTooLong(options.MaxTextChars));
                    more = !reader.EOF;
                    continue;
                }
                more = reader.Read();
            }
            return TabbedRowsAsTables(blocks);
        }
        catch (ImportRefusal)
        {
            throw;
        }
        catch (OpenXmlPackageException ex)
        {
            throw new ImportRefusal(new CorruptDocx(ex.Message));
        }
        catch (InvalidDataException ex)
        {
            throw new ImportRefusal(new CorruptDocx(ex.Message));
        }
        catch (System.Xml.XmlException ex)
        {
            throw new ImportRefusal(new CorruptDocx(ex.Message));
        }
        catch (IOException ex)
        {
            throw new ImportRefusal(new CorruptDocx(ex.Message));
        }
    }

    private static void AddBlock(OpenXmlElement element, List<RawBlock> blocks, DocxNumbering numbering)
    {
        switch (element)
        {
            case Paragraph p:
                {
                    var (text, bold) = ParagraphText(p);
                    if (text.Trim().Length == 0) return;
                    var label = numbering.Label(p);
                    var isList = label is { Bullet: true };
                    if (label is { } l && !StartsWithMarker(text)) text = l.Label + text.TrimStart();
                    blocks.Add(new RawParagraph(text, isList, bold, numbering.HeadingLevel(p)));
                    break;
                }
            case Table t:
                blocks.Add(new RawTable(TableRows(t, numbering)));
                break;
            case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                foreach (var child in content.ChildElements) AddBlock(child, blocks, numbering);
                break;
        }
    }

    private static long Length(RawBlock block) => block switch
    {
        RawParagraph p => p.Text.Length,
        RawTable t => t.Rows.Sum(r => r.Sum(c => (long)c.Length)),
        _ => 0,
    };

    /// <summary>Consecutive paragraphs laid out in columns with two or more tabs are a table typed without a table.</summary>
    private static List<RawBlock> TabbedRowsAsTables(List<RawBlock> blocks)
    {
        var result = new List<RawBlock>(blocks.Count);
        List<IReadOnlyList<string>>? rows = null;
        foreach (var block in blocks)
        {
            if (block is RawParagraph p && p.Text.Count(c => c == '\t') >= 2)
            {
                (rows ??= []).Add(p.Text.Split('\t'));
                continue;
            }
            if (rows is not null)
            {
                result.Add(new RawTable(rows));
                rows = null;
            }
            result.Add(block is RawParagraph q && q.Text.Contains('\t', StringComparison.Ordinal) ? q with { Text = q.Text.Replace('\t', ' ') } : block);
        }
        if (rows is not null) result.Add(new RawTable(rows));
        return result;
    }

    private static bool StartsWithMarker(string text) => text.Length > 1 && Bullets.IsBulletChar(text[0]) && text[1] == ' ';

    private static (string Text, bool Bold) ParagraphText(OpenXmlElement paragraph)
    {
        var sb = new StringBuilder();
        int boldChars = 0, chars = 0;
        foreach (var run in paragraph.Descendants<Run>())
        {
            var props = run.RunProperties;
            var font = props?.RunFonts?.Ascii?.Value ?? props?.RunFonts?.HighAnsi?.Value;
            var bold = props?.Bold is { } b && (b.Val is null || b.Val.Value);
            foreach (var child in run.ChildElements)
            {
                string piece = child switch
                {
                    Text t => LegacyVietnamese.ConvertRun(t.Text, font),
                    TabChar => "\t",
                    Break or CarriageReturn => " ",
                    NoBreakHyphen => "-",
                    _ => "",
                };
                sb.Append(piece);
                chars += piece.Length;
                if (bold) boldChars += piece.Length;
            }
        }
        return (sb.ToString(), chars > 0 && boldChars * 2 > chars);
    }

    private static string CellParagraph(Paragraph p, DocxNumbering numbering)
    {
        var text = ParagraphText(p).Text;
        if (text.Trim().Length == 0) return text;
        return numbering.Label(p) is { } label && !StartsWithMarker(text) ? label.Label + text.TrimStart() : text;
    }

    /// <summary>Rows of cell texts on the table grid: merged-down cells repeat, merged-across cells leave blanks.</summary>
    private static List<IReadOnlyList<string>> TableRows(Table table, DocxNumbering numbering)
    {
        var rows = new List<IReadOnlyList<string>>();
        var above = new Dictionary<int, string>();
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = new List<string>();
            var column = 0;
            var before = Math.Clamp(row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0, 0, 64);
            for (var i = 0; i < before; i++) cells.Add("");
            column += before;
            foreach (var cell in row.Elements<TableCell>())
            {
                var props = cell.TableCellProperties;
                var span = Math.Clamp(props?.GridSpan?.Val?.Value ?? 1, 1, 64);
                var merge = props?.VerticalMerge;
                string text;
                if (merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue))
                    text = above.GetValueOrDefault(column, "");
                else
                    text = string.Join(" ", cell.Elements<Paragraph>().Select(p => CellParagraph(p, numbering)).Where(s => s.Trim().Length > 0));
                above[column] = text;
                cells.Add(text);
                for (var i = 1; i < span; i++) cells.Add("");
                column += span;
            }
            rows.Add(cells);
        }
        return rows;
    }
}
