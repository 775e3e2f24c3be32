using System.Globalization;
using System.Reflection;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using UglyToad.PdfPig;

namespace RoViec.Web.Tests;

/// <summary>
/// The demo commune's simulated year up to late November, and October's official report as the chair downloads it
/// (the report of issue 15: 30 pages, five of them rows of tasks nobody follows), in Word and as LibreOffice lays it out.
/// </summary>
public sealed class DemoOctoberFixture : IAsyncLifetime
{
    public RoViecApp App { get; } = new()
    {
        Clock = new TestClock(new DateOnly(2026, 11, 24), 10),
        Settings = new Dictionary<string, string> { ["RoViec:Demo:History"] = "true" },
    };

    public byte[] Docx { get; private set; } = [];
    public Guid PlanId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = await App.SignedInClientAsync("truongban");
        var (october, plan) = await App.WithDbAsync(async db => await db.Periods.AsNoTracking()
            .Where(p => p.Kind == PeriodKinds.Monthly && p.Number == 10 && p.Year == 2026).Select(p => ValueTuple.Create(p.Id, p.PlanId)).SingleAsync(ct));
        PlanId = plan;
        using var response = await client.GetAsync(new Uri($"/ky-bao-cao/{october}/bao-cao.docx", UriKind.Relative), ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Docx = await response.Content.ReadAsByteArrayAsync(ct);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public sealed class DemoOctoberReportTests(DemoOctoberFixture fixture) : IClassFixture<DemoOctoberFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A page's text without spaces, composed (PdfPig splits words and may decompose diacritics).</summary>
    private static string Words(UglyToad.PdfPig.Content.Page page) =>
        page.Text.Normalize(NormalizationForm.FormC).Replace(" ", "", StringComparison.Ordinal);

    [Fact]
    public async Task The_body_the_committee_reads_is_at_most_eight_pages_and_the_appendix_follows_it()
    {
        var pdf = await LibreOffice.ToPdfAsync(fixture.Docx, "bao-cao-thang-10-2026.docx", Ct);
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(Words).ToList();
        // The appendix starts on its own page with its title; everything before it is the body.
        var appendix = pages.FindIndex(p => p.Contains("DANHMỤCNHIỆMVỤ", StringComparison.Ordinal));
        Assert.True(appendix > 0, "the report has no appendix");
        var body = appendix;
        Assert.Contains(pages.Take(body), p => p.Contains("TRƯỞNGBAN", StringComparison.Ordinal));
        Assert.True(body <= 8, $"the body is {body} pages (the whole report {pages.Count}); the committee reads at most 8");
    }

    [Fact]
    public async Task The_appendix_lists_each_task_a_unit_leads_and_counts_the_others_on_one_line_per_section()
    {
        var tasks = await fixture.App.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.PlanId == fixture.PlanId).Select(t => new { t.Code, t.LeadUnitId }).ToListAsync(Ct));
        var unassigned = tasks.Where(t => t.LeadUnitId is null).ToList();
        Assert.True(unassigned.Count > 10, $"the demo plan has {unassigned.Count} tasks no unit leads");
        using var doc = WordprocessingDocument.Open(new MemoryStream(fixture.Docx), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var title = body.Elements<Paragraph>().First(p => MonthlyReportArrange.ParagraphText(p) == "DANH MỤC NHIỆM VỤ VÀ TÌNH TRẠNG THỰC HIỆN");
        var rows = MonthlyReportArrange.Rows(title.ElementsAfter().OfType<Table>().First()).Skip(1).ToList();

        var numbered = rows.Where(r => r[0].Length > 0).ToList();
        Assert.Equal(tasks.Count - unassigned.Count, numbered.Count);
        Assert.DoesNotContain(numbered, r => r[2] == "Chưa giao");
        var grouped = rows.Where(r => r[0].Length == 0 && r[1].Contains(" nhiệm vụ chưa giao đơn vị theo dõi", StringComparison.Ordinal)).ToList();
        Assert.Equal(unassigned.Count, grouped.Sum(r => int.Parse(r[1].Split(' ')[0], CultureInfo.InvariantCulture)));
        // One line per section: each follows its section's heading row, and no section has two.
        var sections = rows.Count(r => r[0].Length == 0 && !grouped.Contains(r));
        Assert.InRange(grouped.Count, 1, sections);
        // Each numbered task no unit leads is named by its number on its section's line.
        foreach (var code in unassigned.Select(t => t.Code).OfType<string>())
            Assert.Contains(grouped, r => r[1].Contains(code, StringComparison.Ordinal));
    }

    /// <summary>
    /// The advance widths of Times Bold (Adobe's Times-Bold.afm, in thousandths of an em, metric-compatible with Times New
    /// Roman Bold and Liberation Serif Bold), read from the copy PdfPig ships for the PDF standard fonts.
    /// </summary>
    private static readonly Lazy<Dictionary<string, int>> TimesBold = new(() =>
    {
        var fonts = Assembly.Load(new AssemblyName("UglyToad.PdfPig.Fonts"));
        using var stream = fonts.GetManifestResourceStream("UglyToad.PdfPig.Fonts.Resources.AdobeFontMetrics.Times-Bold.afm")!;
        using var reader = new StreamReader(stream);
        var widths = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (!line.StartsWith("C ", StringComparison.Ordinal)) continue;
            // "C 72 ; WX 778 ; N H ; B 19 0 759 676 ;" (ligature pairs "L f i fi" may follow).
            var parts = line.Split(';', StringSplitOptions.TrimEntries).Select(p => p.Split(' ', 2)).Where(p => p.Length == 2)
                .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]);
            widths[parts["N"]] = int.Parse(parts["WX"], CultureInfo.InvariantCulture);
        }
        return widths;
    });

    private static readonly Dictionary<char, string> GlyphNames = new()
    {
        [','] = "comma",
        ['.'] = "period",
        ['-'] = "hyphen",
        ['/'] = "slash",
        ['('] = "parenleft",
        [')'] = "parenright",
        ['%'] = "percent",
        [':'] = "colon",
        ['0'] = "zero",
        ['1'] = "one",
        ['2'] = "two",
        ['3'] = "three",
        ['4'] = "four",
        ['5'] = "five",
        ['6'] = "six",
        ['7'] = "seven",
        ['8'] = "eight",
        ['9'] = "nine",
        ['đ'] = "d",
        ['Đ'] = "D",
    };

    /// <summary>A word's width in Times Bold, in thousandths of an em: Vietnamese letters as wide as their base letter.</summary>
    private static int Width(string word) => word.Normalize(NormalizationForm.FormD)
        .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
        .Sum(c => TimesBold.Value[GlyphNames.GetValueOrDefault(c) ?? c.ToString()]);

    [Fact]
    public void Every_table_header_word_fits_its_column_so_headers_break_only_between_words()
    {
        Assert.Equal(2334, Width("Hạng")); // H 778 + a 500 + n 556 + g 500: the word that wrapped as "Hạn/g".
        using var doc = WordprocessingDocument.Open(new MemoryStream(fixture.Docx), false);
        var tables = doc.MainDocumentPart!.Document!.Body!.Descendants<Table>()
            .Where(t => t.Elements<TableRow>().FirstOrDefault()?.TableRowProperties?.GetFirstChild<TableHeader>() is not null).ToList();
        // Units, statuses, fields, indicators, overdue tasks, next month's tasks, scores, the appendix's two.
        Assert.True(tables.Count >= 8, $"{tables.Count} tables with a header row");
        Assert.Contains(tables, t => t.Descendants<TableCell>().Select(c => MonthlyReportArrange.CellText(c)).Contains("Hạng"));
        var tooNarrow = new List<string>();
        foreach (var table in tables)
        {
            var margins = table.GetFirstChild<TableProperties>()!.TableCellMarginDefault!;
            var padding = (int)margins.TableCellLeftMargin!.Width!.Value + (int)margins.TableCellRightMargin!.Width!.Value;
            foreach (var cell in table.Elements<TableRow>().First().Elements<TableCell>())
            {
                var room = int.Parse(cell.TableCellProperties!.TableCellWidth!.Width!.Value!, CultureInfo.InvariantCulture) - padding;
                var run = cell.Descendants<Run>().First();
                Assert.NotNull(run.RunProperties!.Bold);
                var halfPoints = int.Parse(run.RunProperties.FontSize!.Val!.Value!, CultureInfo.InvariantCulture);
                foreach (var word in MonthlyReportArrange.CellText(cell).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
                {
                    // Twentieths of a point: thousandths of an em × the size in points × 20, with 3 % to spare for the word processor.
                    var needed = Width(word) * halfPoints / 2 * 20 / 1000.0 * 1.03;
                    if (needed > room) tooNarrow.Add($"\"{word}\" needs {needed:0} twips, its column has {room}");
                }
            }
        }
        Assert.Empty(tooNarrow);
    }
}
