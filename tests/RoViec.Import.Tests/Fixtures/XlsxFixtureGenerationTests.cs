using DocumentFormat.OpenXml.Packaging;

namespace RoViec.Import.Tests.Fixtures;

/// <summary>
/// Writes the committed workbooks and their gold under tests/fixtures/xlsx when ROVIEC_WRITE_FIXTURES=1
/// (tests/fixtures/make-fixtures.sh); otherwise checks that what is committed matches what the builder makes now.
/// </summary>
public sealed class XlsxFixtureGenerationTests
{
    public static TheoryData<string> Names => [.. XlsxFixtureCatalog.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void Committed_xlsx_fixture_and_its_gold_match_the_builder(string name)
    {
        var built = XlsxFixtureCatalog.Build(name);
        if (Environment.GetEnvironmentVariable("ROVIEC_WRITE_FIXTURES") == "1")
        {
            var directory = Path.Combine(FixtureCatalog.SourceDirectory(), "xlsx");
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(Path.Combine(directory, name + ".xlsx"), built.Workbook);
            File.WriteAllText(Path.Combine(directory, name + ".gold.json"), built.Gold);
            return;
        }
        Assert.Equal(SheetsXml(built.Workbook), SheetsXml(File.ReadAllBytes(FixtureCatalog.Output("xlsx", name + ".xlsx"))));
        Assert.Equal(built.Gold, File.ReadAllText(FixtureCatalog.Output("xlsx", name + ".gold.json")));
    }

    private static string SheetsXml(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), isEditable: false);
        var part = document.WorkbookPart!;
        return string.Join("\n", part.WorksheetParts.Select(p => p.Worksheet!.OuterXml).Order(StringComparer.Ordinal))
            + (part.SharedStringTablePart?.SharedStringTable?.OuterXml ?? "");
    }
}
