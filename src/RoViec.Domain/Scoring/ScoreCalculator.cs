namespace RoViec.Domain.Scoring;

/// <summary>Scores a unit by a scheme (being written: the signatures are the contract).</summary>
public static class ScoreCalculator
{
    public static ScoreResult Score(SchemeDefinition scheme, UnitFacts facts) => throw new NotImplementedException();

    /// <summary>The class band of a total.</summary>
    public static string ClassOf(SchemeDefinition scheme, decimal total) => throw new NotImplementedException();
}

/// <summary>Ranks units by total, then the scheme's tie rules.</summary>
public static class Ranking
{
    public static IReadOnlyList<RankedUnit> Rank(SchemeDefinition scheme, IEnumerable<RankEntry> entries) => throw new NotImplementedException();
}

/// <summary>Reads and writes schemes as JSON; a malformed document gives Vietnamese messages, not an exception.</summary>
public static class SchemeJson
{
    public static SchemeDefinition? Parse(string json, out IReadOnlyList<string> errors) => throw new NotImplementedException();

    public static string Write(SchemeDefinition scheme) => throw new NotImplementedException();
}

/// <summary>Checks a scheme: criteria add up (top level to 100, children to their parent), bands without gaps or overlaps, known measures; Vietnamese messages.</summary>
public static class SchemeValidator
{
    public static IReadOnlyList<string> Validate(SchemeDefinition scheme) => throw new NotImplementedException();
}
