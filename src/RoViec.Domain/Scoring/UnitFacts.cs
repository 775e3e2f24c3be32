namespace RoViec.Domain.Scoring;

/// <summary>A measure's value for a unit in a period, with the data behind it as a unit reads it ("9/10 nhiệm vụ đúng hạn"); a null value: the measure does not apply.</summary>
public sealed record MeasureValue(decimal? Value, string Data);

/// <summary>A figure entered by the standing office: a manual score, a yes/no, a count, with its written basis or evidence.</summary>
public sealed record ManualEntry(decimal? Value, bool? Yes, string Basis);

/// <summary>What a unit's score in a period is computed from.</summary>
public sealed record UnitFacts(
    Guid UnitId,
    string UnitName,
    IReadOnlyDictionary<string, MeasureValue> Measures,
    IReadOnlyDictionary<string, ManualEntry> Inputs,
    DateTime? FirstSubmittedAtUtc);

/// <summary>One criterion's line in a score's breakdown.</summary>
/// <param name="Depth">0 for a top-level criterion.</param>
/// <param name="Points">Null when it does not apply (dropped, and the total normalised).</param>
/// <param name="Explanation">How the points follow from the data ("90% → 8 điểm (bậc 90 đến dưới 100%)").</param>
/// <param name="Data">The data behind the line (<see cref="MeasureValue.Data"/> or the input's basis).</param>
public sealed record ScoreLine(string Code, string Name, int Depth, decimal Max, decimal? Points, string Explanation, string Data)
{
    public bool Applies => Points is not null;
}

/// <summary>A deduction or bonus as applied.</summary>
public sealed record Adjustment(string Code, string Name, decimal Points, string Explanation);

/// <summary>A unit's score: the breakdown, the normalisation, deductions, bonus, total and class.</summary>
/// <param name="Raw">Points of the criteria that apply.</param>
/// <param name="ApplicableMax">Maximum points of the criteria that apply; the raw points are scaled to 100 by it.</param>
/// <param name="Normalised">Raw ÷ applicable max × 100.</param>
/// <param name="Total">Normalised − deductions + bonus, kept within 0 to 100, rounded to 2 decimals; 0 when not accepted.</param>
/// <param name="NotAccepted">Why the month's self-assessment was not accepted for evaluation (a deduction's <see cref="Deduction.RefuseAbove"/>), or null.</param>
public sealed record ScoreResult(
    IReadOnlyList<ScoreLine> Lines,
    decimal Raw,
    decimal ApplicableMax,
    decimal Normalised,
    IReadOnlyList<Adjustment> Deductions,
    Adjustment? Bonus,
    decimal Total,
    decimal HeadTotal,
    string Class,
    string? NotAccepted = null);

/// <summary>A unit's place in a ranking.</summary>
/// <param name="TieNote">Why it is above an equal total, when a tie rule decided ("bằng điểm, hơn về điểm kết quả").</param>
public sealed record RankedUnit(Guid UnitId, string UnitName, decimal Total, string Class, int Rank, string? TieNote);

/// <summary>What a ranking orders: a unit's total (a month's score or the average of its months) and its tie values.</summary>
public sealed record RankEntry(Guid UnitId, string UnitName, decimal Total, decimal Results, decimal Deducted, DateTime? FirstSubmittedAtUtc);
