using Microsoft.AspNetCore.Localization;

namespace RoViec.Web.Shared.Access;

/// <summary>`GET /ngon-ngu?culture=en&amp;returnUrl=/`: remembers the reader's language in a cookie for a year.</summary>
internal static class LanguageChoice
{
    public static void Map(WebApplication app) => app.MapGet("/ngon-ngu", (HttpContext http, string? culture, string? returnUrl) =>
    {
        var chosen = culture is "en" ? "en" : "vi-VN";
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            // Max-Age, not Expires: the browser counts the year on its own clock, whatever the server's date.
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        return Results.Redirect(LocalPath(returnUrl));
    }).AllowAnonymous();

    /// <summary>
    /// Only back into this site (an address elsewhere would make the link an open redirect): a path starting with one
    /// "/", without control characters; characters outside ASCII are percent-encoded so the Location header can carry
    /// them. Anything else goes home.
    /// </summary>
    public static string LocalPath(string? returnUrl)
    {
        if (returnUrl is not { Length: > 0 } || returnUrl[0] != '/' || returnUrl.StartsWith("//", StringComparison.Ordinal)
            || returnUrl.StartsWith("/\\", StringComparison.Ordinal) || returnUrl.Any(char.IsControl))
            return "/";
        var encoded = new System.Text.StringBuilder(returnUrl.Length);
        foreach (var rune in returnUrl.EnumerateRunes())
        {
            if (rune.Value < 128) encoded.Append((char)rune.Value);
            else encoded.Append(Uri.EscapeDataString(rune.ToString()));
        }
        return encoded.ToString();
    }
}
