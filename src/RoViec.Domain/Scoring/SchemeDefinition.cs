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
    /// <summary>
    /// The document the scheme reproduces. A scheme with a source carries its text: every leaf criterion and every
    /// deduction has a <see cref="Citation"/> (checked by <see cref="SchemeValidator"/>). A scheme without one names no
    /// legal document.
    /// </summary>
    public SchemeSource? Source { get; init; }
    /// <summary>
    /// The scheme's results are for following up only, not for classing or ranking (its document says so): no classes
    /// are needed and the ranking page shows no rank.
    /// </summary>
    public bool MonitoringOnly { get; init; }
}

/// <summary>Where a scheme comes from: the document, its part, and where its text can be read.</summary>
/// <param name="Document">"Quy định số 11-QĐ/TU của Ban Thường vụ Tỉnh ủy Khánh Hòa".</param>
/// <param name="Part">"Phụ lục 1 …".</param>
/// <param name="Location">Where the text was read (a public copy).</param>
public sealed record SchemeSource(string Document, string? Part = null, string? Location = null, string? Note = null);

/// <summary>The document's own words for a criterion or a deduction.</summary>
/// <param name="Section">Where in the document: "Phụ lục 1, mục A, II.1.1".</param>
/// <param name="Text">The scoring text, verbatim.</param>
public sealed record Citation(string Section, string Text);

/// <summary>A level a criterion may be given ("vận hành ổn định, cập nhật thường xuyên: 18 điểm"); the office picks one.</summary>
public sealed record Level(decimal Points, string Text);

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
    /// <summary>The source document's text for this criterion (required when the scheme has a <see cref="SchemeDefinition.Source"/>).</summary>
    public Citation? Citation { get; init; }
    /// <summary>
    /// A group whose children are alternatives ("1.3.1 for the province's units, 1.3.2 for communes"): each has the
    /// group's maximum and only the first that applies counts.
    /// </summary>
    public bool OneOf { get; init; }
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

    /// <summary>The office picks one of the listed levels ("ổn định: 18; không thường xuyên: 9; không: 0").</summary>
    public const string Levels = "levels";
    /// <summary>Two rules, chosen per unit by a yes/no input ("đơn vị có xây dựng kế hoạch": rule b, else rule a).</summary>
    public const string Variants = "variants";

    public static readonly IReadOnlyList<string> All = [Bands, Proportional, YesNo, Manual, Levels, Variants];
}

/// <summary>What a bands rule's steps are on.</summary>
public static class StepUnits
{
    public const string Percent = "percent";
    /// <summary>A count ("lượt người tham gia", "tin, bài").</summary>
    public const string Count = "count";

    public static readonly IReadOnlyList<string> All = [Percent, Count];
}

/// <summary>How a leaf criterion is scored.</summary>
/// <param name="Kind">One of <see cref="RuleKinds"/>.</param>
/// <param name="Measure">For bands and proportional: one of <see cref="Measures"/>. For yes/no and manual: the input's code (defaults to the criterion's code).</param>
/// <param name="Steps">For bands: [From, To) ranges with their points, covering 0 to 100 without gaps or overlaps.</param>
/// <param name="Target">For proportional: the value that earns the full points.</param>
/// <param name="EvidenceRequired">For yes/no: a yes without evidence scores 0.</param>
/// <param name="Input">For bands and proportional: the value is the standing office's input with this code (a count, a rate it confirms) instead of a measure.</param>
/// <param name="Unit">For bands: <see cref="StepUnits"/> (percent by default).</param>
/// <param name="ZeroPoints">For bands: a value of exactly 0 ("không tổ chức") earns these points instead of its step.</param>
/// <param name="ZeroText">What a value of 0 means, as the document says it ("Không tổ chức").</param>
/// <param name="Floor">For proportional: below this value the criterion scores 0 ("dưới 60%: 0 điểm").</param>
/// <param name="NotApplicableWhenMissing">For an input: nothing entered means the criterion does not apply (dropped, the maximum reduced), not 0.</param>
/// <param name="Levels">For levels: the levels the office may give.</param>
/// <param name="ChooseBy">For variants: the yes/no input that chooses the rule.</param>
/// <param name="IfYes">For variants: the rule when the input is yes.</param>
/// <param name="IfNo">For variants: the rule when the input is no.</param>
/// <param name="Label">For a variant's rule: which group it is for ("Nhóm đơn vị có xây dựng Kế hoạch").</param>
public sealed record ScoringRule(string Kind, string? Measure = null, IReadOnlyList<Step>? Steps = null, decimal? Target = null, bool EvidenceRequired = false,
    string? Input = null, string? Unit = null, decimal? ZeroPoints = null, string? ZeroText = null, decimal? Floor = null, bool NotApplicableWhenMissing = false,
    IReadOnlyList<Level>? Levels = null, string? ChooseBy = null, ScoringRule? IfYes = null, ScoringRule? IfNo = null, string? Label = null);

/// <summary>A band step: values from <paramref name="From"/> (inclusive) to <paramref name="To"/> (exclusive; null: and above) earn <paramref name="Points"/>.</summary>
public sealed record Step(decimal From, decimal? To, decimal Points);

/// <summary>Points taken off per unit of a measure ("−2 per day a monthly report is late"), up to <paramref name="Max"/>; an input with code <paramref name="WaivedBy"/> (an allowance in writing) lifts it.</summary>
/// <param name="Measure">One of <see cref="Measures"/>; or null with <paramref name="Input"/>.</param>
/// <param name="Input">The count comes from the standing office's input with this code (its value, or 1 for a yes): a deduction decided in writing.</param>
/// <param name="RefuseAbove">Above this value the month's self-assessment is not accepted for evaluation ("quá 01 ngày thì không tiếp nhận đánh giá"): the total is 0, with the reason.</param>
/// <param name="Citation">The source document's text for the deduction.</param>
/// <param name="WaiverLiftsRefusalOnly">The allowance in writing lifts only the refusal of <paramref name="RefuseAbove"/> (the points are still taken off, up to <paramref name="Max"/>).</param>
public sealed record Deduction(string Code, string Name, string? Measure, decimal PerUnit, decimal? Max = null, string? WaivedBy = null,
    string? Input = null, decimal? RefuseAbove = null, Citation? Citation = null, bool WaiverLiftsRefusalOnly = false);

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
