using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RoViec.Documents.Word;

/// <summary>What a document says about itself (File › Properties).</summary>
public sealed record DocumentInfo(string Title, string Creator);

/// <summary>Creates a .docx: the page, the default type, page numbers at the top from the second page on.</summary>
public static class WordDocuments
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>
    /// A document on <paramref name="page"/> whose body <paramref name="write"/> fills; the section (page size,
    /// margins, headers) is appended after it.
    /// </summary>
    /// <param name="mark">A word printed at the top right of every page, the first included (a draft's "DỰ THẢO"); null for none.</param>
    public static byte[] Create(PageSetup page, DocumentInfo info, Action<MainDocumentPart, Body> write, string? mark = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main, page);
            var body = new Body();
            main.Document = new Document(body);
            write(main, body);
            body.Append(Section(main, page, mark));
            document.PackageProperties.Title = info.Title;
            document.PackageProperties.Creator = info.Creator;
            document.PackageProperties.Language = page.Language;
        }
        return stream.ToArray();
    }

    private static SectionProperties Section(MainDocumentPart main, PageSetup page, string? mark)
    {
        // Page numbers at the top centre, from the second page on (the first page has an empty header); a mark, when
        // given, at the top right of every page.
        var numbered = main.AddNewPart<HeaderPart>();
        var pageNumber = new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(new Run(new RunProperties(new FontSize { Val = "26" }), new Text("2"))) { Instruction = " PAGE " });
        numbered.Header = Marked(mark) is { } marked ? new Header(marked, pageNumber) : new Header(pageNumber);
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(Marked(mark) ?? new Paragraph());
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(numbered) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) },
            new PageSize { Width = (UInt32Value)(uint)page.Width, Height = (UInt32Value)(uint)page.Height },
            new PageMargin
            {
                Top = page.Top,
                Bottom = page.Bottom,
                Left = (UInt32Value)(uint)page.Left,
                Right = (UInt32Value)(uint)page.Right,
                Header = 567,
                Footer = 567,
                Gutter = 0,
            },
            new TitlePage());
    }

    private static Paragraph? Marked(string? mark) => mark is null ? null : new Paragraph(
        new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Right }),
        new Run(new RunProperties(new Bold(), new FontSize { Val = "28" }), new Text(mark)));

    private static void AddStyles(MainDocumentPart main, PageSetup page)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        var font = page.Font;
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = font, HighAnsi = font, ComplexScript = font, EastAsia = font },
                    new FontSize { Val = page.BodySize.ToString(CultureInfo.InvariantCulture) },
                    new FontSizeComplexScript { Val = page.BodySize.ToString(CultureInfo.InvariantCulture) },
                    new Languages { Val = page.Language })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(
                new StyleName { Val = "Normal" },
                new PrimaryStyle(),
                new StyleRunProperties(new RunFonts { Ascii = font, HighAnsi = font, ComplexScript = font, EastAsia = font }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
    }
}
