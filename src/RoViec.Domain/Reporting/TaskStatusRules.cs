using RoViec.Domain.Deadlines;

namespace RoViec.Domain.Reporting;

/// <summary>
/// The one place a task's status is derived (README.md beside this file). In order:
/// <list type="number">
/// <item>"Đã thực hiện" in the plan: <see cref="TaskHealth.AlreadyDone"/>.</item>
/// <item>The latest received report says done: <see cref="TaskHealth.DoneOnTime"/> when completed on or before the due day
/// (a task without a due day is on time), otherwise <see cref="TaskHealth.DoneLate"/>.</item>
/// <item>Throughout, "the due day" is <see cref="TaskFacts.EffectiveDue"/>: a deadline change the standing office approved
/// replaces the plan's due day; without one the plan's due day stands, however late the task was done.</item>
/// <item>Stopped by an amendment of the plan, from the day it took effect: <see cref="TaskHealth.Closed"/>.</item>
/// <item>The latest received report says it cannot be done: <see cref="TaskHealth.CannotDo"/>.</item>
/// <item>A dated task past its due day: <see cref="TaskHealth.Overdue"/>.</item>
/// <item>No update for <see cref="StalePeriods"/> periods that expected one (due days passed after the latest report; a report
/// answers its own period even when sent before that period's due day): <see cref="TaskHealth.AtRisk"/>.</item>
/// <item>A dated task whose progress trails the share of its time already spent by more than
/// <see cref="BehindMargin"/> points (not started counts as 0%): <see cref="TaskHealth.AtRisk"/>.</item>
/// <item>Recurring ("thường xuyên") and external ("theo kế hoạch của tỉnh") tasks: <see cref="TaskHealth.Recurring"/> and
/// <see cref="TaskHealth.External"/>; they are never overdue.</item>
/// <item>Otherwise: <see cref="TaskHealth.OnTrack"/> once a report says it is in progress, <see cref="TaskHealth.NotStarted"/> before.</item>
/// </list>
/// </summary>
public static class TaskStatusRules
{
    /// <summary>Periods in a row without an update that make a task at risk.</summary>
    public const int StalePeriods = 2;

    /// <summary>How many percentage points progress may trail the time elapsed before the task is at risk.</summary>
    public const int BehindMargin = 25;

    public static TaskHealth Derive(TaskFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Kind == DeadlineKind.Done) return TaskHealth.AlreadyDone;

        var latest = facts.Reports.Count > 0 ? facts.Reports[^1] : null;
        var due = facts.EffectiveDue;
        var dated = IsDated(facts.Kind) && due is not null;
        if (latest?.Status == "Done")
        {
            var completed = latest.CompletedOn ?? latest.ReportedOn;
            return !dated || completed <= due ? TaskHealth.DoneOnTime : TaskHealth.DoneLate;
        }
        // Stopped by an amendment from its day on: ended, never overdue afterwards.
        if (facts.ClosedOn is { } closed && today >= closed) return TaskHealth.Closed;
        if (latest?.Status == "CannotDo") return TaskHealth.CannotDo;
        if (dated && today > due) return TaskHealth.Overdue;

        if (Stale(facts)) return TaskHealth.AtRisk;
        if (dated && Behind(facts, latest, today)) return TaskHealth.AtRisk;

        return facts.Kind switch
        {
            DeadlineKind.Recurring => TaskHealth.Recurring,
            DeadlineKind.External => TaskHealth.External,
            _ => latest?.Status == "InProgress" || latest?.Percent > 0 ? TaskHealth.OnTrack : TaskHealth.NotStarted,
        };
    }

    /// <summary>Whether a deadline kind names a day the task must be done by.</summary>
    public static bool IsDated(DeadlineKind kind) =>
        kind is DeadlineKind.Date or DeadlineKind.Month or DeadlineKind.Quarter or DeadlineKind.Year or DeadlineKind.Milestones;

    /// <summary>Whether the task is still open, i.e. its units keep reporting on it.</summary>
    public static bool IsOpen(TaskHealth health) =>
        health is not (TaskHealth.DoneOnTime or TaskHealth.DoneLate or TaskHealth.CannotDo or TaskHealth.AlreadyDone or TaskHealth.Closed);

    private static bool Stale(TaskFacts facts)
    {
        // The latest report covers its own period even when sent before that period's due day; counting from
        // the day it was sent would count that period as missed and flag a task one period early.
        var latest = facts.Reports.Count > 0 ? facts.Reports[^1] : null;
        var since = latest is null ? DateOnly.MinValue : Max(latest.ReportedOn, latest.PeriodDueOn ?? latest.ReportedOn);
        return facts.DueDaysOfExpectedPeriods.Count(d => d > since) >= StalePeriods;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static bool Behind(TaskFacts facts, ProgressReport? latest, DateOnly today)
    {
        var due = facts.EffectiveDue!.Value;
        var total = due.DayNumber - facts.PlanStart.DayNumber;
        if (total <= 0) return false;
        var elapsed = Math.Clamp((today.DayNumber - facts.PlanStart.DayNumber) * 100.0 / total, 0, 100);
        int? progress = latest is null || latest.Status == "NotStarted" ? 0 : latest.Percent;
        return progress is not null && elapsed - progress.Value > BehindMargin;
    }
}
