using Microsoft.AspNetCore.CookiePolicy;

namespace RoViec.Web.Features.Operations;

/// <summary>
/// Headers on every response, whatever answers it (page, file, error, API): no sniffing, no framing by other sites, no
/// referrer to other sites, a Content-Security-Policy that allows only the site's own files (wwwroot/js, wwwroot/css: no inline script, handler or style attribute), and HSTS over TLS in
/// production. Every cookie is HttpOnly-capable, SameSite=Lax and Secure whenever the request came over https (always in
/// production). The status of an unexpected error is a Vietnamese page with the request's correlation id.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The site's own scripts, styles, images and forms, nothing inline and nothing from elsewhere.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>
    /// The API reference (<c>/tai-lieu-api</c>, Scalar's page served from the application's own files) configures
    /// itself with an inline script and styles itself at run time: it alone may run inline script and style. It shows
    /// the published API description and no data.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static void Use(WebApplication app, bool production)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCookiePolicy(new CookiePolicyOptions
        {
            Secure = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest,
            MinimumSameSitePolicy = SameSiteMode.Lax,
        });
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/tai-lieu-api") ? ApiReferencePolicy : ContentSecurityPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.Remove("Server");
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        if (production) app.UseHsts();
    }
}
