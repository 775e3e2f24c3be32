using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.ApiTokens;

namespace RoViec.Web.Tests;

/// <summary>
/// A person's API tokens end with what ends their sessions: a changed or reset password (by the person, by an
/// administrator, through the set-password link), "sign out everywhere" and a lock. An administrator revokes the tokens
/// of an account they manage, and of no other.
/// </summary>
public sealed class TokenRevocationTests
{
    private static readonly Uri Me = new("/api/me", UriKind.Relative);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, string Body)> CallAsync(RoViecApp app, string token)
    {
        using var api = ApiClients.WithToken(app, token);
        using var response = await api.GetAsync(Me, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static void AssertRevoked((HttpStatusCode Status, string Body) answer)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Contains("Mã API đã bị thu hồi", answer.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Changing_ones_own_password_revokes_ones_tokens_and_a_refused_change_revokes_none(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var token = await ApiClients.CreateTokenAsync(app, "ubkt");
        var before = await CallAsync(app, token);
        using var browser = await app.SignedInClientAsync("ubkt");
        var page = await browser.GetStringAsync(new Uri("/tai-khoan/mat-khau", UriKind.Relative), Ct);

        var refused = await browser.PostTokenFormAsync(page, "/tai-khoan/mat-khau", ("Input.Current", "sai-mat-khau"), ("Input.New", "Mat-khau-moi-2026"), ("Input.Confirm", "Mat-khau-moi-2026"));
        var afterRefused = await CallAsync(app, token);
        var start = app.UtcNow;
        var changed = await browser.PostTokenFormAsync(page, "/tai-khoan/mat-khau", ("Input.Current", RoViecApp.AdminPassword), ("Input.New", "Mat-khau-moi-2026"), ("Input.Confirm", "Mat-khau-moi-2026"));
        var after = await CallAsync(app, token);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterRefused.Status);
        Assert.Contains("Đã đổi mật khẩu.", await changed.BodyAsync(), StringComparison.Ordinal);
        AssertRevoked(after);
        var revokedAt = await app.WithDbAsync(db => db.ApiTokens.Select(t => t.RevokedAtUtc).SingleAsync(Ct));
        // On the application's clock.
        Assert.NotNull(revokedAt);
        Assert.InRange(revokedAt.Value, start, app.UtcNow);
    }

    [Fact]
    public async Task An_administrators_password_reset_revokes_the_persons_tokens()
    {
        await using var app = new RoViecApp();
        var token = await ApiClients.CreateTokenAsync(app, "vhxh");
        var id = await app.UserIdAsync("vhxh");
        using var admin = await app.SignedInClientAsync();
        var url = $"/nguoi-dung/{id}";
        var page = await admin.GetStringAsync(new Uri(url, UriKind.Relative), Ct);
        var before = await CallAsync(app, token);

        var reset = await admin.PostTokenFormAsync(page, url + "?handler=ResetPassword");

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        AssertRevoked(await CallAsync(app, token));
    }

    [Fact]
    public async Task Setting_a_password_through_the_one_time_link_revokes_tokens_made_before()
    {
        await using var app = new RoViecApp();
        using var admin = await app.SignedInClientAsync();
        var created = await UserAdminTests.CreateAsync(admin, "thanhtra2", "Người Thanh Tra", [Roles.Inspector], null);
        var link = UserAdminTests.SetPasswordLinkIn(await created.BodyAsync());
        var token = await StoreTokenAsync(app, "thanhtra2");
        var before = await CallAsync(app, token);
        using var person = app.CreateClient();

        var set = await UserAdminTests.SetPasswordAsync(person, link, "Mat-khau-rieng-2026");

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        AssertRevoked(await CallAsync(app, token));
    }

    [Fact]
    public async Task Signing_out_everywhere_revokes_ones_tokens()
    {
        await using var app = new RoViecApp();
        var token = await ApiClients.CreateTokenAsync(app, "thuongtruc");
        using var browser = await app.SignedInClientAsync("thuongtruc");
        var page = await browser.GetStringAsync(new Uri("/tai-khoan", UriKind.Relative), Ct);
        var before = await CallAsync(app, token);

        var done = await browser.PostTokenFormAsync(page, "/tai-khoan?handler=SignOutEverywhere");

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Contains("Đã đăng xuất khỏi mọi thiết bị khác.", await done.BodyAsync(), StringComparison.Ordinal);
        AssertRevoked(await CallAsync(app, token));
    }

    [Fact]
    public async Task Locking_an_account_revokes_its_tokens_and_unlocking_does_not_bring_them_back()
    {
        await using var app = new RoViecApp();
        var token = await ApiClients.CreateTokenAsync(app, "congan");
        var id = await app.UserIdAsync("congan");
        using var admin = await app.SignedInClientAsync();
        var url = $"/nguoi-dung/{id}";
        var page = await admin.GetStringAsync(new Uri(url, UriKind.Relative), Ct);
        var before = await CallAsync(app, token);

        var locked = await admin.PostTokenFormAsync(page, url + "?handler=Lock");
        var whileLocked = await CallAsync(app, token);
        await admin.PostTokenFormAsync(page, url + "?handler=Unlock");

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Contains("Đã khóa tài khoản", await locked.BodyAsync(), StringComparison.Ordinal);
        AssertRevoked(whileLocked);
        AssertRevoked(await CallAsync(app, token));
    }

    [Fact]
    public async Task An_administrator_sees_a_persons_active_tokens_and_revokes_them_all()
    {
        await using var app = new RoViecApp();
        var first = await ApiClients.CreateTokenAsync(app, "congan", "Đồng bộ cổng tỉnh");
        var second = await ApiClients.CreateTokenAsync(app, "congan", "Bảng tính của công an");
        var other = await ApiClients.CreateTokenAsync(app, "vhxh", "Mã của văn hóa");
        var id = await app.UserIdAsync("congan");
        using var admin = await app.SignedInClientAsync();
        var url = $"/nguoi-dung/{id}";
        var page = await admin.GetStringAsync(new Uri(url, UriKind.Relative), Ct);

        var revoked = await admin.PostTokenFormAsync(page, url + "?handler=RevokeTokens");
        var body = await revoked.BodyAsync();

        // Listed by name and prefix, never in full.
        Assert.Contains("Đồng bộ cổng tỉnh", page, StringComparison.Ordinal);
        Assert.Contains("Bảng tính của công an", page, StringComparison.Ordinal);
        Assert.Contains(first[..10] + "…", page, StringComparison.Ordinal);
        Assert.DoesNotContain(first, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Mã của văn hóa", page, StringComparison.Ordinal);
        Assert.Contains("Thu hồi tất cả mã API", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Contains("Đã thu hồi 2 mã API của tài khoản.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Đồng bộ cổng tỉnh", body, StringComparison.Ordinal);
        AssertRevoked(await CallAsync(app, first));
        AssertRevoked(await CallAsync(app, second));
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(app, other)).Status);
    }

    [Fact]
    public async Task An_administrator_of_another_commune_cannot_revoke_the_tokens()
    {
        await using var app = new RoViecApp();
        var token = await ApiClients.CreateTokenAsync(app, "congan");
        var id = await app.UserIdAsync("congan");
        var (other, _) = await app.CommuneAsync("Quỳnh Lưu");
        await app.UserAsync("quynhluu.quantri", Roles.Administrator, other);
        using var outsider = await app.SignedInClientAsync("quynhluu.quantri");
        var page = await outsider.GetStringAsync(new Uri("/nguoi-dung", UriKind.Relative), Ct);

        var refused = await outsider.PostTokenFormAsync(page, $"/nguoi-dung/{id}?handler=RevokeTokens");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(app, token)).Status);
    }

    /// <summary>A token stored straight in the database for an account that cannot sign in yet (no password).</summary>
    private static async Task<string> StoreTokenAsync(RoViecApp app, string userName)
    {
        var token = ApiTokenFormat.NewToken();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Ct);
        db.ApiTokens.Add(new ApiToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = "Mã đặt sẵn",
            Prefix = ApiTokenFormat.Prefix(token),
            TokenHash = ApiTokenFormat.Hash(token),
            CreatedAtUtc = app.UtcNow,
        });
        await db.SaveChangesAsync(Ct);
        return token;
    }
}
