using System.Text;

namespace RoViec.Import.Tests.Importing;

public sealed class TextEncodingTests
{
    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-8-bom")]
    public void Unicode_encodings_with_a_byte_order_mark_import_like_utf8(string encoding)
    {
        var text = File.ReadAllText(FixturePaths.Dir("seeds", "tan-ky-kh-2026.txt"), Encoding.UTF8);
        byte[] bytes = encoding switch
        {
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            _ => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        };

        var expected = Assert.IsType<ImportOutcome.Imported>(PlanImporter.Import(Encoding.UTF8.GetBytes(text), "plan.txt")).Draft;
        var actual = Assert.IsType<ImportOutcome.Imported>(PlanImporter.Import(bytes, "plan.txt")).Draft;

        Assert.Equal(expected.Tasks.Select(t => (t.Name, t.Deadline)), actual.Tasks.Select(t => (t.Name, t.Deadline)));
        Assert.Equal(expected.Indicators.Count, actual.Indicators.Count);
    }

    [Fact]
    public void Windows_line_endings_import_like_unix_ones()
    {
        var text = File.ReadAllText(FixturePaths.Dir("seeds", "thien-tan-kh-2026.txt"), Encoding.UTF8);
        var unix = Assert.IsType<ImportOutcome.Imported>(PlanImporter.Import(Encoding.UTF8.GetBytes(text), "a.txt")).Draft;
        var windows = Assert.IsType<ImportOutcome.Imported>(PlanImporter.Import(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)), "a.txt")).Draft;

        Assert.Equal(unix.Tasks.Count, windows.Tasks.Count);
        Assert.Equal(unix.Tasks.Select(t => t.Lead.Count), windows.Tasks.Select(t => t.Lead.Count));
    }
}
