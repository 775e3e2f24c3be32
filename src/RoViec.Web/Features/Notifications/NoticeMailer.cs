using System.Globalization;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Notifications;

/// <summary>
/// Sends the notices waiting for an e-mail through the configured SMTP server (RoViec:Smtp:Host, Port,
/// From, UseTls, UserName, Password), in Vietnamese, UTF-8, with a link to the page (RoViec:PublicUrl).
/// Only the scheduler's lease holder calls it, and each mail is claimed by a conditional update before it
/// is sent, so a mail goes out once even if two senders overlapped. A failure is retried at later ticks,
/// <see cref="MaxRetries"/> times. Without an SMTP host the waiting notices are marked skipped (they stay
/// in the application), so that configuring a server later does not send a backlog of stale reminders.
/// A user who chose the daily digest (<see cref="NoticeDeliveryModes.DailyDigest"/>) has their notices' mails held
/// and sent as one mail a day by <see cref="SendDigestsAsync"/>.
/// </summary>
public sealed class NoticeMailer(IConfiguration configuration, ILogger<NoticeMailer> log)
{
    /// <summary>Tries after the first failure.</summary>
    public const int MaxRetries = 3;

    /// <summary>Mails sent per tick at most; the rest wait for the next tick.</summary>
    public const int BatchSize = 100;

    /// <summary>The hour (Vietnam time) from which the day's digests go out: 07:00, before the working day starts.</summary>
    public const int DigestHour = 7;

    private int _warnedNoHost;

    public sealed record Settings(string? Host, int Port, string From, bool UseTls, string? UserName, string? Password, string PublicUrl)
    {
        public static Settings Read(IConfiguration configuration)
        {
            ArgumentNullException.ThrowIfNull(configuration);
            var smtp = configuration.GetSection("RoViec:Smtp");
            var useTls = bool.TryParse(smtp["UseTls"], out var tls) && tls;
            var port = int.TryParse(smtp["Port"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : useTls ? 587 : 25;
            return new Settings(
                string.IsNullOrWhiteSpace(smtp["Host"]) ? null : smtp["Host"]!.Trim(),
                port,
                string.IsNullOrWhiteSpace(smtp["From"]) ? "RoViec <no-reply@roviec.local>" : smtp["From"]!,
                useTls,
                smtp["UserName"],
                smtp["Password"],
                (configuration["RoViec:PublicUrl"] ?? "http://localhost:5080").TrimEnd('/'));
        }
    }

    /// <summary>Sends what is waiting; returns how many mails were sent.</summary>
    public async Task<int> SendPendingAsync(RoViecDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var settings = Settings.Read(configuration);
        if (settings.Host is null)
        {
            var skipped = await db.Notifications.Where(n => n.EmailState == EmailStates.Pending || n.EmailState == EmailStates.Held)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailStates.Skipped), ct);
            if (skipped > 0 && Interlocked.Exchange(ref _warnedNoHost, 1) == 0)
                log.LogWarning("Không có máy chủ thư (RoViec:Smtp:Host): thông báo chỉ hiện trong ứng dụng, không gửi thư (no SMTP host configured; e-mails are skipped)");
            return 0;
        }

        var waiting = await (from n in db.Notifications.AsNoTracking()
                             join u in db.Users.AsNoTracking() on n.UserId equals u.Id
                             where n.EmailState == EmailStates.Pending || (n.EmailState == EmailStates.Failed && n.EmailAttempts <= MaxRetries)
                             orderby n.CreatedAtUtc
                             select new { n.Id, n.EmailState, n.EmailAttempts, n.Title, n.Body, n.Link, u.Email, u.FullName, u.UserName })
            .Take(BatchSize).ToListAsync(ct);
        if (waiting.Count == 0) return 0;

        using var client = new SmtpClient();
        var sent = 0;
        try
        {
            foreach (var mail in waiting)
            {
                ct.ThrowIfCancellationRequested();
                // Claimed by one sender only: the state and the count of attempts must still be what we read.
                var claimed = await db.Notifications
                    .Where(n => n.Id == mail.Id && n.EmailState == mail.EmailState && n.EmailAttempts == mail.EmailAttempts)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailStates.Sending)
                        .SetProperty(n => n.EmailAttempts, mail.EmailAttempts + 1)
                        .SetProperty(n => n.EmailedAtUtc, nowUtc), ct);
                if (claimed != 1) continue;
                if (string.IsNullOrWhiteSpace(mail.Email))
                {
                    await MarkAsync(db, mail.Id, EmailStates.Skipped, nowUtc, ct);
                    continue;
                }
                try
                {
                    if (!client.IsConnected) await ConnectAsync(client, settings, ct);
                    await client.SendAsync(Message(settings, mail.Email, mail.FullName ?? mail.UserName, mail.Title, mail.Body, mail.Link), ct);
                    await MarkAsync(db, mail.Id, EmailStates.Sent, nowUtc, ct);
                    sent++;
                }
                catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or SslHandshakeException or AuthenticationException or ServiceNotConnectedException or TimeoutException)
                {
                    await MarkAsync(db, mail.Id, EmailStates.Failed, nowUtc, ct);
                    log.LogWarning(ex, "Không gửi được thư thông báo {Notice} (e-mail not sent, attempt {Attempt})", mail.Id, mail.EmailAttempts + 1);
                    // The server itself is unreachable or broken: the rest waits for the next tick.
                    if (ex is not SmtpCommandException) break;
                }
            }
        }
        finally
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        return sent;
    }

    /// <summary>
    /// From <see cref="DigestHour"/> on each Vietnam day, one mail per user listing every notice held for them that was
    /// given before that hour today; nothing for a user with none. A notice given after the hour waits for tomorrow's,
    /// so a user gets at most one digest a day. Each user's notices are claimed by one conditional update that stamps
    /// them with the digest's id, so a notice goes out in one digest even if two senders overlapped. A failure puts
    /// them back for the next tick, <see cref="MaxRetries"/> times. Returns how many digests were sent.
    /// </summary>
    public async Task<int> SendDigestsAsync(RoViecDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var settings = Settings.Read(configuration);
        // Without a server the held notices are skipped with the pending ones (SendPendingAsync).
        if (settings.Host is null || DigestCutoffUtc(nowUtc) is not { } cutoff) return 0;
        var users = await (from n in db.Notifications.AsNoTracking()
                           join u in db.Users.AsNoTracking() on n.UserId equals u.Id
                           where n.EmailState == EmailStates.Held && n.CreatedAtUtc < cutoff
                           select new { u.Id, u.Email, u.FullName, u.UserName })
            .Distinct().OrderBy(u => u.Id).Take(BatchSize).ToListAsync(ct);
        if (users.Count == 0) return 0;

        var day = DateOnly.FromDateTime(VietnamTime.FromUtc(nowUtc));
        using var client = new SmtpClient();
        var sent = 0;
        try
        {
            foreach (var user in users)
            {
                ct.ThrowIfCancellationRequested();
                var digest = Guid.NewGuid();
                var claimed = await db.Notifications
                    .Where(n => n.UserId == user.Id && n.EmailState == EmailStates.Held && n.CreatedAtUtc < cutoff)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailStates.Sending)
                        .SetProperty(n => n.DigestId, digest)
                        .SetProperty(n => n.EmailAttempts, n => n.EmailAttempts + 1)
                        .SetProperty(n => n.EmailedAtUtc, nowUtc), ct);
                if (claimed == 0) continue;
                var mine = db.Notifications.Where(n => n.DigestId == digest);
                if (string.IsNullOrWhiteSpace(user.Email))
                {
                    await mine.ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailStates.Skipped), ct);
                    continue;
                }
                var notices = await mine.AsNoTracking().OrderBy(n => n.CreatedAtUtc).ThenBy(n => n.Key)
                    .Select(n => new DigestItem(n.Title, n.Body, n.Link)).ToListAsync(ct);
                try
                {
                    if (!client.IsConnected) await ConnectAsync(client, settings, ct);
                    await client.SendAsync(DigestMessage(settings, user.Email, user.FullName ?? user.UserName, day, notices), ct);
                    await mine.ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailStates.Sent).SetProperty(n => n.EmailedAtUtc, nowUtc), ct);
                    sent++;
                }
                catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or SslHandshakeException or AuthenticationException or ServiceNotConnectedException or TimeoutException)
                {
                    // Held again for the next tick, until the tries are used up.
                    await mine.ExecuteUpdateAsync(s => s
                        .SetProperty(n => n.EmailState, n => n.EmailAttempts > MaxRetries ? EmailStates.Failed : EmailStates.Held)
                        .SetProperty(n => n.DigestId, (Guid?)null), ct);
                    log.LogWarning(ex, "Không gửi được thư tổng hợp cho {User} (digest not sent)", user.Id);
                    if (ex is not SmtpCommandException) break;
                }
            }
        }
        finally
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        return sent;
    }

    /// <summary>
    /// The instant before which held notices go into the digest sent at <paramref name="nowUtc"/>: <see cref="DigestHour"/>
    /// o'clock of that Vietnam day; null before that hour (no digest yet today).
    /// </summary>
    public static DateTime? DigestCutoffUtc(DateTime nowUtc)
    {
        var local = VietnamTime.FromUtc(nowUtc);
        var hour = local.Date.AddHours(DigestHour);
        return local < hour ? null : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(hour, DateTimeKind.Unspecified), VietnamTime.Zone);
    }

    /// <summary>One notice of a digest.</summary>
    public sealed record DigestItem(string Title, string Body, string? Link);

    /// <summary>The day's digest: every notice with its title, its body and the link to its page, numbered, oldest first.</summary>
    public static MimeMessage DigestMessage(Settings settings, string to, string? name, DateOnly day, IReadOnlyList<DigestItem> notices)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(notices);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(name ?? to, to));
        var date = day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        message.Subject = $"Tổng hợp thông báo ngày {date}: {notices.Count} thông báo";
        var text = new StringBuilder();
        text.Append("Chào ").Append(name ?? to).Append(",\n\n");
        text.Append("Từ thư tổng hợp trước, RoViec có ").Append(notices.Count).Append(" thông báo cho bạn:\n\n");
        foreach (var (notice, index) in notices.Select((n, i) => (n, i + 1)))
        {
            text.Append(index).Append(". ").Append(notice.Title).Append('\n');
            text.Append(notice.Body).Append('\n');
            if (!string.IsNullOrEmpty(notice.Link)) text.Append("Xem trên RoViec: ").Append(settings.PublicUrl).Append(notice.Link).Append('\n');
            text.Append('\n');
        }
        text.Append("Bạn nhận thư này mỗi ngày lúc ").Append(DigestHour).Append(" giờ khi có thông báo mới. Chọn cách nhận thông báo: ")
            .Append(settings.PublicUrl).Append("/thong-bao/tuy-chon\n\n");
        text.Append("— RoViec (thư gửi tự động, xin đừng trả lời thư này)\n");
        var part = new TextPart("plain");
        part.SetText(Encoding.UTF8, text.ToString());
        message.Body = part;
        return message;
    }

    /// <summary>The mail of one notice: the title as subject, the body, the link to the page and to the preferences.</summary>
    public static MimeMessage Message(Settings settings, string to, string? name, string title, string body, string? link)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(name ?? to, to));
        message.Subject = title;
        var text = new StringBuilder();
        text.Append("Chào ").Append(name ?? to).Append(",\n\n");
        text.Append(body).Append("\n\n");
        if (!string.IsNullOrEmpty(link)) text.Append("Xem trên RoViec: ").Append(settings.PublicUrl).Append(link).Append('\n');
        text.Append("Chọn cách nhận thông báo: ").Append(settings.PublicUrl).Append("/thong-bao/tuy-chon\n\n");
        text.Append("— RoViec (thư gửi tự động, xin đừng trả lời thư này)\n");
        var part = new TextPart("plain");
        part.SetText(Encoding.UTF8, text.ToString());
        message.Body = part;
        return message;
    }

    /// <summary>Connects (and signs in, when the settings name a user) to the configured SMTP server.</summary>
    public static async Task ConnectAsync(SmtpClient client, Settings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        client.Timeout = 30_000;
        var security = !settings.UseTls ? SecureSocketOptions.None : settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(settings.Host!, settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.UserName)) await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
    }

    private static Task<int> MarkAsync(RoViecDbContext db, Guid id, string state, DateTime nowUtc, CancellationToken ct) =>
        db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, state).SetProperty(n => n.EmailedAtUtc, nowUtc), ct);
}
