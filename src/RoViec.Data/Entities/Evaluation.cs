namespace RoViec.Data.Entities;

/// <summary>
/// One version of a scoring scheme ("bộ tiêu chí chấm điểm"): a tree of criteria with their rules, deductions,
/// bonus, classification bands and tie rule, stored as JSON (see RoViec.Domain.Scoring.SchemeDefinition). A scheme
/// is changed by adding a new version in force from a later month; the scores of months already scored keep the
/// version they were computed with.
/// </summary>
public sealed class ScoringScheme : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    /// <summary>Groups the versions of one scheme.</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    /// <summary>The document the scheme reproduces ("Quy định số 11-QĐ/TU của Tỉnh ủy Khánh Hòa, Phụ lục 1"), or null for a scheme that names none.</summary>
    public string? Basis { get; set; }
    /// <summary>1, 2, … within <see cref="Key"/>.</summary>
    public int Number { get; set; }
    /// <summary>The first day of the first period the version applies to; it applies until a later version of the commune starts.</summary>
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>The scheme as JSON (RoViec.Domain.Scoring.SchemeDefinition).</summary>
    public required string Definition { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    /// <summary>Why this version was made.</summary>
    public string? Note { get; set; }
    public Guid Version { get; set; }
}

/// <summary>
/// A figure the data cannot give, entered by the standing office for one unit, one period and one criterion: a manual
/// score with its written basis, a yes/no with its evidence, a recognised initiative for the bonus, or an allowance
/// in writing that lifts a deduction.
/// </summary>
public sealed class ScoreInput : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PeriodId { get; set; }
    public Guid UnitId { get; set; }
    /// <summary>The criterion, deduction or bonus code in the scheme.</summary>
    public required string Code { get; set; }
    public decimal? Value { get; set; }
    public bool? Yes { get; set; }
    /// <summary>The written basis or the evidence (document number and date, or a link).</summary>
    public required string Basis { get; set; }
    public string? EnteredBy { get; set; }
    public DateTime EnteredAtUtc { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Budget allocated and disbursed for a unit (or the whole plan, with no unit) up to a period, where recorded.</summary>
public sealed class BudgetEntry : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PlanId { get; set; }
    public Guid PeriodId { get; set; }
    public Guid? UnitId { get; set; }
    /// <summary>Allocated for the year, in VND.</summary>
    public decimal Allocated { get; set; }
    /// <summary>Disbursed from the start of the year to the end of the period, in VND.</summary>
    public decimal Disbursed { get; set; }
    public string? Source { get; set; }
    public string? EnteredBy { get; set; }
    public DateTime EnteredAtUtc { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A unit's score in a period, with its breakdown; recomputed from verified data, each change recorded in <see cref="ScoreChange"/>.</summary>
public sealed class UnitScore : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PeriodId { get; set; }
    public Guid UnitId { get; set; }
    public Guid SchemeId { get; set; }
    /// <summary>Out of 100, after normalisation, deductions and bonus.</summary>
    public decimal Total { get; set; }
    /// <summary>The head of the unit's score (it follows the unit's results).</summary>
    public decimal HeadTotal { get; set; }
    /// <summary>The classification band's label ("A", "Hoàn thành xuất sắc").</summary>
    public required string Band { get; set; }
    /// <summary>Rank among the commune's units in the period (1 is best), after the scheme's tie rule.</summary>
    public int Rank { get; set; }
    /// <summary>The breakdown, criterion by criterion, with the data behind each line, as JSON (RoViec.Domain.Scoring.ScoreResult).</summary>
    public required string Breakdown { get; set; }
    public DateTime ComputedAtUtc { get; set; }
    public string? ComputedBy { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A change of a unit's score after it was first computed: who, when, why, from what to what.</summary>
public sealed class ScoreChange : ICommuneOwned
{
    public long Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PeriodId { get; set; }
    public Guid UnitId { get; set; }
    public decimal? Before { get; set; }
    public decimal After { get; set; }
    public required string Reason { get; set; }
    public string? ChangedBy { get; set; }
    public DateTime ChangedAtUtc { get; set; }
}

/// <summary>
/// A period's figures computed once (when its data is verified, or on demand) so that dashboards, the official
/// report and the public page read prepared rows instead of scanning every report; all of them read the same rows.
/// </summary>
public sealed class PeriodSnapshot : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PeriodId { get; set; }
    /// <summary>The figures as JSON.</summary>
    public required string Figures { get; set; }
    public DateTime BuiltAtUtc { get; set; }
    public string? BuiltBy { get; set; }
    /// <summary>Why it was built ("verified", "correction", "on demand").</summary>
    public string? Reason { get; set; }
    /// <summary>Set (with a new <see cref="Version"/>) when the data behind it changed since it was built; reads compute the figures until the scheduler stores them again.</summary>
    public bool Stale { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Document layouts: the State layout of Nghị định 30/2020 or the Party layout of Hướng dẫn 36-HD/VPTW.</summary>
public static class LayoutKinds
{
    public const string State = "State";
    public const string Party = "Party";

    public static readonly IReadOnlyList<string> All = [State, Party];
}

/// <summary>How an issuing body's documents are laid out: a profile chosen per issuing body, as data.</summary>
public sealed class LayoutProfile : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    /// <summary>The issuing body in capitals ("BAN CHỈ ĐẠO …"), as the header writes it.</summary>
    public required string Body { get; set; }
    /// <summary>The upper-level body ("ĐẢNG ỦY XÃ DIỄN CHÂU"), if any.</summary>
    public string? UpperBody { get; set; }
    /// <summary>One of <see cref="LayoutKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>The symbol after the number ("BC-BCĐ").</summary>
    public required string Symbol { get; set; }
    public required string Authority { get; set; }
    public required string SignerTitle { get; set; }
    public string? SignerName { get; set; }
    /// <summary>Recipients, one a line.</summary>
    public string Recipients { get; set; } = "";
    public bool IsDefault { get; set; }
    public Guid Version { get; set; }
}

/// <summary>The officer's edited narrative of a period's official report, kept with the report.</summary>
public sealed class ReportNarrative : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PeriodId { get; set; }
    /// <summary>Section texts as JSON {"key": "text"}; a section not in it uses the generated text.</summary>
    public required string Sections { get; set; }
    public string? EditedBy { get; set; }
    public DateTime EditedAtUtc { get; set; }
    public Guid Version { get; set; }
}

/// <summary>What has been entered into an upward system (theodoinq.dcs.vn) for a period: an indicator or a task.</summary>
public sealed class UpwardEntry : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PeriodId { get; set; }
    public Guid? IndicatorId { get; set; }
    public Guid? TaskId { get; set; }
    /// <summary>The text as exported when it was marked entered.</summary>
    public required string Text { get; set; }
    public string? EnteredBy { get; set; }
    public DateTime EnteredAtUtc { get; set; }
}

/// <summary>A commune's public page: what it chooses to publish, and at which address.</summary>
public sealed class PublicPage : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    /// <summary>The page's address part: /cong-khai/{Slug}.</summary>
    public required string Slug { get; set; }
    public bool Enabled { get; set; }
    public bool ShowIndicators { get; set; } = true;
    public bool ShowFields { get; set; } = true;
    public bool ShowRanking { get; set; }
    public string? Intro { get; set; }
    /// <summary>Indicators published, separated by "|" (empty with <see cref="ShowIndicators"/>: all).</summary>
    public string IndicatorIds { get; set; } = "";
    public Guid Version { get; set; }
}

/// <summary>Where a citizen's feedback is.</summary>
public static class FeedbackStates
{
    public const string New = "New";
    public const string Answered = "Answered";
    /// <summary>Marked as spam or abuse by the standing office; never shown.</summary>
    public const string Rejected = "Rejected";
}

/// <summary>Feedback and a satisfaction rating from a citizen or business on a published item.</summary>
public sealed class Feedback : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    /// <summary>What the feedback is on: "indicator:{id}", "field:{name}", "ranking", "page".</summary>
    public required string Item { get; set; }
    /// <summary>1 (very dissatisfied) to 5 (very satisfied).</summary>
    public int Rating { get; set; }
    public required string Message { get; set; }
    /// <summary>Name and contact, if given; personal data, never published.</summary>
    public string? SenderName { get; set; }
    public string? SenderContact { get; set; }
    /// <summary>A salted hash of the sender's address, for flood limits; never the address itself.</summary>
    public string? ClientHash { get; set; }
    /// <summary>The one-time number of the form it was sent with: a form is sent once (null for feedback kept before that rule).</summary>
    public string? FormNonce { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>One of <see cref="FeedbackStates"/>.</summary>
    public string State { get; set; } = FeedbackStates.New;
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    /// <summary>The answer is shown on the public page (without the sender's personal data).</summary>
    public bool AnswerPublished { get; set; }
    public Guid Version { get; set; }
}
