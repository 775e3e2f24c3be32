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
        Assert.Contains("status.textContent = say('changed');", englishPage, StringComparison.Ordinal);
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

    // A percentage in the public page's table of fields.
    [GeneratedRegex(@"(?<=<td class=""num"">)\d+(?:[.,]\d)?%(?=</td>)")]
    private static partial Regex PercentRegex();
}
