using System.Text.RegularExpressions;

namespace RoViec.Web.Tests;

/// <summary>Every table says what it holds to a screen reader: a caption (usually visually hidden) or a label (WCAG 1.3.1).</summary>
public sealed partial class TableCaptionTests
{
    [Fact]
    public async Task Every_table_of_every_page_has_a_caption_or_a_label()
    {
        var web = SourceTree.Web;
        var unlabelled = new List<string>();
        var tables = 0;
        foreach (var file in SourceTree.Files(web, "*.cshtml"))
        {
            var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            foreach (Match table in TableRegex().Matches(text))
            {
                tables++;
                var labelled = table.Value.Contains("aria-label", StringComparison.Ordinal)
                    || text.AsSpan(table.Index + table.Length).TrimStart().StartsWith("<caption", StringComparison.Ordinal);
                if (!labelled) unlabelled.Add($"{Path.GetRelativePath(web, file)}:{text[..table.Index].Count(c => c == '\n') + 1}");
            }
        }

        Assert.True(tables > 30, "the pages' tables were not found");
        Assert.True(unlabelled.Count == 0, "Bảng không có tiêu đề (tables without a caption): " + string.Join(", ", unlabelled));
    }

    [GeneratedRegex(@"<table\b[^>]*>")]
    private static partial Regex TableRegex();
}
