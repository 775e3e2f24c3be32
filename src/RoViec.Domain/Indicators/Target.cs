namespace RoViec.Domain.Indicators;

/// <summary>How a target compares: "Tối thiểu 90%" is AtLeast, "11-12,5%" a Range, "tăng 25-35% so với năm 2025" an Increase.</summary>
public enum TargetOp
{
    Equal,
    AtLeast,
    AtMost,
    Range,
    Increase,
}

public enum TargetUnit
{
    Percent,
    Count,
    Other,
}

/// <summary>A numeric target ("chỉ tiêu"). Value is the lower bound for ranges and increases.</summary>
public sealed record Target(TargetOp Op, decimal Value, decimal? ValueMax, TargetUnit Unit, string? UnitText, int? BaselineYear)
{
    public string OpSymbol => Op switch
    {
        TargetOp.Equal => "=",
        TargetOp.AtLeast => ">=",
        TargetOp.AtMost => "<=",
        TargetOp.Range => "range",
        TargetOp.Increase => "increase",
        _ => "=",
    };
}

/// <summary>An indicator of the plan: what is measured, its target and who owns it.</summary>
public sealed record Indicator
{
    public required string Section { get; init; }
    public required string Name { get; init; }
    public required string TargetRaw { get; init; }
    public required Target Target { get; init; }
    public string? Owner { get; init; }
    public Text.SourceSpan Span { get; init; }
    public Text.SourceSpan TargetSpan { get; init; }
}
