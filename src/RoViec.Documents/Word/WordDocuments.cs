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
    public static byte[] Create(PageSetup page, DocumentInfo info, Action<MainDocumentPart, Body> write)
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
            body.Append(Section(main, page));
            document.PackageProperties.Title = info.Title;
            document.PackageProperties.Creator = info.Creator;
            document.PackageProperties.Language = page.Language;
        }
        return stream.ToArray();
    }

    private static SectionProperties Section(MainDocumentPart main, PageSetup page)
    {
        // Page numbers at the top centre, from the second page on (the first page has an empty header).
        var numbered = main.AddNewPart<HeaderPart>();
        numbered.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(new Run(new RunProperties(new FontSize { Val = "26" }), new Text("2"))) { Instruction = " PAGE " }));
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());
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
