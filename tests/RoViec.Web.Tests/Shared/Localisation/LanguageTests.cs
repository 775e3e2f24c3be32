using System.Net;

namespace RoViec.Web.Tests;

/// <summary>Vietnamese by default; the shared strings switch to English from resources when the reader chooses it.</summary>
public sealed class LanguageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_are_vietnamese_by_default_and_english_when_chosen()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();

        var vietnamese = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var choose = await client.GetAsync(new Uri("/ngon-ngu?culture=en&returnUrl=%2Fchi-tieu", UriKind.Relative), Ct);
        var english = await choose.Content.ReadAsStringAsync(Ct);

        Assert.Contains("<html lang=\"vi\">", vietnamese, StringComparison.Ordinal);
        Assert.Contains(">Nhiệm vụ</a>", vietnamese, StringComparison.Ordinal);
        Assert.Equal("/chi-tieu", choose.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains(">Tasks</a>", english, StringComparison.Ordinal);
        Assert.Contains(">Indicators</a>", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_link_never_redirects_off_the_site()
    {
        await using var app = new RoViecApp();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/ngon-ngu?culture=en&returnUrl=%2F%2Fevil.example", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
