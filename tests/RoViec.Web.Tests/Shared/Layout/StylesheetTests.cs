using System.Net;
using System.Text.RegularExpressions;

namespace RoViec.Web.Tests;

/// <summary>One stylesheet, linked by every page at a fingerprinted URL, open to anyone; no page carries a style block of its own.</summary>
public sealed partial class StylesheetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("""<link rel="stylesheet" href="(?<href>[^"]+)" />""")]
    private static partial Regex StylesheetLink();

    [Fact]
    public async Task Every_page_links_the_one_fingerprinted_stylesheet_and_has_no_style_block()
    {
        await using var app = new RoViecApp();
        using var office = await app.SignedInClientAsync("thuongtruc");
        using var admin = await app.SignedInClientAsync("admin");
        using var anonymous = app.CreateClient();
        var pages = new (HttpClient Client, string Path)[]
        {
            (anonymous, "/dang-nhap"), (office, "/"), (office, "/bao-cao"), (office, "/ky-bao-cao"), (office, "/bang-dieu-khien"),
            (office, "/diem"), (office, "/ke-hoach"), (office, "/thong-bao"), (office, "/nhap-ke-hoach"), (admin, "/to-chuc"),
            (admin, "/nguoi-dung"), (admin, "/tai-khoan"),
        };
        var hrefs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (client, path) in pages)
        {
            var html = await client.GetStringAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
            var links = StylesheetLink().Matches(html);
            Assert.True(links.Count == 1, $"{path}: {links.Count} stylesheets");
            hrefs.Add(links[0].Groups["href"].Value);
        }
        var href = Assert.Single(hrefs);
        // The URL names the content (site.<fingerprint>.css), so a new version is a new URL and the old one can be cached for good.
        Assert.Matches(@"^/css/site\.[a-z0-9]{6,}\.css$", href);

        using var css = await anonymous.GetAsync(new Uri(href, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        var text = await css.Content.ReadAsStringAsync(Ct);
        Assert.Contains("--brand:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_navigation_marks_the_current_page_and_offers_a_skip_link()
    {
        await using var app = new RoViecApp();
        using var office = await app.SignedInClientAsync("thuongtruc");
        var html = await office.GetStringAsync(new Uri("/bao-cao", UriKind.Relative), Ct);
        Assert.Contains("""<a href="/bao-cao" aria-current="page">""", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "aria-current="));
        Assert.Contains("""<a class="skip" href="#noi-dung">""", html, StringComparison.Ordinal);
        Assert.Contains("""<main id="noi-dung" """, html, StringComparison.Ordinal);
    }
}
