using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace RoViec.Web.Tests;

/// <summary>
/// "Đăng xuất khỏi mọi thiết bị": the security stamp changes, and another session's cookie stops
/// working once the security-stamp validator looks again (the application checks every minute). The
/// application's clock is moved forward here instead of waiting a real minute.
/// </summary>
public sealed class SignOutEverywhereTests
{
    [Fact]
    public async Task Signing_out_everywhere_ends_the_other_session_within_the_minute_and_keeps_this_one()
    {
        var clock = new TestClock(RoViecApp.DefaultDay, 10);
        await using var app = new RoViecApp { Clock = clock };
        var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = clock)));
        var ct = TestContext.Current.CancellationToken;
        var noRedirect = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
        using var here = factory.CreateClient(noRedirect);
        using var phone = factory.CreateClient(noRedirect);
        using var colleague = factory.CreateClient(noRedirect);
        await RoViecApp.SignInAsync(here, "thuongtruc", RoViecApp.AdminPassword);
        await RoViecApp.SignInAsync(phone, "thuongtruc", RoViecApp.AdminPassword);
        await RoViecApp.SignInAsync(colleague, "vhxh", RoViecApp.AdminPassword);
        var page = await here.GetStringAsync(new Uri("/tai-khoan", UriKind.Relative), ct);

        var done = await here.PostTokenFormAsync(page, "/tai-khoan?handler=SignOutEverywhere");
        var phoneAtOnce = await phone.GetAsync(new Uri("/", UriKind.Relative), ct);
        clock.Advance(TimeSpan.FromMinutes(2));
        var phoneLater = await phone.GetAsync(new Uri("/", UriKind.Relative), ct);
        var hereLater = await here.GetAsync(new Uri("/", UriKind.Relative), ct);
        var colleagueLater = await colleague.GetAsync(new Uri("/", UriKind.Relative), ct);

        Assert.Contains("Đã đăng xuất khỏi mọi thiết bị khác.", await done.BodyAsync(), StringComparison.Ordinal);
        // Until the validator's next look (at most a minute) the other cookie still works ...
        Assert.Equal(HttpStatusCode.OK, phoneAtOnce.StatusCode);
        // ... then it is refused and sent to the sign-in form.
        Assert.Equal(HttpStatusCode.Redirect, phoneLater.StatusCode);
        Assert.StartsWith("/dang-nhap", phoneLater.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, hereLater.StatusCode);
        Assert.Equal(HttpStatusCode.OK, colleagueLater.StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_also_ends_other_sessions_and_keeps_this_one()
    {
        var clock = new TestClock(RoViecApp.DefaultDay, 10);
        await using var app = new RoViecApp { Clock = clock };
        var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = clock)));
        var ct = TestContext.Current.CancellationToken;
        var noRedirect = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
        using var here = factory.CreateClient(noRedirect);
        using var other = factory.CreateClient(noRedirect);
        await RoViecApp.SignInAsync(here, "ubkt", RoViecApp.AdminPassword);
        await RoViecApp.SignInAsync(other, "ubkt", RoViecApp.AdminPassword);
        var page = await here.GetStringAsync(new Uri("/tai-khoan/mat-khau", UriKind.Relative), ct);

        var mismatch = await here.PostTokenFormAsync(page, "/tai-khoan/mat-khau", ("Input.Current", "sai-mat-khau"), ("Input.New", "Mat-khau-moi-2026"), ("Input.Confirm", "Mat-khau-moi-2026"));
        var changed = await here.PostTokenFormAsync(page, "/tai-khoan/mat-khau", ("Input.Current", RoViecApp.AdminPassword), ("Input.New", "Mat-khau-moi-2026"), ("Input.Confirm", "Mat-khau-moi-2026"));
        clock.Advance(TimeSpan.FromMinutes(2));
        var otherLater = await other.GetAsync(new Uri("/", UriKind.Relative), ct);
        var hereLater = await here.GetAsync(new Uri("/", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("Mật khẩu hiện tại không đúng.", await mismatch.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("Đã đổi mật khẩu.", await changed.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, otherLater.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hereLater.StatusCode);
    }
}
