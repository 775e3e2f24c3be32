using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RoViec.Import.Tests.Fixtures;

/// <summary>
/// How a fixture deviates from the clean reconstruction of its sample, to reproduce what real
/// users do to tables that cross pages.
/// </summary>
/// <param name="Suffix">Appended to the file name ("" for the clean document).</param>
/// <param name="SplitContinuationRows">
/// Keep a row the source continued on the next page as two physical rows (the second with an
/// empty TT cell) instead of one row with the joined text.
/// </param>
/// <param name="KeepRepeatedHeaderRows">
/// Keep the header rows the source repeated at page tops as ordinary rows, the way people retype
/// them, instead of one header row marked to repeat.
/// </param>
internal sealed record DocxFixtureVariant(string Suffix, bool SplitContinuationRows = false, bool KeepRepeatedHeaderRows = false)
{
    public static readonly DocxFixtureVariant Clean = new("");
    public static readonly DocxFixtureVariant SplitRows = new(".split-rows", SplitContinuationRows: true);
    public static readonly DocxFixtureVariant RepeatedHeader = new(".repeated-header", KeepRepeatedHeaderRows: true);
}

/// <summary>
/// Turns a seed sample into a real Word document laid out the way such plans are: Times New Roman
/// 13 pt on A4, justified paragraphs with a first-line indent, bullets from a numbering definition,
/// bordered tables with a repeating header, merged cells, and the page number centred in the header
/// from page 2 on. The point is to give the DOCX and PDF readers the structures Word produces, not
/// the flattened text of the sample.
/// </summary>
internal static class DocxFixtureBuilder
{
    private const int PageWidth = 11906;   // A4, twentieths of a point
    private const int PageHeight = 16838;
    private const int MarginLeft = 1701;   // 3 cm, as Decree 30/2020 asks for administrative documents
    private const int MarginRight = 1134;
    private const int MarginTopBottom = 1134;
    private const int TextWidth = PageWidth - MarginLeft - MarginRight;
    private const int LandscapeTextWidth = PageHeight - 2 * MarginRight;
    private const int WideTableColumns = 8;
    private const int BodySize = 26;       // half-points: 13 pt
    private const int TableSize = 22;      // 11 pt, so nine columns still fit on a portrait page
    private const int BulletNumberingId = 1;

    /// <param name="bulletGlyph">The level-1 bullet Word draws: "-" as most offices use, or "•".</param>
    public static byte[] Build(string sampleText, DocxFixtureVariant variant, string bulletGlyph = "-")
    {
        var sample = SampleDocument.Parse(sampleText);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            AddNumbering(main, bulletGlyph);
            var headerId = AddPageNumberHeader(main);

            var body = new Body();
            var sections = new SectionWriter(headerId);
            for (var b = 0; b < sample.Blocks.Count; b++)
            {
                // Tables too wide for a portrait page get a landscape section of their own, with the
                // heading just above them, as people lay out wide appendix tables.
                if (IsWide(sample, b + 1) && sample.Blocks[b] is SampleTextBlock { Lines.Count: <= 3 })
                    body.Append(sections.End(landscape: false));
                else if (IsWide(sample, b) && !(b > 0 && sample.Blocks[b - 1] is SampleTextBlock { Lines.Count: <= 3 }))
                    body.Append(sections.End(landscape: false));

                switch (sample.Blocks[b])
                {
                    case SampleTextBlock text:
                        var lines = InlineMarkup.Parse(text.Lines);
                        for (var l = 0; l < text.Lines.Count; l++)
                            body.Append(BodyParagraph(text.Lines[l], lines[l]));
                        break;
                    case SampleTable table:
                        body.Append(BuildTable(table, variant, IsWide(sample, b) ? LandscapeTextWidth : TextWidth));
                        // Word cannot end a document, or put two tables, without a paragraph between;
                        // after a wide table that paragraph also closes its landscape section.
                        body.Append(IsWide(sample, b) ? sections.End(landscape: true) : new Paragraph());
                        break;
                }
            }

            body.Append(sections.Final());
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static bool IsWide(SampleDocument sample, int block) =>
        block < sample.Blocks.Count && sample.Blocks[block] is SampleTable { ColumnCount: >= WideTableColumns };

    /// <summary>
    /// Writes section properties. Only the first section has a title page (no page number on page 1);
    /// every section points at the same page-number header.
    /// </summary>
    private sealed class SectionWriter(string headerId)
    {
        private bool first = true;

        /// <summary>An empty paragraph that ends the current section.</summary>
        public Paragraph End(bool landscape) => new(new ParagraphProperties(Properties(landscape)));

        public SectionProperties Final() => Properties(landscape: false);

        private SectionProperties Properties(bool landscape)
        {
            var properties = new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId },
                landscape
                    ? new PageSize { Width = PageHeight, Height = PageWidth, Orient = PageOrientationValues.Landscape }
                    : new PageSize { Width = PageWidth, Height = PageHeight },
                landscape
                    ? new PageMargin { Top = MarginRight, Bottom = MarginRight, Left = MarginRight, Right = MarginRight, Header = 567, Footer = 567, Gutter = 0 }
                    : new PageMargin { Top = MarginTopBottom, Bottom = MarginTopBottom, Left = MarginLeft, Right = MarginRight, Header = 567, Footer = 567, Gutter = 0 });
            if (first)
                properties.Append(new TitlePage());
            first = false;
            return properties;
        }
    }

    private static Paragraph BodyParagraph(string sourceLine, IReadOnlyList<StyledRun> runs)
    {
        var properties = new ParagraphProperties();
        var level = sourceLine.StartsWith("- ", StringComparison.Ordinal) ? 0
            : sourceLine.StartsWith("+ ", StringComparison.Ordinal) ? 1
            : -1;
        if (level >= 0)
        {
            // The bullet is Word's, drawn from the numbering part; the text no longer carries it.
            runs = StripPrefix(runs, 2);
            properties.Append(new NumberingProperties(
                new NumberingLevelReference { Val = level },
                new NumberingId { Val = BulletNumberingId }));
        }
        else
        {
            properties.Append(new Indentation { FirstLine = "567" });
        }

        properties.Append(new SpacingBetweenLines { Before = "0", After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto });
        properties.Append(new Justification { Val = JustificationValues.Both });
        var paragraph = new Paragraph(properties);
        paragraph.Append(runs.Select(r => Run(r, size: null)));
        return paragraph;
    }

    private static List<StyledRun> StripPrefix(IReadOnlyList<StyledRun> runs, int count)
    {
        var result = new List<StyledRun>();
        foreach (var run in runs)
        {
            if (count == 0)
            {
                result.Add(run);
                continue;
            }

            var cut = Math.Min(count, run.Text.Length);
            count -= cut;
            if (cut < run.Text.Length)
                result.Add(run with { Text = run.Text[cut..] });
        }

        return result;
    }

    private static Run Run(StyledRun styled, int? size)
    {
        var properties = new RunProperties();
        if (styled.Bold)
            properties.Append(new Bold());
        if (styled.Italic)
            properties.Append(new Italic());
        if (size is { } halfPoints)
            properties.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        var run = new Run();
        if (properties.HasChildren)
            run.Append(properties);
        run.Append(new Text(styled.Text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private sealed class PhysicalRow(string[] cells, bool isHeader, bool isGroup)
    {
        public string[] Cells { get; set; } = cells;
        public bool IsHeader { get; } = isHeader;
        public bool IsGroup { get; } = isGroup;
        public MergedCell[] Merge { get; } = new MergedCell[cells.Length];
    }

    private enum MergedCell { None, Restart, Continue }

    /// <summary>
    /// The rows a reader of the built document should report for this table, per the RawTable
    /// contract: the physical rows of the variant, with a cell merged down repeating its text.
    /// </summary>
    public static List<string[]> ExpectedRawRows(SampleTable sample, DocxFixtureVariant variant)
    {
        var result = new List<string[]>();
        var spanning = new string[sample.ColumnCount];
        foreach (var row in PhysicalRows(sample, variant))
        {
            var cells = (string[])row.Cells.Clone();
            for (var c = 0; c < cells.Length; c++)
            {
                if (row.Merge[c] == MergedCell.Restart)
                    spanning[c] = cells[c];
                else if (row.Merge[c] == MergedCell.Continue)
                    cells[c] = spanning[c];
            }

            result.Add(cells);
        }

        return result;
    }

    private static List<PhysicalRow> PhysicalRows(SampleTable sample, DocxFixtureVariant variant)
    {
        var rows = new List<PhysicalRow>();
        for (var r = 0; r < sample.Rows.Count; r++)
        {
            if (sample.IsRuleLine(r))
                continue;
            if (sample.IsRepeatedHeader(r))
            {
                // Word repeats a marked header row on each page by itself; only the retyping variant keeps it.
                if (variant.KeepRepeatedHeaderRows)
                    rows.Add(new PhysicalRow((string[])sample.Rows[r].Clone(), isHeader: false, isGroup: false));
                continue;
            }

            if (sample.IsContinuation(r) && !variant.SplitContinuationRows && rows.Count > 0)
            {
                var target = rows.FindLast(p => !p.IsHeader && !SameCells(p.Cells, sample.Header)) ?? rows[^1];
                target.Cells = SampleTable.JoinCells(target.Cells, sample.Rows[r]);
                continue;
            }

            rows.Add(new PhysicalRow((string[])sample.Rows[r].Clone(), isHeader: r == 0 && !sample.IsLetterhead, isGroup: sample.IsGroupRow(r) || sample.IsOneCellRow(r)));
        }

        MarkVerticalMerges(rows);
        return rows;
    }

    private static Table BuildTable(SampleTable sample, DocxFixtureVariant variant, int tableWidth)
    {
        var rows = PhysicalRows(sample, variant);
        var widths = ColumnWidths(sample, tableWidth);
        var table = new Table();
        var border = sample.IsLetterhead ? BorderValues.None : BorderValues.Single;
        table.Append(new TableProperties(
            new TableWidth { Width = tableWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = border, Size = 4, Space = 0, Color = "000000" },
                new LeftBorder { Val = border, Size = 4, Space = 0, Color = "000000" },
                new BottomBorder { Val = border, Size = 4, Space = 0, Color = "000000" },
                new RightBorder { Val = border, Size = 4, Space = 0, Color = "000000" },
                new InsideHorizontalBorder { Val = border, Size = 4, Space = 0, Color = "000000" },
                new InsideVerticalBorder { Val = border, Size = 4, Space = 0, Color = "000000" }),
            new TableLook { Val = "04A0" }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        foreach (var row in rows)
        {
            var tableRow = new TableRow();
            if (row.IsHeader && !variant.KeepRepeatedHeaderRows)
                tableRow.Append(new TableRowProperties(new TableHeader()));
            for (var c = 0; c < row.Cells.Length; c++)
            {
                // A group row spans from its name to the end; a row written in its first cell only ("I. THỂ CHẾ")
                // is one cell across the whole table.
                var oneCell = row.IsGroup && c == 0 && row.Cells.Skip(1).All(x => x.Length == 0);
                var span = oneCell ? row.Cells.Length : row.IsGroup && c == 1 ? row.Cells.Length - 1 : 1;
                var width = widths.Skip(c).Take(span).Sum();
                var cellProperties = new TableCellProperties(
                    new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
                if (span > 1)
                    cellProperties.Append(new GridSpan { Val = span });
                if (row.Merge[c] != MergedCell.None)
                {
                    cellProperties.Append(new VerticalMerge
                    {
                        Val = row.Merge[c] == MergedCell.Restart ? MergedCellValues.Restart : MergedCellValues.Continue,
                    });
                }

                var text = row.Merge[c] == MergedCell.Continue ? "" : row.Cells[c];
                tableRow.Append(new TableCell(cellProperties, CellParagraph(text, row.IsHeader || row.IsGroup || sample.IsLetterhead, centred: row.IsHeader || sample.IsLetterhead || (c == 0 && !oneCell))));
                c += span - 1;
            }

            table.Append(tableRow);
        }

        return table;
    }

    private static bool SameCells(string[] a, string[] b) => a.SequenceEqual(b, StringComparer.Ordinal);

    /// <summary>Marks the cells the sample leaves empty because they are merged down (see <see cref="SampleTable.MergedDown"/>).</summary>
    private static void MarkVerticalMerges(List<PhysicalRow> rows)
    {
        foreach (var (row, column, anchor) in SampleTable.MergedDown(rows.Select(r => r.Cells).ToList()))
        {
            rows[row].Merge[column] = MergedCell.Continue;
            rows[anchor].Merge[column] = MergedCell.Restart;
        }
    }

    private static Paragraph CellParagraph(string text, bool bold, bool centred)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Before = "40", After = "40", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            new Justification { Val = centred ? JustificationValues.Center : JustificationValues.Left });
        var paragraph = new Paragraph(properties);
        if (text.Length > 0)
            paragraph.Append(InlineMarkup.ParseLine(text).Select(r => Run(r with { Bold = r.Bold || bold }, TableSize)));
        return paragraph;
    }

    /// <summary>
    /// Widths from how much text each column holds, but never narrower than its longest word, so
    /// no word is broken inside (people widen such columns).
    /// </summary>
    private static int[] ColumnWidths(SampleTable sample, int tableWidth)
    {
        const int TwipsPerCharacter = 125; // 11 pt Times, bold header included, with some slack
        const int CellPadding = 2 * 108 + 60;
        var minimums = new int[sample.ColumnCount];
        var weights = new double[sample.ColumnCount];
        for (var c = 0; c < sample.ColumnCount; c++)
        {
            var cells = sample.Rows.Where((_, r) => !sample.IsGroupRow(r)).Select(row => row[c]).ToList();
            var longestWord = cells.SelectMany(t => t.Split(' ')).Select(w => w.Length).DefaultIfEmpty(2).Max();
            minimums[c] = Math.Max(500, longestWord * TwipsPerCharacter + CellPadding);
            weights[c] = Math.Max(cells.Count == 0 ? 1 : cells.Average(t => t.Length), 4);
        }

        var spare = Math.Max(0, tableWidth - minimums.Sum());
        var total = weights.Sum();
        var widths = minimums.Select((m, c) => m + (int)(spare * weights[c] / total)).ToArray();
        var sum = widths.Sum();
        if (sum > tableWidth)
            widths = widths.Select(w => (int)((long)w * tableWidth / sum)).ToArray();
        // Give the rounding remainder to the widest column.
        var widest = Array.IndexOf(widths, widths.Max());
        widths[widest] += tableWidth - widths.Sum();
        return widths;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        var runDefaults = new RunPropertiesBaseStyle(
            new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
            new FontSize { Val = BodySize.ToString(CultureInfo.InvariantCulture) },
            new FontSizeComplexScript { Val = BodySize.ToString(CultureInfo.InvariantCulture) },
            new Languages { Val = "vi-VN" });
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(runDefaults),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "List Paragraph" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "ListParagraph" });
        styles.Styles.Save();
    }

    /// <summary>One bullet list definition: level 0 the office's dash (or •), level 1 "+".</summary>
    private static void AddNumbering(MainDocumentPart main, string bulletGlyph)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        var abstractNum = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = 0 };
        string[] glyphs = [bulletGlyph, "+", "-"];
        for (var level = 0; level < glyphs.Length; level++)
        {
            abstractNum.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = glyphs[level] },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation
                {
                    Left = (567 * (level + 1) + 283).ToString(CultureInfo.InvariantCulture),
                    Hanging = "283",
                }),
                new NumberingSymbolRunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman" }))
            { LevelIndex = level });
        }

        part.Numbering = new Numbering(
            abstractNum,
            new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = BulletNumberingId });
        part.Numbering.Save();
    }

    /// <summary>The page number centred at the top, not on page 1 (the title page), per Decree 30/2020.</summary>
    private static string AddPageNumberHeader(MainDocumentPart main)
    {
        var part = main.AddNewPart<HeaderPart>();
        part.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(new Run(new Text("2"))) { Instruction = " PAGE " }));
        part.Header.Save();
        return main.GetIdOfPart(part);
    }
}
