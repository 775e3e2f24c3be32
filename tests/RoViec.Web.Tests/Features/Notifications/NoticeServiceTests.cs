using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Notifications;

namespace RoViec.Web.Tests;

/// <summary>The notice service other features call, and the mail sender: once per key and once per mail, even when two instances act at the same moment.</summary>
public sealed class NoticeServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTime Now = new(2026, 3, 17, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task A_key_is_given_once_even_by_two_instances_at_the_same_moment(string provider)
    {
        await using var s = SchedulingApp.Create(provider, new DateOnly(2026, 3, 17));
        var congan = await s.App.UserIdAsync("congan");

        var first = await s.App.WithDbAsync(db => Notices.SendAsync(db, congan, NoticeKinds.ReportFlow, "returned:r1:congan", "Báo cáo bị trả lại", "Thiếu minh chứng.", "/bao-cao/r1", Now, Ct));
        var again = await s.App.WithDbAsync(db => Notices.SendAsync(db, congan, NoticeKinds.ReportFlow, "returned:r1:congan", "Báo cáo bị trả lại (lần 2)", "Khác.", "/bao-cao/r1", Now, Ct));
        Assert.True(first);
        Assert.False(again);

        var drafts = Enumerable.Range(0, 30)
            .Select(i => new NoticeDraft(congan, NoticeKinds.ReportFlow, $"race:{i}", $"Thông báo số {i}", "Nội dung", null)).ToList();
        var created = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            using var scope = s.App.Services.CreateScope();
            return await Notices.SendManyAsync(scope.ServiceProvider.GetRequiredService<RoViecDbContext>(), drafts, Now, Ct);
        }, Ct)));

        Assert.Equal(30, created.Sum());
        var rows = await s.NoticesOfAsync("congan");
        Assert.Equal(31, rows.Count);
        Assert.Equal("Báo cáo bị trả lại", rows.Single(n => n.Key == "returned:r1:congan").Title);
        Assert.All(rows, n => Assert.Equal(EmailStates.Pending, n.EmailState));
    }

    [Fact]
    public async Task A_user_without_an_address_gets_the_notice_in_the_app_only_and_both_channels_off_gives_none()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, new DateOnly(2026, 3, 17));
        var commune = await s.App.CommuneIdAsync("Diễn Châu");
        var noMail = await s.App.UserAsync("khongthu", Roles.UnitReporter, commune);
        var congan = await s.App.UserIdAsync("congan");
        await s.App.WithDbAsync(db =>
        {
            db.NoticePreferences.Add(new NoticePreference { Id = Guid.NewGuid(), UserId = congan, Kind = NoticeKinds.TaskAlert, InApp = false, Email = false });
            return db.SaveChangesAsync(Ct);
        });

        var given = await s.App.WithDbAsync(db => Notices.SendManyAsync(db,
        [
            new NoticeDraft(noMail, NoticeKinds.ReportFlow, "a", "Tiêu đề", "Nội dung", null),
            new NoticeDraft(congan, NoticeKinds.TaskAlert, "b", "Tiêu đề", "Nội dung", null),
            new NoticeDraft(congan, NoticeKinds.ReportFlow, "c", "Tiêu đề", "Nội dung", null),
        ], Now, Ct));

        Assert.Equal(2, given);
        Assert.Null(Assert.Single(await s.NoticesOfAsync("khongthu")).EmailState);
        Assert.Equal("c", Assert.Single(await s.NoticesOfAsync("congan")).Key);
    }

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Two_senders_at_the_same_moment_send_each_mail_once(string provider)
    {
        await using var s = SchedulingApp.Create(provider, new DateOnly(2026, 3, 17));
        var congan = await s.App.UserIdAsync("congan");
        var drafts = Enumerable.Range(0, 20)
            .Select(i => new NoticeDraft(congan, NoticeKinds.ReportFlow, $"mail:{i}", $"Thư số {i}: báo cáo đã được xác nhận", "Cơ quan thường trực đã xác nhận báo cáo.", "/bao-cao/x")).ToList();
        await s.App.WithDbAsync(db => Notices.SendManyAsync(db, drafts, Now, Ct));
        var mailer = s.App.Services.GetRequiredService<NoticeMailer>();

        var sent = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            using var scope = s.App.Services.CreateScope();
            return await mailer.SendPendingAsync(scope.ServiceProvider.GetRequiredService<RoViecDbContext>(), Now, Ct);
        }, Ct)));

        Assert.Equal(20, sent.Sum());
        var subjects = s.Sink.Messages.Select(m => m.Message.Subject).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(drafts.Select(d => d.Title).Order(StringComparer.Ordinal), subjects);
        Assert.All(await s.NoticesOfAsync("congan"), n => Assert.Equal((EmailStates.Sent, 1), (n.EmailState, n.EmailAttempts)));
    }

    [Fact]
    public async Task Vietnamese_survives_the_mail_in_subject_body_and_recipient_name()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, new DateOnly(2026, 3, 17));
        var congan = await s.App.UserIdAsync("congan");
        const string title = "Báo cáo Tháng 3/2026 đã được xác nhận — “Đề án 06”";
        const string body = "Ủy ban nhân dân xã ghi nhận: 100% cán bộ có chữ ký số; tỷ lệ hồ sơ trực tuyến đạt 12,5%.";
        await s.App.WithDbAsync(db => Notices.SendAsync(db, congan, NoticeKinds.ReportFlow, "utf8", title, body, "/bao-cao/abc", Now, Ct));

        await s.App.WithDbAsync(db => s.App.Services.GetRequiredService<NoticeMailer>().SendPendingAsync(db, Now, Ct));

        var mail = Assert.Single(s.Sink.To("congan@roviec.local"));
        var message = mail.Message;
        Assert.Equal(title, message.Subject);
        Assert.Equal("Trần Văn Công", message.To.Mailboxes.Single().Name);
        Assert.Contains(body, message.TextBody, StringComparison.Ordinal);
        Assert.Equal("utf-8", message.BodyParts.OfType<MimeKit.TextPart>().Single().ContentType.Charset, ignoreCase: true);
        Assert.Contains("— RoViec (thư gửi tự động", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://roviec.example.vn/bao-cao/abc", message.TextBody, StringComparison.Ordinal);
    }
}
