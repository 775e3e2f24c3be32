using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;

namespace RoViec.Import.Reading.Pdf;

/// <summary>
/// An axis-aligned ruling line. For a horizontal one <see cref="At"/> is its y and From–To its x
/// extent; for a vertical one <see cref="At"/> is its x and From–To its y extent.
/// </summary>
internal readonly record struct Ruling(bool Horizontal, double At, double From, double To)
{
    public double Length => To - From;
}

/// <summary>
/// A bordered table on one page, found from the ruling lines Word and LibreOffice draw for cell
/// borders. Column and row boundaries are where the rulings are; a boundary missing over part of
/// the table is a merged cell.
/// </summary>
internal sealed class TableFrame
{
    /// <summary>How far apart two rulings may be and still be the same border (double borders, rounding).</summary>
    private const double Tolerance = 2.5;

    private const int MaxRulings = 3000;

    private TableFrame(List<Ruling> horizontals, List<Ruling> verticals)
    {
        Horizontals = horizontals;
        Verticals = verticals;
        Left = Math.Min(horizontals.Min(h => h.From), verticals.Min(v => v.At));
        Right = Math.Max(horizontals.Max(h => h.To), verticals.Max(v => v.At));
        Bottom = Math.Min(verticals.Min(v => v.From), horizontals.Min(h => h.At));
        Top = Math.Max(verticals.Max(v => v.To), horizontals.Max(h => h.At));
    }

    public List<Ruling> Horizontals { get; }
    public List<Ruling> Verticals { get; }
    public double Left { get; }
    public double Right { get; }
    public double Bottom { get; }
    public double Top { get; }

    public bool Contains(PdfWord word) =>
        word.CenterX > Left && word.CenterX < Right && word.CenterY > Bottom && word.CenterY < Top;

    /// <summary>The x of every column boundary, left to right, outer borders included.</summary>
    public double[] ColumnEdges() => Cluster(Verticals.Select(v => v.At).Append(Left).Append(Right));

    /// <summary>
    /// The table's rows as cell texts, merged cells resolved the RawTable way: a cell merged down
    /// repeats its text in each row, a cell merged across is followed by empty cells.
    /// </summary>
    /// <param name="columnEdges">
    /// Boundaries to use instead of this page's own, so a table continued from the previous page
    /// keeps its columns even if no row on this page has all of them.
    /// </param>
    public List<string[]> BuildRows(IReadOnlyList<PdfWord> words, double[]? columnEdges = null)
    {
        var xs = columnEdges ?? ColumnEdges();
        var ys = Cluster(Horizontals.Select(h => h.At).Append(Bottom).Append(Top)).Reverse().ToArray();
        int columns = xs.Length - 1, rows = ys.Length - 1;
        if (columns < 1 || rows < 1)
            return [];

        // Union-find over grid cells: neighbours with no ruling between them are one merged cell.
        var parent = Enumerable.Range(0, rows * columns).ToArray();
        for (var r = 0; r < rows; r++)
        {
            var middleY = (ys[r] + ys[r + 1]) / 2;
            for (var c = 0; c < columns; c++)
            {
                var middleX = (xs[c] + xs[c + 1]) / 2;
                if (c + 1 < columns && !HasRuling(Verticals, xs[c + 1], middleY))
                    Union(parent, Index(r, c), Index(r, c + 1));
                if (r + 1 < rows && !HasRuling(Horizontals, ys[r + 1], middleX))
                    Union(parent, Index(r, c), Index(r + 1, c));
            }
        }

        var wordsByCell = new Dictionary<int, List<PdfWord>>();
        foreach (var word in words)
        {
            var c = Slot(xs, word.CenterX, ascending: true);
            var r = Slot(ys, word.CenterY, ascending: false);
            if (c < 0 || r < 0)
                continue;
            var root = Find(parent, Index(r, c));
            if (!wordsByCell.TryGetValue(root, out var list))
                wordsByCell[root] = list = [];
            list.Add(word);
        }

        var texts = wordsByCell.ToDictionary(p => p.Key, p => CellText(p.Value));
        var firstColumn = new Dictionary<int, int>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
                firstColumn.TryAdd(Find(parent, Index(r, c)), c);
        }

        var result = new List<string[]>();
        for (var r = 0; r < rows; r++)
        {
            var row = new string[columns];
            for (var c = 0; c < columns; c++)
            {
                var root = Find(parent, Index(r, c));
                row[c] = firstColumn[root] == c && texts.TryGetValue(root, out var text) ? text : "";
            }

            // A sliver between doubled borders holds nothing and is not a row.
            if (ys[r] - ys[r + 1] < 4 && row.All(t => t.Length == 0))
                continue;
            result.Add(row);
        }

        return result;

        int Index(int r, int c) => r * columns + c;
    }

    /// <summary>A cell's lines joined with spaces; a bullet glyph starting a line becomes "-".</summary>
    private static string CellText(List<PdfWord> words)
    {
        var lines = TextLine.Build(words);
        return TextLine.JoinLines(lines.Select(line =>
            Bullets.IsBulletGlyph(line.Words[0].Text) && line.Words.Count > 1
                ? Bullets.Prefix(line.Words[0].Text) + TextLine.Join(line.Words.Skip(1))
                : line.Text));
    }

    private static bool HasRuling(List<Ruling> rulings, double at, double across) =>
        rulings.Any(g => Math.Abs(g.At - at) <= Tolerance && g.From - Tolerance <= across && across <= g.To + Tolerance);

    private static int Slot(double[] edges, double value, bool ascending)
    {
        for (var i = 0; i + 1 < edges.Length; i++)
        {
            var (low, high) = ascending ? (edges[i], edges[i + 1]) : (edges[i + 1], edges[i]);
            if (value >= low && value < high)
                return i;
        }

        return -1;
    }

    private static double[] Cluster(IEnumerable<double> values)
    {
        var result = new List<double>();
        foreach (var value in values.Order())
        {
            if (result.Count > 0 && value - result[^1] <= 2 * Tolerance)
                continue;
            result.Add(value);
        }

        return [.. result];
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        int ra = Find(parent, a), rb = Find(parent, b);
        if (ra != rb)
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }

    /// <summary>
    /// The horizontal and vertical rulings a page draws: stroked lines, thin filled rectangles
    /// (how some exporters draw borders) and the edges of stroked rectangles. Large filled
    /// rectangles are cell shading, not borders.
    /// </summary>
    public static List<Ruling> ExtractRulings(IEnumerable<PdfPath> paths)
    {
        var rulings = new List<Ruling>();
        foreach (var path in paths)
        {
            if (!path.IsStroked && !path.IsFilled)
                continue;
            foreach (var subpath in path)
            {
                if (subpath.IsDrawnAsRectangle && subpath.GetBoundingRectangle() is { } box)
                {
                    if (box.Height <= 2.5 && box.Width > 2)
                        Add(box.Left, (box.Bottom + box.Top) / 2, box.Right, (box.Bottom + box.Top) / 2);
                    else if (box.Width <= 2.5 && box.Height > 2)
                        Add((box.Left + box.Right) / 2, box.Bottom, (box.Left + box.Right) / 2, box.Top);
                    else if (path.IsStroked)
                    {
                        Add(box.Left, box.Bottom, box.Right, box.Bottom);
                        Add(box.Left, box.Top, box.Right, box.Top);
                        Add(box.Left, box.Bottom, box.Left, box.Top);
                        Add(box.Right, box.Bottom, box.Right, box.Top);
                    }

                    continue;
                }

                if (!path.IsStroked)
                    continue;
                PdfPoint? start = null, current = null;
                foreach (var command in subpath.Commands)
                {
                    switch (command)
                    {
                        case PdfSubpath.Move move:
                            start = current = move.Location;
                            break;
                        case PdfSubpath.Line line:
                            Add(line.From.X, line.From.Y, line.To.X, line.To.Y);
                            current = line.To;
                            break;
                        case PdfSubpath.BezierCurve curve:
                            current = curve.EndPoint;
                            break;
                        case PdfSubpath.Close when start is { } s && current is { } p:
                            Add(p.X, p.Y, s.X, s.Y);
                            current = s;
                            break;
                    }
                }
            }
        }

        return rulings;

        void Add(double x1, double y1, double x2, double y2)
        {
            if (Math.Abs(y1 - y2) < 1 && Math.Abs(x2 - x1) >= 3)
                rulings.Add(new Ruling(true, (y1 + y2) / 2, Math.Min(x1, x2), Math.Max(x1, x2)));
            else if (Math.Abs(x1 - x2) < 1 && Math.Abs(y2 - y1) >= 3)
                rulings.Add(new Ruling(false, (x1 + x2) / 2, Math.Min(y1, y2), Math.Max(y1, y2)));
        }
    }

    /// <summary>
    /// Groups rulings that touch into frames; a frame with at least two rulings each way and at
    /// least two columns is a table. A lone rule under a heading, a signature line, or a box drawn
    /// around a paragraph (one column) is not.
    /// </summary>
    public static List<TableFrame> FindTables(List<Ruling> rulings)
    {
        var merged = MergeCollinear(rulings.Where(r => r.Horizontal), horizontal: true)
            .Concat(MergeCollinear(rulings.Where(r => !r.Horizontal), horizontal: false))
            .ToList();
        // Pairing is quadratic; a page with thousands of rulings is a drawing, not a table.
        if (merged.Count > MaxRulings)
            return [];
        var parent = Enumerable.Range(0, merged.Count).ToArray();
        for (var i = 0; i < merged.Count; i++)
        {
            if (!merged[i].Horizontal)
                continue;
            for (var j = 0; j < merged.Count; j++)
            {
                if (!merged[j].Horizontal && Touches(merged[i], merged[j]))
                    Union(parent, i, j);
            }
        }

        return merged
            .Select((ruling, index) => (ruling, root: Find(parent, index)))
            .GroupBy(p => p.root, p => p.ruling)
            .Select(g => (h: g.Where(r => r.Horizontal).ToList(), v: g.Where(r => !r.Horizontal).ToList()))
            // A row border runs from one column border to another; an underline or strike-through
            // in a cell starts and ends inside the cell's padding and must not split the row.
            .Select(g => (h: g.h.Where(h => EndsOnVertical(h, h.From, g.v) && EndsOnVertical(h, h.To, g.v)).ToList(), g.v))
            .Where(g => g.h.Count >= 2 && g.v.Count >= 2)
            .Select(g => new TableFrame(g.h, g.v))
            .Where(f => f.Right - f.Left > 20 && f.Top - f.Bottom > 8 && f.ColumnEdges().Length > 2)
            .OrderByDescending(f => f.Top)
            .ToList();
    }

    private static bool EndsOnVertical(Ruling horizontal, double x, List<Ruling> verticals) =>
        verticals.Any(v => Math.Abs(v.At - x) <= Tolerance + 1 && horizontal.At >= v.From - Tolerance && horizontal.At <= v.To + Tolerance);

    private static bool Touches(Ruling horizontal, Ruling vertical) =>
        vertical.At >= horizontal.From - Tolerance && vertical.At <= horizontal.To + Tolerance
        && horizontal.At >= vertical.From - Tolerance && horizontal.At <= vertical.To + Tolerance;

    /// <summary>Joins pieces of one border drawn cell by cell into one ruling.</summary>
    private static List<Ruling> MergeCollinear(IEnumerable<Ruling> rulings, bool horizontal)
    {
        var result = new List<Ruling>();
        var lines = new List<List<Ruling>>();
        foreach (var ruling in rulings.OrderBy(r => r.At))
        {
            if (lines.Count > 0 && ruling.At - lines[^1][0].At <= 1)
                lines[^1].Add(ruling);
            else
                lines.Add([ruling]);
        }

        foreach (var line in lines)
        {
            Ruling? open = null;
            foreach (var piece in line.OrderBy(r => r.From))
            {
                if (open is { } current && piece.From <= current.To + Tolerance)
                {
                    open = current with { To = Math.Max(current.To, piece.To) };
                    continue;
                }

                if (open is { } done)
                    result.Add(done);
                open = piece with { Horizontal = horizontal };
            }

            if (open is { } last)
                result.Add(last);
        }

        return result;
    }
}
