using System.Globalization;

namespace RoViec.Domain.Scoring;

/// <summary>
/// Scores a unit by a scheme. Leaves are scored by their rule; a leaf whose measure has no value does not apply and is
/// dropped; the points of the leaves that apply are scaled to 100 by their maximum (normalisation); deductions are
/// taken off (unless waived by an allowance in writing), the capped bonus added, and the total kept within 0 to 100.
/// See README.md beside this file.
/// </summary>
public static class ScoreCalculator
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static ScoreResult Score(SchemeDefinition scheme, UnitFacts facts)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(facts);
        var lines = new List<ScoreLine>();
        decimal raw = 0, applicableMax = 0;
        foreach (var criterion in scheme.Criteria)
        {
            var (points, max) = Walk(criterion, 0, facts, lines);
            raw += points ?? 0;
            applicableMax += max;
        }
        var normalised = applicableMax == 0 ? 0 : Round(raw / applicableMax * 100m);

        var deductions = new List<Adjustment>();
        foreach (var d in scheme.Deductions ?? [])
        {
            if (!facts.Measures.TryGetValue(d.Measure, out var m) || m.Value is not { } count || count <= 0) continue;
            if (d.WaivedBy is { } waiver && facts.Inputs.TryGetValue(waiver, out var allowance))
            {
                deductions.Add(new Adjustment(d.Code, d.Name, 0, $"{m.Data}; được miễn trừ: {allowance.Basis}"));
                continue;
            }
            var points = Round(d.PerUnit * count);
            var capped = d.Max is { } cap && points > cap;
            if (capped) points = d.Max!.Value;
            deductions.Add(new Adjustment(d.Code, d.Name, points,
                $"{m.Data}: {Number(count)} × {Number(d.PerUnit)} = {Number(Round(d.PerUnit * count))} điểm" + (capped ? $", trừ tối đa {Number(points)} điểm" : "")));
        }

        Adjustment? bonus = null;
        if (scheme.Bonus is { } b && facts.Measures.TryGetValue(b.Measure, out var bm) && bm.Value is { } times && times > 0)
        {
            var points = Round(b.PerUnit * times);
            var capped = points > b.Max;
            if (capped) points = b.Max;
            bonus = new Adjustment(b.Code, b.Name, points,
                $"{bm.Data}: {Number(times)} × {Number(b.PerUnit)} = {Number(Round(b.PerUnit * times))} điểm" + (capped ? $", cộng tối đa {Number(points)} điểm" : ""));
        }

        var total = Round(Math.Clamp(normalised - deductions.Sum(d => d.Points) + (bonus?.Points ?? 0), 0m, 100m));
        return new ScoreResult(lines, Round(raw), applicableMax, normalised, deductions, bonus, total, Round(total * scheme.HeadFactor), ClassOf(scheme, total));
    }

    /// <summary>The class band of a total: the band with the highest minimum not above it.</summary>
    public static string ClassOf(SchemeDefinition scheme, decimal total)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var band = scheme.Classes.Where(c => c.Min <= total).OrderByDescending(c => c.Min).FirstOrDefault()
            ?? scheme.Classes.OrderBy(c => c.Min).FirstOrDefault();
        return band?.Label ?? "";
    }

    /// <summary>
    /// Points of the results part (the top-level criterion with the largest maximum), scaled like the total — the first
    /// tie rule (<see cref="TieBreakers.Results"/>).
    /// </summary>
    public static decimal ResultsPoints(SchemeDefinition scheme, ScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(result);
        if (scheme.Criteria.Count == 0 || result.ApplicableMax == 0) return 0;
        var code = scheme.Criteria.OrderByDescending(c => c.Max).First().Code;
        var line = result.Lines.FirstOrDefault(l => l.Depth == 0 && l.Code == code);
        return line?.Points is { } points ? Round(points / result.ApplicableMax * 100m) : 0;
    }

    /// <summary>Scores a criterion and its children into <paramref name="lines"/>: its points (null when nothing applies) and the maximum of what applies.</summary>
    private static (decimal? Points, decimal ApplicableMax) Walk(Criterion criterion, int depth, UnitFacts facts, List<ScoreLine> lines)
    {
        var children = criterion.Children ?? [];
        if (children.Count == 0)
        {
            var (points, explanation, data) = Leaf(criterion, facts);
            lines.Add(new ScoreLine(criterion.Code, criterion.Name, depth, criterion.Max, points, explanation, data));
            return (points, points is null ? 0 : criterion.Max);
        }

        var at = lines.Count;
        lines.Add(null!);
        decimal? sum = null;
        decimal max = 0;
        foreach (var child in children)
        {
            var (points, childMax) = Walk(child, depth + 1, facts, lines);
            if (points is null) continue;
            sum = (sum ?? 0) + points.Value;
            max += childMax;
        }
        var dropped = criterion.Max - max;
        lines[at] = new ScoreLine(criterion.Code, criterion.Name, depth, criterion.Max, sum is null ? null : Round(sum.Value),
            sum is null ? "Không áp dụng (không tiêu chí con nào áp dụng)"
                : dropped > 0 ? $"Cộng các tiêu chí con; {Number(dropped)} điểm không áp dụng" : "Cộng các tiêu chí con",
            "");
        return (sum is null ? null : Round(sum.Value), max);
    }

    private static (decimal? Points, string Explanation, string Data) Leaf(Criterion criterion, UnitFacts facts)
    {
        var rule = criterion.Rule;
        if (rule is null) return (null, "Chưa có cách chấm", "");
        switch (rule.Kind)
        {
            case RuleKinds.Bands:
                {
                    if (!Measured(rule, facts, out var m, out var v)) return (null, "Không áp dụng", m?.Data ?? "Không có số liệu");
                    var step = (rule.Steps ?? []).FirstOrDefault(s => v >= s.From && (s.To is not { } to || v < to));
                    if (step is null) return (0, $"{Number(v)}% không thuộc bậc nào → 0 điểm", m!.Data);
                    return (step.Points, $"{Number(v)}% → {Number(step.Points)} điểm (bậc {StepText(step)})", m!.Data);
                }
            case RuleKinds.Proportional:
                {
                    if (!Measured(rule, facts, out var m, out var v)) return (null, "Không áp dụng", m?.Data ?? "Không có số liệu");
                    var target = rule.Target is > 0 ? rule.Target.Value : 100m;
                    var exact = Round(Math.Max(0, v) / target * criterion.Max);
                    var points = Math.Min(exact, criterion.Max);
                    return (points, $"{Number(v)}% ÷ {Number(target)}% × {Number(criterion.Max)} = {Number(exact)}" + (exact > criterion.Max ? $", tối đa {Number(criterion.Max)} điểm" : " điểm"), m!.Data);
                }
            case RuleKinds.YesNo:
                {
                    if (!facts.Inputs.TryGetValue(rule.Measure ?? criterion.Code, out var entry) || entry.Yes is null)
                        return (0, "Chưa được xác nhận → 0 điểm", "");
                    if (entry.Yes == false) return (0, "Không → 0 điểm", entry.Basis);
                    if (rule.EvidenceRequired && string.IsNullOrWhiteSpace(entry.Basis)) return (0, "Có, nhưng thiếu minh chứng → 0 điểm", "");
                    return (criterion.Max, $"Có → {Number(criterion.Max)} điểm", entry.Basis);
                }
            case RuleKinds.Manual:
                {
                    if (!facts.Inputs.TryGetValue(rule.Measure ?? criterion.Code, out var entry) || entry.Value is not { } value)
                        return (0, "Chưa chấm → 0 điểm", "");
                    var points = Math.Clamp(value, 0, criterion.Max);
                    return (points, $"Chấm {Number(points)}/{Number(criterion.Max)} điểm" + (points != value ? $" (đã nhập {Number(value)}, giới hạn trong 0–{Number(criterion.Max)})" : ""), entry.Basis);
                }
            default:
                return (null, $"Cách chấm \"{rule.Kind}\" không được hỗ trợ", "");
        }
    }

    private static bool Measured(ScoringRule rule, UnitFacts facts, out MeasureValue? measure, out decimal value)
    {
        measure = rule.Measure is { } name && facts.Measures.TryGetValue(name, out var m) ? m : null;
        value = measure?.Value ?? 0;
        return measure?.Value is not null;
    }

    /// <summary>"từ 90% đến dưới 100%", "từ 100% trở lên", "dưới 70%".</summary>
    public static string StepText(Step step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.To is not { } to) return $"từ {Number(step.From)}% trở lên";
        return step.From == 0 ? $"dưới {Number(to)}%" : $"từ {Number(step.From)}% đến dưới {Number(to)}%";
    }

    internal static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>A number the Vietnamese way: "8,5", "100".</summary>
    public static string Number(decimal value) => value.ToString("0.##", Vietnamese);
}
