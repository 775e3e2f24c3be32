using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace RoViec.Web.Tests;

/// <summary>
/// What every response carries and what an unexpected error shows (issue "A province runs it for real", Secure): the
/// headers on every kind of answer, the Vietnamese error page with a correlation id, and the review's findings each
/// with the test that failed before its fix (a language link with a tab or Vietnamese in its return address, a
/// two-factor gate that let through any address ending like a file, a sign-in redirect that echoed the Host header).
/// </summary>
public sealed class SecurityHeadersTests
{
    private static readonly Uri Throws = new("/thu-loi-bat-ngo", UriKind.Relative);
    private static readonly Uri ApiThrows = new("/api/v1/thu-loi-bat-ngo", UriKind.Relative);

    [Fact]
    public async Task Every_response_carries_the_security_headers_the_second_time_too()
    {
        await using var app = new RoViecApp();
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var admin = await app.SignedInClientAsync();
        var ct = TestContext.Current.CancellationToken;

        var responses = new List<HttpResponseMessage>
        {
            await anonymous.GetAsync(new Uri("/dang-nhap", UriKind.Relative), ct),
            await anonymous.GetAsync(new Uri("/dang-nhap", UriKind.Relative), ct),
            await anonymous.GetAsync(new Uri("/", UriKind.Relative), ct),
            await anonymous.GetAsync(new Uri("/health/live", UriKind.Relative), ct),
            await anonymous.GetAsync(new Uri("/khong-co-trang-nay", UriKind.Relative), ct),
            await anonymous.GetAsync(new Uri("/api/v1/nhiem-vu", UriKind.Relative), ct),
            await admin.GetAsync(new Uri("/", UriKind.Relative), ct),
            await admin.GetAsync(new Uri("/", UriKind.Relative), ct),
        };

        foreach (var response in responses)
        {
            var where = $"{response.RequestMessage!.RequestUri} ({(int)response.StatusCode})";
            Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", where);
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", where);
            Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "same-origin", where);
            Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), where);
            Assert.Contains("frame-ancestors 'none'", csp.Single(), StringComparison.Ordinal);
            Assert.Contains("default-src 'self'", csp.Single(), StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Server"), where);
        }
    }

    [Fact]
    public async Task An_unexpected_error_is_a_vietnamese_page_with_a_correlation_id_and_no_details()
    {
        await using var app = new RoViecApp();
        await using var failing = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new ThrowingEndpoint())));
        using var client = failing.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var page = await client.GetAsync(Throws, ct);
        var api = await client.GetAsync(ApiThrows, ct);

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(ct);
        Assert.Contains("Lỗi hệ thống", html, StringComparison.Ordinal);
        var id = System.Text.RegularExpressions.Regex.Match(html, "Mã tra cứu lỗi[^:]*: ([0-9a-f]{32})");
        Assert.True(id.Success, html);
        Assert.DoesNotContain(ThrowingEndpoint.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var problem = await api.Content.ReadAsStringAsync(ct);
        Assert.Matches("\"traceId\":\"[0-9a-f]{32}\"", problem);
        Assert.DoesNotContain(ThrowingEndpoint.Secret, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/%09/x", "/")]
    [InlineData("/%0d%0aSet-Cookie:x=1", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/k%E1%BA%BF-ho%E1%BA%A1ch", "/k%E1%BA%BF-ho%E1%BA%A1ch")]
    [InlineData("/bao-cao?ky=3", "/bao-cao?ky=3")]
    public async Task The_language_link_goes_back_only_into_the_site_and_never_fails(string returnUrl, string expected)
    {
        await using var app = new RoViecApp();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri($"/ngon-ngu?culture=en&returnUrl={returnUrl}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_two_factor_gate_does_not_let_through_an_address_that_merely_ends_like_a_file()
    {
        await using var app = new RoViecApp { RequireTwoFactor = true };
        using var admin = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await RoViecApp.SignInAsync(admin, "admin", RoViecApp.AdminPassword);
        var ct = TestContext.Current.CancellationToken;

        foreach (var path in new[] { "/nguoi-dung/x.css", "/api/v1/nhiem-vu/a.js", "/bao-cao.png" })
        {
            var response = await admin.GetAsync(new Uri(path, UriKind.Relative), ct);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect) Assert.Equal("/tai-khoan/xac-thuc-hai-buoc", response.Headers.Location!.OriginalString);
        }
        var stylesheet = await admin.GetAsync(new Uri("/css/site.css", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_redirect_is_a_path_and_never_echoes_the_host_header()
    {
        await using var app = new RoViecApp();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/ke-hoach", UriKind.Relative));
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/dang-nhap", location, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", location, StringComparison.Ordinal);
    }

    /// <summary>
    /// An endpoint that fails as a bug would, placed ahead of routing (routing leaves a request that already has its
    /// endpoint alone), so it runs inside the application's own error handling like any page.
    /// </summary>
    private sealed class ThrowingEndpoint : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public const string Secret = "chi-tiet-noi-bo-khong-duoc-lo";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var endpoint = new Endpoint(_ => throw new InvalidOperationException(Secret), new EndpointMetadataCollection(new AllowAnonymousAttribute()), "throws");
            app.Use((context, following) =>
            {
                if (context.Request.Path == Throws.OriginalString || context.Request.Path == ApiThrows.OriginalString) context.SetEndpoint(endpoint);
                return following(context);
            });
            next(app);
        };
    }
}
