using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Web.Features.Figures;
using RoViec.Web.Features.Public;

namespace RoViec.Web.Tests;

/// <summary>The public page shows only what is published and nobody's personal data; feedback refuses script, oversize and flood.</summary>
public sealed partial class PublicPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RoViecApp App(int perWindow = 50, int minSeconds = 0) => new()
    {
        Clock = new TestClock(new DateOnly(2026, 11, 24), 10),
        Settings = new Dictionary<string, string>
        {
            ["RoViec:Demo:History"] = "true",
            ["RoViec:Feedback:PerWindow"] = perWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RoViec:Feedback:MinSeconds"] = minSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    private static async Task<string> SlugAsync(RoViecApp app) => await app.WithDbAsync(db => db.PublicPages.Select(p => p.Slug).SingleAsync(Ct));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string slug, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(new Uri($"/cong-khai/{slug}", UriKind.Relative), Ct);
        var token = WebUtility.HtmlDecode(TokenRegex().Match(html).Groups[1].Value);
        var all = fields.ToList();
        if (!all.Any(f => f.Name == "t")) all.Add(("t", token));
        using var content = new FormUrlEncodedContent(all.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(new Uri($"/cong-khai/{slug}/gop-y", UriKind.Relative), content, Ct);
    }

    [Fact]
    public async Task The_page_shows_only_what_is_published_and_no_personal_data()
    {
        await using var app = App();
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var slug = await SlugAsync(app);
        var indicators = await app.WithDbAsync(db => db.Indicators.AsNoTracking().OrderBy(i => i.Order).ToListAsync(Ct));
        var (published, hidden) = (indicators[0], indicators[1]);
        await app.WithDbAsync(db => db.PublicPages.ExecuteUpdateAsync(u => u
            .SetProperty(p => p.IndicatorIds, published.Id.ToString())
            .SetProperty(p => p.ShowRanking, false)
            .SetProperty(p => p.Version, Guid.NewGuid()), Ct));
        await app.WithDbAsync(async db =>
        {
            db.Feedback.Add(new Feedback
            {
                Id = Guid.NewGuid(),
                CommuneId = await db.Communes.Select(c => c.Id).SingleAsync(Ct),
                Item = "page",
                Rating = 5,
                Message = "Trang rất hữu ích",
                SenderName = "Nguyễn Thị Riêng Tư",
                SenderContact = "0912345678",
                CreatedAtUtc = app.UtcNow,
                State = FeedbackStates.Answered,
                Answer = "Cảm ơn ý kiến của bạn",
                AnswerPublished = true,
                AnsweredBy = "thuongtruc",
                AnsweredAtUtc = app.UtcNow,
                Version = Guid.NewGuid()
            });
            return await db.SaveChangesAsync(Ct);
        });

        var response = await anonymous.GetAsync(new Uri($"/cong-khai/{slug}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains($"data-indicator=\"{published.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.Id.ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"pub-ranking\"", html, StringComparison.Ordinal);
        Assert.Contains("Cảm ơn ý kiến của bạn", html, StringComparison.Ordinal);
        foreach (var personal in new[] { "Nguyễn Thị Riêng Tư", "0912345678", "thuongtruc", "truongban", "@roviec.local", "Nguyễn Văn Bí Thư" })
            Assert.DoesNotContain(personal, html, StringComparison.Ordinal);
        // The fields published equal the snapshot's: done of all per field, from the same rows the dashboard reads.
        var november = await app.WithDbAsync(db => db.Periods.AsNoTracking().SingleAsync(p => p.Kind == PeriodKinds.Monthly && p.Number == 11, Ct));
        var figures = await app.WithDbAsync(db => Features.Figures.PeriodSnapshots.ReadAsync(db, november, new TestClock(new DateOnly(2026, 11, 24), 10), Ct));
        foreach (var f in PublicFigures.Fields(figures))
            Assert.Contains($"<td>{f.Field}</td><td class=\"num\">{f.Done}/{f.Total}</td>", html, StringComparison.Ordinal);
        Assert.Contains("1 người, tổ chức hài lòng trên 1 đánh giá", html, StringComparison.Ordinal);

        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        var etag = response.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri($"/cong-khai/{slug}", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again, Ct)).StatusCode);

        await app.WithDbAsync(db => db.PublicPages.ExecuteUpdateAsync(u => u.SetProperty(p => p.Enabled, false), Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/cong-khai/{slug}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/cong-khai/khong-co-xa-nay", UriKind.Relative), Ct)).StatusCode);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Xem ảnh <img src=x onerror=alert(1)>")]
    [InlineData("Bấm vào javascript:alert(1)")]
    public async Task Feedback_with_script_is_refused_and_nothing_is_saved(string message)
    {
        await using var app = App();
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await SendAsync(client, await SlugAsync(app), ("item", "page"), ("rating", "4"), ("message", message));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("không được chứa mã HTML", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Feedback.CountAsync(Ct)));
    }

    [Fact]
    public async Task Oversize_unpublished_honeypot_and_too_fast_feedback_is_not_kept()
    {
        await using var app = App();
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var slug = await SlugAsync(app);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SendAsync(client, slug, ("item", "page"), ("rating", "4"), ("message", new string('a', 2001)))).StatusCode);
        var huge = await SendAsync(client, slug, ("item", "page"), ("rating", "4"), ("message", new string('a', 20_000)));
        Assert.True(huge.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, huge.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SendAsync(client, slug, ("item", "indicator:" + Guid.NewGuid()), ("rating", "4"), ("message", "Góp ý"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SendAsync(client, slug, ("item", "page"), ("rating", "9"), ("message", "Góp ý"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SendAsync(client, slug, ("item", "page"), ("rating", "4"), ("message", "Góp ý"), ("t", "gia-mao"))).StatusCode);
        var bot = await SendAsync(client, slug, ("item", "page"), ("rating", "5"), ("message", "Quảng cáo"), ("website", "http://spam.example"));
        Assert.Equal(HttpStatusCode.Redirect, bot.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Feedback.CountAsync(Ct)));

        var ok = await SendAsync(client, slug, ("item", "page"), ("rating", "4"), ("message", "Đề nghị công khai thêm số liệu dịch vụ công"), ("name", "Trần Văn A"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var saved = await app.WithDbAsync(db => db.Feedback.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(4, saved.Rating);
        Assert.NotNull(saved.ClientHash);
        Assert.DoesNotContain("127.0.0.1", saved.ClientHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_faster_than_a_person_could_write_is_refused()
    {
        await using var app = App(minSeconds: 3);
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await SendAsync(client, await SlugAsync(app), ("item", "page"), ("rating", "4"), ("message", "Góp ý"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Feedback.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_flood_is_stopped_with_429_and_the_satisfaction_rate_is_computed_against_95_percent()
    {
        await using var app = App(perWindow: 2);
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var slug = await SlugAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(client, slug, ("item", "page"), ("rating", "5"), ("message", "Một"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(client, slug, ("item", "page"), ("rating", "5"), ("message", "Hai"))).StatusCode);
        var third = await SendAsync(client, slug, ("item", "page"), ("rating", "5"), ("message", "Ba"));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Equal(2, await app.WithDbAsync(db => db.Feedback.CountAsync(Ct)));

        // 19 of 20 satisfied (4 or 5) → 95%, which meets the plans' target. The two just sent wait for the commune's
        // review (or a week); these 20, from 20 addresses, came more than a week ago and were not marked as spam.
        await app.WithDbAsync(async db =>
        {
            var commune = await db.Communes.Select(c => c.Id).SingleAsync(Ct);
            for (var i = 0; i < 20; i++)
                db.Feedback.Add(new Feedback { Id = Guid.NewGuid(), CommuneId = commune, Item = "page", Rating = i == 0 ? 2 : 4, Message = "x", ClientHash = $"dia-chi-{i}", CreatedAtUtc = app.UtcNow.AddDays(-8), Version = Guid.NewGuid() });
            db.Feedback.Add(new Feedback { Id = Guid.NewGuid(), CommuneId = commune, Item = "page", Rating = 1, Message = "spam", State = FeedbackStates.Rejected, CreatedAtUtc = app.UtcNow, Version = Guid.NewGuid() });
            return await db.SaveChangesAsync(Ct);
        });
        var rate = await app.WithDbAsync(async db => await PublicFigures.SatisfactionAsync(db, await db.Communes.Select(c => c.Id).SingleAsync(Ct), app.UtcNow, Ct));
        Assert.Equal(20, rate.Rated);
        Assert.Equal(19, rate.Satisfied);
        Assert.Equal(95m, rate.Rate);
        Assert.True(rate.Meets);
    }

    [Fact]
    public async Task A_form_is_sent_once_one_address_counts_once_per_item_and_fresh_unreviewed_ratings_wait()
    {
        await using var app = App();
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var slug = await SlugAsync(app);
        var html = await client.GetStringAsync(new Uri($"/cong-khai/{slug}", UriKind.Relative), Ct);
        var token = WebUtility.HtmlDecode(TokenRegex().Match(html).Groups[1].Value);

        // The review found one form token posted 305 times: the second post of a form is refused and not kept.
        var first = await SendAsync(client, slug, ("item", "page"), ("rating", "5"), ("message", "Rất tốt"), ("t", token));
        var again = await SendAsync(client, slug, ("item", "page"), ("rating", "5"), ("message", "Rất tốt"), ("t", token));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains(FeedbackForm.Reused, WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Feedback.CountAsync(Ct)));

        // Fresh forms from the same address on the same item: kept, but the figure counts that address once, and
        // only after the commune's review or a week.
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(client, slug, ("item", "page"), ("rating", i == 3 ? "2" : "5"), ("message", $"Lần {i}"))).StatusCode);
        Assert.Equal(5, await app.WithDbAsync(db => db.Feedback.CountAsync(Ct)));
        var commune = await app.WithDbAsync(db => db.Communes.Select(c => c.Id).SingleAsync(Ct));
        var fresh = await app.WithDbAsync(db => PublicFigures.SatisfactionAsync(db, commune, app.UtcNow, Ct));
        Assert.Equal(0, fresh.Rated);
        var weekLater = await app.WithDbAsync(db => PublicFigures.SatisfactionAsync(db, commune, app.UtcNow.AddDays(8), Ct));
        Assert.Equal(1, weekLater.Rated);
        Assert.Equal(0, weekLater.Satisfied);
        // Answered by the commune: counted at once. Marked as spam: never.
        await app.WithDbAsync(db => db.Feedback.OrderByDescending(f => f.CreatedAtUtc).Take(1).ExecuteUpdateAsync(u => u.SetProperty(f => f.State, FeedbackStates.Rejected), Ct));
        await app.WithDbAsync(db => db.Feedback.Where(f => f.Message == "Lần 2").ExecuteUpdateAsync(u => u.SetProperty(f => f.State, FeedbackStates.Answered), Ct));
        var reviewed = await app.WithDbAsync(db => PublicFigures.SatisfactionAsync(db, commune, app.UtcNow, Ct));
        Assert.Equal(1, reviewed.Rated);
        Assert.Equal(1, reviewed.Satisfied);
        // The page says how the figure is counted.
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/cong-khai/{slug}", UriKind.Relative), Ct));
        Assert.Contains("mỗi địa chỉ chỉ được tính một đánh giá cho mỗi mục trong mỗi tháng", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_address_hash_needs_the_secret_and_turns_over_every_month()
    {
        const string salt = "a3f1c9e07b5d2486a3f1c9e07b5d2486";
        var november = new DateOnly(2026, 11, 30);
        var hash = FeedbackRules.ClientHash("203.113.131.5", salt, november);

        // Within a month, one address is one hash (one vote per item, the daily cap).
        Assert.Equal(hash, FeedbackRules.ClientHash("203.113.131.5", salt, new DateOnly(2026, 11, 1)));
        // The next month's key is another: the same sender cannot be followed across months.
        Assert.NotEqual(hash, FeedbackRules.ClientHash("203.113.131.5", salt, new DateOnly(2026, 12, 1)));
        // The review reversed 61 of 61 hashes by trying addresses under the built-in salt: without the secret, the
        // hash of the address under any other salt (the old default included) is another.
        Assert.NotEqual(hash, FeedbackRules.ClientHash("203.113.131.5", "roviec-feedback", november));
        var byAddress = Enumerable.Range(0, 256).Select(i => FeedbackRules.ClientHash($"203.113.131.{i}", "roviec-feedback", november));
        Assert.DoesNotContain(hash, byAddress);
        Assert.Equal(32, hash.Length);
    }

    [GeneratedRegex("name=\"t\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
