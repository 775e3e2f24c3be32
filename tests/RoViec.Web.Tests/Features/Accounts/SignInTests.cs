using System.Net;

namespace RoViec.Web.Tests;

/// <summary>Nobody sees a commune's plan without signing in; repeated failures lock the account.</summary>
public sealed class SignInTests
{
    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_sign_in_page()
    {
        await using var app = new RoViecApp();
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // A path, never an address built from the Host header the request came with.
        Assert.StartsWith("/dang-nhap", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_is_refused_in_vietnamese()
    {
        await using var app = new RoViecApp();
        using var client = app.CreateClient();

        var response = await RoViecApp.SignInAsync(client, "admin", "sai-mat-khau-1234");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        await using var app = new RoViecApp();
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++) await RoViecApp.SignInAsync(client, "admin", "sai-mat-khau-" + i);

        var response = await RoViecApp.SignInAsync(client, "admin", RoViecApp.AdminPassword);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode)423, response.StatusCode);
        Assert.Contains("Tài khoản tạm khóa", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_administrator_sees_the_plan()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("Diễn Châu", html, StringComparison.Ordinal);
        Assert.Contains("Đăng xuất", html, StringComparison.Ordinal);
    }
}
