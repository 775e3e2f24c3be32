using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data.Entities;
using RoViec.Web.Features.Notifications;

namespace RoViec.Web.Tests;

/// <summary>The notices page and the preferences page: one's own notices, read and unread, and one's own choices.</summary>
public sealed partial class NoticePageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_lists_the_user_own_notices_newest_first_with_the_unread_marked_and_counted()
    {
        await using var app = new RoViecApp();
        await GiveAsync(app, "congan", "Thông báo cũ nhất", 1);
        await GiveAsync(app, "congan", "Thông báo mới nhất", 3);
        await GiveAsync(app, "congan", "Thông báo ở giữa", 2);
        await GiveAsync(app, "vhxh", "Thông báo của người khác", 4);
        using var client = await app.SignedInClientAsync("congan");

        var page = await client.GetStringAsync(new Uri("/thong-bao", UriKind.Relative), Ct);

        Assert.Equal(["Thông báo mới nhất", "Thông báo ở giữa", "Thông báo cũ nhất"], Titles(page));
        Assert.Equal("3", FormPosts.ElementText(page, "unread-count"));
        Assert.Equal("3", FormPosts.ElementText(page, "nav-unread"));
        Assert.Equal(3, UnreadRegex().Count(page));
        Assert.Contains("17/03/2026 12:00", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Thông báo của người khác", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_one_and_then_all_as_read_clears_the_count_of_the_user_only()
    {
        await using var app = new RoViecApp();
        var first = await GiveAsync(app, "congan", "Một", 1);
        await GiveAsync(app, "congan", "Hai", 2);
        var others = await GiveAsync(app, "vhxh", "Của người khác", 3);
        using var client = await app.SignedInClientAsync("congan");

        var one = await client.PostFormAsync("/thong-bao", $"/thong-bao?handler=Read&id={first}");
        var afterOne = await one.BodyAsync();

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal("1", FormPosts.ElementText(afterOne, "nav-unread"));
        Assert.Matches($@"<li class=""read"" id=""notice-{first}""", afterOne);

        var all = await client.PostFormAsync("/thong-bao", "/thong-bao?handler=ReadAll");
        var afterAll = await all.BodyAsync();

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.DoesNotContain("id=\"nav-unread\"", afterAll, StringComparison.Ordinal);
        Assert.Contains("Không có thông báo chưa đọc.", afterAll, StringComparison.Ordinal);
        Assert.Equal(0, UnreadRegex().Count(afterAll));
        Assert.Null(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == others).Select(n => n.ReadAtUtc).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Another_user_notice_is_not_found_and_stays_unread()
    {
        await using var app = new RoViecApp();
        var others = await GiveAsync(app, "vhxh", "Của người khác", 1);
        using var client = await app.SignedInClientAsync("congan");

        var response = await client.PostFormAsync("/thong-bao", $"/thong-bao?handler=Read&id={others}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == others).Select(n => n.ReadAtUtc).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Preferences_are_saved_per_user_and_shown_back()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("congan");
        var form = await client.GetStringAsync(new Uri("/thong-bao/tuy-chon", UriKind.Relative), Ct);
        // Seven kinds of notice (DeadlineChange the latest), each in the app and by e-mail.
        Assert.Equal(14, CheckedRegex().Count(form));
        Assert.Contains("Báo cáo quá hạn", form, StringComparison.Ordinal);
        Assert.Contains("congan@roviec.local", form, StringComparison.Ordinal);

        var saved = await client.PostTokenFormAsync(form, "/thong-bao/tuy-chon", ReminderTests.Choices(emailOff: NoticeKinds.Late, inAppOff: NoticeKinds.TaskAlert));
        var page = await saved.BodyAsync();

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Đã lưu cách nhận thông báo.", page, StringComparison.Ordinal);
        Assert.Equal(12, CheckedRegex().Count(page));
        Assert.DoesNotMatch(@"name=""Email"" value=""Late"" checked", page);
        Assert.DoesNotMatch(@"name=""InApp"" value=""TaskAlert"" checked", page);
        var rows = await app.WithDbAsync(db => db.NoticePreferences.AsNoTracking().ToListAsync(Ct));
        var congan = await app.UserIdAsync("congan");
        Assert.All(rows, r => Assert.Equal(congan, r.UserId));
        Assert.Equal(7, rows.Count);
        Assert.Equal((true, false), rows.Where(r => r.Kind == NoticeKinds.Late).Select(r => (r.InApp, r.Email)).Single());
        Assert.Equal((false, true), rows.Where(r => r.Kind == NoticeKinds.TaskAlert).Select(r => (r.InApp, r.Email)).Single());
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_and_nothing_is_saved()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("congan");

        var response = await client.PostFormAsync("/thong-bao/tuy-chon", "/thong-bao/tuy-chon", ("InApp", "DueSoon"), ("Email", "<script>"));
        var page = await response.BodyAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Loại thông báo không hợp lệ", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.NoticePreferences.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_account_without_a_role_has_its_notices_and_anonymous_is_sent_to_sign_in()
    {
        await using var app = new RoViecApp();
        var commune = await app.CommuneIdAsync("Diễn Châu");
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser { Id = Guid.NewGuid(), UserName = "chuacovaitro", CommuneId = commune }, RoViecApp.AdminPassword);
            Assert.True(created.Succeeded);
        }
        await GiveAsync(app, "chuacovaitro", "Chào mừng", 1);
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var refused = await anonymous.GetAsync(new Uri("/thong-bao", UriKind.Relative), Ct);
        using var client = await app.SignedInClientAsync("chuacovaitro");
        var page = await client.GetStringAsync(new Uri("/thong-bao", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/dang-nhap", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(["Chào mừng"], Titles(page));
    }

    /// <summary>A notice given to a user at 17/03/2026 (Vietnam) plus some hours; returns its id.</summary>
    private static async Task<Guid> GiveAsync(RoViecApp app, string userName, string title, int hours)
    {
        var user = await app.UserIdAsync(userName);
        var at = new DateTime(2026, 3, 17, 4, 0, 0, DateTimeKind.Utc).AddHours(hours);
        var key = $"test:{Guid.NewGuid():N}";
        Assert.True(await app.WithDbAsync(db => Notices.SendAsync(db, user, NoticeKinds.ReportFlow, key, title, "Nội dung " + title, "/bao-cao/x", at, Ct)));
        return await app.WithDbAsync(db => db.Notifications.Where(n => n.Key == key).Select(n => n.Id).SingleAsync(Ct));
    }

    private static List<string> Titles(string html) =>
        [.. TitleRegex().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex(@"<span class=""title"">([^<]*)</span>")]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"<li class=""unread""")]
    private static partial Regex UnreadRegex();

    [GeneratedRegex(@"type=""checkbox""[^>]*checked")]
    private static partial Regex CheckedRegex();
}
