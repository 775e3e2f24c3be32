using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RoViec.Web.Tests;

/// <summary>The OpenAPI description and its reference page: open to anyone, describing only /api, with everything served by the application itself.</summary>
public sealed partial class ApiDocumentTests
{
    [Fact]
    public async Task Openapi_document_lists_the_api_and_declares_the_bearer_scheme()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), ct);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var root = document.RootElement;
        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Contains("Mã API", root.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["/api/imports", "/api/indicators", "/api/me", "/api/plans", "/api/plans/{id}", "/api/tasks", "/api/tasks/{id}", "/api/units"],
            paths.Order(StringComparer.Ordinal));
        var put = root.GetProperty("paths").GetProperty("/api/tasks/{id}").GetProperty("put");
        Assert.Equal("Sửa nhiệm vụ", put.GetProperty("summary").GetString());
        Assert.True(put.GetProperty("responses").TryGetProperty("409", out _));
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(root.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        var upload = root.GetProperty("paths").GetProperty("/api/imports").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.Equal("binary", upload.GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties").GetProperty("file").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Reference_page_loads_nothing_from_outside_the_application()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync(new Uri("/tai-lieu-api", UriKind.Relative), ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        var scripts = ScriptRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();
        var bundles = new List<HttpStatusCode>();
        foreach (var script in scripts)
            bundles.Add((await anonymous.GetAsync(new Uri(response.RequestMessage!.RequestUri!, script), ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tài liệu API — RoViec", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExternalRegex(), html);
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
        Assert.NotEmpty(scripts);
        Assert.All(bundles, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [GeneratedRegex(@"<script[^>]*\ssrc=""([^""]+)""")]
    private static partial Regex ScriptRegex();

    /// <summary>Any script, stylesheet, font or image address with a scheme or protocol-relative host.</summary>
    [GeneratedRegex(@"(src|href)\s*=\s*[""']?\s*(https?:)?//|@import|url\(\s*[""']?(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalRegex();
}
