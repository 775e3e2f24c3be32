namespace RoViec.Data.Entities;

/// <summary>Kinds of reporting period.</summary>
public static class PeriodKinds
{
    public const string Monthly = "Monthly";
    public const string Quarterly = "Quarterly";
    public const string Annual = "Annual";
    /// <summary>"Báo cáo đột xuất": asked for on a date, from some or all units.</summary>
    public const string AdHoc = "AdHoc";
    /// <summary>A week of a campaign plan (Monday to Sunday), reported by its Friday.</summary>
    public const string Weekly = "Weekly";

    public static readonly IReadOnlyList<string> All = [Monthly, Quarterly, Annual, AdHoc, Weekly];
}

/// <summary>Where a period is: scheduled, open for reports, or closed.</summary>
public static class PeriodStates
{
    public const string Scheduled = "Scheduled";
    public const string Open = "Open";
    public const string Closed = "Closed";
}

/// <summary>How a plan's units report: the due days of the regime the plan states ("trước ngày 20 hằng tháng").</summary>
public sealed class ReportingRules : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PlanId { get; set; }
    /// <summary>Day of the month by which units report (the samples use the 15th or the 20th).</summary>
    public int UnitDueDay { get; set; } = 20;
    /// <summary>Day of the month by which the standing office compiles for the commune (the 22nd in Thiện Tân).</summary>
    public int CompileDueDay { get; set; } = 22;
    public bool Monthly { get; set; } = true;
    public bool Quarterly { get; set; }
    /// <summary>The annual report's due date for units, as month and day (before 20 November in Tân Kỳ).</summary>
    public int AnnualUnitDueMonth { get; set; } = 11;
    public int AnnualUnitDueDay { get; set; } = 15;
    public int AnnualCompileDueMonth { get; set; } = 11;
    public int AnnualCompileDueDay { get; set; } = 20;
    /// <summary>The unit head approves the unit's report before it reaches the standing office.</summary>
    public bool RequireHeadApproval { get; set; }
    /// <summary>Days before the due day the first reminder goes out.</summary>
    public int RemindDaysBefore { get; set; } = 3;
    /// <summary>Days after the due day a late report is escalated to the unit head and the steering member.</summary>
    public int EscalateDaysAfter { get; set; } = 2;
    public Guid Version { get; set; }
}

/// <summary>A reporting period of a plan: a month, a quarter, the year, or an ad-hoc request.</summary>
public sealed class ReportingPeriod : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PlanId { get; set; }
    /// <summary>One of <see cref="PeriodKinds"/>.</summary>
    public required string Kind { get; set; }
    public int Year { get; set; }
    /// <summary>The month (1–12) or quarter (1–4); 0 for the year and ad-hoc periods.</summary>
    public int Number { get; set; }
    /// <summary>As shown: "Tháng 3/2026", "Quý I/2026", "Năm 2026", or the ad-hoc request's title.</summary>
    public required string Label { get; set; }
    /// <summary>What an ad-hoc request asks for.</summary>
    public string? Request { get; set; }
    /// <summary>The days the period reports on.</summary>
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>The day it opens by itself.</summary>
    public DateOnly OpensOn { get; set; }
    /// <summary>Units report by this day (inclusive); later is late.</summary>
    public DateOnly UnitDueOn { get; set; }
    /// <summary>The standing office compiles by this day; the period closes after it and refuses reports.</summary>
    public DateOnly CompileDueOn { get; set; }
    /// <summary>One of <see cref="PeriodStates"/>.</summary>
    public string State { get; set; } = PeriodStates.Scheduled;
    public DateTime? OpenedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    /// <summary>For an ad-hoc period: the units asked, separated by "|" (empty: every unit with work in the plan).</summary>
    public string UnitIds { get; set; } = "";
    public Guid Version { get; set; }
}

/// <summary>A later due day for one unit in one period, with the recorded reason.</summary>
public sealed class PeriodExtension : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PeriodId { get; set; }
    public Guid UnitId { get; set; }
    public DateOnly DueOn { get; set; }
    public required string Reason { get; set; }
    public string? GrantedBy { get; set; }
    public DateTime GrantedAtUtc { get; set; }
}

/// <summary>Where a unit's report is in its round trip.</summary>
public static class ReportStates
{
    /// <summary>Being filled in by the unit; saved as typed.</summary>
    public const string Draft = "Draft";
    /// <summary>Submitted by the reporter, waiting for the unit head's approval (when the commune asks for it).</summary>
    public const string AwaitingApproval = "AwaitingApproval";
    /// <summary>With the standing office, waiting for verification.</summary>
    public const string Submitted = "Submitted";
    /// <summary>Sent back by the standing office (or the unit head) with comments; the unit fixes and resubmits.</summary>
    public const string Returned = "Returned";
    /// <summary>Verified and locked; changes only through a recorded correction.</summary>
    public const string Verified = "Verified";
}

/// <summary>One unit's report for one period: the form the unit fills in.</summary>
public sealed class UnitReport : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PeriodId { get; set; }
    public Guid UnitId { get; set; }
    /// <summary>One of <see cref="ReportStates"/>.</summary>
    public string State { get; set; } = ReportStates.Draft;
    /// <summary>General remarks, proposals for next year, answers to an ad-hoc request.</summary>
    public string? Summary { get; set; }
    /// <summary>First submission (on-time is judged by it, not by a resubmission after a return).</summary>
    public DateTime? FirstSubmittedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? ApprovedAtUtc { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime? ReturnedAtUtc { get; set; }
    public string? ReturnedBy { get; set; }
    public string? ReturnComment { get; set; }
    public DateTime? VerifiedAtUtc { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTime? DraftSavedAtUtc { get; set; }
    public Guid Version { get; set; }
    public List<ReportItem> Items { get; } = [];
}

/// <summary>Kinds of line on a unit's report.</summary>
public static class ReportItemKinds
{
    /// <summary>A task the unit leads.</summary>
    public const string Task = "Task";
    /// <summary>A task the unit coordinates on ("phối hợp"): an optional contribution.</summary>
    public const string Contribution = "Contribution";
    public const string Indicator = "Indicator";
}

/// <summary>A task's progress as the unit reports it.</summary>
public static class ReportedTaskStatuses
{
    public const string NotStarted = "NotStarted";
    public const string InProgress = "InProgress";
    public const string Done = "Done";
    /// <summary>Cannot be done; a reason is required.</summary>
    public const string CannotDo = "CannotDo";

    public static readonly IReadOnlyList<string> All = [NotStarted, InProgress, Done, CannotDo];
}

/// <summary>One line of a unit's report: a task's progress or an indicator's value.</summary>
public sealed class ReportItem : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid ReportId { get; set; }
    /// <summary>One of <see cref="ReportItemKinds"/>.</summary>
    public required string Kind { get; set; }
    public Guid? TaskId { get; set; }
    public Guid? IndicatorId { get; set; }
    public int Order { get; set; }
    /// <summary>One of <see cref="ReportedTaskStatuses"/>, for a task.</summary>
    public string? TaskStatus { get; set; }
    public int? Percent { get; set; }
    /// <summary>What was done this period.</summary>
    public string? WorkDone { get; set; }
    /// <summary>Why the task cannot be done.</summary>
    public string? Reason { get; set; }
    public string? Difficulties { get; set; }
    public string? Requests { get; set; }
    /// <summary>The date the task was completed, when the unit reports it done.</summary>
    public DateOnly? CompletedOn { get; set; }
    /// <summary>An indicator's value (a count, an amount, or a percentage).</summary>
    public decimal? Value { get; set; }
    /// <summary>For a ratio indicator ("số cán bộ có chữ ký số / tổng số cán bộ").</summary>
    public decimal? Numerator { get; set; }
    public decimal? Denominator { get; set; }
    public string? DataSource { get; set; }
    /// <summary>The standing office's comment when it returns the report because of this line.</summary>
    public string? ReturnComment { get; set; }
    public Guid Version { get; set; }
    public List<Evidence> Evidence { get; } = [];
}

/// <summary>Kinds of evidence for a report line.</summary>
public static class EvidenceKinds
{
    /// <summary>An attached file (checked for type and size).</summary>
    public const string File = "File";
    /// <summary>An issued document, by number and date ("Công văn số 12/UBND ngày 05/3/2026").</summary>
    public const string Document = "Document";
    public const string Link = "Link";
}

/// <summary>A product or proof behind a report line.</summary>
public sealed class Evidence : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid ItemId { get; set; }
    /// <summary>One of <see cref="EvidenceKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>File name, document number, or the link's title.</summary>
    public required string Title { get; set; }
    public DateOnly? DocumentDate { get; set; }
    public string? Url { get; set; }
    public string? ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>The SHA-256 (hex) of an attached file's bytes, kept in the file store (<c>RoViec:Files:Path</c>) under that name.</summary>
    public string? ContentSha256 { get; set; }
    /// <summary>
    /// The bytes of a file attached before files left the database; <c>roviec migrate</c> (and a demo start) moves them
    /// into the file store and empties this.
    /// </summary>
    public byte[]? Content { get; set; }
    public DateTime AddedAtUtc { get; set; }
    public string? AddedBy { get; set; }
}

/// <summary>A change to a verified report line, with who, when and why.</summary>
public sealed class ReportCorrection : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid ItemId { get; set; }
    public required string Field { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public required string Reason { get; set; }
    public string? CorrectedBy { get; set; }
    public DateTime CorrectedAtUtc { get; set; }
}

/// <summary>Results of the inspection committee's cross-check of a sampled line.</summary>
public static class CrossCheckResults
{
    public const string Pending = "Pending";
    public const string Confirmed = "Confirmed";
    public const string NotConfirmed = "NotConfirmed";
}

/// <summary>A verified report line drawn by the inspection committee (UBKT) for its monthly cross-check.</summary>
public sealed class CrossCheck : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PeriodId { get; set; }
    public Guid ItemId { get; set; }
    public Guid UnitId { get; set; }
    public DateTime DrawnAtUtc { get; set; }
    public string? DrawnBy { get; set; }
    /// <summary>One of <see cref="CrossCheckResults"/>.</summary>
    public string Result { get; set; } = CrossCheckResults.Pending;
    public string? Note { get; set; }
    public DateTime? CheckedAtUtc { get; set; }
    public string? CheckedBy { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A task's derived status as last seen by the daily check; a change alerts its lead unit and directing member.</summary>
public sealed class TaskStatusChange : ICommuneOwned
{
    public long Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid TaskId { get; set; }
    public string? From { get; set; }
    public required string To { get; set; }
    public DateOnly On { get; set; }
}

/// <summary>Kinds of notice a user can choose to receive.</summary>
public static class NoticeKinds
{
    /// <summary>A report is due in a few days.</summary>
    public const string DueSoon = "DueSoon";
    /// <summary>A report is due today.</summary>
    public const string DueToday = "DueToday";
    /// <summary>A report is late.</summary>
    public const string Late = "Late";
    /// <summary>A unit's report is late past the escalation day (to the unit head and steering member).</summary>
    public const string Escalation = "Escalation";
    /// <summary>A task turned at risk or overdue.</summary>
    public const string TaskAlert = "TaskAlert";
    /// <summary>A report was returned, verified or awaits someone's action.</summary>
    public const string ReportFlow = "ReportFlow";
    /// <summary>A unit asked to move a task's deadline (to the standing office), or its request was decided (to the unit).</summary>
    public const string DeadlineChange = "DeadlineChange";

    public static readonly IReadOnlyList<string> All = [DueSoon, DueToday, Late, Escalation, TaskAlert, ReportFlow, DeadlineChange];
}

/// <summary>A notice to one user, shown in the application and sent by e-mail when they chose so.</summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public Guid? CommuneId { get; set; }
    public Guid UserId { get; set; }
    /// <summary>One of <see cref="NoticeKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>Makes a notice unique ("due-soon:{period}:{unit}:{user}"): a notice is created once however many instances run.</summary>
    public required string Key { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public string? Link { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }
    /// <summary>Null: no e-mail; "Pending", "Held" (for the day's digest), "Sending", "Sent", "Failed" or "Skipped".</summary>
    public string? EmailState { get; set; }
    public DateTime? EmailedAtUtc { get; set; }
    public int EmailAttempts { get; set; }
    /// <summary>The daily digest mail that claimed this notice (the claim of one sender, so each goes out in one digest).</summary>
    public Guid? DigestId { get; set; }
}

/// <summary>How notice e-mails reach a user (<see cref="NoticeDelivery"/>).</summary>
public static class NoticeDeliveryModes
{
    /// <summary>One mail per notice, as soon as the scheduler sends (the default, also without a row).</summary>
    public const string Immediate = "Immediate";
    /// <summary>The notices' mails held and sent as one mail a day, at the digest hour.</summary>
    public const string DailyDigest = "DailyDigest";

    public static readonly IReadOnlyList<string> All = [Immediate, DailyDigest];
}

/// <summary>A user's choice of how notice e-mails reach them; no row means <see cref="NoticeDeliveryModes.Immediate"/>.</summary>
public sealed class NoticeDelivery
{
    public Guid UserId { get; set; }
    /// <summary>One of <see cref="NoticeDeliveryModes"/>.</summary>
    public required string Mode { get; set; }
}

/// <summary>A user's choice for one kind of notice; no row means both channels on.</summary>
public sealed class NoticePreference
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Kind { get; set; }
    public bool InApp { get; set; } = true;
    public bool Email { get; set; } = true;
}

/// <summary>
/// The last Vietnam day a commune's day-level scheduled work (named <see cref="Job"/>) was done, so the scheduler,
/// ticking every minute, does it once a day and not 1,440 times.
/// </summary>
public sealed class DailyRun : ICommuneOwned
{
    public Guid CommuneId { get; set; }
    public required string Job { get; set; }
    public DateOnly DoneOn { get; set; }
}

/// <summary>
/// A change of a period's data whose follow-up (rescoring, the snapshot, notices) is not done yet: written in the same
/// transaction as the change, deleted when every follow-up is done, so a process that dies in between leaves the work
/// marked, and the scheduler does it.
/// </summary>
public sealed class PendingChange : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PeriodId { get; set; }
    public Guid? UnitId { get; set; }
    /// <summary>The kind of change, as named by the application (Verified, Corrected, …).</summary>
    public required string Kind { get; set; }
    public required string Reason { get; set; }
    public string? By { get; set; }
    /// <summary>When it was recorded, by the wall clock (how long it has waited, whatever day the calendar clock says).</summary>
    public DateTime RecordedAtUtc { get; set; }
    /// <summary>How many times the scheduler has tried it.</summary>
    public int Attempts { get; set; }
}

/// <summary>A lease on a piece of scheduled work, so that it runs on one instance at a time.</summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    public string? Holder { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
}
