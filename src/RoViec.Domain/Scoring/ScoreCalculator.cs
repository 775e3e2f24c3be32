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
        string? refused = null;
        foreach (var d in scheme.Deductions ?? [])
        {
            if (DeductionCount(d, facts) is not { } m || m.Value is not { } count || count <= 0) continue;
            var waived = d.WaivedBy is { } waiver && facts.Inputs.TryGetValue(waiver, out var allowance) ? allowance : null;
            if (waived is not null && !d.WaiverLiftsRefusalOnly)
            {
                deductions.Add(new Adjustment(d.Code, d.Name, 0, $"{m.Data}; được miễn trừ: {waived.Basis}"));
                continue;
            }
            if (d.RefuseAbove is { } limit && count > limit && waived is null)
            {
                refused = $"{m.Data}: quá {Number(limit)}, không tiếp nhận đánh giá ({d.Name})";
                deductions.Add(new Adjustment(d.Code, d.Name, 0, refused));
                continue;
            }
            var points = Round(d.PerUnit * count);
            var capped = d.Max is { } cap && points > cap;
            if (capped) points = d.Max!.Value;
            deductions.Add(new Adjustment(d.Code, d.Name, points,
                $"{m.Data}: {Number(count)} × {Number(d.PerUnit)} = {Number(Round(d.PerUnit * count))} điểm" + (capped ? $", trừ tối đa {Number(points)} điểm" : "")
                + (waived is not null && d.RefuseAbove is { } over && count > over ? $"; vẫn được tiếp nhận đánh giá theo văn bản chấp thuận: {waived.Basis}" : "")));
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

        // A self-assessment not accepted for evaluation scores nothing that month.
        var total = refused is not null ? 0 : Round(Math.Clamp(normalised - deductions.Sum(d => d.Points) + (bonus?.Points ?? 0), 0m, 100m));
        return new ScoreResult(lines, Round(raw), applicableMax, normalised, deductions, bonus, total, Round(total * scheme.HeadFactor), ClassOf(scheme, total), refused);
    }

    /// <summary>The count a deduction takes off by: its measure, or the office's input (its value, or 1 for a yes).</summary>
    private static MeasureValue? DeductionCount(Deduction d, UnitFacts facts)
    {
        if (d.Input is { } input)
            return facts.Inputs.TryGetValue(input, out var entry) ? new MeasureValue(entry.Value ?? (entry.Yes == true ? 1 : 0), entry.Basis) : null;
        return d.Measure is { } measure && facts.Measures.TryGetValue(measure, out var m) ? m : null;
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
        string? counted = null;
        foreach (var child in children)
        {
            var (points, childMax) = Walk(child, depth + 1, facts, lines);
            if (points is null) continue;
            // Alternatives: only the first that applies counts.
            if (criterion.OneOf && counted is not null) continue;
            counted ??= child.Code;
            sum = (sum ?? 0) + points.Value;
            max += childMax;
        }
        if (criterion.OneOf)
        {
            lines[at] = new ScoreLine(criterion.Code, criterion.Name, depth, criterion.Max, sum is null ? null : Round(sum.Value),
                sum is null ? "Không áp dụng (không tiêu chí thay thế nào áp dụng)" : $"Chấm theo tiêu chí {counted} (các tiêu chí con thay thế nhau, chỉ một tiêu chí được chấm)", "");
            return (sum is null ? null : Round(sum.Value), max);
        }
        var dropped = criterion.Max - max;
        lines[at] = new ScoreLine(criterion.Code, criterion.Name, depth, criterion.Max, sum is null ? null : Round(sum.Value),
            sum is null ? "Không áp dụng (không tiêu chí con nào áp dụng)"
                : dropped > 0 ? $"Cộng các tiêu chí con; {Number(dropped)} điểm không áp dụng" : "Cộng các tiêu chí con",
            "");
        return (sum is null ? null : Round(sum.Value), max);
    }

    private static (decimal? Points, string Explanation, string Data) Leaf(Criterion criterion, UnitFacts facts) =>
        criterion.Rule is { } rule ? Leaf(criterion, rule, facts) : (null, "Chưa có cách chấm", "");

    private static (decimal? Points, string Explanation, string Data) Leaf(Criterion criterion, ScoringRule rule, UnitFacts facts)
    {
        var missing = rule.NotApplicableWhenMissing ? ((decimal?)null, "Không áp dụng (không có số liệu nhập cho kỳ này)") : (0m, "Chưa nhập → 0 điểm");
        switch (rule.Kind)
        {
            case RuleKinds.Bands:
                {
                    if (!Measured(rule, facts, out var m, out var v))
                        return rule.Input is null ? (null, "Không áp dụng", m?.Data ?? "Không có số liệu") : (missing.Item1, missing.Item2, "");
                    var unit = rule.Unit ?? StepUnits.Percent;
                    if (v == 0 && rule.ZeroPoints is { } zero)
                        return (zero, $"{rule.ZeroText ?? ValueText(0, unit)} → {Number(zero)} điểm", m!.Data);
                    var step = (rule.Steps ?? []).FirstOrDefault(s => v >= s.From && (s.To is not { } to || v < to));
                    if (step is null) return (0, $"{ValueText(v, unit)} không thuộc bậc nào → 0 điểm", m!.Data);
                    return (step.Points, $"{ValueText(v, unit)} → {Number(step.Points)} điểm (bậc {StepText(step, unit)})", m!.Data);
                }
            case RuleKinds.Proportional:
                {
                    if (!Measured(rule, facts, out var m, out var v))
                        return rule.Input is null ? (null, "Không áp dụng", m?.Data ?? "Không có số liệu") : (missing.Item1, missing.Item2, "");
                    if (rule.Floor is { } floor && v < floor) return (0, $"{Number(v)}% dưới {Number(floor)}% → 0 điểm", m!.Data);
                    var target = rule.Target is > 0 ? rule.Target.Value : 100m;
                    var exact = Round(Math.Max(0, v) / target * criterion.Max);
                    var points = Math.Min(exact, criterion.Max);
                    return (points, $"{Number(v)}% ÷ {Number(target)}% × {Number(criterion.Max)} = {Number(exact)}" + (exact > criterion.Max ? $", tối đa {Number(criterion.Max)} điểm" : " điểm"), m!.Data);
                }
            case RuleKinds.YesNo:
                {
                    if (!facts.Inputs.TryGetValue(rule.Measure ?? criterion.Code, out var entry) || entry.Yes is null)
                        return rule.NotApplicableWhenMissing ? (null, missing.Item2, "") : (0, "Chưa được xác nhận → 0 điểm", "");
                    if (entry.Yes == false) return (0, "Không → 0 điểm", entry.Basis);
                    if (rule.EvidenceRequired && string.IsNullOrWhiteSpace(entry.Basis)) return (0, "Có, nhưng thiếu minh chứng → 0 điểm", "");
                    return (criterion.Max, $"Có → {Number(criterion.Max)} điểm", entry.Basis);
                }
            case RuleKinds.Manual:
                {
                    if (!facts.Inputs.TryGetValue(rule.Measure ?? criterion.Code, out var entry) || entry.Value is not { } value)
                        return rule.NotApplicableWhenMissing ? (null, missing.Item2, "") : (0, "Chưa chấm → 0 điểm", "");
                    var points = Math.Clamp(value, 0, criterion.Max);
                    return (points, $"Chấm {Number(points)}/{Number(criterion.Max)} điểm" + (points != value ? $" (đã nhập {Number(value)}, giới hạn trong 0–{Number(criterion.Max)})" : ""), entry.Basis);
                }
            case RuleKinds.Levels:
                {
                    if (!facts.Inputs.TryGetValue(rule.Input ?? criterion.Code, out var entry) || entry.Value is not { } value)
                        return (missing.Item1, missing.Item2, "");
                    var level = (rule.Levels ?? []).FirstOrDefault(l => l.Points == value);
                    return level is null
                        ? (0, $"{Number(value)} điểm không phải một mức của tiêu chí ({string.Join("; ", (rule.Levels ?? []).Select(l => Number(l.Points)))}) → 0 điểm", entry.Basis)
                        : (level.Points, $"{level.Text} → {Number(level.Points)} điểm", entry.Basis);
                }
            case RuleKinds.Variants:
                {
                    if (rule.ChooseBy is not { } chooser || !facts.Inputs.TryGetValue(chooser, out var entry) || entry.Yes is null)
                        return rule.NotApplicableWhenMissing ? (null, missing.Item2, "") : (0, "Chưa xác định đơn vị thuộc nhóm nào → 0 điểm", "");
                    var chosen = entry.Yes == true ? rule.IfYes : rule.IfNo;
                    if (chosen is null) return (null, "Không áp dụng", entry.Basis);
                    var (points, explanation, data) = Leaf(criterion, chosen, facts);
                    return (points, (chosen.Label is { } label ? label + ": " : "") + explanation, data);
                }
            default:
                return (null, $"Cách chấm \"{rule.Kind}\" không được hỗ trợ", "");
        }
    }

    private static bool Measured(ScoringRule rule, UnitFacts facts, out MeasureValue? measure, out decimal value)
    {
        measure = rule.Input is { } input
            ? (facts.Inputs.TryGetValue(input, out var entry) && entry.Value is not null ? new MeasureValue(entry.Value, entry.Basis) : null)
            : rule.Measure is { } name && facts.Measures.TryGetValue(name, out var m) ? m : null;
        value = measure?.Value ?? 0;
        return measure?.Value is not null;
    }

    private static string ValueText(decimal value, string unit) => unit == StepUnits.Count ? Number(value) : $"{Number(value)}%";

    /// <summary>"từ 50 đến dưới 100", "từ 100 trở lên" for a count; as <see cref="StepText(Step)"/> for a percentage.</summary>
    public static string StepText(Step step, string? unit)
    {
        ArgumentNullException.ThrowIfNull(step);
        var u = unit == StepUnits.Count ? "" : "%";
        if (step.To is not { } to) return $"từ {Number(step.From)}{u} trở lên";
        return step.From == 0 ? $"dưới {Number(to)}{u}" : $"từ {Number(step.From)}{u} đến dưới {Number(to)}{u}";
    }

    /// <summary>"từ 90% đến dưới 100%", "từ 100% trở lên", "dưới 70%".</summary>
    public static string StepText(Step step) => StepText(step, StepUnits.Percent);

    internal static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>A number the Vietnamese way: "8,5", "100".</summary>
    public static string Number(decimal value) => value.ToString("0.##", Vietnamese);
}
