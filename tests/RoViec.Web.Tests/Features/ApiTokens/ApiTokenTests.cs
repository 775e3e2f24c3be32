using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>Personal API tokens: made on the token page, shown once, act as their owner; revoked, expired, unknown or locked-out tokens get 401.</summary>
public sealed class ApiTokenTests
{
    private static readonly Uri Me = new("/api/me", UriKind.Relative);

    /// <summary>
    /// The page's header holds the sign-out form's antiforgery token before the new token; a "rv_" inside it must not be
    /// taken for the token (it was, now and then: a 401 under load that no retry would have explained).
    /// </summary>
    [Fact]
    public void The_token_is_read_from_its_box_not_from_an_antiforgery_token_that_happens_to_contain_rv()
    {
        const string token = "rv_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";
        const string html = """
            <form method="post" class="signout"><input name="__RequestVerificationToken" type="hidden" value="CfDJ8Kx2rv_q9Wm4Zt0pLs7Hn3Bv6Yc1Xd8Fe5Ga2Jh-_Kk9Lm4Nn7Op0Qq3Rr6Ss9Tt2Uu5Vv8Ww1Xx4Yy7Zz0" /></form>
            <label>Mã API <input id="new-token" readonly value="rv_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde" spellcheck="false" /></label>
            """;

        // What the tests read before: the first "rv_" and 43 characters anywhere, here inside the antiforgery token.
        Assert.NotEqual(token, System.Text.RegularExpressions.Regex.Match(html, "rv_[A-Za-z0-9_-]{43}").Value);
        Assert.Equal(token, ApiClients.ShownToken(html));
        Assert.Null(ApiClients.ShownToken("<p>Không có mã mới</p>"));
    }

    [Fact]
    public async Task Token_created_on_the_page_is_shown_once_and_calls_the_api_as_its_owner()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var browser = await app.SignedInClientAsync("thuongtruc");
        using var created = await ApiClients.PostCreateAsync(browser, "Đồng bộ cổng tỉnh", "90");
        var createdHtml = await created.Content.ReadAsStringAsync(ct);
        var token = ApiClients.ShownToken(createdHtml)!;

        using var api = ApiClients.WithToken(app, token);
        using var response = await api.GetAsync(Me, ct);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var list = await browser.GetStringAsync(ApiClients.TokensPage, ct);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("Hãy sao chép và cất giữ mã này ngay", createdHtml, StringComparison.Ordinal);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("thuongtruc", me.GetProperty("userName").GetString());
        Assert.Equal("commune", me.GetProperty("scope").GetString());
        Assert.True(me.GetProperty("managesPlans").GetBoolean());
        Assert.True(me.GetProperty("viaApiToken").GetBoolean());
        // Listed by name and prefix, never in full again.
        Assert.DoesNotContain(token, list, StringComparison.Ordinal);
        Assert.Contains(token[..10] + "…", list, StringComparison.Ordinal);
        Assert.Contains("Đồng bộ cổng tỉnh", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa dùng", list, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<RoViecDbContext>().ApiTokens.SingleAsync(ct);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.NotNull(stored.LastUsedAtUtc);
        Assert.InRange(stored.ExpiresAtUtc!.Value, app.UtcNow.AddDays(89), app.UtcNow.AddDays(91));
    }

    [Fact]
    public async Task Token_without_a_name_or_with_a_bad_expiry_is_refused_in_vietnamese()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var browser = await app.SignedInClientAsync("vhxh");

        using var noName = await ApiClients.PostCreateAsync(browser, "  ");
        var noNameHtml = await noName.Content.ReadAsStringAsync(ct);
        using var badDays = await ApiClients.PostCreateAsync(browser, "Bảng tính", "mười");
        var badDaysHtml = await badDays.Content.ReadAsStringAsync(ct);
        using var tooLong = await ApiClients.PostCreateAsync(browser, "Bảng tính", "5000");
        var tooLongHtml = await tooLong.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("Hãy đặt tên cho mã", noNameHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDays.StatusCode);
        Assert.Contains("Số ngày hiệu lực phải là một số nguyên từ 1 đến 3.650", badDaysHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Số ngày hiệu lực phải từ 1 đến 3.650", tooLongHtml, StringComparison.Ordinal);
        Assert.DoesNotMatch(ApiClients.TokenRegex(), noNameHtml + badDaysHtml + tooLongHtml);
        using var scope = app.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RoViecDbContext>().ApiTokens.CountAsync(ct));
    }

    [Fact]
    public async Task Revoked_expired_unknown_and_malformed_tokens_get_401_with_a_vietnamese_reason()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        var revoked = await ApiClients.CreateTokenAsync(app, "thuongtruc", "Sẽ thu hồi");
        var expired = await ApiClients.CreateTokenAsync(app, "thuongtruc", "Sẽ hết hạn");
        using (var browser = await app.SignedInClientAsync("thuongtruc"))
        {
            var page = await browser.GetStringAsync(ApiClients.TokensPage, ct);
            Guid revokedId;
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
                revokedId = await db.ApiTokens.Where(t => t.Name == "Sẽ thu hồi").Select(t => t.Id).SingleAsync(ct);
                var row = await db.ApiTokens.SingleAsync(t => t.Name == "Sẽ hết hạn", ct);
                row.ExpiresAtUtc = app.UtcNow.AddMinutes(-1);
                await db.SaveChangesAsync(ct);
            }
            using var revoke = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = RoViecApp.AntiforgeryToken(page) });
            (await browser.PostAsync(new Uri($"/tai-khoan/ma-api?handler=Revoke&id={revokedId}", UriKind.Relative), revoke, ct)).EnsureSuccessStatusCode();
        }

        var answers = new Dictionary<string, (HttpStatusCode Status, string Body, string? Challenge)>();
        foreach (var (label, token) in new[] { ("revoked", revoked), ("expired", expired), ("unknown", "rv_" + new string('A', 43)), ("garbage", "not-a-token!") })
        {
            using var api = ApiClients.WithToken(app, token);
            using var response = await api.GetAsync(Me, ct);
            answers[label] = (response.StatusCode, await response.Content.ReadAsStringAsync(ct), response.Headers.WwwAuthenticate.ToString());
        }

        Assert.All(answers.Values, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        Assert.All(answers.Values, a => Assert.StartsWith("Bearer", a.Challenge, StringComparison.Ordinal));
        Assert.Contains("Mã API đã bị thu hồi", answers["revoked"].Body, StringComparison.Ordinal);
        Assert.Contains("Mã API đã hết hạn", answers["expired"].Body, StringComparison.Ordinal);
        Assert.Contains("Mã API không đúng", answers["unknown"].Body, StringComparison.Ordinal);
        Assert.Contains("Mã API không đúng", answers["garbage"].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_of_a_locked_out_owner_is_refused()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        var token = await ApiClients.CreateTokenAsync(app, "congan");
        using var api = ApiClients.WithToken(app, token);
        var before = await api.GetAsync(Me, ct);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var owner = await users.FindByNameAsync("congan");
            await users.SetLockoutEndDateAsync(owner!, app.Clock.GetUtcNow().AddMinutes(15));
        }

        var after = await api.GetAsync(Me, ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("đang bị khóa", await after.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_sees_and_revokes_only_their_own_tokens()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        var token = await ApiClients.CreateTokenAsync(app, "thuongtruc", "Mã của thường trực");
        Guid id;
        using (var scope = app.Services.CreateScope())
            id = await scope.ServiceProvider.GetRequiredService<RoViecDbContext>().ApiTokens.Select(t => t.Id).SingleAsync(ct);
        using var other = await app.SignedInClientAsync("vhxh");
        var otherPage = await other.GetStringAsync(ApiClients.TokensPage, ct);
        using var revoke = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = RoViecApp.AntiforgeryToken(otherPage) });

        var refused = await other.PostAsync(new Uri($"/tai-khoan/ma-api?handler=Revoke&id={id}", UriKind.Relative), revoke, ct);
        using var api = ApiClients.WithToken(app, token);
        var stillWorks = await api.GetAsync(Me, ct);

        Assert.DoesNotContain("Mã của thường trực", otherPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Fact]
    public async Task Last_use_is_written_at_most_once_a_minute()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        var token = await ApiClients.CreateTokenAsync(app, "thuongtruc");
        using var api = ApiClients.WithToken(app, token);

        (await api.GetAsync(Me, ct)).EnsureSuccessStatusCode();
        var first = await LastUsedAsync(app);
        (await api.GetAsync(Me, ct)).EnsureSuccessStatusCode();
        var second = await LastUsedAsync(app);
        var longAgo = app.UtcNow.AddMinutes(-5);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            await db.ApiTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, longAgo), ct);
        }
        (await api.GetAsync(Me, ct)).EnsureSuccessStatusCode();
        var third = await LastUsedAsync(app);

        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.True(third > longAgo.AddMinutes(4), $"last use {third} was not brought up to date");
    }

    [Fact]
    public async Task Token_opens_the_api_only_not_the_pages()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        var token = await ApiClients.CreateTokenAsync(app, "thuongtruc");
        using var api = ApiClients.WithToken(app, token);

        var page = await api.GetAsync(new Uri("/", UriKind.Relative), ct);
        var export = await api.GetAsync(new Uri("/xuat-excel", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, export.StatusCode);
    }

    [Fact]
    public async Task Tokens_and_the_api_work_the_same_on_postgresql()
    {
        var baseConnection = Environment.GetEnvironmentVariable("ROVIEC_TEST_PG");
        if (string.IsNullOrEmpty(baseConnection))
            Assert.Fail("ROVIEC_TEST_PG is not set: run the tests through ./roviec test, which starts a throw-away PostgreSQL.");
        var ct = TestContext.Current.CancellationToken;
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(baseConnection) { Database = $"roviec_api_{Guid.NewGuid():N}" }.ConnectionString;
        await using var app = new RoViecApp { ConnectionString = cs };
        try
        {
            using var api = ApiClients.WithToken(app, await ApiClients.CreateTokenAsync(app, "thuongtruc", expiresInDays: "30"));

            var me = await api.GetFromJsonAsync<JsonElement>("/api/me", ct);
            var found = await api.GetFromJsonAsync<JsonElement>("/api/tasks?q=phan+mem+diet+virus", ct);
            var task = found.GetProperty("items")[0];
            var url = $"/api/tasks/{task.GetProperty("id").GetGuid()}";
            var read = task.GetProperty("version").GetGuid();
            using var saved = await api.PutAsJsonAsync(url, new { name = task.GetProperty("name").GetString(), deadline = "31/3/2026", version = read }, ct);
            var body = await saved.Content.ReadFromJsonAsync<JsonElement>(ct);
            using var stale = await api.PutAsJsonAsync(url, new { name = "Bản cũ", version = read }, ct);

            Assert.Equal("thuongtruc", me.GetProperty("userName").GetString());
            Assert.Contains("phần mềm diệt virus", task.GetProperty("name").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal("2026-03-31", body.GetProperty("deadlineDue").GetString());
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.NotNull(await LastUsedAsync(app));
        }
        finally
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<RoViecDbContext>().Database.EnsureDeletedAsync(ct);
            Npgsql.NpgsqlConnection.ClearAllPools();
        }
    }

    private static async Task<DateTime?> LastUsedAsync(RoViecApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RoViecDbContext>().ApiTokens.Select(t => t.LastUsedAtUtc).SingleAsync(TestContext.Current.CancellationToken);
    }
}
