using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace RoViec.Web.Tests;

/// <summary>
/// Two-factor sign-in with an authenticator app, driven with real TOTP codes computed from the key
/// the enrolment page shows (RFC 6238), and the requirement for administrators and the standing office.
/// </summary>
public sealed partial class TwoFactorTests
{
    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task After_enrolment_sign_in_needs_the_code_a_wrong_code_is_refused_and_a_recovery_code_works_once(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var ct = TestContext.Current.CancellationToken;
        using var enrolled = await app.SignedInClientAsync("thuongtruc");
        var (key, codes) = await EnrolAsync(enrolled, on.App.Clock);

        using var second = app.CreateClient();
        var password = await RoViecApp.SignInAsync(second, "thuongtruc", RoViecApp.AdminPassword);
        var beforeCode = await second.GetAsync(new Uri("/", UriKind.Relative), ct);
        var wrong = await CodeAsync(second, Totp.Wrong(key, on.App.Clock));
        var right = await CodeAsync(second, Totp.Now(key, on.App.Clock));

        using var third = app.CreateClient();
        await RoViecApp.SignInAsync(third, "thuongtruc", RoViecApp.AdminPassword);
        var recovery = await RecoveryAsync(third, codes[0]);
        using var fourth = app.CreateClient();
        await RoViecApp.SignInAsync(fourth, "thuongtruc", RoViecApp.AdminPassword);
        var reused = await RecoveryAsync(fourth, codes[0]);

        Assert.Equal(10, codes.Count);
        Assert.Equal("/dang-nhap/ma-xac-thuc", password.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Nhập mã xác thực", await password.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal("/dang-nhap", beforeCode.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("Mã không đúng hoặc đã hết hạn.", await wrong.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("/", right.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Diễn Châu", await right.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal("/", recovery.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        var account = await enrolled.GetStringAsync(new Uri("/tai-khoan/xac-thuc-hai-buoc", UriKind.Relative), ct);
        Assert.Contains("Còn 9 mã khôi phục chưa dùng.", account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_enrolment_page_shows_a_qr_code_of_the_otpauth_address_and_the_key_in_groups_of_four()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("vhxh");

        var html = await client.GetStringAsync(new Uri("/tai-khoan/xac-thuc-hai-buoc", UriKind.Relative), TestContext.Current.CancellationToken);
        var grouped = FormPosts.ElementText(html, "authenticator-key");
        var stored = await app.WithDbAsync(db => db.UserTokens.Where(t => t.Name == "AuthenticatorKey").Select(t => t.Value).SingleAsync(TestContext.Current.CancellationToken));

        Assert.Matches(@"^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", grouped);
        Assert.Equal(stored, grouped.Replace(" ", "", StringComparison.Ordinal));
        Assert.Matches(@"<div class=""qr""[^>]*><svg[^>]*viewBox=", html);
        Assert.Equal("otpauth://totp/RoViec:vhxh?secret=" + stored + "&issuer=RoViec&digits=6",
            RoViec.Web.Features.Accounts.Authenticator.OtpAuthUri("vhxh", stored!));
    }

    [Fact]
    public async Task A_wrong_code_on_enrolment_is_refused_and_two_factor_stays_off()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("vhxh");
        var page = await client.GetStringAsync(new Uri("/tai-khoan/xac-thuc-hai-buoc", UriKind.Relative), TestContext.Current.CancellationToken);
        var key = FormPosts.ElementText(page, "authenticator-key");

        var response = await client.PostTokenFormAsync(page, "/tai-khoan/xac-thuc-hai-buoc?handler=Verify", ("Code", Totp.Wrong(key, app.Clock)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Mã xác thực không đúng.", await response.BodyAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "vhxh").Select(u => u.TwoFactorEnabled).SingleAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout_like_wrong_passwords()
    {
        await using var app = new RoViecApp();
        using var enrolled = await app.SignedInClientAsync("thuongtruc");
        var (key, _) = await EnrolAsync(enrolled, app.Clock);
        using var client = app.CreateClient();
        await RoViecApp.SignInAsync(client, "thuongtruc", RoViecApp.AdminPassword);

        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++) last = await CodeAsync(client, Totp.Wrong(key, app.Clock));
        var right = await CodeAsync(client, Totp.Now(key, app.Clock));

        Assert.Equal((HttpStatusCode)423, last.StatusCode);
        Assert.Equal((HttpStatusCode)423, right.StatusCode);
        Assert.Contains("Tài khoản tạm khóa", await right.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_required_an_administrator_without_two_factor_is_sent_to_enrolment_for_every_page()
    {
        await using var app = new RoViecApp { RequireTwoFactor = true };
        var ct = TestContext.Current.CancellationToken;
        using var admin = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await RoViecApp.SignInAsync(admin, "admin", RoViecApp.AdminPassword);
        using var reporter = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await RoViecApp.SignInAsync(reporter, "congan", RoViecApp.AdminPassword);

        var home = await admin.GetAsync(new Uri("/", UriKind.Relative), ct);
        var users = await admin.GetAsync(new Uri("/nguoi-dung", UriKind.Relative), ct);
        var account = await admin.GetAsync(new Uri("/tai-khoan", UriKind.Relative), ct);
        var enrolment = await admin.GetAsync(new Uri("/tai-khoan/xac-thuc-hai-buoc", UriKind.Relative), ct);
        var health = await admin.GetAsync(new Uri("/health", UriKind.Relative), ct);
        var error = await admin.GetAsync(new Uri("/loi/404", UriKind.Relative), ct);
        var api = await admin.GetAsync(new Uri("/api/v1/nhiem-vu", UriKind.Relative), ct);
        var reporterHome = await reporter.GetAsync(new Uri("/", UriKind.Relative), ct);

        foreach (var redirected in new[] { home, users, account })
        {
            Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
            Assert.Equal("/tai-khoan/xac-thuc-hai-buoc", redirected.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, enrolment.StatusCode);
        Assert.Contains("bắt buộc đăng nhập hai bước", await enrolment.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Cần bật xác thực hai bước", await api.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reporterHome.StatusCode);

        // Sign-out stays possible; after enrolment the same administrator works normally.
        var form = await enrolment.BodyAsync();
        var key = FormPosts.ElementText(form, "authenticator-key");
        var enabled = await admin.PostTokenFormAsync(form, "/tai-khoan/xac-thuc-hai-buoc?handler=Verify", ("Code", Totp.Now(key, app.Clock)));
        var after = await admin.GetAsync(new Uri("/nguoi-dung", UriKind.Relative), ct);
        var signOut = await admin.PostTokenFormAsync(form, "/dang-nhap?handler=SignOut");

        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
    }

    [Fact]
    public async Task When_required_the_standing_office_cannot_turn_two_factor_off_but_a_reporter_can()
    {
        await using var app = new RoViecApp { RequireTwoFactor = true };
        var ct = TestContext.Current.CancellationToken;
        using var office = await app.SignedInClientAsync("thuongtruc");
        await EnrolAsync(office, app.Clock);
        using var reporter = await app.SignedInClientAsync("congan");
        await EnrolAsync(reporter, app.Clock);

        var officePage = await office.GetStringAsync(new Uri("/tai-khoan/xac-thuc-hai-buoc", UriKind.Relative), ct);
        var refused = await office.PostTokenFormAsync(officePage, "/tai-khoan/xac-thuc-hai-buoc?handler=Disable");
        var reporterPage = await reporter.GetStringAsync(new Uri("/tai-khoan/xac-thuc-hai-buoc", UriKind.Relative), ct);
        var disabled = await reporter.PostTokenFormAsync(reporterPage, "/tai-khoan/xac-thuc-hai-buoc?handler=Disable");

        Assert.DoesNotContain("Tắt xác thực hai bước</button>", officePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Vai trò của bạn bắt buộc đăng nhập hai bước nên không thể tắt.", await refused.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("Tắt xác thực hai bước</button>", reporterPage, StringComparison.Ordinal);
        Assert.Contains("Đã tắt xác thực hai bước.", await disabled.BodyAsync(), StringComparison.Ordinal);
        var states = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "thuongtruc" || u.UserName == "congan").ToDictionaryAsync(u => u.UserName!, u => u.TwoFactorEnabled, ct));
        Assert.True(states["thuongtruc"]);
        Assert.False(states["congan"]);
    }

    [Fact]
    public async Task An_administrator_resets_a_lost_phone_and_the_person_signs_in_with_the_password_again()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var person = await app.SignedInClientAsync("ubkt");
        await EnrolAsync(person, app.Clock);
        var id = await app.UserIdAsync("ubkt");
        using var admin = await app.SignedInClientAsync();
        var page = await admin.GetStringAsync(new Uri($"/nguoi-dung/{id}", UriKind.Relative), ct);

        var reset = await admin.PostTokenFormAsync(page, $"/nguoi-dung/{id}?handler=ResetTwoFactor");
        using var again = app.CreateClient();
        var signIn = await RoViecApp.SignInAsync(again, "ubkt", RoViecApp.AdminPassword);

        Assert.Contains("Đã tắt xác thực hai bước và xóa khóa cũ", await reset.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal("/", signIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.False(await app.WithDbAsync(db => db.UserTokens.AnyAsync(t => t.UserId == id && t.Name == "RecoveryCodes", ct)));
    }

    /// <summary>Enrols the signed-in user through the page: the key read off the page, a code computed from it; returns the key and the recovery codes shown.</summary>
    internal static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(HttpClient client, TimeProvider clock)
    {
        var page = await client.GetStringAsync(new Uri("/tai-khoan/xac-thuc-hai-buoc", UriKind.Relative), TestContext.Current.CancellationToken);
        var key = FormPosts.ElementText(page, "authenticator-key").Replace(" ", "", StringComparison.Ordinal);
        var response = await client.PostTokenFormAsync(page, "/tai-khoan/xac-thuc-hai-buoc?handler=Verify", ("Code", Totp.Now(key, clock)));
        var body = await response.BodyAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã bật xác thực hai bước.", body, StringComparison.Ordinal);
        var list = body[body.IndexOf("id=\"recovery-codes\"", StringComparison.Ordinal)..];
        list = list[..list.IndexOf("</ul>", StringComparison.Ordinal)];
        return (key, [.. CodeRegex().Matches(list).Select(m => m.Groups[1].Value)]);
    }

    private static async Task<HttpResponseMessage> CodeAsync(HttpClient client, string code)
    {
        var page = await client.GetStringAsync(new Uri("/dang-nhap/ma-xac-thuc", UriKind.Relative), TestContext.Current.CancellationToken);
        return await client.PostTokenFormAsync(page, "/dang-nhap/ma-xac-thuc", ("Code", code));
    }

    private static async Task<HttpResponseMessage> RecoveryAsync(HttpClient client, string code)
    {
        var page = await client.GetStringAsync(new Uri("/dang-nhap/ma-xac-thuc", UriKind.Relative), TestContext.Current.CancellationToken);
        return await client.PostTokenFormAsync(page, "/dang-nhap/ma-xac-thuc?handler=Recovery", ("RecoveryCode", code));
    }

    [GeneratedRegex(@"<li>([^<]+)</li>")]
    private static partial Regex CodeRegex();
}
