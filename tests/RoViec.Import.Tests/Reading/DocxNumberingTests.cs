using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using RoViec.Import.Reading;

namespace RoViec.Import.Tests.Reading;

/// <summary>Word's automatic numbering and heading styles read as a person sees them.</summary>
public sealed class DocxNumberingTests
{
    [Fact]
    public void Automatic_roman_and_decimal_numbering_is_rendered_into_the_text()
    {
        var bytes = Build(body =>
        {
            body.Append(Numbered("MỤC TIÊU", numId: 1, level: 0));
            body.Append(Numbered("Mục tiêu chung", numId: 1, level: 1));
            body.Append(Numbered("Mục tiêu cụ thể", numId: 1, level: 1));
            body.Append(Numbered("NHIỆM VỤ, GIẢI PHÁP", numId: 1, level: 0));
            body.Append(Numbered("Công tác chỉ đạo", numId: 1, level: 1));
            body.Append(Numbered("Rà soát thủ tục hành chính", numId: 2, level: 0));
        });

        var texts = DocxDocumentReader.Read(bytes, new ImportOptions()).OfType<RawParagraph>().ToList();

        Assert.Equal("I. MỤC TIÊU", texts[0].Text);
        Assert.Equal("1. Mục tiêu chung", texts[1].Text);
        Assert.Equal("2. Mục tiêu cụ thể", texts[2].Text);
        Assert.Equal("II. NHIỆM VỤ, GIẢI PHÁP", texts[3].Text);
        Assert.Equal("1. Công tác chỉ đạo", texts[4].Text);
        Assert.Equal("- Rà soát thủ tục hành chính", texts[5].Text);
        Assert.True(texts[5].IsListItem);
        Assert.False(texts[0].IsListItem);
    }

    [Fact]
    public void Heading_styles_mark_headings()
    {
        var bytes = Build(body =>
        {
            body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }), new Run(new Text("NHIỆM VỤ VÀ GIẢI PHÁP"))));
            body.Append(new Paragraph(new Run(new Text("Nội dung thường."))));
        });

        var texts = DocxDocumentReader.Read(bytes, new ImportOptions()).OfType<RawParagraph>().ToList();

        Assert.Equal(1, texts[0].HeadingLevel);
        Assert.Null(texts[1].HeadingLevel);
    }

    [Fact]
    public void Merged_cells_repeat_down_and_leave_blanks_across()
    {
        var bytes = Build(body =>
        {
            var table = new Table(
                Row(Cell("TT"), Cell("Nhiệm vụ"), Cell("Thời hạn")),
                Row(Cell("I"), Cell("Hạ tầng số", span: 2)),
                Row(Cell("1"), Cell("Nâng cấp phần mềm"), Cell("Quý III/2026", merge: MergedCellValues.Restart)),
                Row(Cell("2"), Cell("Số hóa hồ sơ"), Cell("", merge: MergedCellValues.Continue)));
            body.Append(table);
        });

        var table = Assert.Single(DocxDocumentReader.Read(bytes, new ImportOptions()).OfType<RawTable>());

        Assert.Equal(["I", "Hạ tầng số", ""], table.Rows[1]);
        Assert.Equal("Quý III/2026", table.Rows[3][2]);
    }

    [Fact]
    public void Paragraphs_typed_with_tabs_become_a_table()
    {
        var bytes = Build(body =>
        {
            body.Append(new Paragraph(new Run(new Text("TT"), new TabChar(), new Text("Tên nhiệm vụ"), new TabChar(), new Text("Chủ trì"))));
            body.Append(new Paragraph(new Run(new Text("1"), new TabChar(), new Text("Rà soát"), new TabChar(), new Text("Công an xã"))));
        });

        var table = Assert.Single(DocxDocumentReader.Read(bytes, new ImportOptions()).OfType<RawTable>());

        Assert.Equal(["1", "Rà soát", "Công an xã"], table.Rows[1]);
    }

    private static Paragraph Numbered(string text, int numId, int level) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })), new Run(new Text(text)));

    private static TableRow Row(params TableCell[] cells) => new(cells);

    private static TableCell Cell(string text, int span = 1, MergedCellValues? merge = null)
    {
        var props = new TableCellProperties();
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (merge is { } m) props.Append(new VerticalMerge { Val = m });
        return new TableCell(props, new Paragraph(new Run(new Text(text))));
    }

    private static byte[] Build(Action<Body> fill)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.UpperRoman }, new LevelText { Val = "%1." }) { LevelIndex = 0 },
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%2." }) { LevelIndex = 1 })
                { AbstractNumberId = 10 },
                new AbstractNum(
                    new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "-" }) { LevelIndex = 0 })
                { AbstractNumberId = 20 },
                new NumberingInstance(new AbstractNumId { Val = 10 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 20 }) { NumberID = 2 });
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" });
            fill(body);
        }
        return stream.ToArray();
    }
}
