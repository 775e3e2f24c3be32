using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Web.Features.OfficialReports;
using static RoViec.Web.Tests.MonthlyReportArrange;

namespace RoViec.Web.Tests;

/// <summary>
/// The report's layout as a profile (the State's of Nghị định 30/2020 or the Party's of Hướng dẫn 36-HD/VPTW), read
/// from the plan's header or kept by the commune, and the narrative the standing office edits and keeps with the report.
/// </summary>
public sealed class ReportCompositionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Seed(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "seeds", name));

    [Theory]
    [InlineData("dien-chau-ctr-2026.txt", "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số, cải cách hành chính và Đề án 06 xã Diễn Châu", "Diễn Châu", LayoutKinds.Party, "ĐẢNG ỦY XÃ DIỄN CHÂU", "BC/BCĐ")]
    [InlineData("xuan-giang-ctr-2026.txt", "Ban Chỉ đạo cấp xã về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số xã Xuân Giang", "Xuân Giang", LayoutKinds.Party, "ĐẢNG ỦY XÃ XUÂN GIANG", "BC/BCĐ")]
    [InlineData("tan-ky-kh-2026.txt", "Ban Chỉ đạo của xã về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số, cải cách hành chính và Đề án 06 xã Tân Kỳ", "Tân Kỳ", LayoutKinds.State, "UBND XÃ TÂN KỲ", "BC-BCĐ")]
    [InlineData("thien-tan-kh-2026.txt", "Ủy ban nhân dân xã Thiện Tân", "Thiện Tân", LayoutKinds.State, "", "BC-UBND")]
    public void The_layout_is_read_from_the_plans_header(string seed, string issuer, string commune, string kind, string upper, string symbol)
    {
        var guess = LayoutProfiles.Infer(Seed(seed), issuer, commune);

        Assert.Equal(kind, guess.Kind);
        Assert.Equal(upper, guess.UpperBody);
        Assert.Equal(symbol, LayoutProfiles.Symbol(guess.Kind, guess.Agency));
        Assert.StartsWith(issuer.StartsWith("Ủy ban", StringComparison.Ordinal) ? "ỦY BAN NHÂN DÂN XÃ" : "BAN CHỈ ĐẠO", guess.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LayoutKinds.Party, "12", "BC/BCĐ", "Số 12-BC/BCĐ")]
    [InlineData(LayoutKinds.State, "12", "BC-BCĐ", "Số: 12/BC-BCĐ")]
    [InlineData(LayoutKinds.Party, null, "BC/BCĐ", "Số       -BC/BCĐ")]
    public void The_number_line_follows_the_layout(string kind, string? number, string symbol, string expected) =>
        Assert.Equal(expected, LayoutProfiles.NumberLine(kind, number, symbol));

    [Theory]
    [InlineData(LayoutKinds.Party, "nha-nuoc", "BC/BCĐ", "T/M BAN CHỈ ĐẠO", LayoutKinds.State, "BC-BCĐ", "TM. BAN CHỈ ĐẠO")]
    [InlineData(LayoutKinds.State, "dang", "BC-BCĐ", "TM. BAN CHỈ ĐẠO", LayoutKinds.Party, "BC/BCĐ", "T/M BAN CHỈ ĐẠO")]
    [InlineData(LayoutKinds.Party, "nha-nuoc", null, null, LayoutKinds.State, "BC-BCĐ", "TM. BAN CHỈ ĐẠO")]
    [InlineData(LayoutKinds.State, "nha-nuoc", "BC-UBND", "KT. CHỦ TỊCH", LayoutKinds.State, "BC-UBND", "KT. CHỦ TỊCH")]
    public void Switching_the_layout_turns_the_symbol_and_authority_into_its_form(string from, string kind, string? symbol, string? authority,
        string layout, string expectedSymbol, string expectedAuthority)
    {
        var before = new MonthlyReportSettings
        {
            Kind = from,
            UpperBody = "ĐẢNG ỦY XÃ DIỄN CHÂU",
            Body = "BAN CHỈ ĐẠO",
            Symbol = LayoutProfiles.Symbol(from, "BCĐ"),
            Authority = LayoutProfiles.Authority(from, "BAN CHỈ ĐẠO"),
            SignerTitle = "TRƯỞNG BAN",
            Recipients = MonthlyReportSettings.DefaultRecipients,
        };

        // As the form posts it: the old layout's values still in the fields.
        var after = before.With(null, null, null, symbol, null, authority, null, null, null, out var error, kind);

        Assert.Null(error);
        Assert.Equal((layout, expectedSymbol, expectedAuthority), (after.Kind, after.Symbol, after.Authority));
    }

    [Fact]
    public async Task The_demo_communes_report_takes_the_party_layout_of_its_plan()
    {
        await using var app = new RoViecApp { Clock = new TestClock(ReportDay, 10) };
        var december = await app.ReportedDecemberAsync();
        using var client = await app.SignedInClientAsync("thuongtruc");

        var bytes = await client.GetByteArrayAsync(new Uri($"/ky-bao-cao/{december.PeriodId}/bao-cao.docx?so=15", UriKind.Relative), Ct);

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc, Ct));
        var body = doc.MainDocumentPart!.Document!.Body!;
        var cells = body.Elements<Table>().First().Descendants<TableCell>().ToList();
        var left = cells[0].Elements<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0).ToList();
        Assert.Equal("ĐẢNG ỦY XÃ DIỄN CHÂU", left[0]);
        Assert.StartsWith("BAN CHỈ ĐẠO", left[1], StringComparison.Ordinal);
        Assert.Equal("*", left[^2]);
        Assert.Equal("Số 15-BC/BCĐ", left[^1]);
        var national = cells[1].Elements<Paragraph>().First();
        Assert.Equal("ĐẢNG CỘNG SẢN VIỆT NAM", ParagraphText(national));
        Assert.NotNull(national.Descendants<Run>().First().RunProperties!.Bold);
        Assert.NotNull(national.Descendants<Run>().First().RunProperties!.Underline);
        Assert.DoesNotContain(cells[1].Elements<Paragraph>(), p => ParagraphText(p).Contains("CỘNG HÒA", StringComparison.Ordinal));

        var closing = SignatureTable(body).Descendants<TableCell>().ToList();
        var recipients = closing[0].Elements<Paragraph>().First();
        Assert.Equal("Nơi nhận:", ParagraphText(recipients));
        Assert.NotNull(recipients.Descendants<Run>().First().RunProperties!.Underline);
        Assert.Equal("T/M BAN CHỈ ĐẠO", closing[1].Elements<Paragraph>().Select(ParagraphText).First(t => t.Length > 0));
    }

    [Fact]
    public async Task Edited_narrative_is_kept_with_the_report_and_written_into_every_download()
    {
        await using var app = new RoViecApp { Clock = new TestClock(ReportDay, 10) };
        var december = await app.ReportedDecemberAsync();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var page = $"/ky-bao-cao/{december.PeriodId}/soan-bao-cao";
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        var generated = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, @"name=""Texts\[tom-tat\]""[^>]*>([^<]*)<").Groups[1].Value);
        Assert.StartsWith("Trong tháng 12/2026, ", generated, StringComparison.Ordinal);

        const string Edited = "Trong tháng 12/2026, Ban Chỉ đạo tập trung chỉ đạo hoàn thành các nhiệm vụ chuyển đổi số trọng tâm cuối năm.";
        const string Own = "Đề nghị Ủy ban nhân dân tỉnh hỗ trợ kinh phí nâng cấp hạ tầng mạng cho Trung tâm Phục vụ hành chính công xã.";
        using var saved = await client.PostTokenFormAsync(html, page,
            ("Version", FormPosts.InputValue(html, "Version")), ("Texts[tom-tat]", Edited), ("Texts[kien-nghi]", Own),
            ("Texts[phuong-huong]", MonthlyReportDocx.DirectionText), ("Fields[so]", "21"), ("Fields[nguoiky]", "Nguyễn Văn Ký"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Đã lưu báo cáo", WebUtility.HtmlDecode(await saved.BodyAsync()), StringComparison.Ordinal);

        var row = await app.WithDbAsync(db => db.ReportNarratives.SingleAsync(n => n.PeriodId == december.PeriodId, Ct));
        Assert.Equal("thuongtruc", row.EditedBy);
        Assert.Contains("tom-tat", row.Sections, StringComparison.Ordinal);
        // A paragraph left as generated is not kept: it goes on following the figures.
        Assert.DoesNotContain("phuong-huong", row.Sections, StringComparison.Ordinal);

        var bytes = await client.GetByteArrayAsync(new Uri($"/ky-bao-cao/{december.PeriodId}/bao-cao.docx", UriKind.Relative), Ct);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = doc.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(ParagraphText).ToList();
        Assert.Contains(Edited, text);
        Assert.DoesNotContain(generated, text);
        Assert.Contains(Own, text);
        Assert.Contains(MonthlyReportDocx.DirectionText, text);
        Assert.Contains(text, t => t.StartsWith("Số 21-", StringComparison.Ordinal));
        Assert.Contains("Nguyễn Văn Ký", text);
    }

    [Fact]
    public async Task A_save_over_someone_elses_newer_save_is_refused_and_a_bad_date_saves_nothing()
    {
        await using var app = new RoViecApp { Clock = new TestClock(ReportDay, 10) };
        var december = await app.ReportedDecemberAsync();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var page = $"/ky-bao-cao/{december.PeriodId}/soan-bao-cao";
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        var opened = FormPosts.InputValue(html, "Version");

        using var bad = await client.PostTokenFormAsync(html, page, ("Version", opened), ("Texts[tom-tat]", "Đoạn mới."), ("Fields[ngay]", "31/02/2026"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("dd/mm/yyyy", WebUtility.HtmlDecode(await bad.BodyAsync()), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ReportNarratives.AnyAsync(Ct)));

        using var first = await client.PostTokenFormAsync(html, page, ("Version", opened), ("Texts[tom-tat]", "Bản của người thứ nhất."));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Đã lưu báo cáo", WebUtility.HtmlDecode(await first.BodyAsync()), StringComparison.Ordinal);
        using var second = await client.PostTokenFormAsync(html, page, ("Version", opened), ("Texts[tom-tat]", "Bản của người thứ hai."));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("sau khi anh/chị mở trang", WebUtility.HtmlDecode(await second.BodyAsync()), StringComparison.Ordinal);
        var kept = await app.WithDbAsync(db => db.ReportNarratives.Select(n => n.Sections).SingleAsync(Ct));
        Assert.Contains("người thứ nhất", kept, StringComparison.Ordinal);
        Assert.DoesNotContain("người thứ hai", kept, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_says_when_the_figures_moved_since_the_text_was_edited()
    {
        await using var app = new RoViecApp { Clock = new TestClock(ReportDay, 10) };
        var december = await app.ReportedDecemberAsync();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var page = $"/ky-bao-cao/{december.PeriodId}/soan-bao-cao";
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        Assert.DoesNotContain("id=\"outdated\"", html, StringComparison.Ordinal);
        using var saved = await client.PostTokenFormAsync(html, page, ("Version", FormPosts.InputValue(html, "Version")), ("Texts[tom-tat]", "Lời văn của văn phòng."));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Đã lưu báo cáo", WebUtility.HtmlDecode(await saved.BodyAsync()), StringComparison.Ordinal);

        // The summary the edit replaced was generated from other figures than today's.
        await app.WithDbAsync(async db =>
        {
            var row = await db.ReportNarratives.SingleAsync(Ct);
            row.Sections = row.Sections.Replace("Trong tháng 12/2026, ", "Trong tháng 12/2026 (số liệu cũ), ", StringComparison.Ordinal);
            await db.SaveChangesAsync(Ct);
            return 0;
        });
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(page, UriKind.Relative), Ct));
        Assert.Contains("Số liệu đã thay đổi sau khi lời văn được sửa", after, StringComparison.Ordinal);
        Assert.Contains("Tóm tắt kết quả", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_layout_kept_as_the_default_is_the_communes_profile_for_later_reports()
    {
        await using var app = new RoViecApp { Clock = new TestClock(ReportDay, 10) };
        var december = await app.ReportedDecemberAsync();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var page = $"/ky-bao-cao/{december.PeriodId}/soan-bao-cao";
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative), Ct);

        using var saved = await client.PostTokenFormAsync(html, page, ("Version", FormPosts.InputValue(html, "Version")),
            ("Fields[thethuc]", "nha-nuoc"), ("Fields[captren]", "UBND xã Diễn Châu"), ("KeepProfile", "true"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Đã lưu báo cáo", WebUtility.HtmlDecode(await saved.BodyAsync()), StringComparison.Ordinal);

        var profile = await app.WithDbAsync(db => db.LayoutProfiles.SingleAsync(Ct));
        Assert.Equal(LayoutKinds.State, profile.Kind);
        Assert.True(profile.IsDefault);
        Assert.Equal("BC-BCĐ", profile.Symbol);
        Assert.Equal("TM. BAN CHỈ ĐẠO", profile.Authority);
        Assert.Equal("UBND XÃ DIỄN CHÂU", profile.UpperBody);

        // Another period of the commune starts from the profile.
        var november = await app.WithDbAsync(db => db.Periods.Where(p => p.Kind == PeriodKinds.Monthly && p.Number == 11 && p.Year == 2026).Select(p => p.Id).SingleAsync(Ct));
        var defaults = await app.WithDbAsync(async db => await MonthlyReportSettings.DefaultsAsync(db, await db.Periods.SingleAsync(p => p.Id == november, Ct), ReportDay, Ct));
        Assert.Equal(LayoutKinds.State, defaults.Kind);
        Assert.Equal("UBND XÃ DIỄN CHÂU", defaults.UpperBody);
    }

    [Fact]
    public async Task Each_issuing_body_keeps_its_layout_and_the_office_chooses_or_removes_one()
    {
        await using var app = new RoViecApp { Clock = new TestClock(ReportDay, 10) };
        var december = await app.ReportedDecemberAsync();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var page = $"/ky-bao-cao/{december.PeriodId}/soan-bao-cao";

        // The steering committee's Party layout, then the commune committee's State layout, each kept.
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        using (var first = await client.PostTokenFormAsync(html, page, ("Version", FormPosts.InputValue(html, "Version")), ("KeepProfile", "true")))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        html = await client.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        using (var second = await client.PostTokenFormAsync(html, page, ("Version", FormPosts.InputValue(html, "Version")),
            ("Fields[thethuc]", "nha-nuoc"), ("Fields[captren]", ""), ("Fields[coquan]", "Ủy ban nhân dân xã Diễn Châu"), ("Fields[kyhieu]", "BC-UBND"),
            ("Fields[tm]", "TM. ỦY BAN NHÂN DÂN"), ("Fields[chucvu]", "CHỦ TỊCH"), ("KeepProfile", "true")))
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        var profiles = await app.WithDbAsync(db => db.LayoutProfiles.OrderBy(p => p.Body).ToListAsync(Ct));
        Assert.Equal(2, profiles.Count);
        var party = profiles.Single(p => p.Kind == LayoutKinds.Party);
        var state = profiles.Single(p => p.Kind == LayoutKinds.State);
        Assert.StartsWith("BAN CHỈ ĐẠO", party.Body, StringComparison.Ordinal);
        Assert.Equal("ỦY BAN NHÂN DÂN XÃ DIỄN CHÂU", state.Body);
        Assert.Equal((false, true), (party.IsDefault, state.IsDefault));

        // Both are listed; choosing the Party one fills the fields with it.
        html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(page, UriKind.Relative), Ct));
        Assert.Contains(party.Body, html, StringComparison.Ordinal);
        Assert.Contains($"?hoso={party.Id}", html, StringComparison.Ordinal);
        var chosen = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"{page}?hoso={party.Id}", UriKind.Relative), Ct));
        Assert.Matches("<option value=\"dang\" selected=\"selected\"", chosen);
        Assert.Contains($">{party.Body}</textarea>", chosen, StringComparison.Ordinal);
        Assert.Contains("value=\"BC/BCĐ\"", chosen, StringComparison.Ordinal);
        using (var unknown = await client.GetAsync(new Uri($"{page}?hoso={Guid.NewGuid()}", UriKind.Relative), Ct))
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // The chair reads but does not remove; the office removes the default and later reports fall back to the plan's header.
        using (var chair = await app.SignedInClientAsync("truongban"))
        {
            var chairHtml = await chair.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
            using var refused = await chair.PostTokenFormAsync(chairHtml, page + "?handler=DeleteProfile", ("profileId", state.Id.ToString()));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        html = await client.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        using (var removed = await client.PostTokenFormAsync(html, page + "?handler=DeleteProfile", ("profileId", state.Id.ToString())))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
            Assert.Contains("Đã xóa thể thức của ỦY BAN NHÂN DÂN XÃ DIỄN CHÂU", WebUtility.HtmlDecode(await removed.BodyAsync()), StringComparison.Ordinal);
        }
        Assert.Equal([party.Id], await app.WithDbAsync(db => db.LayoutProfiles.Select(p => p.Id).ToListAsync(Ct)));
        var november = await app.WithDbAsync(db => db.Periods.SingleAsync(p => p.Kind == PeriodKinds.Monthly && p.Number == 11 && p.Year == 2026, Ct));
        var defaults = await app.WithDbAsync(db => MonthlyReportSettings.DefaultsAsync(db, november, ReportDay, Ct));
        Assert.Equal(LayoutKinds.Party, defaults.Kind);
    }

    [Fact]
    public async Task A_quarters_report_speaks_of_the_quarter()
    {
        await using var app = new RoViecApp { Clock = new TestClock(ReportDay, 10) };
        var quarter = await app.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Status == PlanStatuses.Active, Ct);
            var rules = await RoViec.Web.Features.Plans.PeriodCalendar.EnsureAsync(db, plan, Ct);
            rules.Quarterly = true;
            var q3 = RoViec.Web.Features.Plans.PeriodCalendar.Build(rules, plan.Year).Single(p => p.Kind == PeriodKinds.Quarterly && p.Number == 3);
            q3.PlanId = plan.Id;
            q3.CommuneId = plan.CommuneId;
            if (await db.Periods.FirstOrDefaultAsync(p => p.PlanId == plan.Id && p.Kind == PeriodKinds.Quarterly && p.Number == 3, Ct) is { } existing) q3 = existing;
            else db.Periods.Add(q3);
            await db.SaveChangesAsync(Ct);
            await RoViec.Web.Features.Periods.OpenPeriod.OpenAsync(db, q3, new DateTime(2026, 9, 25, 1, 0, 0, DateTimeKind.Utc), Ct);
            return q3.Id;
        });
        using var client = await app.SignedInClientAsync("thuongtruc");

        // Nothing in the quarter is verified yet: the official report is refused, a draft is written.
        using (var refused = await client.GetAsync(new Uri($"/ky-bao-cao/{quarter}/bao-cao.docx", UriKind.Relative), Ct))
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        using var response = await client.GetAsync(new Uri($"/ky-bao-cao/{quarter}/bao-cao.docx?duthao=1", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("du-thao-bao-cao-quy-3-2026.docx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(ParagraphText).ToList();
        Assert.Contains(paragraphs, p => p.StartsWith("Kết quả thực hiện Chương trình công tác năm 2026 trong quý III/2026", StringComparison.Ordinal));
        Assert.Contains("VI. NHIỆM VỤ TRỌNG TÂM QUÝ TỚI", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Trong quý III/2026, ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_period_with_nothing_verified_has_no_official_report_only_a_draft_asked_for()
    {
        await using var app = new RoViecApp { Clock = new TestClock(ReportDay, 10) };
        var (december, label, _) = await app.OpenMonthAsync(12);
        using var client = await app.SignedInClientAsync("thuongtruc");

        foreach (var path in new[] { "bao-cao.docx", "so-lieu.xlsx", "xuat-len.csv", "xuat-len.json" })
        {
            using var refused = await client.GetAsync(new Uri($"/ky-bao-cao/{december}/{path}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await refused.Content.ReadAsStringAsync(Ct);
            Assert.Contains($"Kỳ báo cáo {label} của xã Diễn Châu chưa có báo cáo nào được Cơ quan thường trực xác minh", System.Text.RegularExpressions.Regex.Unescape(problem), StringComparison.Ordinal);
            Assert.Contains("duthao=1", problem, StringComparison.Ordinal);

            using var draft = await client.GetAsync(new Uri($"/ky-bao-cao/{december}/{path}?duthao=1", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
            Assert.NotEmpty(await draft.Content.ReadAsByteArrayAsync(Ct));
        }

        // The pages say so and offer drafts.
        var period = await client.GetStringAsync(new Uri($"/ky-bao-cao/{december}", UriKind.Relative), Ct);
        Assert.Contains("id=\"not-ready\"", period, StringComparison.Ordinal);
        Assert.Contains("name=\"duthao\" value=\"1\"", period, StringComparison.Ordinal);
        Assert.Contains($"/ky-bao-cao/{december}/so-lieu.xlsx?duthao=1", period, StringComparison.Ordinal);
        var compose = await client.GetStringAsync(new Uri($"/ky-bao-cao/{december}/soan-bao-cao", UriKind.Relative), Ct);
        Assert.Contains($"/ky-bao-cao/{december}/bao-cao.docx?duthao=1", compose, StringComparison.Ordinal);
        var upward = await client.GetStringAsync(new Uri($"/ky-bao-cao/{december}/nhap-len", UriKind.Relative), Ct);
        Assert.Contains($"/ky-bao-cao/{december}/xuat-len.csv?duthao=1", upward, StringComparison.Ordinal);

        // Once a report is verified the report is official and the pages link to it plainly.
        await app.WithDbAsync(async db =>
        {
            var report = await db.Reports.OrderBy(r => r.Id).FirstAsync(r => r.PeriodId == december, Ct);
            report.State = ReportStates.Verified;
            report.SubmittedAtUtc = new DateTime(2026, 12, 15, 3, 0, 0, DateTimeKind.Utc);
            return await db.SaveChangesAsync(Ct);
        });
        using (var official = await client.GetAsync(new Uri($"/ky-bao-cao/{december}/bao-cao.docx", UriKind.Relative), Ct))
            Assert.Equal(HttpStatusCode.OK, official.StatusCode);
        var after = await client.GetStringAsync(new Uri($"/ky-bao-cao/{december}", UriKind.Relative), Ct);
        Assert.DoesNotContain("id=\"not-ready\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_that_has_not_opened_has_no_report_not_even_a_draft()
    {
        await using var app = new RoViecApp { Clock = new TestClock(ReportDay, 10) };
        var scheduled = await app.WithDbAsync(db => db.Periods.Where(p => p.State == PeriodStates.Scheduled).Select(p => p.Id).FirstAsync(Ct));
        using var client = await app.SignedInClientAsync("thuongtruc");

        using var response = await client.GetAsync(new Uri($"/ky-bao-cao/{scheduled}/bao-cao.docx?duthao=1", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("chưa mở", System.Text.RegularExpressions.Regex.Unescape(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_those_who_publish_the_report_may_compose_it()
    {
        await using var app = new RoViecApp { Clock = new TestClock(ReportDay, 10) };
        var december = await app.ReportedDecemberAsync();
        using var reporter = await app.SignedInClientAsync("congan");
        using var response = await reporter.GetAsync(new Uri($"/ky-bao-cao/{december.PeriodId}/soan-bao-cao", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var office = await app.SignedInClientAsync("thuongtruc");
        using var unknown = await office.GetAsync(new Uri($"/ky-bao-cao/{Guid.NewGuid()}/soan-bao-cao", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
