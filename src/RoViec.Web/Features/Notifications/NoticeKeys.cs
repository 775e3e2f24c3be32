using System.Globalization;

namespace RoViec.Web.Features.Notifications;

/// <summary>
/// The keys that make a notice unique. Whoever gives a notice about the same thing uses the same key, so
/// the scheduler and a page that both notice a returned report give it once.
/// </summary>
public static class NoticeKeys
{
    /// <summary>A reminder about a unit's report in a period, for one due day (an extension's new due day gives new reminders).</summary>
    public static string Reminder(string kind, Guid periodId, Guid unitId, DateOnly dueOn, Guid userId) =>
        $"{Prefix(kind)}:{periodId:N}:{unitId:N}:{dueOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}:{userId:N}";

    /// <summary>A report returned to its unit, once per return.</summary>
    public static string Returned(Guid reportId, DateTime returnedAtUtc, Guid userId) =>
        $"returned:{reportId:N}:{Stamp(returnedAtUtc)}:{userId:N}";

    /// <summary>A report verified by the standing office.</summary>
    public static string Verified(Guid reportId, DateTime verifiedAtUtc, Guid userId) =>
        $"verified:{reportId:N}:{Stamp(verifiedAtUtc)}:{userId:N}";

    /// <summary>A report that reached the standing office (submitted, or approved by the unit head), once per arrival.</summary>
    public static string Arrived(Guid reportId, DateTime atUtc, Guid userId) =>
        $"arrived:{reportId:N}:{Stamp(atUtc)}:{userId:N}";

    /// <summary>A report submitted by the reporter, waiting for the unit head's approval.</summary>
    public static string AwaitingApproval(Guid reportId, DateTime submittedAtUtc, Guid userId) =>
        $"approve:{reportId:N}:{Stamp(submittedAtUtc)}:{userId:N}";

    /// <summary>A task's change of derived status (the <c>TaskStatusChange</c> row).</summary>
    public static string TaskAlert(long changeId, Guid userId) =>
        $"task:{changeId.ToString(CultureInfo.InvariantCulture)}:{userId:N}";

    /// <summary>A request to move a task's deadline, told to the standing office once when it is sent.</summary>
    public static string DeadlineAsked(Guid requestId, Guid userId) => $"deadline-asked:{requestId:N}:{userId:N}";

    /// <summary>The decision on a request to move a task's deadline, told to the unit once.</summary>
    public static string DeadlineDecided(Guid requestId, Guid userId) => $"deadline-decided:{requestId:N}:{userId:N}";

    /// <summary>To the second: PostgreSQL keeps microseconds and SQLite ticks, so a time read back must give the same key.</summary>
    private static string Stamp(DateTime utc) => utc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    private static string Prefix(string kind) => kind switch
    {
        Data.Entities.NoticeKinds.DueSoon => "due-soon",
        Data.Entities.NoticeKinds.DueToday => "due-today",
        Data.Entities.NoticeKinds.Late => "late",
        Data.Entities.NoticeKinds.Escalation => "escalate",
        _ => kind.ToLowerInvariant(),
    };
}
