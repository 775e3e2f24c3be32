using UglyToad.PdfPig.Content;

namespace RoViec.Import.Reading.Pdf;

/// <summary>One page reduced to what block assembly needs: text lines outside tables, and tables.</summary>
internal sealed class PageLayout
{
    private PageLayout(int number, double width, double height, int letterCount, bool hasImages, List<TextLine> lines, List<PageTable> tables)
    {
        Number = number;
        Width = width;
        Height = height;
        LetterCount = letterCount;
        HasImages = hasImages;
        Lines = lines;
        Tables = tables;
    }

    public int Number { get; }
    public double Width { get; }
    public double Height { get; }

    /// <summary>Visible characters other than spaces: zero on a scanned page.</summary>
    public int LetterCount { get; }
    public bool HasImages { get; }
    public List<TextLine> Lines { get; }
    public List<PageTable> Tables { get; }

    /// <summary>Lines and tables top to bottom, the reading order of a single-column page.</summary>
    public IEnumerable<IPageItem> Items() => Lines.Cast<IPageItem>().Concat(Tables).OrderByDescending(item => item.Top);

    public static PageLayout Read(Page page)
    {
        var letterCount = page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value));
        var hasImages = page.NumberOfImages > 0;
        if (letterCount == 0)
            return new PageLayout(page.Number, page.Width, page.Height, 0, hasImages, [], []);

        var words = page.GetWords()
            .Where(w => w.TextOrientation == TextOrientation.Horizontal && !string.IsNullOrWhiteSpace(w.Text))
            .Select(ToWord)
            .ToList();
        var frames = TableFrame.FindTables(TableFrame.ExtractRulings(page.Paths));
        var tables = frames.Select(f => new PageTable(f, [])).ToList();
        var free = new List<PdfWord>();
        foreach (var word in words)
        {
            var table = tables.FirstOrDefault(t => t.Frame.Contains(word));
            if (table is null)
                free.Add(word);
            else
                table.Words.Add(word);
        }

        // Text further apart than five characters' width on one baseline is two blocks side by side.
        var lines = TextLine.Build(free, splitAtGapsOver: 5);
        return new PageLayout(page.Number, page.Width, page.Height, letterCount, hasImages, lines, tables);
    }

    private static PdfWord ToWord(Word word)
    {
        var first = word.Letters[0];
        var bold = word.Letters.All(l =>
            l.FontDetails is { IsBold: true } or { Weight: >= 600 }
            || (l.FontName?.Contains("Bold", StringComparison.OrdinalIgnoreCase) ?? false));
        return new PdfWord(
            word.Text.Normalize(System.Text.NormalizationForm.FormC),
            word.BoundingBox.Left, word.BoundingBox.Right, word.BoundingBox.Bottom, word.BoundingBox.Top,
            first.StartBaseLine.Y, first.PointSize, bold);
    }
}

/// <summary>Something placed on a page in reading order: a line of text or a table.</summary>
internal interface IPageItem
{
    double Top { get; }
}

/// <summary>A table frame on a page and the words inside it.</summary>
internal sealed record PageTable(TableFrame Frame, List<PdfWord> Words) : IPageItem
{
    public double Top => Frame.Top;
}
