using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Web.Features.Periods;
using static RoViec.Web.Tests.MonthlyReportArrange;

namespace RoViec.Web.Tests;

/// <summary>The arranged December and its report as the standing office downloads it, shared read-only by the tests below.</summary>
public sealed class MonthlyReportFixture : IAsyncLifetime
{
    public RoViecApp App { get; } = new() { Clock = new TestClock(MonthlyReportArrange.ReportDay, 10) };
    public December December { get; private set; } = null!;
    public byte[] Docx { get; private set; } = [];
    public HttpResponseMessage Response { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        December = await App.ReportedDecemberAsync();
        using var client = await App.SignedInClientAsync("thuongtruc");
        Response = await client.GetAsync(new Uri($"/ky-bao-cao/{December.PeriodId}/bao-cao.docx?so=15&ngay=22/12/2026&thethuc=nha-nuoc", UriKind.Relative), TestContext.Current.CancellationToken);
        Docx = await Response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Response.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>
/// The monthly report as a Word document: the administrative layout (Nghị định 30/2020/NĐ-CP) and every figure,
/// checked against the reports arranged in the database and counted here independently.
/// </summary>
public sealed class MonthlyReportTests(MonthlyReportFixture fixture) : IClassFixture<MonthlyReportFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private December D => fixture.December;

    private WordprocessingDocument Open() => WordprocessingDocument.Open(new MemoryStream(fixture.Docx), false);

    private static Body BodyOf(WordprocessingDocument doc) => doc.MainDocumentPart!.Document!.Body!;

    private static List<string> Paragraphs(WordprocessingDocument doc) => [.. BodyOf(doc).Elements<Paragraph>().Select(ParagraphText)];

    private static string AllText(WordprocessingDocument doc) => string.Join("\n", BodyOf(doc).Descendants<Paragraph>().Select(ParagraphText));

    /// <summary>The table that follows the paragraph starting with <paramref name="heading"/>.</summary>
    private static Table TableAfter(WordprocessingDocument doc, string heading)
    {
        var start = BodyOf(doc).Elements<Paragraph>().First(p => ParagraphText(p).StartsWith(heading, StringComparison.Ordinal));
        return start.ElementsAfter().OfType<Table>().First();
    }

    private static string Percent(int part, int whole) => Math.Round(part * 100m / whole, 1).ToString("0.#", Vietnamese) + "%";

    private static bool IsBold(Paragraph p)
    {
        var runs = p.Elements<Run>().Where(r => r.Elements<Text>().Any(t => t.Text.Length > 0)).ToList();
        return runs.Count > 0 && runs.All(r => r.RunProperties?.Bold is not null);
    }

    private static Run FirstRun(Paragraph p) => p.Elements<Run>().First();

    [Fact]
    public void The_download_is_a_word_file_named_after_the_month_and_marked_a_draft_while_content_is_unverified()
    {
        Assert.Equal(HttpStatusCode.OK, fixture.Response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", fixture.Response.Content.Headers.ContentType?.MediaType);
        // December has reports received but not yet verified: the report is a draft, and its name says so first.
        Assert.Equal("du-thao-bao-cao-thang-12-2026.docx", fixture.Response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public void A_draft_says_so_at_the_top_of_every_page_the_first_included()
    {
        using var doc = Open();
        var headers = doc.MainDocumentPart!.HeaderParts.ToList();
        Assert.Equal(2, headers.Count);
        Assert.All(headers, h => Assert.StartsWith("DỰ THẢO", h.Header!.InnerText, StringComparison.Ordinal));
    }

    [Fact]
    public void The_document_is_valid_wordprocessingml()
    {
        using var doc = Open();
        var errors = new OpenXmlValidator().Validate(doc, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));
    }

    [Fact]
    public void Page_margins_and_font_follow_the_decree()
    {
        using var doc = Open();
        var section = BodyOf(doc).Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        const double mm = 1440 / 25.4;
        Assert.InRange(margin.Top!.Value / mm, 19.9, 25.1);
        Assert.InRange(margin.Bottom!.Value / mm, 19.9, 25.1);
        Assert.InRange(margin.Left!.Value / mm, 29.9, 35.1);
        Assert.InRange(margin.Right!.Value / mm, 14.9, 20.1);
        // Page numbers from the second page on, at the top.
        Assert.NotNull(section.GetFirstChild<TitlePage>());
        var numbered = section.Elements<HeaderReference>().Single(h => h.Type?.Value == HeaderFooterValues.Default);
        var header = (HeaderPart)doc.MainDocumentPart!.GetPartById(numbered.Id!);
        Assert.Contains("PAGE", header.Header!.Descendants<SimpleField>().Single().Instruction!.Value, StringComparison.Ordinal);

        var defaults = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Times New Roman", defaults.RunFonts!.Ascii!.Value);
        Assert.InRange(int.Parse(defaults.FontSize!.Val!.Value!, CultureInfo.InvariantCulture), 26, 28);
        // No run asks for another font or for a body size outside 11–14 pt.
        Assert.DoesNotContain(BodyOf(doc).Descendants<RunFonts>(), f => f.Ascii is not null && f.Ascii.Value != "Times New Roman");
        Assert.All(BodyOf(doc).Descendants<FontSize>().Where(s => s.Parent is RunProperties),
            s => Assert.InRange(int.Parse(s.Val!.Value!, CultureInfo.InvariantCulture), 22, 28));
    }

    [Fact]
    public void The_heading_is_a_borderless_two_column_table_with_body_number_national_title_and_date()
    {
        using var doc = Open();
        var first = BodyOf(doc).Elements().First();
        var table = Assert.IsType<Table>(first);
        var borders = table.GetFirstChild<TableProperties>()!.GetFirstChild<TableBorders>()!;
        Assert.All(borders.ChildElements.Cast<DocumentFormat.OpenXml.Wordprocessing.BorderType>(),
            b => Assert.True(b.Val!.Value == BorderValues.Nil || b.Val.Value == BorderValues.None));
        var cells = table.Descendants<TableCell>().ToList();
        Assert.Equal(2, cells.Count);

        var left = cells[0].Elements<Paragraph>().Where(p => ParagraphText(p).Length > 0).ToList();
        Assert.Equal("ĐẢNG ỦY XÃ DIỄN CHÂU", ParagraphText(left[0]));
        Assert.StartsWith("BAN CHỈ ĐẠO", ParagraphText(left[1]), StringComparison.Ordinal);
        Assert.True(IsBold(left[1]));
        Assert.False(IsBold(left[0]));
        Assert.Equal("Số: 15/BC-BCĐ", ParagraphText(left[^1]));
        // The short line under the issuing body.
        Assert.Contains(cells[0].Elements<Paragraph>(), p => p.ParagraphProperties?.ParagraphBorders?.BottomBorder is not null);

        var right = cells[1].Elements<Paragraph>().ToList();
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ParagraphText(right[0]));
        Assert.True(IsBold(right[0]));
        Assert.Equal("Độc lập - Tự do - Hạnh phúc", ParagraphText(right[1]));
        Assert.True(IsBold(right[1]));
        Assert.Equal(UnderlineValues.Single, FirstRun(right[1]).RunProperties!.Underline!.Val!.Value);
        Assert.Equal("Diễn Châu, ngày 22 tháng 12 năm 2026", ParagraphText(right[2]));
        Assert.NotNull(FirstRun(right[2]).RunProperties!.Italic);
        Assert.All(right, p => Assert.Equal(JustificationValues.Center, p.ParagraphProperties!.Justification!.Val!.Value));
    }

    [Fact]
    public void Title_and_subtitle_are_bold_and_centred_and_the_body_is_justified_with_an_indent()
    {
        using var doc = Open();
        var paragraphs = BodyOf(doc).Elements<Paragraph>().ToList();
        var title = paragraphs.Single(p => ParagraphText(p) == "BÁO CÁO");
        var subtitle = paragraphs[paragraphs.IndexOf(title) + 1];
        Assert.Equal("Kết quả thực hiện Chương trình công tác năm 2026 trong tháng 12/2026", ParagraphText(subtitle));
        foreach (var p in new[] { title, subtitle })
        {
            Assert.True(IsBold(p));
            Assert.Equal(JustificationValues.Center, p.ParagraphProperties!.Justification!.Val!.Value);
        }

        var headings = paragraphs.Select(ParagraphText).Where(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^[IVX]+\. ")).ToList();
        Assert.Equal(["I. TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ", "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "III. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
            "IV. TỒN TẠI, HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC", "V. KIẾN NGHỊ, ĐỀ XUẤT", "VI. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI", "VII. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG CÁC CƠ QUAN, ĐƠN VỊ"], headings);

        // The report's body, up to the appendix that follows the signature.
        var report = paragraphs.TakeWhile(p => ParagraphText(p) != "PHỤ LỤC").ToList();
        var text = report.Skip(report.IndexOf(subtitle) + 1).Where(p => ParagraphText(p).Length > 40).ToList();
        Assert.NotEmpty(text);
        Assert.All(text, p =>
        {
            Assert.Equal(JustificationValues.Both, p.ParagraphProperties!.Justification!.Val!.Value);
            Assert.InRange(int.Parse(p.ParagraphProperties.Indentation!.FirstLine!.Value!, CultureInfo.InvariantCulture), 567, 720);
        });
        Assert.EndsWith("./.", ParagraphText(report.Last(p => ParagraphText(p).Trim().Length > 0)), StringComparison.Ordinal);

        // Every table but the heading and the signature has borders.
        var tables = BodyOf(doc).Elements<Table>().ToList();
        Assert.True(tables.Count >= 6);
        var signature = SignatureTable(BodyOf(doc));
        Assert.All(tables.Skip(1).Where(t => t != signature), t =>
            Assert.Equal(BorderValues.Single, t.GetFirstChild<TableProperties>()!.TableBorders!.InsideHorizontalBorder!.Val!.Value));
    }

    [Fact]
    public void Reporting_rates_count_the_reports_that_reached_the_standing_office()
    {
        using var doc = Open();
        var expected = D.UnitNames.Count;
        var missing = D.UnitNames.Where(u => u.Key != D.Police && u.Key != D.Late && u.Key != D.Returned).Select(u => u.Value).ToList();

        var text = Paragraphs(doc);
        Assert.Contains($"Trong tháng 12/2026, có {expected} cơ quan, đơn vị phải báo cáo; đã nhận 3 báo cáo, đạt tỷ lệ {Percent(3, expected)}; "
            + $"trong {expected} báo cáo đã đến hạn, 2 báo cáo đúng hạn (tỷ lệ đúng hạn {Percent(2, expected)}), 1 báo cáo trễ hạn.", text);
        var missingLine = Assert.Single(text, t => t.StartsWith($"Còn {expected - 3} cơ quan, đơn vị chưa gửi báo cáo: ", StringComparison.Ordinal));
        Assert.All(missing, name => Assert.Contains(name, missingLine, StringComparison.Ordinal));
        Assert.DoesNotContain(D.UnitNames[D.Police], missingLine, StringComparison.Ordinal);

        var rows = Rows(TableAfter(doc, "I. "));
        Assert.Equal(["STT", "Cơ quan, đơn vị", "Hạn báo cáo", "Tình trạng", "Ngày gửi", "Đúng hạn"], rows[0]);
        Assert.Equal(expected + 1, rows.Count);
        string[] Row(Guid unit) => rows.Single(r => r[1] == D.UnitNames[unit])[2..];
        Assert.Equal(["20/12/2026", "Đã xác minh", "15/12/2026", "Đúng hạn"], Row(D.Police));
        Assert.Equal(["20/12/2026", "Chờ xác minh", "21/12/2026", "Trễ hạn"], Row(D.Late));
        Assert.Equal(["20/12/2026", "Bị trả lại", "18/12/2026", "Đúng hạn"], Row(D.Returned));
        Assert.Equal(["20/12/2026", "Chưa gửi", "", "Quá hạn"], Row(D.Draft));
    }

    [Fact]
    public async Task Task_results_come_only_from_submitted_and_verified_reports_and_mark_the_unverified()
    {
        using var doc = Open();
        var all = AllText(doc);
        Assert.DoesNotContain(ReturnedText, all, StringComparison.Ordinal);
        Assert.DoesNotContain(DraftText, all, StringComparison.Ordinal);

        var text = Paragraphs(doc);
        var police = D.UnitNames[D.Police];
        var done = Assert.Single(text, t => t.Contains($"{police}: {DoneWork} (", StringComparison.Ordinal));
        Assert.Contains("đã hoàn thành", done, StringComparison.Ordinal);
        Assert.Contains("14/12/2026", done, StringComparison.Ordinal);
        Assert.DoesNotContain("chưa xác minh", done, StringComparison.Ordinal);
        // The paragraph names the task (the start of its name; the appendix names it in full) before what was reported.
        var task = await fixture.App.WithDbAsync(db => db.Tasks.Where(t => t.Id == D.DoneTaskId).Select(t => new { t.Name, t.Section }).SingleAsync(Ct));
        Assert.StartsWith("- ", done, StringComparison.Ordinal);
        var named = done.IndexOf(task.Name.TrimEnd('.', ';', ' ')[..Math.Min(40, task.Name.Length - 1)], StringComparison.Ordinal);
        Assert.InRange(named, 2, done.IndexOf(DoneWork, StringComparison.Ordinal));
        // Under the plan's own heading of its section, found above it in the results.
        var results = text.Skip(text.IndexOf("2. Kết quả thực hiện trong kỳ theo từng nội dung")).Take(text.IndexOf(done)).ToList();
        var innermost = task.Section.Split(" > ")[^1];
        Assert.Contains(results, t => t.EndsWith(innermost, StringComparison.Ordinal));
        Assert.DoesNotContain(results, t => t.StartsWith("II. NHIỆM VỤ, GIẢI PHÁP", StringComparison.Ordinal));

        var late = text.Where(t => t.Contains($"{D.UnitNames[D.Late]}: {LateWork} (", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(late);
        Assert.All(late, t => Assert.Contains($"{D.UnitNames[D.Late]}: {LateWork} (đang thực hiện; đạt 30%) (chưa xác minh)", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Indicators_show_the_reported_ratio_against_the_target()
    {
        using var doc = Open();
        var indicators = await fixture.App.WithDbAsync(db => db.Indicators.Where(i => i.PlanId == D.PlanId).OrderBy(i => i.Order).ToListAsync(Ct));
        var rows = Rows(TableAfter(doc, "III. "));
        Assert.Equal(["STT", "Chỉ tiêu", "Mục tiêu", "Kết quả trong kỳ", "Đơn vị báo cáo", "Đánh giá"], rows[0]);
        // Only the indicators a unit follows; those nobody follows are counted in a sentence and listed in the appendix.
        var followed = indicators.Where(i => i.OwnerUnitId is not null).ToList();
        Assert.Equal(followed.Count + 1, rows.Count);
        var unassigned = indicators.Count - followed.Count;
        Assert.True(unassigned > 0, "the demo plan has indicators no unit follows");
        Assert.Contains($"Còn {unassigned} chỉ tiêu chưa giao đơn vị theo dõi nên chưa có số liệu (danh mục tại Phụ lục).", Paragraphs(doc));
        var listed = Rows(TableAfter(doc, "CHỈ TIÊU CHƯA GIAO ĐƠN VỊ THEO DÕI"));
        Assert.Equal(["STT", "Chỉ tiêu", "Mục tiêu"], listed[0]);
        Assert.Equal(indicators.Where(i => i.OwnerUnitId is null).Select(i => i.Name.Trim()[1..]), listed.Skip(1).Select(r => r[1][1..]));

        var reported = indicators.Single(i => i.Id == D.IndicatorId);
        var row = rows[followed.IndexOf(reported) + 1];
        Assert.Equal(reported.TargetRaw.Trim(), row[2], ignoreCase: true);
        Assert.Equal("45/50 (90%)", row[3]);
        Assert.Equal(D.UnitNames[D.Police], row[4]);
        var judged = reported.TargetUnit == "%" && reported.TargetOp is ">=" or "=" or "range";
        Assert.Equal(!judged ? "" : 90 >= reported.TargetValue ? "Đạt" : "Chưa đạt", row[5]);
        // Only the police reported a value in this arrangement; every other row says why there is none.
        Assert.Single(rows[1..], r => r[3].Contains('/', StringComparison.Ordinal) || char.IsDigit(r[3][0]));
        Assert.All(rows[1..].Where(r => r != row), r => Assert.Contains(r[3], new[] { "Chưa báo cáo", "Không đến kỳ báo cáo" }));
    }

    [Fact]
    public async Task Troubles_difficulties_requests_and_next_month_are_compiled()
    {
        using var doc = Open();
        var health = await fixture.App.HealthAsync(D.PlanId);
        var tasks = await fixture.App.WithDbAsync(db => db.Tasks.Where(t => t.PlanId == D.PlanId).Select(t => new { t.Id, t.DeadlineDue }).ToListAsync(Ct));
        var text = Paragraphs(doc);

        var troubled = tasks.Count(t => health[t.Id] is TaskHealth.Overdue or TaskHealth.AtRisk);
        var overdue = tasks.Count(t => health[t.Id] is TaskHealth.Overdue);
        if (troubled > 0)
        {
            Assert.Contains($"Tính đến ngày 22/12/2026, có {overdue} nhiệm vụ quá hạn và {troubled - overdue} nhiệm vụ có nguy cơ chậm tiến độ:", text);
            Assert.Equal(troubled + 1, Rows(TableAfter(doc, "1. Nhiệm vụ quá hạn")).Count);
        }

        Assert.Contains($"- {D.UnitNames[D.Police]}: {PoliceDifficulty}.", text);
        Assert.Contains($"- {D.UnitNames[D.Late]}: {LateDifficulty} (chưa xác minh).", text);
        Assert.Contains($"- {D.UnitNames[D.Police]}: {PoliceRequest}.", text);
        var requests = text.Skip(text.IndexOf("V. KIẾN NGHỊ, ĐỀ XUẤT")).TakeWhile(t => !t.StartsWith("VI. ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, requests.Count);

        // Open tasks due by the end of January, overdue ones included.
        var closed = new[] { TaskHealth.DoneOnTime, TaskHealth.DoneLate, TaskHealth.CannotDo, TaskHealth.AlreadyDone };
        var next = tasks.Count(t => !closed.Contains(health[t.Id]) && t.DeadlineDue <= new DateOnly(2027, 1, 31));
        Assert.True(next > 0);
        Assert.Contains(text, t => t.StartsWith($"Tập trung chỉ đạo các cơ quan, đơn vị hoàn thành {next} nhiệm vụ đến hạn đến ngày 31/01/2027", StringComparison.Ordinal));
        // The overdue and at-risk ones are section IV's table; section VI's table lists only the others.
        var rest = tasks.Count(t => !closed.Contains(health[t.Id]) && t.DeadlineDue <= new DateOnly(2027, 1, 31) && health[t.Id] is not (TaskHealth.Overdue or TaskHealth.AtRisk));
        var sixth = Rows(TableAfter(doc, "VI. "));
        if (rest > 0) Assert.Equal(rest + 1, sixth.Count);
        if (rest > 0 && rest < next)
            Assert.Contains(text, t => t.EndsWith($"trong đó {next - rest} nhiệm vụ quá hạn, có nguy cơ chậm tiến độ đã nêu tại mục IV và {rest} nhiệm vụ sau:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recipients_and_signature_close_the_report_with_the_committee_head_by_default()
    {
        using var doc = Open();
        var table = SignatureTable(BodyOf(doc));
        Assert.Equal(BorderValues.Nil, table.GetFirstChild<TableProperties>()!.TableBorders!.TopBorder!.Val!.Value);
        var cells = table.Descendants<TableCell>().ToList();
        var recipients = cells[0].Elements<Paragraph>().ToList();
        Assert.Equal("Nơi nhận:", ParagraphText(recipients[0]));
        var props = FirstRun(recipients[0]).RunProperties!;
        Assert.NotNull(props.Bold);
        Assert.NotNull(props.Italic);
        Assert.Equal("24", props.FontSize!.Val!.Value);
        Assert.True(recipients.Count >= 3);
        Assert.All(recipients.Skip(1), p => Assert.StartsWith("- ", ParagraphText(p), StringComparison.Ordinal));

        var head = await fixture.App.WithDbAsync(db => db.SteeringMembers.Where(m => m.Position == SteeringPositions.Head).Select(m => m.FullName).SingleAsync(Ct));
        var signature = cells[1].Elements<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0).ToList();
        Assert.Equal(["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", head], signature);
        Assert.True(cells[1].Elements<Paragraph>().Count() >= 6, "room for the signature and the seal");
    }

    [Fact]
    public async Task Results_by_field_and_the_appendix_count_every_task_of_the_plan_by_its_status()
    {
        var health = await fixture.App.HealthAsync(D.PlanId);
        var tasks = await fixture.App.WithDbAsync(db => db.Tasks.Where(t => t.PlanId == D.PlanId).Select(t => new { t.Id, t.Code, t.Name, t.LeadUnitId }).ToListAsync(Ct));
        var done = tasks.Count(t => health.GetValueOrDefault(t.Id) is TaskHealth.DoneOnTime or TaskHealth.DoneLate or TaskHealth.AlreadyDone);
        using var doc = Open();

        var total = Rows(TableAfter(doc, "4. Kết quả theo lĩnh vực"))[^1];
        Assert.Equal(["", "Tổng số", tasks.Count.ToString(CultureInfo.InvariantCulture), done.ToString(CultureInfo.InvariantCulture)], total[..4]);

        var paragraphs = Paragraphs(doc);
        var appendix = paragraphs.IndexOf("PHỤ LỤC");
        Assert.True(appendix > paragraphs.FindIndex(p => p.EndsWith("./.", StringComparison.Ordinal)), "the appendix follows the report's last paragraph");
        Assert.Equal("(Kèm theo Báo cáo số 15/BC-BCĐ ngày 22/12/2026)", paragraphs[appendix + 2]);
        var table = Rows(TableAfter(doc, "PHỤ LỤC")).Skip(1).ToList();
        var lines = table.Where(r => r[0].Length > 0).ToList();
        // A row for every task a unit leads; those no unit leads are counted on one line per section.
        Assert.Equal(tasks.Count(t => t.LeadUnitId is not null), lines.Count);
        var grouped = table.Where(r => r[0].Length == 0 && r[1].Contains(" nhiệm vụ chưa giao đơn vị theo dõi", StringComparison.Ordinal)).ToList();
        Assert.Equal(tasks.Count(t => t.LeadUnitId is null), grouped.Sum(r => int.Parse(r[1].Split(' ')[0], CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(lines, r => r[2] == "Chưa giao");
        var doneTask = tasks.Single(t => t.Id == D.DoneTaskId);
        Assert.Contains(lines, r => r[1].Contains(doneTask.Name.Trim()[..20], StringComparison.OrdinalIgnoreCase) && r[4] == PeriodLabels.Health(health[D.DoneTaskId]));
    }

    [Fact]
    public async Task The_form_overrides_number_body_signer_and_date()
    {
        using var client = await fixture.App.SignedInClientAsync("thuongtruc");
        var query = "thethuc=nha-nuoc&so=07&kyhieu=BC-UBND&captren=&coquan=" + Uri.EscapeDataString("Ủy ban nhân dân xã Diễn Châu")
            + "&tm=" + Uri.EscapeDataString("KT. CHỦ TỊCH") + "&chucvu=" + Uri.EscapeDataString("Phó Chủ tịch")
            + "&nguoiky=" + Uri.EscapeDataString("Hồ Văn Chỉ Đạo") + "&ngay=05/01/2027";
        using var response = await client.GetAsync(new Uri($"/ky-bao-cao/{D.PeriodId}/bao-cao.docx?{query}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);

        var heading = BodyOf(doc).Elements<Table>().First().Descendants<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0).ToList();
        Assert.Contains("ỦY BAN NHÂN DÂN XÃ DIỄN CHÂU", heading);
        Assert.Contains("Số: 07/BC-UBND", heading);
        // Decree 30: a leading zero for days under 10 and for January and February.
        Assert.Contains("Diễn Châu, ngày 05 tháng 01 năm 2027", heading);
        var signature = SignatureTable(BodyOf(doc)).Descendants<TableCell>().Last().Elements<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0);
        Assert.Equal(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hồ Văn Chỉ Đạo"], signature);
    }

    [Fact]
    public async Task A_date_that_cannot_be_read_is_refused_with_a_message()
    {
        using var client = await fixture.App.SignedInClientAsync("thuongtruc");
        using var response = await client.GetAsync(new Uri($"/ky-bao-cao/{D.PeriodId}/bao-cao.docx?ngay=31/02/2026", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("dd/mm/yyyy", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truongban", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("thanhvien", HttpStatusCode.Forbidden)]
    [InlineData("congan", HttpStatusCode.Forbidden)]
    [InlineData("ubkt", HttpStatusCode.Forbidden)]
    [InlineData("tinh", HttpStatusCode.Forbidden)]
    public async Task Only_the_standing_office_and_the_chair_download_it(string user, HttpStatusCode expected)
    {
        using var client = await fixture.App.SignedInClientAsync(user);
        using var response = await client.GetAsync(new Uri($"/ky-bao-cao/{D.PeriodId}/bao-cao.docx", UriKind.Relative), Ct);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Another_communes_period_or_an_unknown_one_is_not_found()
    {
        var (commune, _) = await fixture.App.CommuneAsync("Xã Khác Báo Cáo");
        await fixture.App.UserAsync("thuongtruc-khac", Roles.StandingOffice, commune);
        using var other = await fixture.App.SignedInClientAsync("thuongtruc-khac");
        using var foreign = await other.GetAsync(new Uri($"/ky-bao-cao/{D.PeriodId}/bao-cao.docx", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        using var client = await fixture.App.SignedInClientAsync("thuongtruc");
        using var unknown = await client.GetAsync(new Uri($"/ky-bao-cao/{Guid.NewGuid()}/bao-cao.docx", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_period_page_offers_the_download_form_to_the_standing_office_only()
    {
        using var office = await fixture.App.SignedInClientAsync("thuongtruc");
        var html = await office.GetStringAsync(new Uri($"/ky-bao-cao/{D.PeriodId}", UriKind.Relative), Ct);
        Assert.Contains("Tải báo cáo tháng (Word)", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/ky-bao-cao/{D.PeriodId}/bao-cao.docx\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"nguoiky\"", html, StringComparison.Ordinal);

        using var member = await fixture.App.SignedInClientAsync("thanhvien");
        var memberHtml = await member.GetStringAsync(new Uri($"/ky-bao-cao/{D.PeriodId}", UriKind.Relative), Ct);
        Assert.DoesNotContain("bao-cao.docx", memberHtml, StringComparison.Ordinal);
    }
}
