using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Web.Features.Notifications;

namespace RoViec.Web.Tests;

/// <summary>
/// Reminders of the demo commune's March 2026 report, day by day with a set clock: the period opens on
/// 1 March, units report by 20 March (the rules' default), reminders go out 3 days before, on the day and
/// after it, and 2 days after it to the unit head and the steering member over the unit. The police unit
/// ("cong-an") has a report with reporter congan and head truongcongan.
/// </summary>
public sealed class ReminderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly March(int day) => new(2026, 3, day);

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Reporter_is_reminded_three_days_before_the_due_day_once_in_the_app_and_once_by_email(string provider)
    {
        await using var s = SchedulingApp.Create(provider, March(16));

        var first = await s.TickAsync();
        Assert.True(first.Ran);
        Assert.Empty(await s.RemindersOfAsync("congan"));

        await s.TickOnAsync(March(17));
        await s.TickAsync();
        await s.TickOnAsync(March(18));

        var report = await s.ReportAsync(3, "cong-an");
        var notice = Assert.Single(await s.RemindersOfAsync("congan"));
        Assert.Equal(NoticeKinds.DueSoon, notice.Kind);
        Assert.StartsWith("Sắp đến hạn: Báo cáo Tháng 3/2026 của Công an", notice.Title, StringComparison.Ordinal);
        Assert.Contains("hết ngày 20/03/2026 (còn 3 ngày)", notice.Body, StringComparison.Ordinal);
        Assert.Equal($"/bao-cao/{report.Id}", notice.Link);
        Assert.Equal(EmailStates.Sent, notice.EmailState);
        Assert.Empty(await s.RemindersOfAsync("truongcongan"));

        var mail = Assert.Single(Reminders(s, "congan@roviec.local"));
        var message = mail.Message;
        Assert.Equal(notice.Title, message.Subject);
        Assert.Equal("thongbao@roviec.local", mail.From);
        Assert.Equal("Trần Văn Công", message.To.Mailboxes.Single().Name);
        Assert.Contains("Chào Trần Văn Công,", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Báo cáo Tháng 3/2026 của Công an", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("chưa được gửi. Hạn gửi: hết ngày 20/03/2026 (còn 3 ngày).", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://roviec.example.vn/bao-cao/{report.Id}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://roviec.example.vn/thong-bao/tuy-chon", message.TextBody, StringComparison.Ordinal);
        // Nothing else went to anyone: the other units with reports have no accounts.
        Assert.Single(s.Sink.Messages);
    }

    [Fact]
    public async Task On_the_due_day_after_it_and_two_days_late_the_reminders_escalate_to_the_head_and_the_steering_member_over_the_unit()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, March(16));
        await s.SteeringMemberAsync("thanhvien", "Phó Chủ tịch UBND xã", "cong-an");
        // Over a unit with nothing to report this month.
        await s.SteeringMemberAsync("truongban", "Bí thư Đảng ủy xã", "phong-van-hoa-xa-hoi");
        await s.TickAsync();

        await s.TickOnAsync(March(20));
        var onTheDay = Assert.Single(await s.RemindersOfAsync("congan"));
        Assert.Equal(NoticeKinds.DueToday, onTheDay.Kind);
        Assert.Contains("Hạn gửi là hôm nay, 20/03/2026", onTheDay.Body, StringComparison.Ordinal);

        await s.TickOnAsync(March(21));
        Assert.Equal([NoticeKinds.DueToday, NoticeKinds.Late], (await s.RemindersOfAsync("congan")).Select(n => n.Kind));
        Assert.Empty(await s.RemindersOfAsync("truongcongan"));
        Assert.Empty(await s.RemindersOfAsync("thanhvien"));

        await s.TickOnAsync(March(22));
        await s.TickAsync();

        Assert.Equal([NoticeKinds.DueToday, NoticeKinds.Late], (await s.RemindersOfAsync("congan")).Select(n => n.Kind));
        var head = Assert.Single(await s.RemindersOfAsync("truongcongan"));
        var member = Assert.Single(await s.RemindersOfAsync("thanhvien"));
        Assert.Equal(NoticeKinds.Escalation, head.Kind);
        Assert.Equal(NoticeKinds.Escalation, member.Kind);
        Assert.StartsWith("Đơn vị chậm báo cáo: Báo cáo Tháng 3/2026 của Công an", head.Title, StringComparison.Ordinal);
        Assert.Contains("đã quá hạn 2 ngày (hạn 20/03/2026)", head.Body, StringComparison.Ordinal);
        Assert.Empty(await s.RemindersOfAsync("truongban"));
        Assert.Equal(2, Reminders(s, "congan@roviec.local").Count);
        Assert.Equal(head.Title, Assert.Single(Reminders(s, "truongcongan@roviec.local")).Message.Subject);
        Assert.Single(Reminders(s, "thanhvien@roviec.local"));
        Assert.Empty(Reminders(s, "truongban@roviec.local"));

        // The period closes after the compile day (22/03): no more reminders about it.
        await s.TickOnAsync(March(23));
        Assert.Equal(PeriodStates.Closed, (await s.MonthAsync(3)).State);
        Assert.Equal(2, (await s.RemindersOfAsync("congan")).Count);
    }

    [Fact]
    public async Task An_extension_moves_the_unit_reminders_to_its_new_due_day()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, March(16));
        await s.TickAsync();
        var period = await s.MonthAsync(3);
        var unit = await s.App.UnitIdAsync("cong-an");
        await s.App.WithDbAsync(db =>
        {
            db.PeriodExtensions.Add(new PeriodExtension
            {
                Id = Guid.NewGuid(),
                CommuneId = period.CommuneId,
                PeriodId = period.Id,
                UnitId = unit,
                DueOn = March(22),
                Reason = "Đơn vị chờ số liệu của tỉnh",
                GrantedBy = "thuongtruc",
                GrantedAtUtc = s.Clock.GetUtcNow().UtcDateTime,
            });
            return db.SaveChangesAsync(Ct);
        });

        await s.TickOnAsync(March(17));
        Assert.Empty(await s.RemindersOfAsync("congan"));

        await s.TickOnAsync(March(19));
        var soon = Assert.Single(await s.RemindersOfAsync("congan"));
        Assert.Equal(NoticeKinds.DueSoon, soon.Kind);
        Assert.Contains("hết ngày 22/03/2026 (còn 3 ngày)", soon.Body, StringComparison.Ordinal);

        await s.TickOnAsync(March(20));
        await s.TickOnAsync(March(21));
        Assert.Single(await s.RemindersOfAsync("congan"));

        await s.TickOnAsync(March(22));
        Assert.Equal([NoticeKinds.DueSoon, NoticeKinds.DueToday], (await s.RemindersOfAsync("congan")).Select(n => n.Kind));
        Assert.Empty(await s.RemindersOfAsync("truongcongan"));
    }

    [Fact]
    public async Task A_submitted_report_gets_no_reminder_while_another_unit_still_drafting_does()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, March(16));
        var ubnd = await s.App.UnitIdAsync("ubnd");
        var commune = await s.App.CommuneIdAsync("Diễn Châu");
        await s.App.UserAsync("ubndbaocao", Roles.UnitReporter, commune, unitId: ubnd);
        await s.TickAsync();
        await s.SetReportStateAsync(3, "cong-an", ReportStates.Submitted);

        foreach (var day in new[] { 17, 20, 21, 22 }) await s.TickOnAsync(March(day));

        Assert.Empty(await s.RemindersOfAsync("congan"));
        Assert.Empty(await s.RemindersOfAsync("truongcongan"));
        Assert.Equal([NoticeKinds.DueSoon, NoticeKinds.DueToday, NoticeKinds.Late], (await s.RemindersOfAsync("ubndbaocao")).Select(n => n.Kind));
        Assert.Empty(Reminders(s, "congan@roviec.local"));
    }

    [Fact]
    public async Task A_report_awaiting_approval_reminds_the_unit_head_instead_of_the_reporter()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, March(16));
        await s.TickAsync();
        await s.SetReportStateAsync(3, "cong-an", ReportStates.AwaitingApproval);

        await s.TickOnAsync(March(17));

        Assert.Empty(await s.RemindersOfAsync("congan"));
        var head = Assert.Single(await s.RemindersOfAsync("truongcongan"));
        Assert.Equal(NoticeKinds.DueSoon, head.Kind);
        Assert.Contains("đang chờ đồng chí duyệt", head.Body, StringComparison.Ordinal);
        Assert.Single(Reminders(s, "truongcongan@roviec.local"));
    }

    [Fact]
    public async Task A_returned_report_tells_its_reporter_with_the_comment_and_keeps_reminding()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, March(16));
        await s.TickAsync();
        await s.SetReportStateAsync(3, "cong-an", ReportStates.Returned);

        await s.TickOnAsync(March(17));
        await s.TickAsync();

        var notices = await s.RemindersOfAsync("congan");
        Assert.Equal(2, notices.Count);
        var returned = Assert.Single(notices, n => n.Kind == NoticeKinds.ReportFlow);
        Assert.EndsWith("bị trả lại", returned.Title, StringComparison.Ordinal);
        Assert.Contains("Ý kiến: Thiếu số liệu chữ ký số", returned.Body, StringComparison.Ordinal);
        Assert.Single(notices, n => n.Kind == NoticeKinds.DueSoon);
        var report = await s.ReportAsync(3, "cong-an");
        var userId = await s.App.UserIdAsync("congan");
        // The key another feature uses when it returns the report itself, so the notice is not given twice.
        Assert.Equal(NoticeKeys.Returned(report.Id, report.ReturnedAtUtc!.Value, userId), returned.Key);
    }

    [Fact]
    public async Task Email_turned_off_for_a_kind_gives_the_notice_in_the_app_without_a_mail()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, March(16));
        using var client = await s.App.SignedInClientAsync("congan");
        var saved = await client.PostFormAsync("/thong-bao/tuy-chon", "/thong-bao/tuy-chon", Choices(emailOff: NoticeKinds.DueSoon));
        saved.EnsureSuccessStatusCode();

        await s.TickAsync();
        await s.TickOnAsync(March(17));

        var notice = Assert.Single(await s.RemindersOfAsync("congan"));
        Assert.Equal(NoticeKinds.DueSoon, notice.Kind);
        Assert.Null(notice.EmailState);
        Assert.Empty(s.Sink.Messages);
        var page = await client.GetStringAsync(new Uri("/thong-bao", UriKind.Relative), Ct);
        Assert.Contains(notice.Title, page, StringComparison.Ordinal);

        // The next kind still comes by mail.
        await s.TickOnAsync(March(20));
        Assert.Equal(NoticeKinds.DueToday, (await s.RemindersOfAsync("congan"))[^1].Kind);
        Assert.StartsWith("Hôm nay là hạn:", Assert.Single(Reminders(s, "congan@roviec.local")).Message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_app_turned_off_keeps_the_notice_off_the_page_but_mails_it_and_both_off_gives_nothing()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, March(16));
        using var client = await s.App.SignedInClientAsync("congan");
        (await client.PostFormAsync("/thong-bao/tuy-chon", "/thong-bao/tuy-chon", Choices(inAppOff: NoticeKinds.DueSoon, bothOff: NoticeKinds.DueToday))).EnsureSuccessStatusCode();

        await s.TickAsync();
        await s.TickOnAsync(March(17));
        await s.TickOnAsync(March(20));

        var notice = Assert.Single(await s.RemindersOfAsync("congan"));
        Assert.Equal(NoticeKinds.DueSoon, notice.Kind);
        Assert.Equal(EmailStates.Sent, notice.EmailState);
        Assert.Equal(notice.Title, Assert.Single(Reminders(s, "congan@roviec.local")).Message.Subject);
        var page = await client.GetStringAsync(new Uri("/thong-bao", UriKind.Relative), Ct);
        Assert.DoesNotContain("Sắp đến hạn", page, StringComparison.Ordinal);
        Assert.Contains("Bạn chưa có thông báo nào.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"nav-unread\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_the_server_refuses_is_retried_at_the_next_tick_and_sent_once()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, March(16));
        await s.TickAsync();
        s.Sink.RefuseNext(1);

        await s.TickOnAsync(March(17));
        var failed = Assert.Single(await s.RemindersOfAsync("congan"));
        Assert.Equal((EmailStates.Failed, 1), (failed.EmailState, failed.EmailAttempts));
        Assert.Empty(s.Sink.Messages);

        await s.TickAsync();
        await s.TickAsync();
        var sent = Assert.Single(await s.RemindersOfAsync("congan"));
        Assert.Equal((EmailStates.Sent, 2), (sent.EmailState, sent.EmailAttempts));
        Assert.Single(s.Sink.Messages);
    }

    [Fact]
    public async Task A_mail_refused_every_time_is_given_up_after_three_retries()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, March(16));
        await s.TickAsync();
        s.Sink.RefuseNext(100);

        await s.TickOnAsync(March(17));
        for (var i = 0; i < 5; i++) await s.TickAsync();

        var notice = Assert.Single(await s.RemindersOfAsync("congan"));
        Assert.Equal((EmailStates.Failed, 4), (notice.EmailState, notice.EmailAttempts));
        Assert.Empty(s.Sink.Messages);
    }

    [Fact]
    public async Task Without_an_smtp_server_the_mails_are_skipped_and_the_notices_stay_in_the_app()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, March(16), smtp: false);
        await s.TickAsync();

        await s.TickOnAsync(March(17));

        var notice = Assert.Single(await s.RemindersOfAsync("congan"));
        Assert.Equal(EmailStates.Skipped, notice.EmailState);
        Assert.Empty(s.Sink.Messages);
    }

    /// <summary>The mails to one address about reports (the task alerts that happen to fall on these days left out).</summary>
    private static List<SmtpSink.Received> Reminders(SchedulingApp s, string address) =>
        [.. s.Sink.To(address).Where(m => m.Message.Subject?.StartsWith("Nhiệm vụ", StringComparison.Ordinal) != true)];

    /// <summary>The preferences form: every kind on in both channels except those named.</summary>
    internal static (string Name, string Value)[] Choices(string? emailOff = null, string? inAppOff = null, string? bothOff = null) =>
    [
        .. NoticeKinds.All.Where(k => k != inAppOff && k != bothOff).Select(k => ("InApp", k)),
        .. NoticeKinds.All.Where(k => k != emailOff && k != bothOff).Select(k => ("Email", k)),
    ];
}
