using RoViec.Domain.Reporting;

namespace RoViec.Web.Features.Figures;

/// <summary>
/// The compiled report of one period, as the official report (Publishing) writes it with its particulars: every figure already
/// computed from the database by <see cref="MonthlyReportQuery"/>, every text already in Vietnamese.
/// </summary>
public sealed record MonthlyReport
{
    /// <summary>The period's kind (<see cref="Data.Entities.PeriodKinds"/>): the year's report has parts a month's has not.</summary>
    public string Kind { get; init; } = Data.Entities.PeriodKinds.Monthly;
    /// <summary>The commune's name, the place written before the date ("Diễn Châu, ngày …").</summary>
    public required string Place { get; init; }
    /// <summary>"tháng 12/2026", "quý IV/2026", "năm 2026", or the ad-hoc request's title.</summary>
    public required string PeriodPhrase { get; init; }
    /// <summary>"trong tháng 12/2026" after the programme's name; an ad-hoc request's phrase as it is.</summary>
    public string Within => PeriodPhrase.StartsWith("theo ", StringComparison.Ordinal) ? PeriodPhrase : "trong " + PeriodPhrase;

    /// <summary>
    /// What the report is on, with its period: "Chương trình công tác năm 2026 trong tháng 10/2026"; for the year's
    /// report the programme already names it ("Chương trình công tác năm 2026", not "… năm 2026 trong năm 2026").
    /// </summary>
    public string ProgrammeWithin => ProgrammePhrase.EndsWith(PeriodPhrase, StringComparison.Ordinal) ? ProgrammePhrase : ProgrammePhrase + " " + Within;
    /// <summary>"tháng tới" for a month, "quý tới" for a quarter, "thời gian tới" otherwise.</summary>
    public required string NextPhrase { get; init; }
    /// <summary>What the report is on: "Chương trình công tác năm 2026".</summary>
    public required string ProgrammePhrase { get; init; }
    /// <summary>Who reports, in running text: "Ban Chỉ đạo … xã Diễn Châu".</summary>
    public required string IssuerPhrase { get; init; }
    /// <summary>The day task statuses are derived for (the report's date).</summary>
    public DateOnly AsOf { get; init; }

    public required ReportingRate Rate { get; init; }
    public required IReadOnlyList<UnitSubmission> Units { get; init; }

    public required IReadOnlyList<StatusCount> ByStatus { get; init; }
    public int TaskTotal { get; init; }
    public int KeyTaskTotal { get; init; }
    public int KeyTasksOnSchedule { get; init; }
    public required IReadOnlyList<SectionResult> Sections { get; init; }

    public required IReadOnlyList<IndicatorResult> Indicators { get; init; }

    public required IReadOnlyList<TaskRef> Troubled { get; init; }
    public required IReadOnlyList<UnitNotes> Difficulties { get; init; }
    public required IReadOnlyList<UnitNotes> Requests { get; init; }
    public required IReadOnlyList<TaskRef> NextTasks { get; init; }
    /// <summary>The last day of the window <see cref="NextTasks"/> covers.</summary>
    public DateOnly NextUntil { get; init; }

    /// <summary>
    /// The year's report only: every task of the year behind, overdue or found impossible on the report's date, and every
    /// task not done that was carried into next year's plan; overdue first, with the cause its units last gave and the
    /// year it was carried into, if it was.
    /// </summary>
    public IReadOnlyList<UnfinishedTask> Unfinished { get; init; } = [];

    /// <summary>Paragraphs the officer wrote over the generated ones, by <see cref="ReportCompositions"/> key; empty: all generated.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, string> Narrative { get; init; } = new Dictionary<string, string>();

    /// <summary>The share of key tasks on schedule, in percent with one decimal; null when the plan marks none.</summary>
    public decimal? KeyTaskShare => KeyTaskTotal == 0 ? null : Math.Round(KeyTasksOnSchedule * 100m / KeyTaskTotal, 1);

    /// <summary>The plans' target for key tasks on schedule ("tối thiểu 90% nhiệm vụ trọng tâm đúng tiến độ").</summary>
    public const decimal KeyTaskTarget = 90m;
}

/// <summary>One unit that had to report in the period, and where its report is.</summary>
/// <param name="State">The report's state (<see cref="Data.Entities.ReportStates"/>).</param>
/// <param name="ReceivedOn">The day the report first reached the standing office, if it has.</param>
public sealed record UnitSubmission(string Unit, DateOnly DueOn, string State, DateOnly? ReceivedOn, bool OnTime);

public sealed record StatusCount(TaskHealth Health, int Count, int KeyCount);

/// <summary>What the units reported on the tasks of one section of the plan.</summary>
/// <param name="Path">The section's headings as the plan names them, outermost first ("3. Đẩy mạnh chuyển đổi số …", "3.4. Đảm bảo an ninh mạng, …").</param>
/// <param name="TaskCount">Tasks of the section in the plan.</param>
public sealed record SectionResult(IReadOnlyList<string> Path, int TaskCount, IReadOnlyList<TaskResult> Tasks)
{
    /// <summary>Tasks the lead unit reported done in this period.</summary>
    public int Done => Tasks.Count(t => t.DoneInPeriod);
}

public sealed record TaskResult(string? Code, string Name, string Lead, bool DoneInPeriod, IReadOnlyList<LineResult> Lines);

/// <summary>One unit's line on a task in a report that reached the standing office.</summary>
/// <param name="Lead">The unit leads the task ("chủ trì"); otherwise it coordinates ("phối hợp").</param>
/// <param name="Status">The reported status (<see cref="Data.Entities.ReportedTaskStatuses"/>), if given.</param>
/// <param name="Verified">The standing office verified the report; otherwise it is marked "(chưa xác minh)".</param>
public sealed record LineResult(string Unit, bool Lead, string? WorkDone, int? Percent, string? Status, string? Reason, DateOnly? CompletedOn, bool Verified);

/// <summary>An indicator against its target, with the value reported in the period.</summary>
/// <param name="Result">The value as written ("45/50 (90%)", "12,5%"), or why there is none.</param>
/// <param name="Met">Whether a percentage value meets the target; null when it cannot be judged from one period.</param>
public sealed record IndicatorResult(string Name, string Target, string Result, string? Unit, bool Reported, bool Verified, bool? Met);

/// <summary>A task named in the lists of troubled and coming work.</summary>
public sealed record TaskRef(string? Code, string Name, string Lead, string? DeadlineRaw, DateOnly? Due, TaskHealth Health);

/// <summary>Texts of one unit (its difficulties, or its requests), in the order of its report.</summary>
public sealed record UnitNotes(string Unit, IReadOnlyList<string> Notes, bool Verified);

/// <summary>A task the year did not finish.</summary>
/// <param name="Cause">The reason or difficulty its units last reported in the year; null when none was given.</param>
/// <param name="CarriedTo">The year of the plan it was carried over into ("chuyển tiếp"), when it was.</param>
public sealed record UnfinishedTask(TaskRef Task, string? Cause, int? CarriedTo);
