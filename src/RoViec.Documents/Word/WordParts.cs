using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Drawing = DocumentFormat.OpenXml.Drawing;
using DrawingWord = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pictures = DocumentFormat.OpenXml.Drawing.Pictures;

namespace RoViec.Documents.Word;

/// <summary>The pieces a document is made of: paragraphs, short rules, tables with and without borders, pictures.</summary>
public static class WordParts
{
    /// <summary>A paragraph of one run; a line break in the text ("\n") becomes a break in the run.</summary>
    public static Paragraph Paragraph(string text, ParagraphFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(format);
        var properties = new ParagraphProperties();
        if (format.KeepNext) properties.Append(new KeepNext());
        properties.Append(new SpacingBetweenLines
        {
            Before = Twips(format.Before),
            After = Twips(format.After),
            Line = "264",
            LineRule = LineSpacingRuleValues.Auto,
        });
        if (format.FirstLine > 0) properties.Append(new Indentation { FirstLine = Twips(format.FirstLine) });
        if (format.Align is { } align) properties.Append(new Justification { Val = align });
        properties.Append(new ParagraphMarkRunProperties(RunProperties(format).ChildElements.Select(c => c.CloneNode(true))));
        var paragraph = new Paragraph(properties);
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var run = new Run(RunProperties(format));
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
        }
        paragraph.Append(run);
        return paragraph;
    }

    public static RunProperties RunProperties(ParagraphFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var properties = new RunProperties();
        if (format.Bold) properties.Append(new Bold());
        if (format.Italic) properties.Append(new Italic());
        properties.Append(new FontSize { Val = Twips(format.Size) });
        properties.Append(new FontSizeComplexScript { Val = Twips(format.Size) });
        if (format.Underline) properties.Append(new Underline { Val = UnderlineValues.Single });
        return properties;
    }

    /// <summary>A short horizontal rule, centred in <paramref name="width"/>: a bottom border on an empty paragraph.</summary>
    public static Paragraph ShortLine(int width, int length)
    {
        var side = Twips(Math.Max(0, (width - length) / 2));
        return new Paragraph(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            new SpacingBetweenLines { Before = "0", After = "0", Line = "80", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = side, Right = side },
            new Justification { Val = JustificationValues.Center },
            new ParagraphMarkRunProperties(new FontSize { Val = "4" }, new FontSizeComplexScript { Val = "4" })));
    }

    /// <summary>One row of side-by-side cells without borders (a letterhead, a signature block).</summary>
    public static Table Borderless(int[] widths, IReadOnlyList<IReadOnlyList<Paragraph>> cells, bool cantSplit = false)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(cells);
        var table = new Table(new TableProperties(
            new TableWidth { Width = Twips(widths.Sum()), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil },
                new BottomBorder { Val = BorderValues.Nil }, new RightBorder { Val = BorderValues.Nil },
                new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));
        var row = new TableRow();
        if (cantSplit) row.Append(new TableRowProperties(new CantSplit()));
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = Twips(widths[i]), Type = TableWidthUnitValues.Dxa }));
            cell.Append(cells[i].Count == 0 ? [new Paragraph()] : cells[i]);
            row.Append(cell);
        }
        table.Append(row);
        return table;
    }

    /// <summary>
    /// A table with borders: a bold, centred header row repeated on each page, rows kept whole, text of
    /// <paramref name="size"/> half-points aligned per column as <paramref name="align"/> says.
    /// </summary>
    public static Table Bordered(int[] widths, string[] headers, IEnumerable<string[]> rows, JustificationValues[] align, int size,
        bool boldLastRow = false, HashSet<int>? boldRows = null)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(align);
        static TableBorders Borders() => new(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new RightBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" });
        var table = new Table(new TableProperties(
            new TableWidth { Width = Twips(widths.Sum()), Type = TableWidthUnitValues.Dxa },
            Borders(),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));

        TableRow Row(string[] texts, bool header, bool bold)
        {
            var row = new TableRow(header ? new TableRowProperties(new CantSplit(), new TableHeader()) : new TableRowProperties(new CantSplit()));
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = new TableCell(new TableCellProperties(
                    new TableCellWidth { Width = Twips(widths[i]), Type = TableWidthUnitValues.Dxa },
                    new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }));
                cell.Append(Paragraph(i < texts.Length ? texts[i] : "", new ParagraphFormat
                {
                    Size = size,
                    Bold = bold,
                    Align = header ? JustificationValues.Center : align[i],
                    Before = 40,
                    After = 40,
                }));
                row.Append(cell);
            }
            return row;
        }

        table.Append(Row(headers, header: true, bold: true));
        var list = rows.ToList();
        for (var i = 0; i < list.Count; i++) table.Append(Row(list[i], header: false, bold: (boldLastRow && i == list.Count - 1) || boldRows?.Contains(i) == true));
        return table;
    }

    /// <summary>
    /// A PNG of <paramref name="width"/> × <paramref name="height"/> pixels as an inline picture, centred, kept with what
    /// follows, no wider than <paramref name="maxWidth"/> (twentieths of a point).
    /// </summary>
    public static Paragraph Picture(MainDocumentPart main, byte[] png, int width, int height, string name, int maxWidth)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(png);
        var part = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(png)) part.FeedData(stream);
        var id = main.GetIdOfPart(part);
        const long EmuPerTwip = 635;
        const long EmuPerPixel = 9525;
        var cx = Math.Min(maxWidth * EmuPerTwip, width * EmuPerPixel);
        var cy = cx * height / width;
        var pictureId = (uint)(main.ImageParts.Count() + 100);
        var inline = new DrawingWord.Inline(
            new DrawingWord.Extent { Cx = cx, Cy = cy },
            new DrawingWord.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DrawingWord.DocProperties { Id = pictureId, Name = name },
            new DrawingWord.NonVisualGraphicFrameDrawingProperties(new Drawing.GraphicFrameLocks { NoChangeAspect = true }),
            new Drawing.Graphic(new Drawing.GraphicData(
                new Pictures.Picture(
                    new Pictures.NonVisualPictureProperties(
                        new Pictures.NonVisualDrawingProperties { Id = pictureId, Name = name + ".png" },
                        new Pictures.NonVisualPictureDrawingProperties()),
                    new Pictures.BlipFill(
                        new Drawing.Blip { Embed = id },
                        new Drawing.Stretch(new Drawing.FillRectangle())),
                    new Pictures.ShapeProperties(
                        new Drawing.Transform2D(
                            new Drawing.Offset { X = 0L, Y = 0L },
                            new Drawing.Extents { Cx = cx, Cy = cy }),
                        new Drawing.PresetGeometry(new Drawing.AdjustValueList()) { Preset = Drawing.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        return new Paragraph(
            new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "120" }, new Justification { Val = JustificationValues.Center }),
            new Run(new DocumentFormat.OpenXml.Wordprocessing.Drawing(inline)));
    }

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);
}
