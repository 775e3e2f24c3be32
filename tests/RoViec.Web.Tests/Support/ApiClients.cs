using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace RoViec.Web.Tests;

/// <summary>Personal API tokens made the way a user makes them (through the token page), and clients that call the API with one.</summary>
internal static partial class ApiClients
{
    public static readonly Uri TokensPage = new("/tai-khoan/ma-api", UriKind.Relative);

    /// <summary>Signs in as the user, creates a token on the token page and returns it as the page showed it.</summary>
    public static async Task<string> CreateTokenAsync(RoViecApp app, string userName, string name = "Tích hợp thử", string expiresInDays = "")
    {
        using var browser = await app.SignedInClientAsync(userName);
        using var response = await PostCreateAsync(browser, name, expiresInDays);
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ShownToken(html) ?? throw new InvalidOperationException("The page showed no token.");
    }

    /// <summary>
    /// The token the page shows in its "new token" box, or null. Read from that box, not from the first "rv_…" anywhere
    /// in the page: the sign-out form in the header carries an antiforgery token of ~150 base64url characters, which
    /// now and then (about once in two thousand pages) contains "rv_" and 43 more such characters — the 401 once seen in
    /// Upload_over_the_limit_is_413 was that fragment sent as the API token.
    /// </summary>
    public static string? ShownToken(string html) => ShownTokenRegex().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"id=""new-token""[^>]*?\svalue=""(rv_[A-Za-z0-9_-]{43})""")]
    private static partial Regex ShownTokenRegex();

    public static async Task<HttpResponseMessage> PostCreateAsync(HttpClient browser, string name, string expiresInDays = "")
    {
        var form = await browser.GetStringAsync(TokensPage, TestContext.Current.CancellationToken);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.ExpiresInDays"] = expiresInDays,
            ["__RequestVerificationToken"] = RoViecApp.AntiforgeryToken(form),
        });
        return await browser.PostAsync(TokensPage, content, TestContext.Current.CancellationToken);
    }

    /// <summary>A client with no cookie that sends the token as a bearer credential, and does not follow redirects.</summary>
    public static HttpClient WithToken(RoViecApp app, string token)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Anything shaped like a token, for asserting that a page shows none.</summary>
    [GeneratedRegex("(?<![A-Za-z0-9_-])rv_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])")]
    public static partial Regex TokenRegex();
}
