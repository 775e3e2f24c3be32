using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using Xunit;

namespace RoViec.Import.Tests.Fixtures;

/// <summary>
/// Writes the committed DOCX fixtures when ROVIEC_WRITE_FIXTURES=1 (tests/fixtures/make-fixtures.sh
/// sets it); otherwise checks that what is committed still opens and matches the builder, so a
/// change to the builder without regenerating is caught.
/// </summary>
public sealed partial class FixtureGenerationTests
{
    public static TheoryData<string, string> Fixtures()
    {
        var data = new TheoryData<string, string>();
        foreach (var spec in FixtureCatalog.All)
        {
            foreach (var variant in spec.Variants)
                data.Add(spec.Name, variant.Suffix);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Committed_docx_fixture_opens_with_its_tables_and_matches_the_builder(string name, string suffix)
    {
        var spec = FixtureCatalog.Get(name);
        var variant = spec.Variants.Single(v => v.Suffix == suffix);
        var built = DocxFixtureBuilder.Build(FixtureCatalog.SeedText(name), variant, spec.BulletGlyph);

        if (Environment.GetEnvironmentVariable("ROVIEC_WRITE_FIXTURES") == "1")
        {
            var directory = Path.Combine(FixtureCatalog.SourceDirectory(), "docx");
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(Path.Combine(directory, spec.FileName(variant) + ".docx"), built);
            return;
        }

        var committed = File.ReadAllBytes(FixtureCatalog.DocxPath(spec.FileName(variant)));
        Assert.Equal(spec.TableCount, TableCount(committed));
        Assert.Equal(BodyXml(built), BodyXml(committed));
    }

    public static TheoryData<string> FamilyFixtures() => [.. FixtureCatalog.FamilyRenderings];

    /// <summary>Family documents in Word (tests/fixtures/family-docx), converted to PDF by the script (family-pdf).</summary>
    [Theory]
    [MemberData(nameof(FamilyFixtures))]
    public void Committed_family_docx_matches_the_builder(string name)
    {
        var built = DocxFixtureBuilder.Build(File.ReadAllText(FixtureCatalog.Output("family", name + ".txt")), DocxFixtureVariant.Clean);
        if (Environment.GetEnvironmentVariable("ROVIEC_WRITE_FIXTURES") == "1")
        {
            var directory = Path.Combine(FixtureCatalog.SourceDirectory(), "family-docx");
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(Path.Combine(directory, name + ".docx"), built);
            return;
        }

        var committed = File.ReadAllBytes(FixtureCatalog.Output("family-docx", name + ".docx"));
        Assert.Equal(BodyXml(built), BodyXml(committed));
    }

    public static TheoryData<string, string> BlindFixtures() => [.. FixtureCatalog.BlindRenderings];

    /// <summary>Blind rounds' documents in Word (tests/fixtures/blindN-docx), converted to PDF by the script (blindN-pdf).</summary>
    [Theory]
    [MemberData(nameof(BlindFixtures))]
    public void Committed_blind_docx_matches_the_builder(string round, string name)
    {
        var built = DocxFixtureBuilder.Build(File.ReadAllText(FixtureCatalog.Output(round, name + ".txt")), DocxFixtureVariant.Clean);
        if (Environment.GetEnvironmentVariable("ROVIEC_WRITE_FIXTURES") == "1")
        {
            var directory = Path.Combine(FixtureCatalog.SourceDirectory(), round + "-docx");
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(Path.Combine(directory, name + ".docx"), built);
            return;
        }

        var committed = File.ReadAllBytes(FixtureCatalog.Output(round + "-docx", name + ".docx"));
        Assert.Equal(BodyXml(built), BodyXml(committed));
    }

    [Fact]
    public void Committed_scanned_pdf_is_one_page_image_without_a_text_layer()
    {
        if (Environment.GetEnvironmentVariable("ROVIEC_WRITE_FIXTURES") == "1")
        {
            // The script rasterises a generated PDF first and passes the image; without it there
            // is nothing to write yet.
            if (Environment.GetEnvironmentVariable("ROVIEC_SCAN_IMAGE") is not { Length: > 0 } image)
                return;
            var builder = new PdfDocumentBuilder();
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            page.AddJpeg(File.ReadAllBytes(image), new PdfRectangle(0, 0, page.PageSize.Width, page.PageSize.Height));
            File.WriteAllBytes(Path.Combine(FixtureCatalog.SourceDirectory(), "pdf", "scanned.pdf"), builder.Build());
            return;
        }

        using var document = PdfDocument.Open(FixtureCatalog.Pdf("scanned"));
        Assert.Equal(1, document.NumberOfPages);
        var only = document.GetPage(1);
        Assert.Empty(only.Letters);
        Assert.Equal(1, only.NumberOfImages);
    }

    private static int TableCount(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return document.MainDocumentPart!.Document!.Body!.Elements<Table>().Count();
    }

    /// <summary>The body markup without relationship ids, which the SDK picks at random.</summary>
    private static string BodyXml(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return RelationshipId().Replace(document.MainDocumentPart!.Document!.Body!.OuterXml, "r:id=\"*\"");
    }

    [GeneratedRegex("r:id=\"[^\"]*\"")]
    private static partial Regex RelationshipId();
}
