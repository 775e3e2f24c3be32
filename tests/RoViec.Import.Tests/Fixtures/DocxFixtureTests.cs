using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace RoViec.Import.Tests.Fixtures;

/// <summary>
/// The committed DOCX fixtures really contain the Word structures they stand for, read back with
/// the Open XML SDK: a reader tested on them is tested on tables, merges and lists, not on text.
/// </summary>
public sealed class DocxFixtureTests
{
    private static readonly string[] DienChauHeader = ["TT", "Nhiệm vụ", "Trực tiếp chỉ đạo", "Dự kiến kết quả", "Thời gian hoàn thành"];

    [Fact]
    public void Dien_chau_appendix_is_one_word_table_with_borders_and_a_grid()
    {
        using var document = Open("dien-chau-ctr-2026");
        var table = Assert.Single(Body(document).Elements<Table>());
        Assert.NotNull(table.GetFirstChild<TableProperties>()?.TableBorders?.InsideHorizontalBorder);
        Assert.Equal(5, table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count());
    }

    [Fact]
    public void Dien_chau_header_row_is_marked_to_repeat_and_not_typed_again()
    {
        using var document = Open("dien-chau-ctr-2026");
        var rows = Body(document).Descendants<TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(DienChauHeader, CellTexts(rows[0]));
        Assert.Single(rows, r => CellTexts(r).SequenceEqual(DienChauHeader));
    }

    [Fact]
    public void Dien_chau_repeated_header_variant_keeps_the_retyped_header_rows_and_no_repeat_mark()
    {
        var repeats = SampleDocument.Parse(FixtureCatalog.SeedText("dien-chau-ctr-2026")).Tables.Single()
            .Rows.Count(r => r.SequenceEqual(DienChauHeader));
        using var document = Open("dien-chau-ctr-2026.repeated-header");
        var rows = Body(document).Descendants<TableRow>().ToList();
        Assert.Equal(repeats, rows.Count(r => CellTexts(r).SequenceEqual(DienChauHeader)));
        Assert.DoesNotContain(rows, r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null);
    }

    [Fact]
    public void Dien_chau_2_1_result_and_deadline_cells_are_merged_down_over_its_sub_tasks()
    {
        using var document = Open("dien-chau-ctr-2026");
        var rows = Body(document).Descendants<TableRow>().ToList();
        var parent = rows.Single(r => CellTexts(r)[0] == "2.1");
        var children = rows.Where(r => CellTexts(r)[0].StartsWith("2.1.", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, children.Count);
        foreach (var column in new[] { 3, 4 })
        {
            Assert.Equal(MergedCellValues.Restart, VerticalMerge(parent, column));
            Assert.All(children, child => Assert.Equal(MergedCellValues.Continue, VerticalMerge(child, column)));
        }

        Assert.Equal("Phần mềm ứng dụng, hệ thống thông tin đặc thù", CellTexts(parent)[3]);
        // The leader column is not merged: 2.1 names none, each sub-task its own.
        Assert.Null(parent.Elements<TableCell>().ElementAt(2).TableCellProperties?.VerticalMerge);
    }

    [Fact]
    public void Roman_numeral_group_rows_span_the_name_across_the_remaining_columns()
    {
        using var document = Open("dien-chau-ctr-2026");
        var groups = Body(document).Descendants<TableRow>()
            .Where(r => CellTexts(r)[0] is "I" or "II" or "III" or "IV" or "V").ToList();
        Assert.Equal(5, groups.Count);
        Assert.All(groups, row =>
        {
            var cells = row.Elements<TableCell>().ToList();
            Assert.Equal(2, cells.Count);
            Assert.Equal(4, cells[1].TableCellProperties?.GridSpan?.Val?.Value);
        });
    }

    [Fact]
    public void Row_continued_on_the_next_page_in_the_sample_is_one_row_with_the_joined_text()
    {
        using var document = Open("dien-chau-ctr-2026");
        var row = CellTexts(Body(document).Descendants<TableRow>().Single(r => CellTexts(r)[0] == "4.1"));
        Assert.Equal("Tổ chức phổ biến, quán triệt chủ trương, nâng cao nhận thức cho cán bộ, lãnh đạo quản lý các cấp, nhất là người đứng đầu về sự cần thiết, tính cấp thiết và vai trò của chuyển đổi số.", row[1]);
        Assert.Equal("Thời gian hoàn thành: Quý IV, năm 2026", row[4]);
        Assert.DoesNotContain(Body(document).Descendants<TableRow>(), r => CellTexts(r)[0].Length == 0);
    }

    [Fact]
    public void Split_rows_variant_keeps_the_continued_row_as_two_physical_rows()
    {
        using var document = Open("dien-chau-ctr-2026.split-rows");
        var rows = Body(document).Descendants<TableRow>().Select(CellTexts).ToList();
        var first = rows.FindIndex(r => r[0] == "4.1");
        Assert.Equal("Tổ chức phổ biến, quán triệt chủ trương, nâng", rows[first][1]);
        Assert.Equal("", rows[first + 1][0]);
        Assert.StartsWith("cao nhận thức", rows[first + 1][1], StringComparison.Ordinal);
    }

    [Fact]
    public void Tan_ky_has_its_three_tables_with_the_wide_one_on_a_landscape_page()
    {
        using var document = Open("tan-ky-kh-2026");
        var body = Body(document);
        var tables = body.Elements<Table>().ToList();
        Assert.Equal([5, 9, 7], tables.Select(t => t.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count()));
        // The section that ends right after the nine-column table is landscape.
        var closing = (Paragraph)tables[1].NextSibling()!;
        Assert.Equal(PageOrientationValues.Landscape, closing.ParagraphProperties?.SectionProperties?.GetFirstChild<PageSize>()?.Orient?.Value);
    }

    [Fact]
    public void Tan_ky_continued_row_is_joined_and_the_markdown_rule_line_is_gone()
    {
        using var document = Open("tan-ky-kh-2026");
        var rows = Body(document).Elements<Table>().ElementAt(1).Elements<TableRow>().Select(CellTexts).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("kiểm tra việc tạo lập, tiếp nhận, xử lý, ký số", rows[2][3], StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.All(c => c.StartsWith("--", StringComparison.Ordinal)));
    }

    [Fact]
    public void Tan_ky_split_rows_variant_has_the_continuation_as_its_own_row()
    {
        using var document = Open("tan-ky-kh-2026.split-rows");
        var rows = Body(document).Elements<Table>().ElementAt(1).Elements<TableRow>().Select(CellTexts).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["", "", ""], rows[3][..3]);
        Assert.StartsWith("nhận, xử lý, ký số", rows[3][3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dien-chau-ctr-2026", "-")]
    [InlineData("tan-ky-kh-2026", "-")]
    [InlineData("thien-tan-kh-2026", "-")]
    [InlineData("xuan-giang-ctr-2026", "•")]
    public void Dash_lines_are_word_bullets_from_the_numbering_part_without_the_dash_in_the_text(string name, string glyph)
    {
        using var document = Open(name);
        var numbering = document.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
        var abstractNum = numbering.Elements<AbstractNum>().Single();
        var levelZero = abstractNum.Elements<Level>().Single(l => l.LevelIndex?.Value == 0);
        Assert.Equal(NumberFormatValues.Bullet, levelZero.NumberingFormat?.Val?.Value);
        Assert.Equal(glyph, levelZero.LevelText?.Val?.Value);

        var sample = SampleDocument.Parse(FixtureCatalog.SeedText(name));
        var dashLines = sample.Blocks.OfType<SampleTextBlock>().SelectMany(b => b.Lines).Count(l => l.StartsWith("- ", StringComparison.Ordinal));
        var bulleted = Body(document).Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.NumberingProperties?.NumberingLevelReference?.Val?.Value == 0).ToList();
        Assert.Equal(dashLines, bulleted.Count);
        Assert.All(bulleted, p => Assert.Equal(
            numbering.Elements<NumberingInstance>().Single().NumberID?.Value,
            p.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value));
        Assert.DoesNotContain(bulleted, p => p.InnerText.StartsWith("- ", StringComparison.Ordinal));
    }

    [Fact]
    public void Plus_lines_are_second_level_bullets()
    {
        using var document = Open("xuan-giang-ctr-2026");
        var plus = Body(document).Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.NumberingProperties?.NumberingLevelReference?.Val?.Value == 1).ToList();
        Assert.Equal(5, plus.Count);
        Assert.Equal("Sở sức khỏe điện tử", plus[0].InnerText);
    }

    [Fact]
    public void Numbered_headings_stay_plain_text_without_numbering()
    {
        using var document = Open("thien-tan-kh-2026");
        var heading = Body(document).Elements<Paragraph>().First(p => p.InnerText == "1. Mục tiêu chung");
        Assert.Null(heading.ParagraphProperties?.NumberingProperties);
    }

    [Fact]
    public void Marked_text_becomes_bold_and_italic_runs_without_asterisks()
    {
        using var document = Open("dien-chau-ctr-2026");
        var runs = Body(document).Descendants<Run>().ToList();
        Assert.Contains(runs, r => r.RunProperties?.Bold is not null && r.InnerText == "98%");
        Assert.Contains(runs, r => r.RunProperties?.Bold is not null && r.InnerText == "ĐẢNG ỦY XÃ DIỄN CHÂU");
        Assert.Contains(runs, r => r.RunProperties?.Italic is not null && r.InnerText.StartsWith("sử dụng VNeID", StringComparison.Ordinal));
        Assert.DoesNotContain(runs, r => r.InnerText.Contains("**", StringComparison.Ordinal));
    }

    [Fact]
    public void Page_number_is_a_field_in_the_header_that_page_one_leaves_out()
    {
        using var document = Open("thien-tan-kh-2026");
        var header = Assert.Single(document.MainDocumentPart!.HeaderParts);
        Assert.Contains(header.Header!.Descendants<SimpleField>(), f => f.Instruction?.Value?.Trim() == "PAGE");
        Assert.NotNull(Body(document).GetFirstChild<SectionProperties>()?.GetFirstChild<TitlePage>());
    }

    private static WordprocessingDocument Open(string fileName) =>
        WordprocessingDocument.Open(new MemoryStream(File.ReadAllBytes(FixtureCatalog.DocxPath(fileName))), isEditable: false);

    private static Body Body(WordprocessingDocument document) => document.MainDocumentPart!.Document!.Body!;

    private static string[] CellTexts(TableRow row) => row.Elements<TableCell>().Select(c => c.InnerText).ToArray();

    private static MergedCellValues? VerticalMerge(TableRow row, int column)
    {
        var merge = row.Elements<TableCell>().ElementAt(column).TableCellProperties?.VerticalMerge;
        return merge is null ? null : merge.Val?.Value ?? MergedCellValues.Continue;
    }
}
