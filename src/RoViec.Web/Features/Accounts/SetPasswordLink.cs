using System.Text;
using MailKit.Net.Smtp;
using Microsoft.AspNetCore.Identity;
using MimeKit;
using RoViec.Data.Entities;
using RoViec.Web.Features.Notifications;

namespace RoViec.Web.Features.Accounts;

/// <summary>
/// A new account, or one whose password an administrator reset, gets no password from anyone: it gets a one-time link
/// to set its own (<see cref="Path"/>). The link carries a password-reset token (<see cref="SetPasswordTokens"/>), which
/// stops working once used (setting the password renews the account's security stamp), when the password is reset
/// again, or after <see cref="Lifespan"/> on the application's clock. It is e-mailed when the server has an SMTP host and the person an address; otherwise the
/// administrator sees it once and hands it over.
/// </summary>
public static class SetPasswordLink
{
    public const string Path = "/dat-mat-khau";

    /// <summary>How long a link works.</summary>
    public static readonly TimeSpan Lifespan = TimeSpan.FromDays(3);

    /// <summary>How the link reached its person: mailed to an address, or to be handed over by the administrator (shown once).</summary>
    public sealed record HandOver(string Link, string? MailedTo, string? MailError);

    /// <summary>Where links point: the configured public address (RoViec:PublicUrl), else the address this request came to.</summary>
    public static string BaseUrl(IConfiguration configuration, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(request);
        return configuration["RoViec:PublicUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    public static async Task<string> IssueAsync(UserManager<AppUser> users, AppUser user, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{baseUrl.TrimEnd('/')}{Path}?tk={user.Id}&ma={token}";
    }

    /// <summary>Issues the link and mails it when it can; what the administrator is told comes back.</summary>
    public static async Task<HandOver> HandOverAsync(UserManager<AppUser> users, AppUser user, NoticeMailer.Settings mail, string baseUrl, bool newAccount, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var link = await IssueAsync(users, user, baseUrl);
        if (mail.Host is null || string.IsNullOrWhiteSpace(user.Email)) return new HandOver(link, null, null);
        try
        {
            using var client = new SmtpClient();
            await NoticeMailer.ConnectAsync(client, mail, ct);
            await client.SendAsync(Message(mail, user, link, newAccount), ct);
            await client.DisconnectAsync(quit: true, ct);
            return new HandOver(link, user.Email, null);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException
            or MailKit.Security.SslHandshakeException or MailKit.Security.AuthenticationException or MailKit.ServiceNotConnectedException or TimeoutException)
        {
            return new HandOver(link, null, e.Message);
        }
    }

    public static MimeMessage Message(NoticeMailer.Settings mail, AppUser user, string link, bool newAccount)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(user);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mail.From));
        message.To.Add(new MailboxAddress(user.FullName ?? user.UserName ?? user.Email, user.Email ?? throw new ArgumentException("The account has no e-mail address.", nameof(user))));
        message.Subject = newAccount ? "Tài khoản RoViec của anh/chị đã được tạo" : "Đặt lại mật khẩu RoViec";
        var text = new StringBuilder();
        text.Append("Chào ").Append(user.FullName ?? user.UserName).Append(",\n\n");
        text.Append(newAccount
            ? $"Quản trị viên đã tạo cho anh/chị tài khoản RoViec với tên đăng nhập \"{user.UserName}\".\n"
            : $"Quản trị viên đã đặt lại mật khẩu tài khoản RoViec \"{user.UserName}\"; mật khẩu cũ không còn dùng được.\n");
        text.Append("Hãy mở đường dẫn sau để tự đặt mật khẩu (dùng được một lần, trong ").Append(Lifespan.Days).Append(" ngày):\n\n");
        text.Append(link).Append("\n\n");
        text.Append("Nếu anh/chị không chờ thư này, hãy báo quản trị viên của xã.\n\n— RoViec (thư gửi tự động, xin đừng trả lời thư này)\n");
        var part = new TextPart("plain");
        part.SetText(Encoding.UTF8, text.ToString());
        message.Body = part;
        return message;
    }
}
