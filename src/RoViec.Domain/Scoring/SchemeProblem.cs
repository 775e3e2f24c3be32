using System.Globalization;

namespace RoViec.Domain.Scoring;

/// <summary>
/// A reason a scheme cannot be saved (<see cref="SchemeValidator"/>): its Vietnamese format and its arguments, so that a
/// page can write it in its reader's language (the format is the key of its translation). An argument that is itself a
/// problem (a criterion's label, a band's range) is written the same way; numbers are formatted by the format
/// ("{0:0.##}"), so each language writes them its own way. <see cref="ToString"/> is the Vietnamese sentence.
/// </summary>
public sealed record SchemeProblem(string Format, params IReadOnlyList<object?> Args)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public override string ToString() =>
        Args.Count == 0 ? Format : string.Format(Vietnamese, Format, [.. Args.Select(a => a is SchemeProblem p ? p.ToString() : a)]);
}

/// <summary>Criteria or classes with their points, "C1 40 + C2 60": numbers written the way the reader's language writes them.</summary>
public sealed record PointsList(IReadOnlyList<(string? Code, decimal Points)> Items) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        string.Join(" + ", Items.Select(i => $"{i.Code} {i.Points.ToString("0.##", formatProvider)}"));

    public override string ToString() => ToString(null, CultureInfo.GetCultureInfo("vi-VN"));
}
