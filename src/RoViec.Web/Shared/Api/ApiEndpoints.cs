using System.Text.Encodings.Web;
using System.Text.Unicode;
using Scalar.AspNetCore;

namespace RoViec.Web.Shared.Api;

/// <summary>
/// The REST API under /api: the same use cases as the pages, one file per resource in its feature. Reads accept
/// the browser's cookie or a personal API token; writes need the token (README: "API").
/// </summary>
public static class ApiEndpoints
{
    public static IServiceCollection AddRoViecApi(this IServiceCollection services)
    {
        // Vietnamese as characters, not "\u1EC7" escapes; HTML-sensitive characters ("<", ">", "&") stay escaped.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        // A query value that does not bind answers the API's 400 problem, in development too, not an exception page.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddOpenApi(ApiDocument.Name, ApiDocument.Configure);
        return services;
    }

    /// <summary>
    /// Maps /api with each resource's endpoints, which live in their own feature's folder (Features/Tasks/TasksApi.cs…):
    /// the application's start names them, so this plumbing knows no feature.
    /// </summary>
    public static void MapRoViecApi(this WebApplication app, params ReadOnlySpan<Action<RouteGroupBuilder>> resources)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        foreach (var map in resources) map(api);

        // The description and its reference page reveal no data, only what the API offers: open to anyone.
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/tai-lieu-api", o => o
            .WithTitle("Tài liệu API — RoViec")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes(ApiDocument.BearerScheme)
            // Everything from this application (scalar.js is embedded in the package): no fonts from
            // Scalar's CDN, no telemetry, no AI agent or hosted client calling out.
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .HideClientButton())
            .AllowAnonymous();
    }
}
