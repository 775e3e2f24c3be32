using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Web.Features.CrossChecks;
using RoViec.Web.Features.Notifications;
using RoViec.Web.Features.Periods;
using RoViec.Web.Features.Reports;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Tests;

/// <summary>
/// The reporting cycle's pages under the English toggle: their own words are English, period names included; only
/// what users typed or imported (unit, task and plan names, notes, notices) stays Vietnamese.
/// </summary>
public sealed partial class EnglishPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [Theory]
    [InlineData(PeriodKinds.Monthly, 12, 2026, "Tháng 12/2026", "December 2026")]
    [InlineData(PeriodKinds.Monthly, 3, 2027, "Tháng 3/2027", "March 2027")]
    [InlineData(PeriodKinds.Quarterly, 4, 2026, "Quý IV/2026", "Q4 2026")]
    [InlineData(PeriodKinds.Annual, 0, 2026, "Năm 2026", "Year 2026")]
    [InlineData(PeriodKinds.AdHoc, 0, 2026, "Báo cáo đột xuất Đề án 06", "Báo cáo đột xuất Đề án 06")]
    public void A_period_is_named_in_the_readers_language(string kind, int number, int year, string vietnamese, string english)
    {
        var name = new PeriodName(kind, number, year, vietnamese);

        Assert.Equal(english, name.In(English));
        Assert.Equal(vietnamese, name.In(Vietnamese));
        Assert.Equal(vietnamese, name.ToString());
    }

    [Fact]
    public void Labels_of_the_reporting_cycle_have_english_entries()
    {
        var english = LocalisationTests.EnglishEntries();
        string[] periodStates = [PeriodStates.Scheduled, PeriodStates.Open, PeriodStates.Closed];
        var labels = PeriodKinds.All.Select(PeriodLabels.Kind)
            .Concat(periodStates.Select(PeriodLabels.State))
            .Concat(ReportLabels.States.Select(ReportLabels.State))
            .Concat(Enum.GetValues<TaskHealth>().Select(PeriodLabels.Health))
            .Append(PeriodLabels.NotYetDue)
            .Concat(ReportedTaskStatuses.All.Select(s => ReportLabels.TaskStatus(s)))
            .Concat(new[] { ReportItemKinds.Task, ReportItemKinds.Contribution, ReportItemKinds.Indicator }.SelectMany(k => new[] { ReportLabels.Kind(k), CrossCheckLabels.LineKind(k) }))
            .Concat(ReportedTaskStatuses.All.Select(s => CrossCheckLabels.TaskStatus(s)))
            .Concat(new[] { CrossCheckResults.Pending, CrossCheckResults.Confirmed, CrossCheckResults.NotConfirmed }.Select(CrossCheckLabels.Result))
            .Concat(new[] { EvidenceKinds.File, EvidenceKinds.Document, EvidenceKinds.Link }.Select(CrossCheckLabels.Evidence))
            .Concat(NoticeKinds.All.SelectMany(k => new[] { NoticeKindLabels.For(k).Name, NoticeKindLabels.For(k).Explanation }));

        var missing = labels.Where(l => !english.ContainsKey(l)).Distinct().ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Reporting_pages_in_english_have_no_vietnamese_words_but_the_communes_own_data()
    {
        await using var app = new RoViecApp();
        var (periodId, label, reports) = await app.OpenMonthAsync(3);
        foreach (var reportId in reports.Keys) await app.FillAsync(reportId, ReportStates.Verified);
        using var ubkt = await app.SignedInClientAsync("ubkt", RoViecApp.AdminPassword);
        (await ubkt.PostFormAsync($"/kiem-tra-cheo?ky={periodId}", "/kiem-tra-cheo?handler=Draw", ("period", periodId.ToString()), ("size", "3"))).EnsureSuccessStatusCode();
        var year = await app.WithDbAsync(db => db.Periods.Where(p => p.Id == periodId).Select(p => p.Year).SingleAsync(Ct));
        using var office = await app.SignedInClientAsync("thuongtruc", RoViecApp.AdminPassword);
        (await office.GetAsync(new Uri("/ngon-ngu?culture=en&returnUrl=%2F", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        string[] pages = ["/tong-quan", "/ky-bao-cao", $"/ky-bao-cao/{periodId}", "/bao-cao", $"/kiem-tra-cheo?ky={periodId}", "/thong-bao", "/thong-bao/tuy-chon", .. reports.Keys.Select(r => $"/bao-cao/{r}")];
        var data = await DataTextsAsync(app);

        var leftovers = new List<string>();
        var bodies = new Dictionary<string, string>();
        foreach (var page in pages)
        {
            var response = await office.GetAsync(new Uri(page, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(Ct);
            bodies[page] = body;
            var words = LiteralTextTests.VietnameseWordRegex().Matches(MainText(body, data)).Select(m => m.Value).Distinct();
            leftovers.AddRange(words.Select(w => $"{page}: {w}"));
        }

        Assert.True(leftovers.Count == 0, "Chữ tiếng Việt trên trang tiếng Anh (Vietnamese words on English pages): " + string.Join(", ", leftovers));
        // The period is named the English way where it is shown, never by its stored Vietnamese label.
        Assert.All(pages.Take(5), p => Assert.Contains($"March {year}", MainPart(bodies[p]), StringComparison.Ordinal));
        Assert.All(pages.Take(5), p => Assert.DoesNotContain(label, MainPart(bodies[p]), StringComparison.Ordinal));
        Assert.Contains("<th>Units due</th>", bodies["/ky-bao-cao"], StringComparison.Ordinal);
        // The standing office reads the sample the inspection committee drew: its lines are shown, in English.
        Assert.Contains("<strong>You can only read the results; the inspection committee draws the sample and records the results.</strong>", bodies[$"/kiem-tra-cheo?ky={periodId}"], StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(bodies[$"/kiem-tra-cheo?ky={periodId}"], "<dt>Check result</dt>"));
    }

    [Theory]
    [InlineData("congan")]
    [InlineData("truongcongan")]
    [InlineData("vhxh")]
    [InlineData("thuongtruc")]
    [InlineData("thanhvien")]
    [InlineData("truongban")]
    [InlineData("ubkt")]
    [InlineData("tinh")]
    [InlineData("admin")]
    public async Task Every_roles_landing_page_in_english_has_no_vietnamese_words_but_the_communes_own_data(string user)
    {
        // 22 December: the month is open, its due day passed, one report verified and a line of it drawn for a
        // cross-check, another sent: every role has something on its to-do list.
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 22), 9) };
        var (december, _, reports) = await app.OpenMonthAsync(12);
        var police = await app.UnitIdAsync("cong-an");
        // Two other units' reports with task lines to fill (a unit may have none), in a fixed order: the draw needs a verified line.
        var withLines = await app.WithDbAsync(db => db.ReportItems.Where(i => i.Kind == ReportItemKinds.Task).Select(i => i.ReportId).Distinct().ToListAsync(Ct));
        var others = reports.Where(r => r.Value != police && withLines.Contains(r.Key)).OrderBy(r => r.Key).Select(r => r.Key).ToList();
        await app.FillAsync(others[0], ReportStates.Verified);
        await app.FillAsync(others[1], ReportStates.Submitted);
        using var ubkt = await app.SignedInClientAsync("ubkt", RoViecApp.AdminPassword);
        (await ubkt.PostFormAsync($"/kiem-tra-cheo?ky={december}", "/kiem-tra-cheo?handler=Draw", ("period", december.ToString()), ("size", "1"))).EnsureSuccessStatusCode();
        using var client = await app.SignedInClientAsync(user, RoViecApp.AdminPassword);
        (await client.GetAsync(new Uri("/ngon-ngu?culture=en&returnUrl=%2F", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        var data = await DataTextsAsync(app);

        var response = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var words = LiteralTextTests.VietnameseWordRegex().Matches(MainText(body, data)).Select(m => m.Value).Distinct();
        Assert.True(!words.Any(), $"Chữ tiếng Việt trên trang chủ tiếng Anh của {user} (Vietnamese words on the English landing page): " + string.Join(", ", words));
    }

    [Theory]
    [InlineData("congan")]
    [InlineData("truongcongan")]
    [InlineData("ubkt")]
    [InlineData("truongban")]
    [InlineData("thanhvien")]
    public async Task The_reporting_pages_each_role_uses_are_english_too(string user)
    {
        // The police report is a draft with a refused value shown beside its field; the others are verified and a
        // sample of their lines drawn for a cross-check.
        await using var app = new RoViecApp();
        var (periodId, _, reports) = await app.OpenMonthAsync(3);
        var police = await app.UnitIdAsync("cong-an");
        foreach (var reportId in reports.Where(r => r.Value != police).Select(r => r.Key)) await app.FillAsync(reportId, ReportStates.Verified);
        using var ubkt = await app.SignedInClientAsync("ubkt", RoViecApp.AdminPassword);
        (await ubkt.PostFormAsync($"/kiem-tra-cheo?ky={periodId}", "/kiem-tra-cheo?handler=Draw", ("period", periodId.ToString()), ("size", "3"))).EnsureSuccessStatusCode();
        var policeReport = reports.Single(r => r.Value == police).Key;
        using var client = await app.SignedInClientAsync(user, RoViecApp.AdminPassword);
        (await client.GetAsync(new Uri("/ngon-ngu?culture=en&returnUrl=%2F", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        string[] pages = ["/tong-quan", "/ky-bao-cao", $"/ky-bao-cao/{periodId}", "/bao-cao", $"/bao-cao/{policeReport}", $"/kiem-tra-cheo?ky={periodId}", "/thong-bao"];
        var data = await DataTextsAsync(app);

        var leftovers = new List<string>();
        foreach (var page in pages)
        {
            var response = await client.GetAsync(new Uri(page, UriKind.Relative), Ct);
            // A role that may not read a page is turned away (403/404), in whatever language: nothing to check there.
            if (response.StatusCode != HttpStatusCode.OK) continue;
            var words = LiteralTextTests.VietnameseWordRegex().Matches(MainText(await response.Content.ReadAsStringAsync(Ct), data)).Select(m => m.Value).Distinct();
            leftovers.AddRange(words.Select(w => $"{page}: {w}"));
        }

        Assert.True(leftovers.Count == 0, $"Chữ tiếng Việt trên trang tiếng Anh của {user} (Vietnamese words on English pages): " + string.Join(", ", leftovers));
    }

    [Fact]
    public async Task Without_the_toggle_the_same_pages_stay_vietnamese()
    {
        await using var app = new RoViecApp();
        var (periodId, label, _) = await app.OpenMonthAsync(3);
        using var office = await app.SignedInClientAsync("thuongtruc", RoViecApp.AdminPassword);

        var periods = await office.GetStringAsync(new Uri("/ky-bao-cao", UriKind.Relative), Ct);
        var period = await office.GetStringAsync(new Uri($"/ky-bao-cao/{periodId}", UriKind.Relative), Ct);

        Assert.Contains("<th>Hạn đơn vị</th>", periods, StringComparison.Ordinal);
        Assert.Contains($">{label}</a>", periods, StringComparison.Ordinal);
        Assert.Contains($"<h1>{label} <span class=\"pill\">Tháng</span> <span class=\"pill\">Đang mở</span></h1>", period, StringComparison.Ordinal);
        Assert.DoesNotContain("March ", period, StringComparison.Ordinal);
    }

    /// <summary>
    /// The text a reader sees in the page's main part (text and the title, placeholder, aria-label and alt attributes),
    /// with the commune's own data taken out: the values of form fields, elements marked <c>lang="vi"</c> and the texts in <paramref name="data"/>.
    /// </summary>
    private static string MainText(string html, IReadOnlyList<string> data)
    {
        var main = MarkedVietnameseRegex().Replace(FieldValueRegex().Replace(MainPart(html), " "), " ");
        var attributes = string.Join(" ", ReadAttributeRegex().Matches(main).Select(m => m.Groups[1].Value));
        var text = WebUtility.HtmlDecode(TagRegex().Replace(main, " ") + " " + attributes);
        foreach (var d in data.Concat(ProperNames)) text = text.Replace(d, " ", StringComparison.Ordinal);
        return text;
    }

    /// <summary>Names English keeps as they are: the national programme, the numbers of legal documents and the "6 rõ" rule.</summary>
    private static readonly string[] ProperNames = ["Đề án 06", "/NĐ-CP", "6 rõ"];

    private static string MainPart(string html) => MainRegex().Match(html).Groups[1].Value;

    /// <summary>What users typed or imported, longest first so that a name is taken out before a part of it.</summary>
    private static Task<List<string>> DataTextsAsync(RoViecApp app) => app.WithDbAsync(async db =>
    {
        var texts = new List<string?>();
        texts.AddRange(await db.Communes.Select(c => c.Name).ToListAsync(Ct));
        texts.AddRange(await db.Units.Select(u => u.Name).ToListAsync(Ct));
        texts.AddRange(await db.Plans.Select(p => p.Title).ToListAsync(Ct));
        texts.AddRange(await db.Tasks.Select(t => t.Name).ToListAsync(Ct));
        texts.AddRange(await db.Tasks.Select(t => t.Code).ToListAsync(Ct));
        texts.AddRange(await db.Tasks.Select(t => t.Output).ToListAsync(Ct));
        texts.AddRange(await db.Tasks.Select(t => t.DeadlineRaw).ToListAsync(Ct));
        texts.AddRange(await db.Tasks.Select(t => t.Section).ToListAsync(Ct));
        texts.AddRange(await db.Tasks.Select(t => t.LeadAsWritten).ToListAsync(Ct));
        texts.AddRange(await db.Tasks.Select(t => t.SupportAsWritten).ToListAsync(Ct));
        texts.AddRange(await db.Tasks.Select(t => t.Directing).ToListAsync(Ct));
        texts.AddRange(await db.Tasks.Select(t => t.DecisionAuthority).ToListAsync(Ct));
        texts.AddRange(await db.Indicators.Select(i => i.Name).ToListAsync(Ct));
        texts.AddRange(await db.Indicators.Select(i => i.TargetRaw).ToListAsync(Ct));
        texts.AddRange(await db.Indicators.Select(i => i.TargetUnit).ToListAsync(Ct));
        texts.AddRange(await db.Notifications.Select(n => n.Title).ToListAsync(Ct));
        texts.AddRange(await db.Notifications.Select(n => n.Body).ToListAsync(Ct));
        texts.AddRange(await db.ReportItems.Select(i => i.WorkDone).ToListAsync(Ct));
        texts.AddRange(await db.ReportItems.Select(i => i.DataSource).ToListAsync(Ct));
        texts.AddRange(await db.Evidence.Select(e => e.Title).ToListAsync(Ct));
        texts.AddRange(await db.CrossChecks.Select(c => c.Note).ToListAsync(Ct));
        texts.AddRange(await db.Users.Select(u => u.FullName).ToListAsync(Ct));
        return texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).Distinct().OrderByDescending(t => t.Length).ToList();
    });

    [GeneratedRegex(@"<main\b[^>]*>(.*)</main>", RegexOptions.Singleline)]
    private static partial Regex MainRegex();

    // What a text area holds is the commune's data (the official report's issuing body), not the page's words.
    [GeneratedRegex(@"<textarea\b[^>]*>.*?</textarea>", RegexOptions.Singleline)]
    private static partial Regex FieldValueRegex();

    // The commune's own text shown in part (a section heading shortened in a list) is marked as Vietnamese.
    [GeneratedRegex(@"<(\w+)\b[^>]*\blang=""vi""[^>]*>.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex MarkedVietnameseRegex();

    [GeneratedRegex(@"\b(?:title|placeholder|aria-label|alt)=""([^""]*)""")]
    private static partial Regex ReadAttributeRegex();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex TagRegex();
}
