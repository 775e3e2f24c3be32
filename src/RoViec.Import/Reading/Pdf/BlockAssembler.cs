using System.Text.RegularExpressions;

namespace RoViec.Import.Reading.Pdf;

/// <summary>
/// Turns the pages' lines and tables into RawBlocks in reading order: lines into paragraphs, and
/// a table that runs over a page break into one RawTable.
/// </summary>
internal sealed partial class BlockAssembler
{
    private readonly List<PageLayout> pages;
    private readonly List<RawBlock> blocks = [];
    private readonly List<TextLine> paragraph = [];
    private readonly Dictionary<long, (double BodyLeft, double TextRight)> geometry;
    private readonly Dictionary<int, double> lineSteps;
    private double bodyLeft;
    private double textRight;
    private double pageWidth;
    private OpenTable? table;

    public BlockAssembler(List<PageLayout> pages)
    {
        this.pages = pages;
        // Portrait and landscape pages have different margins, so the body's edges are found per page width.
        geometry = pages.GroupBy(p => (long)Math.Round(p.Width))
            .ToDictionary(g => g.Key, g => BodyEdges(g.SelectMany(p => p.Lines).ToList()));
        lineSteps = LineSteps(pages);
    }

    public List<RawBlock> Assemble()
    {
        TextLine? previous = null;
        var previousPage = 0;
        foreach (var page in pages)
        {
            (bodyLeft, textRight) = geometry[(long)Math.Round(page.Width)];
            pageWidth = page.Width;
            var first = true;
            foreach (var item in page.Items())
            {
                if (item is PageTable pageTable)
                {
                    FlushParagraph();
                    AddTable(pageTable, page.Number, first);
                    previous = null;
                }
                else if (item is TextLine line)
                {
                    CloseTable();
                    if (previous is null || StartsNewParagraph(previous, line, samePage: previousPage == page.Number))
                        FlushParagraph();
                    paragraph.Add(line);
                    previous = line;
                    previousPage = page.Number;
                }

                first = false;
            }
        }

        FlushParagraph();
        CloseTable();
        return blocks;
    }

    private void AddTable(PageTable pageTable, int pageNumber, bool firstOnPage)
    {
        var frame = pageTable.Frame;
        // A table whose frame is the first thing on a page, straight after the same-width table that
        // ended the previous page, is that table continued: Word breaks long tables this way.
        if (table is not null && firstOnPage && table.LastPage == pageNumber - 1
            && Math.Abs(table.Left - frame.Left) <= 3 && Math.Abs(table.Right - frame.Right) <= 3)
        {
            var rows = frame.BuildRows(pageTable.Words, table.ColumnEdges);
            JoinRowSplitByPageBreak(table.Rows, rows);
            table.Rows.AddRange(rows);
            table.LastPage = pageNumber;
            return;
        }

        CloseTable();
        var edges = frame.ColumnEdges();
        var ownRows = frame.BuildRows(pageTable.Words, edges);
        if (ownRows.Count == 0)
            return;
        table = new OpenTable(ownRows, edges, frame.Left, frame.Right, pageNumber);
    }

    /// <summary>
    /// Word lets a row break across pages: the rest of its text comes first on the next page
    /// (after the repeated header), in a row with an empty TT cell whose texts carry on mid-sentence.
    /// That is one row, so its cells are joined back. A top row that starts its texts afresh is a
    /// row of its own (say, under a first-column cell merged down over the page break).
    /// </summary>
    private static void JoinRowSplitByPageBreak(List<string[]> before, List<string[]> after)
    {
        var header = before[0];
        var index = after.FindIndex(r => !r.SequenceEqual(header, StringComparer.Ordinal));
        if (index < 0 || before.Count < 2)
            return;
        var continuation = after[index];
        var last = before[^1];
        if (continuation[0].Length > 0 || continuation.Length != last.Length || last.SequenceEqual(header, StringComparer.Ordinal))
            return;
        // Mid-sentence: the rest starts in lower case, or the text before the break stops on a comma or a word that cannot
        // end a phrase ("… kết nối với" | "Trung tâm giám sát …").
        var carriesOn = continuation.Zip(last).Any(p => p.First.Length > 0 && p.Second.Length > 0 && (char.IsLower(p.First[0]) || EndsMidPhrase(p.Second)));
        if (!carriesOn)
            return;
        before[^1] = last.Zip(continuation, (a, b) => TextLine.JoinLines([a, b])).ToArray();
        after.RemoveAt(index);
        // A repeated header with nothing after it only announced the piece just joined back.
        if (after.All(r => r.SequenceEqual(header, StringComparer.Ordinal)))
            after.Clear();
    }

    private static readonly HashSet<string> OpenEndings = new(StringComparer.Ordinal)
    {
        "với", "của", "và", "các", "những", "tại", "cho", "trên", "về", "theo", "để", "từ", "đến", "trong", "hoặc", "hay", "là",
    };

    private static bool EndsMidPhrase(string text)
    {
        var t = text.TrimEnd();
        if (t.Length == 0) return false;
        if (t[^1] is ',' or '-' or '–') return true;
        var space = t.LastIndexOf(' ');
        return OpenEndings.Contains(t[(space + 1)..]);
    }

    private void CloseTable()
    {
        if (table is null)
            return;
        blocks.Add(new RawTable(table.Rows.Select(r => (IReadOnlyList<string>)r).ToList()));
        table = null;
    }

    private bool StartsNewParagraph(TextLine previous, TextLine line, bool samePage)
    {
        if (StartsListItem(line))
            return true;
        // A change of size is a heading; a change of weight is not, since bold often runs from
        // mid-line into the next line of the same paragraph.
        if (Math.Abs(line.FontSize - previous.FontSize) > 1)
            return true;
        if (EndsShort(previous))
            return true;
        // Across a page break only a line that reaches well into the page can run on: with few
        // lines on a page the body's right edge is a poor guess.
        if (!samePage && previous.Right < 0.6 * pageWidth)
            return true;
        if (samePage)
        {
            var step = previous.Baseline - line.Baseline;
            // Above the previous line (a second column) or further below than the usual line step.
            if (step <= 0 || step > 1.2 * LineStep(previous.FontSize))
                return true;
        }

        return !ContinuesIndentation(line);
    }

    /// <summary>Whether a line sits where the next line of the current paragraph would.</summary>
    private bool ContinuesIndentation(TextLine line)
    {
        const double tolerance = 3;
        if (paragraph.Count >= 2)
            return Math.Abs(line.Left - paragraph[1].Left) <= tolerance;
        var first = paragraph[0];
        if (Bullets.IsBulletGlyph(first.Words[0].Text))
            return Math.Abs(line.Left - first.TextStart) <= tolerance || Math.Abs(line.Left - first.Left) <= tolerance;
        // A first line indented from the body continues back at the left; a first line at the
        // body's edge continues at the same place.
        if (first.Left > bodyLeft + tolerance)
            return line.Left < first.Left - tolerance;
        return Math.Abs(line.Left - first.Left) <= tolerance;
    }

    private static bool StartsListItem(TextLine line) =>
        (Bullets.IsBulletGlyph(line.Words[0].Text) && line.Words.Count > 1) || Numbering().IsMatch(line.Text);

    /// <summary>A line ending well before the right margin ends its paragraph (justified text fills the line).</summary>
    private bool EndsShort(TextLine line) =>
        line.Right < textRight - Math.Max(3 * line.FontSize, 0.1 * (textRight - bodyLeft));

    private double LineStep(double fontSize) =>
        lineSteps.TryGetValue((int)Math.Round(fontSize), out var step) ? step : 1.25 * fontSize;

    private void FlushParagraph()
    {
        if (paragraph.Count == 0)
            return;
        var firstWords = paragraph[0].Words;
        var isListItem = Bullets.IsBulletGlyph(firstWords[0].Text) && (firstWords.Count > 1 || paragraph.Count > 1);
        var first = isListItem ? Bullets.Prefix(firstWords[0].Text) + TextLine.Join(firstWords.Skip(1)) : paragraph[0].Text;
        var text = TextLine.JoinLines(paragraph.Skip(1).Select(l => l.Text).Prepend(first));
        blocks.Add(new RawParagraph(text, isListItem, paragraph.All(l => l.IsBold)));
        paragraph.Clear();
    }

    /// <summary>
    /// The body's left edge is the leftmost place where a fair share of lines start (first lines are
    /// indented, so the most common start may be the indent); its right edge is where full lines of
    /// justified text end.
    /// </summary>
    private static (double BodyLeft, double TextRight) BodyEdges(List<TextLine> lines)
    {
        if (lines.Count == 0)
            return (0, 0);
        var left = lines.GroupBy(l => Math.Round(l.Left))
            .Where(g => g.Count() >= Math.Max(1, lines.Count / 20))
            .Min(g => g.Key);
        return (left, Percentile(lines.Select(l => l.Right), 0.9));
    }

    /// <summary>
    /// The distance between baselines of consecutive lines of one paragraph, per font size: the
    /// lower quartile of all consecutive-line distances, since the larger ones are paragraph gaps.
    /// </summary>
    private static Dictionary<int, double> LineSteps(List<PageLayout> pages)
    {
        var steps = new Dictionary<int, List<double>>();
        foreach (var page in pages)
        {
            var ordered = page.Lines.OrderByDescending(l => l.Baseline).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var (a, b) = (ordered[i - 1], ordered[i]);
                // Blocks side by side share a baseline; a table between two lines is no line step.
                if (Math.Abs(a.FontSize - b.FontSize) > 0.5 || a.Baseline - b.Baseline < 0.5 * a.FontSize
                    || page.Tables.Any(t => t.Frame.Top < a.Baseline && t.Frame.Bottom > b.Baseline))
                    continue;
                var key = (int)Math.Round(a.FontSize);
                if (!steps.TryGetValue(key, out var list))
                    steps[key] = list = [];
                list.Add(a.Baseline - b.Baseline);
            }
        }

        return steps.ToDictionary(p => p.Key, p => Percentile(p.Value, 0.25));
    }

    private static double Percentile(IEnumerable<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Clamp(Math.Floor(fraction * (sorted.Count - 1)), 0, sorted.Count - 1)];
    }

    private sealed class OpenTable(List<string[]> rows, double[] columnEdges, double left, double right, int lastPage)
    {
        public List<string[]> Rows { get; } = rows;
        public double[] ColumnEdges { get; } = columnEdges;
        public double Left { get; } = left;
        public double Right { get; } = right;
        public int LastPage { get; set; } = lastPage;
    }

    /// <summary>"1. ", "1.2. ", "2.1.3 ", "a) ", "(1) ", "II. ", "IV- ", "Điều 3." — the start of a numbered item.</summary>
    [GeneratedRegex(@"^(\d{1,2}(\.\d{1,2})*\.\s|\d{1,2}(\.\d{1,2})+\s|[a-zđ]\)\s|\(\d{1,2}\)\s|[IVXLC]{1,5}[\.\-]\s|Điều\s+\d+|Nhóm\s+\d+[:\.])", RegexOptions.CultureInvariant)]
    private static partial Regex Numbering();
}
