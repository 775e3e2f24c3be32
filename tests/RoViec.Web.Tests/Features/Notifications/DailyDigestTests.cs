using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data.Entities;
using RoViec.Web.Features.Notifications;

namespace RoViec.Web.Tests;

/// <summary>
/// The daily digest ("Gửi một thư tổng hợp mỗi ngày"): a user who chose it sees each notice in the application at once,
/// but gets their e-mails as one mail a day from 07:00 Vietnam time, listing the notices given before that hour; a
/// user who did not still gets one mail per notice. In the plain demo of March 2026 neither vhxh nor ubkt is given any
/// notice by the scheduler, so every mail to them comes from the notices a test gives.
/// </summary>
public sealed class DailyDigestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly March(int day) => new(2026, 3, day);

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Two_notices_go_out_as_one_digest_at_seven_the_next_morning_and_once_only_while_others_get_one_mail_each(string provider)
    {
        await using var s = SchedulingApp.Create(provider, March(10));
        using var client = await s.App.SignedInClientAsync("vhxh");
        var saved = await client.PostFormAsync("/thong-bao/tuy-chon", "/thong-bao/tuy-chon", [.. ReminderTests.Choices(), ("Delivery", NoticeDeliveryModes.DailyDigest)]);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await s.TickAsync();

        var first = await GiveAsync(s, "vhxh", "Báo cáo Tháng 3/2026 bị trả lại", "Đề nghị bổ sung minh chứng cho nhiệm vụ tập huấn.", "/bao-cao/1");
        var second = await GiveAsync(s, "vhxh", "Nhiệm vụ có nguy cơ chậm: Tập huấn kỹ năng số", "Tiến độ báo cáo chậm hơn thời gian đã qua.", "/nhiem-vu/2");
        await GiveAsync(s, "ubkt", "Thông báo thứ nhất cho thanh tra", "Nội dung một.", "/kiem-tra-cheo");
        await GiveAsync(s, "ubkt", "Thông báo thứ hai cho thanh tra", "Nội dung hai.", "/kiem-tra-cheo");
        await s.TickAsync();

        // Shown in the application at once, the mails held; the other user has had one mail per notice.
        var page = await client.GetStringAsync(new Uri("/thong-bao", UriKind.Relative), Ct);
        Assert.Contains("Báo cáo Tháng 3/2026 bị trả lại", page, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ có nguy cơ chậm: Tập huấn kỹ năng số", page, StringComparison.Ordinal);
        Assert.All(await s.NoticesOfAsync("vhxh"), n => Assert.Equal(EmailStates.Held, n.EmailState));
        Assert.Empty(s.Sink.To("vhxh@roviec.local"));
        Assert.Equal(["Thông báo thứ hai cho thanh tra", "Thông báo thứ nhất cho thanh tra"],
            s.Sink.To("ubkt@roviec.local").Select(m => m.Message.Subject).Order(StringComparer.Ordinal));

        // The next morning before seven: still nothing.
        s.Clock.Set(March(11), 6);
        await s.TickAsync();
        Assert.Empty(s.Sink.To("vhxh@roviec.local"));

        // From seven: one mail listing both, oldest first, with their bodies and links.
        s.Clock.Set(March(11), 7);
        var outcome = await s.TickAsync();
        var digest = Assert.Single(s.Sink.To("vhxh@roviec.local")).Message;
        Assert.Equal(1, outcome.Mails);
        Assert.Equal("Tổng hợp thông báo ngày 11/03/2026: 2 thông báo", digest.Subject);
        var text = (digest.TextBody ?? "").ReplaceLineEndings("\n");
        Assert.Contains("Chào Phạm Thị Hoa,", text, StringComparison.Ordinal);
        var one = text.IndexOf("1. Báo cáo Tháng 3/2026 bị trả lại\nĐề nghị bổ sung minh chứng cho nhiệm vụ tập huấn.\nXem trên RoViec: https://roviec.example.vn/bao-cao/1", StringComparison.Ordinal);
        var two = text.IndexOf("2. Nhiệm vụ có nguy cơ chậm: Tập huấn kỹ năng số\nTiến độ báo cáo chậm hơn thời gian đã qua.\nXem trên RoViec: https://roviec.example.vn/nhiem-vu/2", StringComparison.Ordinal);
        Assert.True(one >= 0 && two > one, text);
        Assert.Contains("https://roviec.example.vn/thong-bao/tuy-chon", text, StringComparison.Ordinal);
        var notices = await s.NoticesOfAsync("vhxh");
        Assert.All(notices, n => Assert.Equal(EmailStates.Sent, n.EmailState));
        Assert.Single(notices.Select(n => n.DigestId).Distinct());
        Assert.Equal([first, second], notices.Select(n => n.Id));

        // Later ticks of the day send nothing more; the other user had no digest.
        await s.TickAsync();
        s.Clock.Set(March(11), 15);
        await s.TickAsync();
        Assert.Single(s.Sink.To("vhxh@roviec.local"));
        Assert.Equal(2, s.Sink.To("ubkt@roviec.local").Count);
    }

    [Fact]
    public async Task A_notice_given_after_seven_waits_for_the_next_day_and_a_day_without_notices_sends_nothing()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, March(10));
        await ChooseDigestAsync(s, "vhxh");
        await s.TickAsync();
        s.Clock.Set(March(11), 8);
        await GiveAsync(s, "vhxh", "Thông báo sau giờ gửi", "Nội dung.", null);

        await s.TickAsync();
        s.Clock.Set(March(11), 23);
        await s.TickAsync();
        Assert.Empty(s.Sink.To("vhxh@roviec.local"));

        s.Clock.Set(March(12), 7);
        await s.TickAsync();
        Assert.Equal("Tổng hợp thông báo ngày 12/03/2026: 1 thông báo", Assert.Single(s.Sink.To("vhxh@roviec.local")).Message.Subject);

        s.Clock.Set(March(13), 7);
        await s.TickAsync();
        Assert.Single(s.Sink.To("vhxh@roviec.local"));
    }

    [Fact]
    public async Task Two_senders_at_once_send_the_digest_once()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, March(10));
        await ChooseDigestAsync(s, "vhxh");
        for (var i = 1; i <= 5; i++) await GiveAsync(s, "vhxh", $"Thông báo {i}", "Nội dung.", null);
        s.Clock.Set(March(11), 7);
        var now = s.Clock.GetUtcNow().UtcDateTime;
        var mailer = s.App.Services.GetRequiredService<NoticeMailer>();

        // Without the scheduler's lease, as if two instances' senders overlapped.
        var sent = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => s.App.WithDbAsync(db => mailer.SendDigestsAsync(db, now, Ct)), Ct)));

        Assert.Equal(1, sent.Sum());
        var mail = Assert.Single(s.Sink.To("vhxh@roviec.local"));
        Assert.Equal("Tổng hợp thông báo ngày 11/03/2026: 5 thông báo", mail.Message.Subject);
        Assert.All(await s.NoticesOfAsync("vhxh"), n => Assert.Equal((EmailStates.Sent, 1), (n.EmailState, n.EmailAttempts)));
    }

    [Fact]
    public async Task Back_to_one_mail_per_notice_the_held_notices_go_out_each_on_its_own()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, March(10));
        await ChooseDigestAsync(s, "vhxh");
        await GiveAsync(s, "vhxh", "Thông báo giữ lại một", "Nội dung.", null);
        await GiveAsync(s, "vhxh", "Thông báo giữ lại hai", "Nội dung.", null);
        await s.TickAsync();
        Assert.Empty(s.Sink.To("vhxh@roviec.local"));

        using var client = await s.App.SignedInClientAsync("vhxh");
        var saved = await client.PostFormAsync("/thong-bao/tuy-chon", "/thong-bao/tuy-chon", [.. ReminderTests.Choices(), ("Delivery", NoticeDeliveryModes.Immediate)]);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await s.TickAsync();

        Assert.Equal(["Thông báo giữ lại hai", "Thông báo giữ lại một"], s.Sink.To("vhxh@roviec.local").Select(m => m.Message.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_choice_is_saved_and_shown_back()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("vhxh");
        var form = await client.GetStringAsync(new Uri("/thong-bao/tuy-chon", UriKind.Relative), Ct);
        Assert.Matches(@"value=""Immediate"" checked", form);
        Assert.DoesNotMatch(@"value=""DailyDigest"" checked", form);
        Assert.Contains("Gửi một thư tổng hợp mỗi ngày", form, StringComparison.Ordinal);
        Assert.Contains("07:00 (giờ Việt Nam)", form, StringComparison.Ordinal);

        var saved = await client.PostTokenFormAsync(form, "/thong-bao/tuy-chon", [.. ReminderTests.Choices(), ("Delivery", NoticeDeliveryModes.DailyDigest)]);
        var page = await saved.BodyAsync();

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Đã lưu cách nhận thông báo.", page, StringComparison.Ordinal);
        Assert.Matches(@"value=""DailyDigest"" checked", page);
        Assert.DoesNotMatch(@"value=""Immediate"" checked", page);
        var user = await app.UserIdAsync("vhxh");
        var row = await app.WithDbAsync(db => db.NoticeDeliveries.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((user, NoticeDeliveryModes.DailyDigest), (row.UserId, row.Mode));
    }

    [Fact]
    public async Task An_unknown_choice_is_refused_with_a_vietnamese_message_and_nothing_is_saved()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("vhxh");

        var response = await client.PostFormAsync("/thong-bao/tuy-chon", "/thong-bao/tuy-chon", [.. ReminderTests.Choices(emailOff: NoticeKinds.Late), ("Delivery", "Weekly")]);
        var page = await response.BodyAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Cách gửi thư không hợp lệ", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.NoticeDeliveries.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.NoticePreferences.CountAsync(Ct)));
    }

    private static async Task ChooseDigestAsync(SchedulingApp s, string userName)
    {
        var user = await s.App.UserIdAsync(userName);
        var outcome = await s.App.WithDbAsync(db => NoticePreferences.SaveAsync(db, user, NoticeKinds.All, NoticeKinds.All, NoticeDeliveryModes.DailyDigest, Ct));
        Assert.IsType<NoticePreferences.Outcome.Saved>(outcome);
    }

    /// <summary>A notice given now (by the test's clock) to a user; returns its id.</summary>
    private static async Task<Guid> GiveAsync(SchedulingApp s, string userName, string title, string body, string? link)
    {
        var user = await s.App.UserIdAsync(userName);
        var key = $"test:{Guid.NewGuid():N}";
        Assert.True(await s.App.WithDbAsync(db => Notices.SendAsync(db, user, NoticeKinds.ReportFlow, key, title, body, link, s.Clock.GetUtcNow().UtcDateTime, Ct)));
        return await s.App.WithDbAsync(db => db.Notifications.Where(n => n.Key == key).Select(n => n.Id).SingleAsync(Ct));
    }
}
