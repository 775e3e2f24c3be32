using System.Text;
using RoViec.Domain.Text;
using RoViec.Import.Reading;

namespace RoViec.Import.Parsing;

public abstract record Block(SourceSpan Span);

public sealed record ParagraphBlock(string Text, SourceSpan Span, bool IsListItem, bool IsBold, int? HeadingLevel = null) : Block(Span);

public sealed record Cell(string Text, SourceSpan Span);

public sealed record TableBlock(IReadOnlyList<IReadOnlyList<Cell>> Rows, SourceSpan Span) : Block(Span);

/// <summary>
/// The document as one normalised text plus its blocks; spans of blocks and cells point into
/// the text. Paragraphs are separated by a blank line and table rows are tab-separated lines,
/// so a .txt plan comes out close to what it was and the other formats look like it.
/// </summary>
public sealed class SourceDocument
{
    public required string Text { get; init; }
    public required IReadOnlyList<Block> Blocks { get; init; }

    public static SourceDocument Compose(IEnumerable<RawBlock> raw)
    {
        var sb = new StringBuilder();
        var blocks = new List<Block>();
        foreach (var block in raw)
        {
            switch (block)
            {
                case RawParagraph p:
                    {
                        var text = Clean(p.Text);
                        if (text.Length == 0) continue;
                        if (sb.Length > 0) sb.Append('\n');
                        var start = sb.Length;
                        sb.Append(text).Append('\n');
                        blocks.Add(new ParagraphBlock(text, new SourceSpan(start, text.Length), p.IsListItem, p.IsBold, p.HeadingLevel));
                        break;
                    }
                case RawTable t:
                    {
                        if (t.Rows.Count == 0) continue;
                        if (sb.Length > 0) sb.Append('\n');
                        var tableStart = sb.Length;
                        var rows = new List<IReadOnlyList<Cell>>(t.Rows.Count);
                        foreach (var row in t.Rows)
                        {
                            var cells = new List<Cell>(row.Count);
                            for (var i = 0; i < row.Count; i++)
                            {
                                if (i > 0) sb.Append('\t');
                                var text = Clean(row[i]);
                                cells.Add(new Cell(text, new SourceSpan(sb.Length, text.Length)));
                                sb.Append(text);
                            }
                            sb.Append('\n');
                            rows.Add(cells);
                        }
                        blocks.Add(new TableBlock(rows, new SourceSpan(tableStart, sb.Length - tableStart - 1)));
                        break;
                    }
            }
        }
        return new SourceDocument { Text = sb.ToString(), Blocks = blocks };
    }

    /// <summary>NFC, one line, no control or invisible characters; tabs and newlines inside a cell become spaces.</summary>
    internal static string Clean(string text)
    {
        if (text.Length == 0) return text;
        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var visible = new StringBuilder(normalized.Length);
        foreach (var ch in normalized)
        {
            if (ch is '\u200B' or '\uFEFF' or '\u00AD' || (char.IsControl(ch) && !char.IsWhiteSpace(ch))) continue;
            visible.Append(ch);
        }
        return VietnameseText.Squash(visible.ToString());
    }
}
