using RoViec.Domain.Deadlines;

namespace RoViec.Domain.Reporting;

/// <summary>A task's status as derived from its deadline and its units' reports; never typed by anyone.</summary>
public enum TaskHealth
{
    /// <summary>No report of progress yet, and nothing is late.</summary>
    NotStarted,
    /// <summary>Progressing in step with the time elapsed.</summary>
    OnTrack,
    /// <summary>Progress behind the time elapsed, or no update for two periods that expected one.</summary>
    AtRisk,
    /// <summary>Past its deadline and not done.</summary>
    Overdue,
    DoneOnTime,
    DoneLate,
    /// <summary>Reported as cannot be done, with a reason.</summary>
    CannotDo,
    /// <summary>A recurring task ("thường xuyên") that reports every period and is being reported.</summary>
    Recurring,
    /// <summary>Its deadline is set by an upper level ("theo kế hoạch của tỉnh"): never overdue here.</summary>
    External,
    /// <summary>Already done when the plan was written ("đã thực hiện").</summary>
    AlreadyDone,
    /// <summary>Stopped by an amendment of the plan, with a reason and the document that decided it: ended, not failed.</summary>
    Closed,
}

/// <summary>One received report line on a task (submitted or verified; drafts and returned reports do not count).</summary>
/// <param name="ReportedOn">The day the unit submitted it (Vietnam time).</param>
/// <param name="Status">One of the reported statuses: NotStarted, InProgress, Done, CannotDo.</param>
/// <param name="Percent">Percent complete as reported, if given.</param>
/// <param name="CompletedOn">The day the task was completed, when reported done.</param>
/// <param name="PeriodDueOn">The unit due day of the period the report answers. A report sent before that day (on time) answers
/// that period, so the period's due day is not a period "without an update"; when not given, the day it was sent stands in.</param>
public sealed record ProgressReport(DateOnly ReportedOn, string Status, int? Percent, DateOnly? CompletedOn, DateOnly? PeriodDueOn = null);

/// <summary>What the rules need to know about a task.</summary>
/// <param name="Kind">The deadline's kind.</param>
/// <param name="Due">The last day it is due (the end of a month or quarter, or the last milestone), when it has one.</param>
/// <param name="PlanStart">The first day of the plan's work (1 January of the plan's year, or when the plan was confirmed).</param>
/// <param name="DueDaysOfExpectedPeriods">Unit due days of the periods that expected a report on this task and whose due day has passed, oldest first.</param>
/// <param name="Reports">Received reports on the task, oldest first.</param>
/// <param name="ApprovedDue">The day the standing office approved moving the deadline to ("đề nghị điều chỉnh thời hạn" granted), when
/// it did: the task is judged against it instead of <paramref name="Due"/>, which stays the plan's own deadline.</param>
public sealed record TaskFacts(
    DeadlineKind Kind,
    DateOnly? Due,
    DateOnly PlanStart,
    IReadOnlyList<DateOnly> DueDaysOfExpectedPeriods,
    IReadOnlyList<ProgressReport> Reports,
    DateOnly? ApprovedDue = null,
    DateOnly? ClosedOn = null)
{
    /// <summary>The day the task is judged against: the approved change of deadline when there is one, else the plan's due day.</summary>
    public DateOnly? EffectiveDue => ApprovedDue ?? Due;
}
