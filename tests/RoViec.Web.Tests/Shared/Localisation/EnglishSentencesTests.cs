using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Web.Features.Public;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Tests;

/// <summary>
/// What the pages say in sentences built in code — the landing page's to-do, the report form's refusals and autosave
/// status, the public page's period and percentages, the scoring scheme's rules — follows the language toggle, and
/// stays the same Vietnamese without it.
/// </summary>
public sealed partial class EnglishSentencesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpClient> EnglishAsync(HttpClient client)
    {
        await client.GetAsync(new Uri("/ngon-ngu?culture=en&returnUrl=%2F", UriKind.Relative), Ct);
        return client;
    }

    private static async Task<string> TextAsync(HttpClient client, string page) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(page, UriKind.Relative), Ct));

    [Fact]
    public async Task The_to_do_list_is_written_in_english_with_the_period_named_the_english_way()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 6), 9) };
        var (december, _, reports) = await app.OpenMonthAsync(12);
        var police = await app.UnitIdAsync("cong-an");
        await app.FillAsync(reports.First(r => r.Value != police).Key, ReportStates.Submitted);
        var due = await app.WithDbAsync(db => db.Periods.Where(p => p.Id == december).Select(p => p.UnitDueOn).SingleAsync(Ct));
        var days = due.DayNumber - new DateOnly(2026, 12, 6).DayNumber;
        using var reporter = await EnglishAsync(await app.SignedInClientAsync("congan"));
        using var office = await EnglishAsync(await app.SignedInClientAsync("thuongtruc"));

        var reporterHome = await TextAsync(reporter, "/");
        var officeHome = await TextAsync(office, "/");

        Assert.Contains($"The December 2026 report of Công an xã is not sent yet: due {due:dd/MM/yyyy}, days left: {days}.", reporterHome, StringComparison.Ordinal);
        Assert.DoesNotContain("chưa gửi", reporterHome, StringComparison.Ordinal);
        Assert.Contains("Reports awaiting verification: 1.", officeHome, StringComparison.Ordinal);
        Assert.DoesNotContain("chờ xác minh", officeHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_autosave_script_reads_its_words_from_the_page_in_the_readers_language()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        using var english = await EnglishAsync(await app.ClientAsync("congan"));
        using var vietnamese = await app.ClientAsync("congan");

        var englishPage = WebUtility.HtmlDecode(await english.PageAsync(reportId));
        var vietnamesePage = WebUtility.HtmlDecode(await vietnamese.PageAsync(reportId));

        Assert.Contains("data-saved=\"Draft saved at {0}\"", englishPage, StringComparison.Ordinal);
        Assert.Contains("data-changed=\"Unsaved changes…\"", englishPage, StringComparison.Ordinal);
        Assert.Contains("data-saved=\"Đã lưu nháp lúc {0}\"", vietnamesePage, StringComparison.Ordinal);
        Assert.Contains("data-offline=\"Chưa lưu được (mất kết nối?); sẽ thử lại.\"", vietnamesePage, StringComparison.Ordinal);
        // The script is a file (the Content-Security-Policy allows no inline script), linked by the page: its words are the page's.
        var script = System.Text.RegularExpressions.Regex.Match(englishPage, "<script src=\"(/js/autosave[^\"]*)\"").Groups[1].Value;
        Assert.NotEmpty(script);
        Assert.Contains("status.textContent = say('changed');", await english.GetStringAsync(new Uri(script, UriKind.Relative), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_autosave_answers_in_the_readers_language()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        var task = (await app.LinesAsync(reportId)).First(l => l.Kind == ReportItemKinds.Task).Id;
        using var english = await EnglishAsync(await app.ClientAsync("congan"));
        using var vietnamese = await app.ClientAsync("congan");

        var inEnglish = await english.AutosaveAsync(reportId, ($"line[{task}].percent", "140"));
        var inVietnamese = await vietnamese.AutosaveAsync(reportId, ($"line[{task}].percent", "140"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, inEnglish.StatusCode);
        using var englishJson = JsonDocument.Parse(await inEnglish.Content.ReadAsStringAsync(Ct));
        using var vietnameseJson = JsonDocument.Parse(await inVietnamese.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Completion must be from 0 to 100 (%), it cannot be 140.", englishJson.RootElement.GetProperty("errors").GetProperty($"line[{task}].percent").GetString());
        Assert.Equal("Tỷ lệ hoàn thành phải từ 0 đến 100 (%), không thể là 140.", vietnameseJson.RootElement.GetProperty("errors").GetProperty($"line[{task}].percent").GetString());
    }

    [Fact]
    public async Task A_refused_submission_and_a_closed_period_are_explained_in_english()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        var task = (await app.LinesAsync(reportId)).First(l => l.Kind == ReportItemKinds.Task).Id;
        using var reporter = await EnglishAsync(await app.ClientAsync("congan"));

        var response = await reporter.PostReportAsync(reportId, "Submit", ($"line[{task}].percent", "140"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Not saved: 1 field is not right (see below).", html, StringComparison.Ordinal);
        Assert.Contains("Completion must be from 0 to 100 (%), it cannot be 140.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa lưu", html, StringComparison.Ordinal);

        await using var late = new RoViecApp();
        var closedId = await late.ReportIdAsync(await late.OpenPeriodAsync(dueInDays: -6));
        using var lateReporter = await EnglishAsync(await late.ClientAsync("congan"));
        var closed = WebUtility.HtmlDecode(await lateReporter.PageAsync(closedId));
        Assert.Matches("The reporting period \"[^\"]+\" is closed \\(compilation due \\d\\d/\\d\\d/\\d{4}\\): reports can no longer be changed or sent.", closed);
        Assert.DoesNotContain("đã đóng", closed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_is_refused_and_confirmed_in_english()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        await app.FillAsync(reportId, ReportStates.Verified);
        var task = (await app.LinesAsync(reportId)).First(l => l.Kind == ReportItemKinds.Task).Id;
        using var office = await EnglishAsync(await app.ClientAsync("thuongtruc"));

        var refused = await office.PostReportAsync(reportId, "Correct", ("item", task.ToString()), ("field", "percent"), ("value", "65"), ("reason", ""));
        var done = await office.PostReportAsync(reportId, "Correct", ("item", task.ToString()), ("field", "percent"), ("value", "65"), ("reason", "Biên bản nghiệm thu bổ sung."));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Enter the reason for the correction.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        ReportsArrange.IsRedirectBack(done, reportId);
        var page = WebUtility.HtmlDecode(await office.PageAsync(reportId));
        Assert.Contains("\"Completion (%)\" corrected.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", 87.5, "87.5%")]
    [InlineData("vi-VN", 87.5, "87,5%")]
    [InlineData("en", 100, "100%")]
    public void Percentages_follow_the_readers_language(string culture, double value, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, Numbers.Percent((decimal)value));
            Assert.Equal("—", Numbers.Percent(null));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task The_public_page_names_its_month_and_writes_percentages_the_english_way()
    {
        await using var app = new RoViecApp
        {
            Clock = new TestClock(new DateOnly(2026, 11, 24), 10),
            Settings = new Dictionary<string, string> { ["RoViec:Demo:History"] = "true" },
        };
        var (slug, communeId) = await app.WithDbAsync(db => db.PublicPages.Select(p => new ValueTuple<string, Guid>(p.Slug, p.CommuneId)).SingleAsync(Ct));
        var month = await app.WithDbAsync(db => PublicFigures.MonthAsync(db, communeId, null, Ct));
        Assert.NotNull(month);
        using var englishReader = app.CreateClient();
        using var vietnameseReader = app.CreateClient();
        await englishReader.GetAsync(new Uri($"/ngon-ngu?culture=en&returnUrl=%2Fcong-khai%2F{slug}", UriKind.Relative), Ct);

        var english = await TextAsync(englishReader, $"/cong-khai/{slug}");
        var vietnamese = await TextAsync(vietnameseReader, $"/cong-khai/{slug}");

        Assert.Contains($"id=\"pub-period\">{PeriodName.Of(month).In(CultureInfo.GetCultureInfo("en"))} · ", english, StringComparison.Ordinal);
        Assert.Contains($"id=\"pub-period\">{month.Label} · ", vietnamese, StringComparison.Ordinal);
        Assert.DoesNotContain(month.Label, english, StringComparison.Ordinal);
        // The same figures, each written the reader's way: no decimal comma in English.
        var englishShares = PercentRegex().Matches(english).Select(m => m.Value).ToList();
        var vietnameseShares = PercentRegex().Matches(vietnamese).Select(m => m.Value.Replace(',', '.')).ToList();
        Assert.NotEmpty(englishShares);
        Assert.Equal(vietnameseShares, englishShares);
        Assert.DoesNotMatch(@"\d,\d%", english);
    }

    [Fact]
    public async Task The_scoring_scheme_page_writes_its_own_words_in_english_and_the_schemes_as_they_are()
    {
        await using var app = new RoViecApp();
        using var english = await EnglishAsync(await app.SignedInClientAsync("thuongtruc"));
        using var vietnamese = await app.SignedInClientAsync("thuongtruc");

        var inEnglish = await TextAsync(english, "/diem/bo-tieu-chi");
        var inVietnamese = await TextAsync(vietnamese, "/diem/bo-tieu-chi");

        Assert.Contains("Scored by hand, with the grounds noted", inEnglish, StringComparison.Ordinal);
        Assert.DoesNotContain("Chấm tay, ghi căn cứ", inEnglish, StringComparison.Ordinal);
        Assert.Contains("Chấm tay, ghi căn cứ", inVietnamese, StringComparison.Ordinal);
        // The tie rule reads as the ranking page and the official report write it in Vietnamese, and in English here.
        var scheme = RoViec.Domain.Scoring.SchemeJson.Parse(RoViec.Web.Features.Scores.SchemeStore.Shipped(RoViec.Web.Features.Scores.SchemeStore.DefaultKey), out _)!;
        Assert.Contains($"<li id=\"tie-rule\">{RoViec.Domain.Scoring.Ranking.Describe(scheme)}</li>", inVietnamese, StringComparison.Ordinal);
        Assert.Contains("<li id=\"tie-rule\">Tied on points: the unit ranked higher is the one ", inEnglish, StringComparison.Ordinal);
        // The criteria are the scheme's own text, in Vietnamese under either language.
        var criterion = await app.WithDbAsync(db => db.ScoringSchemes.Select(s => s.Name).FirstAsync(Ct));
        Assert.Contains(criterion, inEnglish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_files_are_refused_in_english_with_their_kind_named_the_english_way()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        var task = (await app.LinesAsync(reportId)).First(l => l.Kind == ReportItemKinds.Task).Id;
        using var english = await EnglishAsync(await app.ClientAsync("congan"));
        using var vietnamese = await app.ClientAsync("congan");
        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04];
        var large = new byte[11 * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(large);

        using var program = await UploadAsync(english, reportId, task, "setup.exe", exe);
        using var renamed = await UploadAsync(english, reportId, task, "anh-hien-truong.jpg", exe);
        using var tooLarge = await UploadAsync(english, reportId, task, "ho-so.pdf", large);
        using var inVietnamese = await UploadAsync(vietnamese, reportId, task, "anh-hien-truong.jpg", exe);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, program.StatusCode);
        Assert.Contains("The file \"setup.exe\" is not taken: evidence files can only be PDF, DOCX, DOC, XLSX, XLS, ODT, ODS, JPG, PNG.", await BodyTextAsync(program), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, renamed.StatusCode);
        var renamedText = await BodyTextAsync(renamed);
        Assert.Contains("The file \"anh-hien-truong.jpg\" is not a real JPG picture file (its content does not match the extension .jpg); it was not saved.", renamedText, StringComparison.Ordinal);
        Assert.DoesNotContain("chưa được lưu", renamedText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("The file \"ho-so.pdf\" is 11 MB, over the limit of 10 MB for an evidence file; it was not saved.", await BodyTextAsync(tooLarge), StringComparison.Ordinal);
        Assert.Contains("Tệp \"anh-hien-truong.jpg\" không phải tệp ảnh JPG thật (nội dung không khớp với đuôi .jpg); tệp chưa được lưu.", await BodyTextAsync(inVietnamese), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_scoring_scheme_gives_its_reasons_in_english_with_english_numbers()
    {
        await using var app = new RoViecApp();
        using var english = await EnglishAsync(await app.SignedInClientAsync("thuongtruc"));
        using var vietnamese = await app.SignedInClientAsync("thuongtruc");
        // The first top-level criterion a half point over, and a gap in a band table.
        var json = Replace(Replace(RoViec.Web.Features.Scores.SchemeStore.Shipped(RoViec.Web.Features.Scores.SchemeStore.DefaultKey), "\"max\": 20,", "\"max\": 20.5,"),
            "{ \"from\": 90, \"to\": 100, \"points\": 24 }", "{ \"from\": 92, \"to\": 100, \"points\": 24 }");

        using var inEnglish = await english.PostFormAsync("/diem/bo-tieu-chi", "/diem/bo-tieu-chi", ("Name", "Bộ sửa"), ("From", "01/2027"), ("Json", json));
        using var inVietnamese = await vietnamese.PostFormAsync("/diem/bo-tieu-chi", "/diem/bo-tieu-chi", ("Name", "Bộ sửa"), ("From", "01/2027"), ("Json", json));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, inEnglish.StatusCode);
        var englishText = await BodyTextAsync(inEnglish);
        Assert.Contains("The top-level criteria's maximum points add up to 100.5; they must add up to 100 (", englishText, StringComparison.Ordinal);
        Assert.Contains("the bands leave a gap from 90% to below 92% (no band scores it).", englishText, StringComparison.Ordinal);
        Assert.Matches("Criterion [^ ]+ \"[^\"]+\": the bands leave a gap", englishText);
        Assert.DoesNotContain("phải bằng 100", englishText, StringComparison.Ordinal);
        Assert.DoesNotContain("bị hở", englishText, StringComparison.Ordinal);
        Assert.DoesNotContain("100,5", englishText, StringComparison.Ordinal);
        var vietnameseText = await BodyTextAsync(inVietnamese);
        Assert.Contains("Tổng điểm tối đa của các tiêu chí cấp 1 là 100,5, phải bằng 100 (", vietnameseText, StringComparison.Ordinal);
        Assert.Contains("bảng bậc điểm bị hở từ 90% đến dưới 92% (không bậc nào chấm khoảng này).", vietnameseText, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.ScoringSchemes.CountAsync(Ct)));
    }

    [Fact]
    public void Every_scheme_problem_has_an_english_entry()
    {
        var english = LocalisationTests.EnglishEntries();
        var source = File.ReadAllText(Path.Combine(SourceTree.Src, "RoViec.Domain", "Scoring", "SchemeValidator.cs"));

        var formats = SchemeProblemRegex().Matches(source).Select(m => Regex.Unescape(m.Groups[1].Value)).Distinct().ToList();

        Assert.True(formats.Count > 50, $"only {formats.Count} problems found: is the scan still reading the validator?");
        var missing = formats.Where(f => !english.ContainsKey(f)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_ranking_page_writes_its_title_classes_tie_rule_and_points_in_english()
    {
        await using var app = DemoYear();
        var october = await MonthAsync(app, 10);
        var scheme = await app.WithDbAsync(async db =>
            (await RoViec.Web.Features.Scores.SchemeStore.ByIdAsync(db, await db.UnitScores.Where(s => s.PeriodId == october.Id).Select(s => s.SchemeId).FirstAsync(Ct), Ct))!.Definition);
        using var english = await EnglishAsync(await app.SignedInClientAsync("thuongtruc"));
        using var vietnamese = await app.SignedInClientAsync("thuongtruc");

        var inEnglish = await TextAsync(english, $"/diem?ky={october.Id}");
        var inVietnamese = await TextAsync(vietnamese, $"/diem?ky={october.Id}");
        var quarter = await TextAsync(english, "/diem?quy=4");
        using var recomputed = await english.PostFormAsync($"/diem?ky={october.Id}", "/diem?handler=Recompute", ("ky", october.Id.ToString()));

        Assert.Contains("<h2>Ranking of October 2026", inEnglish, StringComparison.Ordinal);
        Assert.Contains("Tied on points: ", inEnglish, StringComparison.Ordinal);
        Assert.Matches(@"[^:;]+: from \d+ points; ", inEnglish);
        Assert.DoesNotContain("Bằng điểm", inEnglish, StringComparison.Ordinal);
        Assert.DoesNotContain("Xếp hạng tháng", inEnglish, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<td class=""num"">\d+,\d+</td>", inEnglish);
        Assert.Contains("<h2>Ranking of quarter IV/2026", quarter, StringComparison.Ordinal);
        Assert.Matches(@"Units scored again: \d+; units whose score changed: \d+\.", await BodyTextAsync(recomputed));
        // Vietnamese stays as the official report writes it.
        Assert.Contains("<h2>Xếp hạng tháng 10/2026", inVietnamese, StringComparison.Ordinal);
        Assert.Contains($"{RoViec.Web.Features.Scores.ScoreQueries.ClassesText(scheme)} {RoViec.Domain.Scoring.Ranking.Describe(scheme)}", inVietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saved_notices_are_written_in_english()
    {
        await using var app = DemoYear();
        var october = await MonthAsync(app, 10);
        using var office = await EnglishAsync(await app.SignedInClientAsync("thuongtruc"));

        // The public page's settings.
        var settings = await office.GetStringAsync(new Uri("/cong-khai/cai-dat", UriKind.Relative), Ct);
        using var saved = await office.PostTokenFormAsync(settings, "/cong-khai/cai-dat",
            ("Enabled", "true"), ("Slug", FormPosts.InputValue(settings, "Slug")), ("Version", FormPosts.InputValue(settings, "Version")));
        Assert.Contains("Public page settings saved.", await BodyTextAsync(saved), StringComparison.Ordinal);

        // A citizen's feedback answered.
        var feedback = await app.WithDbAsync(async db =>
        {
            var item = new Feedback
            {
                Id = Guid.NewGuid(),
                CommuneId = await db.Communes.Select(c => c.Id).SingleAsync(Ct),
                Item = "page",
                Rating = 4,
                Message = "Cần thêm điểm wifi",
                CreatedAtUtc = app.UtcNow,
                State = FeedbackStates.New,
                Version = Guid.NewGuid(),
            };
            db.Feedback.Add(item);
            await db.SaveChangesAsync(Ct);
            return item;
        });
        using var answered = await office.PostFormAsync("/cong-khai/phan-hoi", "/cong-khai/phan-hoi?handler=Answer",
            ("id", feedback.Id.ToString()), ("version", feedback.Version.ToString()), ("answer", "Xã sẽ lắp thêm trong quý I."));
        Assert.Contains("Answer saved.", await BodyTextAsync(answered), StringComparison.Ordinal);

        // Results marked as entered upward.
        var upward = $"/ky-bao-cao/{october.Id}/nhap-len";
        var indicator = await app.WithDbAsync(db => db.Indicators.Where(i => i.PlanId == october.PlanId).OrderBy(i => i.Order).Select(i => i.Id).FirstAsync(Ct));
        using var marked = await office.PostTokenFormAsync(await office.GetStringAsync(new Uri(upward, UriKind.Relative), Ct), upward + "?handler=Mark", ("Chon", "chi-tieu:" + indicator));
        Assert.Contains("Items marked as entered into the upper-level system: 1.", await BodyTextAsync(marked), StringComparison.Ordinal);
        using var none = await office.PostTokenFormAsync(await office.GetStringAsync(new Uri(upward, UriKind.Relative), Ct), upward + "?handler=Mark");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("Choose at least one indicator or task.", await BodyTextAsync(none), StringComparison.Ordinal);

        // The official report's composition.
        var compose = $"/ky-bao-cao/{october.Id}/soan-bao-cao";
        var composeHtml = await office.GetStringAsync(new Uri(compose, UriKind.Relative), Ct);
        using var composed = await office.PostTokenFormAsync(composeHtml, compose, ("Version", FormPosts.InputValue(composeHtml, "Version")), ("Texts[tom-tat]", "Lời văn của văn phòng."));
        Assert.Contains("Report saved.", await BodyTextAsync(composed), StringComparison.Ordinal);

        // A unit's scoring inputs, with the month named the English way.
        var unit = await app.WithDbAsync(db => db.Reports.Where(r => r.PeriodId == october.Id && r.State == ReportStates.Verified)
            .Join(db.Units, r => r.UnitId, u => u.Id, (r, u) => new { u.Id, u.Name }).OrderBy(u => u.Name).FirstAsync(Ct));
        var inputs = $"/diem/nhap-lieu?ky={october.Id}&donvi={unit.Id}";
        using var entered = await office.PostTokenFormAsync(await office.GetStringAsync(new Uri(inputs, UriKind.Relative), Ct), inputs,
            ("Value[B5]", "5"), ("Basis[B5]", "Kế hoạch tập huấn số 12/KH-UBND"), ("Reason", "Bổ sung kết quả tập huấn"));
        var enteredText = await BodyTextAsync(entered);
        Assert.Contains($"Changes saved for {unit.Name}: ", enteredText, StringComparison.Ordinal);
        Assert.Contains("; the scores of October 2026 were computed again.", enteredText, StringComparison.Ordinal);
        Assert.DoesNotContain("đã được tính lại", enteredText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extension_is_confirmed_in_english()
    {
        await using var app = new RoViecApp();
        using var office = await EnglishAsync(await app.SignedInClientAsync("thuongtruc"));
        var december = await MonthAsync(app, 12);
        (await office.PostFormAsync("/ky-bao-cao", "/ky-bao-cao?handler=Open&id=" + december.Id, ("version", december.Version.ToString()))).Dispose();
        var police = await app.UnitIdAsync("cong-an");
        var page = $"/ky-bao-cao/{december.Id}";

        using var granted = await office.PostFormAsync(page, page + "?handler=Extend", ("ExtendUnitId", police.ToString()), ("ExtendDueOn", "28/12/2026"), ("ExtendReason", "Bận diễn tập phòng cháy"));

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Contains("Extension granted to the unit; the reason is kept with the decision.", await BodyTextAsync(granted), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_without_verified_reports_and_a_refused_answer_are_explained_in_english()
    {
        await using var app = new RoViecApp();
        var (december, _, _) = await app.OpenMonthAsync(12);
        using var office = await EnglishAsync(await app.SignedInClientAsync("thuongtruc"));

        var upward = await TextAsync(office, $"/ky-bao-cao/{december}/nhap-len");
        var feedback = await app.WithDbAsync(async db =>
        {
            var item = new Feedback
            {
                Id = Guid.NewGuid(),
                CommuneId = await db.Communes.Select(c => c.Id).SingleAsync(Ct),
                Item = "page",
                Rating = 2,
                Message = "Trang chậm cập nhật",
                CreatedAtUtc = app.UtcNow,
                State = FeedbackStates.New,
                Version = Guid.NewGuid(),
            };
            db.Feedback.Add(item);
            await db.SaveChangesAsync(Ct);
            return item;
        });
        using var empty = await office.PostFormAsync("/cong-khai/phan-hoi", "/cong-khai/phan-hoi?handler=Answer",
            ("id", feedback.Id.ToString()), ("version", feedback.Version.ToString()), ("answer", " "));

        Assert.Matches("The reporting period December 2026 of the commune [^<]+ has no report verified by the standing office yet, so there are no official figures.", upward);
        Assert.DoesNotContain("chưa có báo cáo nào được", upward, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal("Write the answer.", await empty.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_official_reports_composition_is_refused_in_english()
    {
        await using var app = DemoYear();
        var october = await MonthAsync(app, 10);
        using var office = await EnglishAsync(await app.SignedInClientAsync("thuongtruc"));
        using var vietnamese = await app.SignedInClientAsync("thuongtruc");
        var compose = $"/ky-bao-cao/{october.Id}/soan-bao-cao";
        var html = await office.GetStringAsync(new Uri(compose, UriKind.Relative), Ct);
        var opened = FormPosts.InputValue(html, "Version");

        using var badDate = await office.PostTokenFormAsync(html, compose, ("Version", opened), ("Fields[ngay]", "31/02/2026"));
        using var badKind = await office.PostTokenFormAsync(html, compose, ("Version", opened), ("Fields[thethuc]", "cong-van"));
        using var tooLong = await office.PostTokenFormAsync(html, compose, ("Version", opened), ("Texts[tom-tat]", new string('x', 20_001)));
        using var inVietnamese = await vietnamese.PostTokenFormAsync(await vietnamese.GetStringAsync(new Uri(compose, UriKind.Relative), Ct), compose,
            ("Version", opened), ("Fields[ngay]", "31/02/2026"));
        using var first = await office.PostTokenFormAsync(html, compose, ("Version", opened), ("Texts[tom-tat]", "Bản thứ nhất."));
        using var second = await office.PostTokenFormAsync(html, compose, ("Version", opened), ("Texts[tom-tat]", "Bản thứ hai."));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, badDate.StatusCode);
        var dateText = await BodyTextAsync(badDate);
        Assert.Contains("The date of issue must be written dd/mm/yyyy, for example 22/12/2026.", dateText, StringComparison.Ordinal);
        Assert.DoesNotContain("phải viết dạng", dateText, StringComparison.Ordinal);
        Assert.Contains("The layout must be “dang” (a Party document) or “nha-nuoc” (an administrative document).", await BodyTextAsync(badKind), StringComparison.Ordinal);
        var longText = await BodyTextAsync(tooLong);
        Assert.Contains("The paragraph “Summary of results” is 20,001 characters long, over the 20,000 allowed.", longText, StringComparison.Ordinal);
        Assert.Contains("<label>Summary of results", longText, StringComparison.Ordinal);
        Assert.Contains("Ngày ban hành phải viết dạng dd/mm/yyyy, ví dụ 22/12/2026.", await BodyTextAsync(inVietnamese), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var conflictText = await BodyTextAsync(second);
        Assert.Contains("after you opened the page; your text was not saved.", conflictText, StringComparison.Ordinal);
        Assert.DoesNotContain("sau khi anh/chị mở trang", conflictText, StringComparison.Ordinal);
        // The download's own query, refused the same way.
        using var download = await office.GetAsync(new Uri($"/ky-bao-cao/{october.Id}/bao-cao.docx?ngay=31/02/2026", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, download.StatusCode);
        var problem = Regex.Unescape(await download.Content.ReadAsStringAsync(Ct));
        Assert.Contains("The date of issue must be written dd/mm/yyyy, for example 22/12/2026.", problem, StringComparison.Ordinal);
        Assert.Contains("The report could not be made", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_scoring_inputs_are_refused_in_english()
    {
        await using var app = DemoYear();
        var october = await MonthAsync(app, 10);
        var unit = await app.WithDbAsync(db => db.Reports.Where(r => r.PeriodId == october.Id && r.State == ReportStates.Verified)
            .Join(db.Units, r => r.UnitId, u => u.Id, (r, u) => new { u.Id, u.Name }).OrderBy(u => u.Name).FirstAsync(Ct));
        using var office = await EnglishAsync(await app.SignedInClientAsync("thuongtruc"));
        using var vietnamese = await app.SignedInClientAsync("thuongtruc");
        var inputs = $"/diem/nhap-lieu?ky={october.Id}&donvi={unit.Id}";
        var html = await office.GetStringAsync(new Uri(inputs, UriKind.Relative), Ct);

        using var refused = await office.PostTokenFormAsync(html, inputs,
            ("Value[B5]", "bốn"), ("Basis[B5]", "Kế hoạch 12"), ("Allocated", "-5"), ("Disbursed", "0"));
        using var outOfRange = await office.PostTokenFormAsync(html, inputs, ("Value[B5]", "99"), ("Basis[B5]", "Kế hoạch 12"), ("Reason", "Thử"));
        using var inVietnamese = await vietnamese.PostTokenFormAsync(await vietnamese.GetStringAsync(new Uri(inputs, UriKind.Relative), Ct), inputs,
            ("Value[B5]", "bốn"), ("Basis[B5]", "Kế hoạch 12"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var text = await BodyTextAsync(refused);
        Assert.Matches("B5\\. [^<]+?: “bốn” is not a number of points\\.", text);
        Assert.Contains("The allocated budget must be a non-negative amount (in đồng), for example 150,000,000.", text, StringComparison.Ordinal);
        Assert.Contains("October 2026 is closed: write the reason for the adjustment; it is kept with the recomputed score.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("không phải là số điểm", text, StringComparison.Ordinal);
        Assert.DoesNotContain("đã đóng", text, StringComparison.Ordinal);
        Assert.Matches(@"B5\. [^<]+?: the points must be from 0 to \d+(\.\d+)?\.", await BodyTextAsync(outOfRange));
        var vietnameseText = await BodyTextAsync(inVietnamese);
        Assert.Contains("“bốn” không phải là số điểm.", vietnameseText, StringComparison.Ordinal);
        Assert.Contains("Tháng 10/2026 đã đóng: hãy ghi lý do điều chỉnh", vietnameseText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_tie_note_is_written_in_english_on_the_ranking_page_and_stays_vietnamese_in_store()
    {
        await using var app = DemoYear();
        var october = await MonthAsync(app, 10);
        // The second unit of the month tied with the first, decided by the results rule, as Ranking writes it.
        var (first, second) = await app.WithDbAsync(async db =>
        {
            var rows = await db.UnitScores.Where(s => s.PeriodId == october.Id).OrderBy(s => s.Rank)
                .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { Score = s, u.Name }).Take(2).ToListAsync(Ct);
            return (rows[0], rows[1]);
        });
        var scheme = TieScheme(RoViec.Domain.Scoring.TieBreakers.Results);
        var note = RoViec.Domain.Scoring.Ranking.Rank(scheme,
            [new(first.Score.UnitId, first.Name, 90, 60, 0, null), new(second.Score.UnitId, second.Name, 90, 50, 0, null)])[1].TieNote!;
        await app.WithDbAsync(async db =>
        {
            var row = await db.UnitScores.SingleAsync(s => s.Id == second.Score.Id, Ct);
            var breakdown = RoViec.Web.Features.Scores.ScoreService.ReadBreakdown(row.Breakdown)!;
            row.Breakdown = JsonSerializer.Serialize(breakdown with { TieNote = note }, RoViec.Web.Features.Scores.ScoreService.Json);
            await db.SaveChangesAsync(Ct);
            return 0;
        });
        using var english = await EnglishAsync(await app.SignedInClientAsync("thuongtruc"));
        using var vietnamese = await app.SignedInClientAsync("thuongtruc");

        var inEnglish = await TextAsync(english, $"/diem?ky={october.Id}");
        var inVietnamese = await TextAsync(vietnamese, $"/diem?ky={october.Id}");
        var unitPage = await TextAsync(english, $"/diem/{october.Id}/{second.Score.UnitId}");

        Assert.Contains($"Tied on points with {first.Name}; ranked lower because its score for task results is lower.", inEnglish, StringComparison.Ordinal);
        Assert.DoesNotContain("xếp sau vì", inEnglish, StringComparison.Ordinal);
        Assert.Contains($"Tied on points with {first.Name}; ranked lower because", unitPage, StringComparison.Ordinal);
        Assert.Contains(note, inVietnamese, StringComparison.Ordinal);
        Assert.Equal($"Bằng điểm với {first.Name}; xếp sau vì điểm phần kết quả thực hiện nhiệm vụ thấp hơn.", note);
    }

    [Fact]
    public void Every_tie_note_the_ranking_writes_is_recognised_and_has_english_entries()
    {
        var english = LocalisationTests.EnglishEntries();
        var rules = new[] { RoViec.Domain.Scoring.TieBreakers.Results, RoViec.Domain.Scoring.TieBreakers.FirstSubmitted, RoViec.Domain.Scoring.TieBreakers.FewerDeductions };
        var a = new RoViec.Domain.Scoring.RankEntry(Guid.NewGuid(), "Công an xã", 80, 50, 2, new DateTime(2026, 10, 5, 0, 0, 0, DateTimeKind.Utc));
        var b = new RoViec.Domain.Scoring.RankEntry(Guid.NewGuid(), "Trạm Y tế", 80, 40, 5, new DateTime(2026, 10, 6, 0, 0, 0, DateTimeKind.Utc));
        var c = new RoViec.Domain.Scoring.RankEntry(Guid.NewGuid(), "Văn phòng", 80, 40, 5, new DateTime(2026, 10, 6, 0, 0, 0, DateTimeKind.Utc));
        var schemes = rules.Select(r => TieScheme(r))
            .Append(TieScheme())
            .Append(TieScheme(RoViec.Domain.Scoring.TieBreakers.Shared));

        var notes = schemes.SelectMany(s => RoViec.Domain.Scoring.Ranking.Rank(s, [a, b, c])).Select(r => r.TieNote).OfType<string>().Distinct().ToList();

        Assert.True(notes.Count >= 5, string.Join(" | ", notes));
        foreach (var note in notes)
        {
            var sentence = RoViec.Web.Features.Scores.TieNotes.Of(note);
            Assert.NotEqual("{0}", sentence.Format);
            Assert.Equal(note, sentence.ToString());
            Assert.True(english.ContainsKey(sentence.Format), sentence.Format);
            Assert.All(sentence.Args.OfType<Sentence>(), s => Assert.True(english.ContainsKey(s.Format), s.Format));
        }
        Assert.Equal("Ghi chú khác", RoViec.Web.Features.Scores.TieNotes.Of("Ghi chú khác").ToString());
    }

    [Fact]
    public async Task A_task_correction_and_a_cross_check_are_refused_in_english()
    {
        await using var app = new RoViecApp();
        using var admin = await EnglishAsync(await app.SignedInClientAsync());
        var list = await admin.GetStringAsync(new Uri("/?q=mua+sam+thiet+bi", UriKind.Relative), Ct);
        var edit = Regex.Match(list, @"href=""(/nhiem-vu/[0-9a-f-]+)""").Groups[1].Value + "/sua";
        var form = await admin.GetStringAsync(new Uri(edit, UriKind.Relative), Ct);

        using var emptyName = await admin.PostTokenFormAsync(form, edit, ("Input.Name", " "), ("Input.Lead", "Thủ trưởng các cơ quan"),
            ("Input.Output", "x"), ("Input.Deadline", "Quý II/2026"), ("Input.Version", FormPosts.InputValue(form, "Input.Version")));

        Assert.Equal(HttpStatusCode.BadRequest, emptyName.StatusCode);
        var taskText = await BodyTextAsync(emptyName);
        Assert.Contains("The task's content cannot be empty.", taskText, StringComparison.Ordinal);
        Assert.DoesNotContain("không được để trống", taskText, StringComparison.Ordinal);

        var (periodId, _, _, _) = await app.PeriodWithOneVerifiedReportAsync("cong-an");
        using var ubkt = await EnglishAsync(await app.SignedInClientAsync("ubkt", RoViecApp.AdminPassword));
        (await ubkt.PostFormAsync($"/kiem-tra-cheo?ky={periodId}", "/kiem-tra-cheo?handler=Draw", ("period", periodId.ToString()), ("size", "1"))).Dispose();
        var check = (await app.SampleAsync(periodId))[0];
        using var withoutNote = await ubkt.PostFormAsync($"/kiem-tra-cheo?ky={periodId}", "/kiem-tra-cheo?handler=Record",
            ("id", check.Id.ToString()), ("result", CrossCheckResults.NotConfirmed), ("note", " "), ("version", check.Version.ToString()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutNote.StatusCode);
        Assert.Contains("A line not confirmed needs the reason: where the evidence is missing or does not match.", await BodyTextAsync(withoutNote), StringComparison.Ordinal);
    }

    private static RoViec.Domain.Scoring.SchemeDefinition TieScheme(params string[] ties) =>
        new() { Criteria = [], Classes = [new("A", 90), new("B", 0)], TieBreakers = ties };

    private static RoViecApp DemoYear() => new()
    {
        Clock = new TestClock(new DateOnly(2026, 11, 24), 10),
        Settings = new Dictionary<string, string> { ["RoViec:Demo:History"] = "true" },
    };

    private static Task<ReportingPeriod> MonthAsync(RoViecApp app, int month) =>
        app.WithDbAsync(db => db.Periods.AsNoTracking().SingleAsync(p => p.Kind == PeriodKinds.Monthly && p.Number == month, Ct));

    private static async Task<string> BodyTextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.BodyAsync());

    private static string Replace(string text, string find, string replace)
    {
        var index = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, find);
        return text[..index] + replace + text[(index + find.Length)..];
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid reportId, Guid itemId, string fileName, byte[] bytes)
    {
        var html = await client.PageAsync(reportId);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(RoViecApp.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent(itemId.ToString()), "item" },
            { new StringContent("File"), "kind" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return await client.PostAsync(new Uri($"/bao-cao/{reportId}?handler=Evidence", UriKind.Relative), content, Ct);
    }

    // A problem's format in the validator: "new SchemeProblem("…"" or, where the type is known, "new("…"".
    [GeneratedRegex(@"\bnew(?: SchemeProblem)?\(\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex SchemeProblemRegex();

    // A percentage in the public page's table of fields.
    [GeneratedRegex(@"(?<=<td class=""num"">)\d+(?:[.,]\d)?%(?=</td>)")]
    private static partial Regex PercentRegex();
}
