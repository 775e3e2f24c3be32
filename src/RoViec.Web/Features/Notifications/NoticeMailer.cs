using System.Globalization;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using RoViec.Data;

namespace RoViec.Web.Features.Notifications;

/// <summary>
/// Sends the notices waiting for an e-mail through the configured SMTP server (RoViec:Smtp:Host, Port,
/// From, UseTls, UserName, Password), in Vietnamese, UTF-8, with a link to the page (RoViec:PublicUrl).
/// Only the scheduler's lease holder calls it, and each mail is claimed by a conditional update before it
/// is sent, so a mail goes out once even if two senders overlapped. A failure is retried at later ticks,
/// <see cref="MaxRetries"/> times. Without an SMTP host the waiting notices are marked skipped (they stay
/// in the application), so that configuring a server later does not send a backlog of stale reminders.
/// </summary>
public sealed class NoticeMailer(IConfiguration configuration, ILogger<NoticeMailer> log)
{
    /// <summary>Tries after the first failure.</summary>
    public const int MaxRetries = 3;

    /// <summary>Mails sent per tick at most; the rest wait for the next tick.</summary>
    public const int BatchSize = 100;

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
            var skipped = await db.Notifications.Where(n => n.EmailState == EmailStates.Pending)
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
