using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using RoViec.Import.Reading;
using RoViec.Import.Tests.Fixtures;
using Xunit;

namespace RoViec.Import.Tests.Reading;

/// <summary>
/// The PDF reader on the committed PDFs (exported by LibreOffice from the DOCX fixtures), checked
/// against the seed samples they were made from.
/// </summary>
public sealed partial class PdfDocumentReaderTests
{
    public static TheoryData<string, string> AllPdfs()
    {
        var data = new TheoryData<string, string>();
        foreach (var spec in FixtureCatalog.All)
        {
            foreach (var variant in spec.Variants)
                data.Add(spec.Name, variant.Suffix);
        }

        return data;
    }

    [Fact]
    public void Tan_ky_appendix_2_table_has_the_five_tasks_with_their_lead_and_deadline()
    {
        var table = Tables(Read("tan-ky-kh-2026")).Single(t => t.Rows[0][1] == "Tên nhiệm vụ");
        var rows = WithoutRepeatedHeaders(table);

        Assert.All(rows, r => Assert.Equal(7, r.Length));
        Assert.Equal(["TT", "Tên nhiệm vụ", "Chủ trì", "Phối hợp", "Kết quả", "Thời hạn", "Ghi chú"], rows[0]);
        var tasks = rows.Skip(1).ToList();
        Assert.Equal(["1", "2", "3", "4", "5"], tasks.Select(r => r[0]));
        Assert.Equal(
            ["Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công", "Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội"],
            tasks.Select(r => r[2]));
        Assert.Equal("31/3/2026", tasks[^1][5]);
        Assert.Equal("Theo Quyết định số 11/QĐ-BCĐCP ngày 27/02/2026", tasks[^1][6]);
    }

    [Theory]
    [MemberData(nameof(AllPdfs))]
    public void Tables_come_out_with_the_documents_columns_rows_and_cell_texts(string name, string suffix)
    {
        var spec = FixtureCatalog.Get(name);
        var variant = spec.Variants.Single(v => v.Suffix == suffix);
        var sample = SampleDocument.Parse(FixtureCatalog.SeedText(name));
        var expected = sample.Tables.Select(t => Comparable(DocxFixtureBuilder.ExpectedRawRows(t, variant), variant)).ToList();
        var actual = Tables(Read(name + suffix)).Select(t => Comparable(t.Rows.Select(r => r.ToArray()).ToList(), variant)).ToList();

        Assert.Equal(expected.Count, actual.Count);
        for (var t = 0; t < expected.Count; t++)
        {
            Assert.Equal(expected[t].Count, actual[t].Count);
            for (var r = 0; r < expected[t].Count; r++)
                Assert.Equal(expected[t][r], actual[t][r]);
        }
    }

    [Fact]
    public void Row_split_by_a_page_break_is_joined_back_into_one_row()
    {
        // In the clean document the 1.1 row starts at the bottom of a page and ends on the next.
        var rows = WithoutRepeatedHeaders(Tables(Read("dien-chau-ctr-2026")).Single());
        var row = rows.Single(r => r[0] == "1.1");
        Assert.Equal("Duy trì, nâng cấp hệ thống họp trực tuyến kết nối thông suốt từ Trung ương, tỉnh đến xã", row[1]);
        Assert.Equal("Chánh VP Đảng ủy, Chánh Vp HĐND - UBND xã", row[2]);
        Assert.DoesNotContain(rows, r => r[0].Length == 0);
    }

    [Fact]
    public void Row_typed_as_two_rows_stays_two_rows()
    {
        // The split-rows variant has 4.1 as two physical rows on one page; that is the document's
        // own structure, which the parser resolves like a continuation line of the sample.
        var rows = WithoutRepeatedHeaders(Tables(Read("dien-chau-ctr-2026.split-rows")).Single());
        var index = rows.FindIndex(r => r[0] == "4.1");
        Assert.Equal("Tổ chức phổ biến, quán triệt chủ trương, nâng", rows[index][1]);
        Assert.Equal("", rows[index + 1][0]);
        Assert.StartsWith("cao nhận thức", rows[index + 1][1], StringComparison.Ordinal);
    }

    [Fact]
    public void Cell_merged_down_repeats_its_text_in_every_row_it_spans()
    {
        var rows = WithoutRepeatedHeaders(Tables(Read("dien-chau-ctr-2026")).Single());
        var spanned = rows.Where(r => r[0].StartsWith("2.1", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, spanned.Count);
        Assert.All(spanned, r => Assert.Equal("Phần mềm ứng dụng, hệ thống thông tin đặc thù", r[3]));
        Assert.All(spanned, r => Assert.Equal("Quý III, năm 2026", r[4]));
        Assert.Equal("", spanned[0][2]);
        Assert.Equal("Thủ trưởng cơ quan Đảng ủy", spanned[1][2]);
    }

    [Fact]
    public void Cell_merged_across_is_followed_by_empty_cells()
    {
        var rows = Tables(Read("dien-chau-ctr-2026")).Single().Rows;
        Assert.Contains(rows, r => r.SequenceEqual(["II", "Nền tảng số, ứng dụng số, dữ liệu số dùng chung", "", "", ""]));
    }

    [Fact]
    public void Table_continued_over_pages_is_one_table_with_the_repeated_headers_as_rows()
    {
        var table = Tables(Read("dien-chau-ctr-2026")).Single();
        var headers = table.Rows.Count(r => r.SequenceEqual(table.Rows[0]));
        Assert.True(headers >= 3, $"expected the header repeated on each of the table's pages, got {headers}");
        Assert.Equal("5.4", table.Rows[^1][0]);
    }

    [Theory]
    [MemberData(nameof(AllPdfs))]
    public void Paragraphs_are_the_samples_lines_in_order_with_wrapped_lines_joined(string name, string suffix)
    {
        var sample = SampleDocument.Parse(FixtureCatalog.SeedText(name));
        var expected = sample.Blocks.OfType<SampleTextBlock>()
            .SelectMany(b => InlineMarkup.Parse(b.Lines))
            .Select(runs => Collapse(string.Concat(runs.Select(r => r.Text))))
            .ToList();
        var actual = Read(name + suffix).OfType<RawParagraph>().Select(p => Collapse(p.Text)).ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Paragraphs_keep_their_vietnamese_diacritics()
    {
        var paragraphs = Read("tan-ky-kh-2026").OfType<RawParagraph>().ToList();
        Assert.Contains(paragraphs, p => p.Text.StartsWith("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Ban Chấp hành Trung ương Đảng", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Text == "Độc lập - Tự do - Hạnh phúc");
    }

    [Theory]
    [MemberData(nameof(AllPdfs))]
    public void All_text_comes_out_composed_nfc(string name, string suffix)
    {
        var texts = Read(name + suffix).SelectMany(b => b switch
        {
            RawParagraph p => [p.Text],
            RawTable t => t.Rows.SelectMany(r => r),
            _ => [],
        });
        Assert.All(texts, t => Assert.True(t.IsNormalized(NormalizationForm.FormC), t));
    }

    [Fact]
    public void Tone_mark_drawn_as_its_own_glyph_is_composed_onto_its_letter()
    {
        // Some PDF fonts place "ị" as "i" plus a combining dot below; word extraction may then see
        // the mark as a word of its own.
        var line = new RoViec.Import.Reading.Pdf.TextLine([
            new RoViec.Import.Reading.Pdf.PdfWord("Nghi", 10, 30, 0, 10, 0, 13, false),
            new RoViec.Import.Reading.Pdf.PdfWord("\u0323", 27, 29, -2, 0, 0, 13, false),
            new RoViec.Import.Reading.Pdf.PdfWord("quyết", 34, 60, 0, 10, 0, 13, false)]);
        Assert.Equal("Nghị quyết", line.Text);
        Assert.True(line.Text.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Word_bullets_drawn_as_dots_become_dash_list_items()
    {
        var paragraphs = Read("xuan-giang-ctr-2026").OfType<RawParagraph>().ToList();
        var basis = paragraphs.First(p => p.Text.Contains("Nghị quyết số 57-NQ/TW ngày 22/12/2024", StringComparison.Ordinal));
        Assert.True(basis.IsListItem);
        Assert.StartsWith("- Căn cứ Nghị quyết số 57-NQ/TW", basis.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(paragraphs, p => p.Text.Contains('•', StringComparison.Ordinal));
    }

    [Fact]
    public void Second_level_plus_bullets_keep_their_plus()
    {
        var item = Read("xuan-giang-ctr-2026").OfType<RawParagraph>().Single(p => p.Text.EndsWith("Sở học bạ", StringComparison.Ordinal));
        Assert.True(item.IsListItem);
        Assert.Equal("+ Sở học bạ", item.Text);
    }

    [Fact]
    public void Numbered_headings_are_plain_paragraphs_not_list_items()
    {
        var heading = Read("thien-tan-kh-2026").OfType<RawParagraph>().Single(p => p.Text == "1. Mục tiêu chung");
        Assert.False(heading.IsListItem);
    }

    [Fact]
    public void Paragraph_set_in_bold_is_marked_bold()
    {
        var paragraphs = Read("dien-chau-ctr-2026").OfType<RawParagraph>().ToList();
        Assert.True(paragraphs.Single(p => p.Text == "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2026").IsBold);
        Assert.False(paragraphs.Single(p => p.Text == "1. Yêu cầu").IsBold);
    }

    [Fact]
    public void Page_numbers_in_the_running_header_are_left_out()
    {
        var blocks = Read("thien-tan-kh-2026");
        Assert.DoesNotContain(blocks.OfType<RawParagraph>(), p => p.Text.All(char.IsDigit));
    }

    [Fact]
    public void Scanned_pdf_without_a_text_layer_is_refused_as_a_scan_quickly()
    {
        var refusal = Refused(FixtureCatalog.Pdf("scanned"));
        Assert.IsType<ScannedPdf>(refusal.Error);
    }

    [Fact]
    public void Blank_pdf_is_refused_as_having_no_text_layer()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        Assert.IsType<ScannedPdf>(Refused(builder.Build()).Error);
    }

    [Fact]
    public void Truncated_pdf_is_refused_as_corrupt_quickly()
    {
        var whole = FixtureCatalog.Pdf("dien-chau-ctr-2026");
        Assert.IsType<CorruptPdf>(Refused(whole[..(whole.Length / 2)]).Error);
    }

    [Fact]
    public void Random_bytes_are_refused_as_corrupt_quickly()
    {
        var bytes = new byte[200_000];
        new Random(57).NextBytes(bytes);
        Assert.IsType<CorruptPdf>(Refused(bytes).Error);
    }

    [Fact]
    public void Garbage_between_a_pdf_header_and_trailer_is_refused_as_corrupt_quickly()
    {
        var bytes = new byte[200_000];
        new Random(71).NextBytes(bytes);
        var head = Encoding.ASCII.GetBytes("%PDF-1.7\n");
        var tail = Encoding.ASCII.GetBytes("\n%%EOF\n");
        head.CopyTo(bytes, 0);
        tail.CopyTo(bytes, bytes.Length - tail.Length);
        Assert.IsType<CorruptPdf>(Refused(bytes).Error);
    }

    /// <summary>The refusal a read ends with, which must come within a few seconds.</summary>
    private static ImportRefusal Refused(byte[] bytes)
    {
        var clock = Stopwatch.StartNew();
        var refusal = Assert.Throws<ImportRefusal>(() => new PdfDocumentReader().Read(bytes));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"refusal took {clock.Elapsed}");
        return refusal;
    }

    /// <summary>
    /// Rows as compared: without the header rows Word repeated at page tops (positions depend on
    /// layout, and the parser drops them), and, for the split-rows variant, with continuation rows
    /// joined (whether a typed continuation row lands at a page top, where the reader joins it, is
    /// also layout).
    /// </summary>
    private static List<string[]> Comparable(List<string[]> rows, DocxFixtureVariant variant)
    {
        var header = rows[0];
        var result = new List<string[]>();
        foreach (var row in rows.Where((row, i) => i == 0 || !row.SequenceEqual(header, StringComparer.Ordinal)))
        {
            if (variant.SplitContinuationRows && row[0].Length == 0 && result.Count > 1)
                result[^1] = SampleTable.JoinCells(result[^1], row);
            else
                result.Add(row);
        }

        return result;
    }

    /// <summary>Each fixture is read once for all the tests that look at it.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<RawBlock>>> Reads = new(StringComparer.Ordinal);

    private static IReadOnlyList<RawBlock> Read(string fileName) =>
        Reads.GetOrAdd(fileName, f => new(() => new PdfDocumentReader().Read(FixtureCatalog.Pdf(f)))).Value;

    private static List<RawTable> Tables(IReadOnlyList<RawBlock> blocks) => blocks.OfType<RawTable>().ToList();

    /// <summary>The table without the header rows Word repeated at page tops (the parser drops those).</summary>
    private static List<string[]> WithoutRepeatedHeaders(RawTable table)
    {
        var header = table.Rows[0];
        return table.Rows.Where((row, i) => i == 0 || !row.SequenceEqual(header, StringComparer.Ordinal))
            .Select(r => r.ToArray()).ToList();
    }

    private static string Collapse(string text) => Spaces().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
