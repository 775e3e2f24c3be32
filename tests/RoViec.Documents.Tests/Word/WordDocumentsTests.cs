using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using RoViec.Documents.Word;

namespace RoViec.Documents.Tests.Word;

public sealed class WordDocumentsTests
{
    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    [Fact]
    public void A_document_on_the_Vietnamese_A4_page_has_its_size_margins_type_and_page_numbers_from_the_second_page()
    {
        var bytes = WordDocuments.Create(PageSetup.A4Vietnamese, new DocumentInfo("Báo cáo tháng 10", "UBND xã Diễn Châu"),
            (_, body) => body.Append(WordParts.Paragraph("Nội dung", new ParagraphFormat())));

        using var document = Open(bytes);
        var main = document.MainDocumentPart!;
        var section = main.Document!.Body!.Elements<SectionProperties>().Single();
        // A4 is 210 × 297 mm; margins 20, 20, 30 and 15 mm (1 mm = 56.7 twentieths of a point).
        Assert.Equal(11906u, section.GetFirstChild<PageSize>()!.Width!.Value);
        Assert.Equal(16838u, section.GetFirstChild<PageSize>()!.Height!.Value);
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal([1134, 1134, 1701u, 851u], new object[] { margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value });
        // The first page's header is empty; the others carry the PAGE field.
        Assert.NotNull(section.GetFirstChild<TitlePage>());
        var first = section.Elements<HeaderReference>().Single(h => h.Type! == HeaderFooterValues.First);
        var other = section.Elements<HeaderReference>().Single(h => h.Type! == HeaderFooterValues.Default);
        Assert.Empty(((HeaderPart)main.GetPartById(first.Id!)).Header!.Descendants<SimpleField>());
        Assert.Equal(" PAGE ", ((HeaderPart)main.GetPartById(other.Id!)).Header!.Descendants<SimpleField>().Single().Instruction!.Value);
        // Times New Roman 14 pt in Vietnamese by default.
        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Times New Roman", defaults.GetFirstChild<RunFonts>()!.Ascii!.Value);
        Assert.Equal("28", defaults.GetFirstChild<FontSize>()!.Val!.Value);
        Assert.Equal("vi-VN", defaults.GetFirstChild<Languages>()!.Val!.Value);
        Assert.Equal("Báo cáo tháng 10", document.PackageProperties.Title);
        Assert.Equal("UBND xã Diễn Châu", document.PackageProperties.Creator);
        // The section closes the body, after what the caller wrote.
        Assert.IsType<SectionProperties>(main.Document.Body.LastChild);
        Assert.Equal("Nội dung", main.Document.Body.Elements<Paragraph>().First().InnerText);
    }

    [Fact]
    public void A_mark_stands_at_the_top_right_of_every_page_and_no_mark_leaves_the_headers_plain()
    {
        var marked = WordDocuments.Create(PageSetup.A4Vietnamese, new DocumentInfo("Dự thảo", "UBND xã"),
            (_, body) => body.Append(WordParts.Paragraph("Nội dung", new ParagraphFormat())), mark: "DỰ THẢO");
        var plain = WordDocuments.Create(PageSetup.A4Vietnamese, new DocumentInfo("Báo cáo", "UBND xã"),
            (_, body) => body.Append(WordParts.Paragraph("Nội dung", new ParagraphFormat())));

        using var document = Open(marked);
        var headers = document.MainDocumentPart!.HeaderParts.Select(h => h.Header!).ToList();
        Assert.Equal(2, headers.Count);
        foreach (var header in headers)
        {
            var first = header.Elements<Paragraph>().First();
            Assert.Equal("DỰ THẢO", first.InnerText);
            Assert.Equal(JustificationValues.Right, first.ParagraphProperties!.Justification!.Val!.Value);
            Assert.NotNull(first.Descendants<Bold>().FirstOrDefault());
        }
        // The page numbers stay on the pages after the first.
        Assert.Single(headers, h => h.Descendants<SimpleField>().Any());
        using var plainDocument = Open(plain);
        Assert.All(plainDocument.MainDocumentPart!.HeaderParts, h => Assert.DoesNotContain("DỰ THẢO", h.Header!.InnerText, StringComparison.Ordinal));
    }

    [Fact]
    public void The_text_width_is_the_page_between_its_margins()
    {
        Assert.Equal(11906 - 1701 - 851, PageSetup.A4Vietnamese.TextWidth);
    }
}
