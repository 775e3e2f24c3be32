namespace RoViec.Web.Features.Notifications;

/// <summary>Where a notice's e-mail is (<c>Notification.EmailState</c>; null: no e-mail for this notice).</summary>
public static class EmailStates
{
    /// <summary>To be sent by the scheduler's lease holder.</summary>
    public const string Pending = "Pending";
    /// <summary>Held for the user's daily digest (<see cref="NoticeMailer.DigestHour"/>): sent with the day's other notices in one mail.</summary>
    public const string Held = "Held";
    /// <summary>Claimed by the sender, on its way; a crash here leaves it unsent rather than sent twice.</summary>
    public const string Sending = "Sending";
    public const string Sent = "Sent";
    /// <summary>The SMTP server refused or could not be reached; tried again up to <see cref="NoticeMailer.MaxRetries"/> times.</summary>
    public const string Failed = "Failed";
    /// <summary>No SMTP server is configured (RoViec:Smtp:Host), or the user has no address any more: never sent.</summary>
    public const string Skipped = "Skipped";
}
