using System.Text.RegularExpressions;

namespace RoViec.Import.Tests.Fixtures;

/// <summary>
/// A seed sample (tests/fixtures/seeds/*.txt) read back into its layout: runs of text lines and
/// tables. The samples are text dumps of real documents, so their tables still carry the marks of
/// the page breaks they crossed (repeated header rows, rows continued on the next page, a
/// markdown rule line); the helpers here name those marks so the builder and the tests agree on them.
/// </summary>
internal sealed class SampleDocument
{
    private SampleDocument(IReadOnlyList<SampleBlock> blocks) => Blocks = blocks;

    public IReadOnlyList<SampleBlock> Blocks { get; }

    public IEnumerable<SampleTable> Tables => Blocks.OfType<SampleTable>();

    public static SampleDocument Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<SampleBlock>();
        var textLines = new List<string>();
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (line.Contains('\t', StringComparison.Ordinal))
            {
                FlushText();
                var rows = new List<string[]>();
                var width = line.Split('\t').Length;
                // A table's rows may be separated by blank lines where the page broke in the source;
                // it goes on as long as the next non-blank line is a row of the same width.
                while (i < lines.Length)
                {
                    if (lines[i].Contains('\t', StringComparison.Ordinal) && lines[i].Split('\t').Length == width)
                    {
                        rows.Add(lines[i].Split('\t').Select(c => c.Trim()).ToArray());
                        i++;
                        continue;
                    }

                    var next = i;
                    while (next < lines.Length && lines[next].Trim().Length == 0)
                        next++;
                    if (next > i && next < lines.Length && lines[next].Contains('\t', StringComparison.Ordinal)
                        && lines[next].Split('\t').Length == width)
                    {
                        i = next;
                        continue;
                    }

                    break;
                }

                blocks.Add(new SampleTable(rows));
                continue;
            }

            if (line.Trim().Length == 0)
                FlushText();
            else
                textLines.Add(line.Trim());
            i++;
        }

        FlushText();
        return new SampleDocument(blocks);

        void FlushText()
        {
            if (textLines.Count == 0)
                return;
            blocks.Add(new SampleTextBlock(textLines.ToArray()));
            textLines.Clear();
        }
    }
}

internal abstract record SampleBlock;

/// <summary>Consecutive non-blank lines; each line is one paragraph, but bold/italic marks may span lines.</summary>
internal sealed record SampleTextBlock(IReadOnlyList<string> Lines) : SampleBlock;

internal sealed partial record SampleTable(IReadOnlyList<string[]> Rows) : SampleBlock
{
    public int ColumnCount => Rows[0].Length;

    public string[] Header => Rows[0];

    public bool IsRepeatedHeader(int row) => row > 0 && Rows[row].SequenceEqual(Header, StringComparer.Ordinal);

    /// <summary>The "-- | -- | ---" line a markdown conversion left behind; not part of the document.</summary>
    public bool IsRuleLine(int row) => Rows[row].All(c => DashesOnly().IsMatch(c));

    /// <summary>
    /// The rest of the previous row, carried to the next page in the source: no TT code, but text
    /// in other cells.
    /// </summary>
    public bool IsContinuation(int row) =>
        row > 0 && Rows[row][0].Length == 0 && Rows[row].Skip(1).Any(c => c.Length > 0);

    /// <summary>The two-column block at the top of an administrative document (issuer | national motto, number | place and date), borderless in Word.</summary>
    public bool IsLetterhead => ColumnCount == 2 && Rows.Count <= 4;

    /// <summary>A row written in its first cell only ("I. HOÀN THIỆN THỂ CHẾ"): one cell merged across the table.</summary>
    public bool IsOneCellRow(int row) => row > 0 && ColumnCount > 2 && Rows[row][0].Length > 3 && Rows[row].Skip(1).All(c => c.Length == 0);

    /// <summary>A group row such as "I | Hạ tầng số | | |": a Roman numeral and a name, nothing else.</summary>
    public bool IsGroupRow(int row) =>
        RomanNumeral().IsMatch(Rows[row][0]) && Rows[row].Length > 2 && Rows[row].Skip(2).All(c => c.Length == 0);

    /// <summary>
    /// The table as a reader should report it from a real document: header once, repeated headers
    /// and rule lines gone, continuation rows joined into the row they continue.
    /// </summary>
    public IReadOnlyList<string[]> LogicalRows()
    {
        var rows = new List<string[]>();
        for (var r = 0; r < Rows.Count; r++)
        {
            if (IsRepeatedHeader(r) || IsRuleLine(r))
                continue;
            if (IsContinuation(r) && rows.Count > 0)
            {
                rows[^1] = JoinCells(rows[^1], Rows[r]);
                continue;
            }

            rows.Add((string[])Rows[r].Clone());
        }

        return rows;
    }

    /// <summary>
    /// The cells that are one cell merged down in the real document: an empty cell under a parent
    /// task's filled cell, in the rows of that task's sub-tasks (2.1 over 2.1.1–2.1.5), because the
    /// sub-tasks share the parent's result and deadline. TT and the task name never merge. Yields
    /// each continuing cell with the row whose text it shares.
    /// </summary>
    public static IEnumerable<(int Row, int Column, int Anchor)> MergedDown(IReadOnlyList<string[]> rows)
    {
        var taken = new HashSet<(int, int)>();
        for (var i = 1; i < rows.Count; i++)
        {
            var code = rows[i][0];
            if (code.Length == 0)
                continue;
            for (var c = 2; c < rows[i].Length; c++)
            {
                if (rows[i][c].Length == 0 || taken.Contains((i, c)))
                    continue;
                for (var j = i + 1; j < rows.Count && rows[j][0].StartsWith(code + ".", StringComparison.Ordinal) && rows[j][c].Length == 0; j++)
                {
                    taken.Add((j, c));
                    yield return (j, c, i);
                }
            }
        }
    }

    public static string[] JoinCells(string[] first, string[] rest) =>
        first.Zip(rest, (a, b) => a.Length == 0 ? b : b.Length == 0 ? a : a + " " + b).ToArray();

    [GeneratedRegex(@"^-+$")]
    private static partial Regex DashesOnly();

    [GeneratedRegex(@"^[IVXLC]+$")]
    private static partial Regex RomanNumeral();
}
