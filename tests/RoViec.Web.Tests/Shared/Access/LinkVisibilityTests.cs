using System.Net;
using System.Text.RegularExpressions;

namespace RoViec.Web.Tests;

/// <summary>
/// A link or button is shown only to the roles that may follow it: every demo role opens its landing page and the
/// pages its navigation leads to, follows every link on them, and none answers 403 (the page offered what the role
/// may not do). Reads only: links are followed with GET, forms are not posted.
/// </summary>
public sealed partial class LinkVisibilityTests(LinkVisibilityTests.App app) : IClassFixture<LinkVisibilityTests.App>
{
    /// <summary>One application for every role: the test only reads.</summary>
    public sealed class App : IAsyncDisposable
    {
        public RoViecApp Served { get; } = new();

        public ValueTask DisposeAsync() => Served.DisposeAsync();
    }

    public static readonly TheoryData<string> UserNames = new(
        "admin", "thuongtruc", "congan", "truongcongan", "vhxh", "thanhvien", "truongban", "ubkt", "tinh");

    [Theory]
    [MemberData(nameof(UserNames))]
    public async Task No_page_offers_a_link_its_reader_may_not_follow(string userName)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.Served.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await RoViecApp.SignInAsync(client, userName, RoViecApp.AdminPassword)).StatusCode);

        var landing = await client.GetAsync(new Uri("/", UriKind.Relative), ct);
        var start = landing.StatusCode == HttpStatusCode.Redirect ? landing.Headers.Location!.OriginalString : "/";
        var pages = new List<string> { start };
        pages.AddRange(Links(await client.GetStringAsync(new Uri(start, UriKind.Relative), ct)).Where(l => !pages.Contains(l)));
        var followed = new Dictionary<string, HttpStatusCode>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var offending = new List<string>();
        foreach (var page in pages.Take(25))
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative), ct);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            foreach (var link in Links(await response.Content.ReadAsStringAsync(ct)))
            {
                // A few links of each shape ("/nhiem-vu/{id}") stand for the rest: the page lists what its reader may see.
                var shape = Guids().Replace(link, "{id}");
                if (!followed.ContainsKey(link) && shapes.GetValueOrDefault(shape) >= 3) continue;
                shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
                if (!followed.TryGetValue(link, out var status))
                {
                    using var target = await client.GetAsync(new Uri(link, UriKind.Relative), ct);
                    followed[link] = status = target.StatusCode;
                }
                if (status == HttpStatusCode.Forbidden) offending.Add($"{page} → {link}");
            }
        }

        Assert.True(followed.Count > 5, $"only {followed.Count} links followed");
        Assert.True(offending.Count == 0, $"{userName} is offered links that answer 403:\n" + string.Join("\n", offending.Distinct()));
    }

    [Fact]
    public async Task The_plan_import_is_offered_to_the_standing_office_and_not_to_a_unit_reporter()
    {
        var ct = TestContext.Current.CancellationToken;
        using var office = await app.Served.SignedInClientAsync("thuongtruc");
        using var reporter = await app.Served.SignedInClientAsync("congan");

        var officeHome = await office.GetStringAsync(new Uri("/", UriKind.Relative), ct);
        var reporterHome = await reporter.GetStringAsync(new Uri("/", UriKind.Relative), ct);

        Assert.Contains("href=\"/nhap-ke-hoach\"", officeHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/xuat-excel", reporterHome, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/nhap-ke-hoach\"", reporterHome, StringComparison.Ordinal);
    }

    /// <summary>
    /// The same-site links of a page, without fragments, sign-out or language switches, and without the charts and
    /// generated documents a page embeds or offers (their authorisation is the page's, checked by the matrix).
    /// </summary>
    private static IEnumerable<string> Links(string html) =>
        Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Split('#')[0])
            .Where(l => l.StartsWith('/') && !l.StartsWith("//", StringComparison.Ordinal) && l.Length > 0
                && !l.StartsWith("/ngon-ngu", StringComparison.Ordinal) && !l.StartsWith("/dang-nhap", StringComparison.Ordinal)
                && !l.StartsWith("/css/", StringComparison.Ordinal) && !l.StartsWith("/js/", StringComparison.Ordinal)
                && !Generated.Any(e => l.Split('?')[0].EndsWith(e, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal);

    private static readonly string[] Generated = [".svg", ".docx", ".xlsx", ".pdf", ".csv", ".png"];

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guids();

    [GeneratedRegex(@"<a\b[^>]*\bhref=""([^""]+)""")]
    private static partial Regex Href();
}
