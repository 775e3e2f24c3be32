using System.Net;
using System.Text.RegularExpressions;

namespace RoViec.Web.Tests;

/// <summary>Posting a page's form back as a browser would: the page is read first for its antiforgery token.</summary>
public static partial class FormPosts
{
    /// <param name="page">The page showing the form (read for the antiforgery token).</param>
    /// <param name="action">Where the form posts (page URL, with "?handler=…" for a named handler).</param>
    /// <param name="fields">Field names and values; a name may repeat (checkboxes).</param>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative), TestContext.Current.CancellationToken);
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        // As a browser does: the token of the form that posts there, or none when that form carries none.
        if (FormToken(html, page, action) is { } token) all.Add(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// The antiforgery token a browser would send when posting the page's form whose action is <paramref name="action"/>
    /// (a form without an action posts to the page itself): that form's own token, or null when it has none. When no
    /// form of the page posts there (a test crafting a request no form sends), the page's first token.
    /// </summary>
    public static string? FormToken(string html, string page, string action)
    {
        foreach (Match form in PostFormRegex().Matches(html))
        {
            var target = ActionRegex().Match(form.Groups[1].Value) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : page;
            if (WithoutFragment(target) != WithoutFragment(action)) continue;
            var token = TokenRegex().Match(form.Groups[2].Value);
            return token.Success ? token.Groups[1].Value : null;
        }
        return RoViecApp.AntiforgeryToken(html);
    }

    private static string WithoutFragment(string url) => url.Split('#')[0];

    [GeneratedRegex(@"<form\b([^>]*\bmethod=""post""[^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostFormRegex();

    [GeneratedRegex(@"\baction=""([^""]*)""")]
    private static partial Regex ActionRegex();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenRegex();

    /// <summary>Posts with the antiforgery token of a page already read.</summary>
    public static async Task<HttpResponseMessage> PostTokenFormAsync(this HttpClient client, string html, string action, params (string Name, string Value)[] fields)
    {
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        all.Add(new("__RequestVerificationToken", RoViecApp.AntiforgeryToken(html)));
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    public static Task<string> BodyAsync(this HttpResponseMessage response) =>
        response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    /// <summary>The text of an element with this id, decoded.</summary>
    public static string ElementText(string html, string id)
    {
        var match = Regex.Match(html, $@"id=""{Regex.Escape(id)}""[^>]*>([^<]*)<");
        Assert.True(match.Success, $"no element #{id} in the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    /// <summary>The value of a hidden or text input by name.</summary>
    public static string InputValue(string html, string name)
    {
        var match = InputRegex().Matches(html).FirstOrDefault(m => WebUtility.HtmlDecode(NameRegex().Match(m.Value).Groups[1].Value) == name);
        Assert.True(match is not null, $"no input {name} in the page");
        return WebUtility.HtmlDecode(ValueRegex().Match(match!.Value).Groups[1].Value);
    }

    [GeneratedRegex(@"<input[^>]*>")]
    private static partial Regex InputRegex();

    [GeneratedRegex(@"name=""([^""]*)""")]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"value=""([^""]*)""")]
    private static partial Regex ValueRegex();
}
