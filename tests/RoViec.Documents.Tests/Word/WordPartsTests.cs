using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using RoViec.Documents.Word;

namespace RoViec.Documents.Tests.Word;

public sealed class WordPartsTests
{
    [Fact]
    public void A_paragraph_keeps_its_line_breaks_and_its_look()
    {
        var paragraph = WordParts.Paragraph("Dòng một\r\nDòng hai", new ParagraphFormat
        {
            Bold = true,
            Italic = true,
            Underline = true,
            Size = 26,
            FirstLine = 567,
            Before = 120,
            KeepNext = true,
            Align = JustificationValues.Both,
        });

        var run = paragraph.Elements<Run>().Single();
        Assert.Equal(["Dòng một", "Dòng hai"], run.Elements<Text>().Select(t => t.Text));
        Assert.Single(run.Elements<Break>());
        Assert.NotNull(run.RunProperties!.Bold);
        Assert.NotNull(run.RunProperties.Italic);
        Assert.Equal(UnderlineValues.Single, run.RunProperties.Underline!.Val!.Value);
        Assert.Equal("26", run.RunProperties.FontSize!.Val!.Value);
        var properties = paragraph.ParagraphProperties!;
        Assert.Equal("567", properties.Indentation!.FirstLine!.Value);
        Assert.Equal("120", properties.SpacingBetweenLines!.Before!.Value);
        Assert.NotNull(properties.KeepNext);
        Assert.Equal(JustificationValues.Both, properties.Justification!.Val!.Value);
    }

    [Fact]
    public void A_plain_paragraph_has_no_indent_no_bold_and_no_alignment()
    {
        var paragraph = WordParts.Paragraph("Văn bản", new ParagraphFormat());

        Assert.Null(paragraph.ParagraphProperties!.Indentation);
        Assert.Null(paragraph.ParagraphProperties.Justification);
        Assert.Null(paragraph.Elements<Run>().Single().RunProperties!.Bold);
        Assert.Equal("28", paragraph.Elements<Run>().Single().RunProperties!.FontSize!.Val!.Value);
    }

    [Fact]
    public void A_bordered_table_repeats_its_header_keeps_rows_whole_and_bolds_the_rows_asked()
    {
        var table = WordParts.Bordered([1000, 3000], ["STT", "Nhiệm vụ"], [["1", "Một"], ["2", "Hai"], ["", "Tổng"]],
            [JustificationValues.Center, JustificationValues.Left], size: 24, boldLastRow: true, boldRows: [0]);

        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.All(rows, r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<CantSplit>()));
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties!.GetFirstChild<TableHeader>()));
        static bool Bold(TableRow r) => r.Descendants<Run>().All(run => run.RunProperties?.Bold is not null);
        Assert.Equal([true, true, false, true], rows.Select(Bold));
        Assert.Equal(["1000", "3000"], table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => c.Width!.Value));
        Assert.Equal(JustificationValues.Left, rows[1].Elements<TableCell>().Last().Descendants<Justification>().Single().Val!.Value);
        Assert.Equal(JustificationValues.Center, rows[0].Elements<TableCell>().Last().Descendants<Justification>().Single().Val!.Value);
    }

    [Fact]
    public void A_borderless_table_puts_its_cells_side_by_side_without_borders()
    {
        var table = WordParts.Borderless([3685, 5685], [[WordParts.Paragraph("ỦY BAN NHÂN DÂN", new ParagraphFormat())], []]);

        var cells = table.Descendants<TableCell>().ToList();
        Assert.Equal(2, cells.Count);
        Assert.Equal("ỦY BAN NHÂN DÂN", cells[0].InnerText);
        // An empty cell still holds a paragraph, as WordprocessingML requires.
        Assert.Single(cells[1].Elements<Paragraph>());
        Assert.Equal(BorderValues.Nil, table.Descendants<TopBorder>().Single().Val!.Value);
    }

    [Fact]
    public void A_picture_wider_than_the_text_is_scaled_to_it_keeping_its_proportions()
    {
        using var stream = new MemoryStream();
        using var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body());

        var wide = WordParts.Picture(main, Png, width: 2000, height: 1000, "Biểu đồ", maxWidth: 9354);
        var small = WordParts.Picture(main, Png, width: 100, height: 50, "Nhỏ", maxWidth: 9354);

        var extent = wide.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Single();
        Assert.Equal(9354L * 635, extent.Cx!.Value);
        Assert.Equal(9354L * 635 / 2, extent.Cy!.Value);
        // A small picture keeps its size (96 pixels an inch: 9525 EMU a pixel).
        Assert.Equal(100L * 9525, small.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Single().Cx!.Value);
        Assert.Equal(2, main.ImageParts.Count());
    }

    [Fact]
    public void A_short_line_is_centred_in_its_width()
    {
        var line = WordParts.ShortLine(width: 3685, length: 1300);

        var indent = line.ParagraphProperties!.Indentation!;
        Assert.Equal("1192", indent.Left!.Value);
        Assert.Equal("1192", indent.Right!.Value);
        Assert.NotNull(line.ParagraphProperties.ParagraphBorders!.GetFirstChild<BottomBorder>());
    }

    // A 1 × 1 transparent PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
}
