using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// Nobody sees a commune's plan without signing in; repeated failures lock the account; a failed sign-in does not tell
/// whether the account exists, and one address cannot try more than a few times a minute.
/// </summary>
public sealed partial class SignInTests
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
        var lockedUntil = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.LockoutEnd).SingleAsync(TestContext.Current.CancellationToken));

        // The same answer as any failure: the form does not tell that the account exists, only what may be the matter.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(Refused, html, StringComparison.Ordinal);
        Assert.NotNull(lockedUntil);
    }

    private const string Refused = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa.";

    /// <summary>
    /// An unknown user name, a wrong password and a locked account (even with its right password) get the same status and
    /// the same page, so the form tells nobody which accounts exist.
    /// </summary>
    [Fact]
    public async Task Unknown_user_wrong_password_and_locked_account_get_the_same_answer()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("vhxh"))!, DateTimeOffset.MaxValue);
        }

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var (user, password) in new[] { ("khongcoai", "Mat-khau-bat-ky-1"), ("congan", "Mat-khau-sai-2026"), ("vhxh", RoViecApp.AdminPassword) })
        {
            using var client = app.CreateClient();
            using var response = await RoViecApp.SignInAsync(client, user, password);
            // The antiforgery token and the user name typed are echoed in the form; the rest must be the same.
            answers.Add((response.StatusCode, FormValues().Replace(await response.Content.ReadAsStringAsync(ct), "value=\"\"")));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        Assert.All(answers, a => Assert.Contains(Refused, a.Body, StringComparison.Ordinal));
        Assert.Equal(answers[0].Body, answers[1].Body);
        Assert.Equal(answers[0].Body, answers[2].Body);
    }

    /// <summary>
    /// An unknown user name costs a password-hash verification like a wrong password does (against a hash of nobody's
    /// password), and so does a locked account, so the time an answer takes does not tell either. Counted, not timed.
    /// </summary>
    [Fact]
    public async Task Every_failed_sign_in_verifies_one_password_hash()
    {
        await using var app = new RoViecApp();
        var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<HashCount>();
            s.AddScoped<IPasswordHasher<AppUser>, CountingHasher>();
        }));
        var count = factory.Services.GetRequiredService<HashCount>();
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("vhxh"))!, DateTimeOffset.MaxValue);
        }

        var verified = new Dictionary<string, int>();
        foreach (var (label, user, password) in new[] { ("unknown", "khongcoai", "Mat-khau-bat-ky-1"), ("wrong", "congan", "Mat-khau-sai-2026"), ("locked", "vhxh", RoViecApp.AdminPassword) })
        {
            using var client = factory.CreateClient();
            var form = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative), TestContext.Current.CancellationToken);
            count.Value = 0;
            using var response = await client.PostTokenFormAsync(form, "/dang-nhap", ("UserName", user), ("Password", password));
            verified[label] = count.Value;
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(1, verified["wrong"]);
        Assert.Equal(1, verified["unknown"]);
        Assert.Equal(1, verified["locked"]);
    }

    [Fact]
    public async Task The_eleventh_sign_in_attempt_in_a_minute_from_one_address_is_refused_with_429()
    {
        await using var app = new RoViecApp { Settings = new Dictionary<string, string> { ["RoViec:SignIn:PerMinute"] = "10" } };
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var attempt = await RoViecApp.SignInAsync(client, "khongcoai", "Mat-khau-doan-" + i);
            statuses.Add(attempt.StatusCode);
        }
        using var eleventh = await RoViecApp.SignInAsync(client, "admin", RoViecApp.AdminPassword);
        var body = await eleventh.Content.ReadAsStringAsync(ct);
        var form = await client.GetAsync(new Uri("/dang-nhap", UriKind.Relative), ct);
        // Another address is not held back by this one's attempts (a post without its form's token: refused by the form, not the limit).
        var elsewhere = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/dang-nhap";
            c.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("203.0.113.7");
        }, ct);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.True(eleventh.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {eleventh.Headers.RetryAfter}");
        Assert.Contains("Có quá nhiều lần đăng nhập từ địa chỉ này", WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        // Only the attempts are counted: the form still opens.
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.NotEqual(StatusCodes.Status429TooManyRequests, elsewhere.Response.StatusCode);
    }

    [GeneratedRegex(@"value=""[^""]*""")]
    private static partial Regex FormValues();

    public sealed class HashCount
    {
        public int Value { get; set; }
    }

    private sealed class CountingHasher(HashCount count, Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> options) : PasswordHasher<AppUser>(options)
    {
        public override PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            count.Value++;
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
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
