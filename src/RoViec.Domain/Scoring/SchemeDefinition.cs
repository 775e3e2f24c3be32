namespace RoViec.Domain.Scoring;

/// <summary>
/// A scoring scheme as data: a tree of criteria whose top level adds up to 100 points, each leaf scored by a
/// <see cref="ScoringRule"/>; deductions; a capped bonus; the classification bands; and the tie rule. Stored as
/// JSON (<see cref="SchemeJson"/>) and checked by <see cref="SchemeValidator"/> before it is saved.
/// </summary>
public sealed record SchemeDefinition
{
    public required IReadOnlyList<Criterion> Criteria { get; init; }
    public IReadOnlyList<Deduction> Deductions { get; init; } = [];
    public Bonus? Bonus { get; init; }
    /// <summary>Classification bands, highest first; the lowest starts at 0 ("A ≥ 90, B 75 to under 90 …").</summary>
    public required IReadOnlyList<ClassBand> Classes { get; init; }
    /// <summary>How equal totals are ordered, first rule first: codes of <see cref="TieBreakers"/>.</summary>
    public IReadOnlyList<string> TieBreakers { get; init; } = [Scoring.TieBreakers.Results, Scoring.TieBreakers.FirstSubmitted];
    /// <summary>The unit head's score follows the unit's; this share of it (1 = the same score).</summary>
    public decimal HeadFactor { get; init; } = 1m;
}

/// <summary>A criterion: a group of children, or a leaf scored by its <see cref="Rule"/>.</summary>
public sealed record Criterion
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public decimal Max { get; init; }
    public IReadOnlyList<Criterion> Children { get; init; } = [];
    /// <summary>Null for a group; required for a leaf.</summary>
    public ScoringRule? Rule { get; init; }
    /// <summary>How the commune explains it to units.</summary>
    public string? Guidance { get; init; }
}

/// <summary>Kinds of <see cref="ScoringRule"/>.</summary>
public static class RuleKinds
{
    /// <summary>Step bands on a percentage: "100% → 10; 90 to under 100% → 8; …".</summary>
    public const string Bands = "bands";
    /// <summary>value ÷ target × max, capped at max: "disbursement rate ÷ 85% × 10".</summary>
    public const string Proportional = "proportional";
    /// <summary>Max for yes (with evidence when asked), 0 for no.</summary>
    public const string YesNo = "yesno";
    /// <summary>Entered by the standing office, 0 to max, with a written basis.</summary>
    public const string Manual = "manual";

    public static readonly IReadOnlyList<string> All = [Bands, Proportional, YesNo, Manual];
}

/// <summary>How a leaf criterion is scored.</summary>
/// <param name="Kind">One of <see cref="RuleKinds"/>.</param>
/// <param name="Measure">For bands and proportional: one of <see cref="Measures"/>. For yes/no and manual: the input's code (defaults to the criterion's code).</param>
/// <param name="Steps">For bands: [From, To) ranges with their points, covering 0 to 100 without gaps or overlaps.</param>
/// <param name="Target">For proportional: the value that earns the full points.</param>
/// <param name="EvidenceRequired">For yes/no: a yes without evidence scores 0.</param>
public sealed record ScoringRule(string Kind, string? Measure = null, IReadOnlyList<Step>? Steps = null, decimal? Target = null, bool EvidenceRequired = false);

/// <summary>A band step: values from <paramref name="From"/> (inclusive) to <paramref name="To"/> (exclusive; null: and above) earn <paramref name="Points"/>.</summary>
public sealed record Step(decimal From, decimal? To, decimal Points);

/// <summary>Points taken off per unit of a measure ("−2 per day a monthly report is late"), up to <paramref name="Max"/>; an input with code <paramref name="WaivedBy"/> (an allowance in writing) lifts it.</summary>
public sealed record Deduction(string Code, string Name, string Measure, decimal PerUnit, decimal? Max = null, string? WaivedBy = null);

/// <summary>Points added per unit of a measure (recognised initiatives), capped at <paramref name="Max"/>.</summary>
public sealed record Bonus(string Code, string Name, string Measure, decimal PerUnit, decimal Max);

/// <summary>A classification band: totals from <paramref name="Min"/> up to the next band's minimum.</summary>
public sealed record ClassBand(string Label, decimal Min);

/// <summary>Tie rules, applied in the scheme's order after the total.</summary>
public static class TieBreakers
{
    /// <summary>Higher points on the results criteria (the top-level criterion with the largest max) first.</summary>
    public const string Results = "results";
    /// <summary>The report that first reached the standing office earlier first.</summary>
    public const string FirstSubmitted = "firstSubmitted";
    /// <summary>Fewer points deducted first.</summary>
    public const string FewerDeductions = "fewerDeductions";
    /// <summary>Still equal: the same rank (the next rank is skipped: 1, 2, 2, 4).</summary>
    public const string Shared = "shared";

    public static readonly IReadOnlyList<string> All = [Results, FirstSubmitted, FewerDeductions, Shared];
}

/// <summary>Measures the data gives for a unit in a period; the scoring service computes them from verified reports only.</summary>
public static class Measures
{
    /// <summary>% of the unit's tasks due by the end of the period that were done by their deadline.</summary>
    public const string TasksOnTime = "tasks.onTime";
    /// <summary>% of the unit's open tasks on track or done (not at risk, not overdue).</summary>
    public const string TasksOnSchedule = "tasks.onSchedule";
    /// <summary>% of the unit's reported indicators that meet their target.</summary>
    public const string IndicatorsMet = "indicators.met";
    /// <summary>% of the unit's periodic reports in the period received on time (100 or 0 for a month).</summary>
    public const string ReportsOnTime = "reports.onTime";
    /// <summary>100 when the period's report was verified without being returned for correction, else 0.</summary>
    public const string ReportsFirstTime = "reports.firstTime";
    /// <summary>% of the task lines reported done that carry evidence, sent before the due day.</summary>
    public const string EvidenceBeforeDue = "reports.evidence";
    /// <summary>% of the allocated budget disbursed, where recorded.</summary>
    public const string BudgetDisbursed = "budget.disbursed";
    /// <summary>Days the monthly report was late (0 when on time).</summary>
    public const string DaysLate = "reports.daysLate";
    /// <summary>1 when no report was accepted by the closing day, else 0.</summary>
    public const string NotAccepted = "reports.notAccepted";
    /// <summary>Ad-hoc reports asked for in the period and not sent.</summary>
    public const string AdHocMissed = "adhoc.missed";
    /// <summary>Recognised initiatives in the period (entered as inputs with code "initiative").</summary>
    public const string Initiatives = "initiatives";

    public static readonly IReadOnlyList<string> All =
        [TasksOnTime, TasksOnSchedule, IndicatorsMet, ReportsOnTime, ReportsFirstTime, EvidenceBeforeDue, BudgetDisbursed, DaysLate, NotAccepted, AdHocMissed, Initiatives];
}
