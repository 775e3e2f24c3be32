using System.Globalization;

namespace RoViec.Domain.Scoring;

/// <summary>
/// Checks a scheme before it is saved: the top-level criteria add up to 100 and each group's children to the group;
/// each leaf has a known rule (band steps covering 0 upwards without gaps or overlaps, points within the maximum;
/// a known measure; a positive target); deductions, bonus, classes and tie rules are well formed. Every problem is
/// reported, in Vietnamese; an empty list means the scheme can be saved.
/// </summary>
public static class SchemeValidator
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static IReadOnlyList<string> Validate(SchemeDefinition scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var errors = new List<string>();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        if (scheme.Criteria is not { Count: > 0 })
            errors.Add("Bộ tiêu chí chưa có tiêu chí nào.");
        else
        {
            var sum = scheme.Criteria.Sum(c => c.Max);
            if (sum != 100)
                errors.Add($"Tổng điểm tối đa của các tiêu chí cấp 1 là {N(sum)}, phải bằng 100 ({string.Join(" + ", scheme.Criteria.Select(c => $"{c.Code} {N(c.Max)}"))}).");
            foreach (var c in scheme.Criteria) Check(c, errors, codes);
        }

        // A scheme that names a document carries its text, criterion by criterion.
        if (scheme.Source is { } source)
        {
            if (string.IsNullOrWhiteSpace(source.Document)) errors.Add("Nguồn của bộ tiêu chí (\"source\") chưa ghi tên văn bản (\"document\").");
            foreach (var leaf in Leaves(scheme.Criteria ?? []).Where(c => !Cited(c.Citation)))
                errors.Add($"Tiêu chí {leaf.Code} \"{leaf.Name}\": bộ tiêu chí ghi theo văn bản \"{source.Document}\" thì mỗi tiêu chí phải trích nguyên văn (\"citation\": mục và nội dung chấm điểm của văn bản).");
            foreach (var d in (scheme.Deductions ?? []).Where(d => !Cited(d.Citation)))
                errors.Add($"Điểm trừ {d.Code} \"{d.Name}\": bộ tiêu chí ghi theo văn bản \"{source.Document}\" thì mỗi điểm trừ phải trích nguyên văn (\"citation\").");
        }

        foreach (var d in scheme.Deductions ?? [])
        {
            var label = $"Điểm trừ \"{d.Name}\" ({d.Code})";
            Code(d.Code, label, errors, codes);
            if (string.IsNullOrWhiteSpace(d.Name)) errors.Add($"Điểm trừ {d.Code} chưa có tên.");
            if ((d.Measure is null) == (d.Input is null))
                errors.Add($"{label}: cần đúng một trong \"measure\" (số liệu tính từ báo cáo) hoặc \"input\" (cơ quan thường trực nhập).");
            else if (d.Measure is { } measure && !Measures.All.Contains(measure)) errors.Add($"{label}: số liệu \"{measure}\" không có; dùng một trong: {string.Join(", ", Measures.All)}.");
            if (d.PerUnit <= 0) errors.Add($"{label}: số điểm trừ mỗi lần phải lớn hơn 0.");
            if (d.Max is < 0) errors.Add($"{label}: mức trừ tối đa không được âm.");
            if (d.RefuseAbove is < 0) errors.Add($"{label}: ngưỡng không tiếp nhận đánh giá (\"refuseAbove\") không được âm.");
        }

        if (scheme.Bonus is { } b)
        {
            var label = $"Điểm thưởng \"{b.Name}\" ({b.Code})";
            Code(b.Code, label, errors, codes);
            if (!Measures.All.Contains(b.Measure)) errors.Add($"{label}: số liệu \"{b.Measure}\" không có; dùng một trong: {string.Join(", ", Measures.All)}.");
            if (b.PerUnit <= 0) errors.Add($"{label}: số điểm cộng mỗi lần phải lớn hơn 0.");
            if (b.Max <= 0) errors.Add($"{label}: mức cộng tối đa phải lớn hơn 0 (điểm thưởng phải có giới hạn).");
        }

        // A scheme for following up only may leave classes out; any classes given are still checked.
        if (!scheme.MonitoringOnly || scheme.Classes is { Count: > 0 }) CheckClasses(scheme.Classes, errors);

        var ties = scheme.TieBreakers ?? [];
        foreach (var t in ties.Where(t => !TieBreakers.All.Contains(t)))
            errors.Add($"Quy tắc xếp hạng khi bằng điểm \"{t}\" không có; dùng một trong: {string.Join(", ", TieBreakers.All)}.");
        if (ties.Contains(TieBreakers.Shared) && ties[^1] != TieBreakers.Shared)
            errors.Add($"Quy tắc \"{TieBreakers.Shared}\" (đồng hạng) phải đứng cuối danh sách quy tắc xếp hạng khi bằng điểm.");
        if (ties.Distinct(StringComparer.Ordinal).Count() != ties.Count)
            errors.Add("Một quy tắc xếp hạng khi bằng điểm được ghi hai lần.");

        if (scheme.HeadFactor is <= 0 or > 1)
            errors.Add($"Hệ số điểm của người đứng đầu là {N(scheme.HeadFactor)}, phải lớn hơn 0 và không quá 1.");
        return errors;
    }

    private static void Check(Criterion c, List<string> errors, HashSet<string> codes)
    {
        var label = $"Tiêu chí {c.Code} \"{c.Name}\"";
        Code(c.Code, $"Tiêu chí \"{c.Name}\"", errors, codes);
        if (string.IsNullOrWhiteSpace(c.Name)) errors.Add($"Tiêu chí {c.Code} chưa có tên.");
        if (c.Max <= 0) errors.Add($"{label}: điểm tối đa phải lớn hơn 0 (đang là {N(c.Max)}).");

        // JSON may say "children": null; it means none.
        var children = c.Children ?? [];
        if (children.Count > 0 && c.OneOf)
        {
            foreach (var x in children.Where(x => x.Max != c.Max))
                errors.Add($"{label}: các tiêu chí con thay thế nhau (\"oneOf\") nên mỗi tiêu chí con có điểm tối đa bằng tiêu chí cha ({N(c.Max)}); {x.Code} là {N(x.Max)}.");
            if (c.Rule is not null) errors.Add($"{label}: tiêu chí có tiêu chí con thì không có cách chấm riêng (điểm là tổng các tiêu chí con).");
            foreach (var child in children) Check(child, errors, codes);
            return;
        }
        if (c.OneOf) errors.Add($"{label}: \"oneOf\" chỉ dùng cho nhóm có tiêu chí con thay thế nhau.");
        if (children.Count > 0)
        {
            var sum = children.Sum(x => x.Max);
            if (sum != c.Max)
                errors.Add($"{label}: các tiêu chí con cộng lại {N(sum)} điểm, khác điểm tối đa {N(c.Max)} của tiêu chí ({string.Join(" + ", children.Select(x => $"{x.Code} {N(x.Max)}"))}).");
            if (c.Rule is not null) errors.Add($"{label}: tiêu chí có tiêu chí con thì không có cách chấm riêng (điểm là tổng các tiêu chí con).");
            foreach (var child in children) Check(child, errors, codes);
            return;
        }

        if (c.Rule is not { } rule)
        {
            errors.Add($"{label}: chưa có cách chấm (\"rule\": {string.Join(", ", RuleKinds.All)}).");
            return;
        }
        CheckRule(rule, c.Max, label, errors, nested: false);
    }

    private static void CheckRule(ScoringRule rule, decimal max, string label, List<string> errors, bool nested)
    {
        switch (rule.Kind)
        {
            case RuleKinds.Bands:
                ValueSource(rule, label, errors);
                if (rule.Unit is { } unit && !StepUnits.All.Contains(unit))
                    errors.Add($"{label}: đơn vị của bậc điểm \"{unit}\" không có; dùng một trong: {string.Join(", ", StepUnits.All)}.");
                if (rule.ZeroPoints is { } zero && (zero < 0 || zero > max)) errors.Add($"{label}: điểm khi giá trị bằng 0 là {N(zero)}, phải trong khoảng 0 đến {N(max)}.");
                CheckSteps(rule.Steps ?? [], max, label, errors);
                break;
            case RuleKinds.Proportional:
                ValueSource(rule, label, errors);
                if (rule.Target is not > 0) errors.Add($"{label}: cách chấm theo tỷ lệ cần mức chuẩn (\"target\") lớn hơn 0, ví dụ 85 cho \"tỷ lệ giải ngân ÷ 85% × điểm tối đa\".");
                else if (rule.Floor is { } floor && (floor < 0 || floor >= rule.Target)) errors.Add($"{label}: ngưỡng dưới (\"floor\") {N(floor)} phải từ 0 và nhỏ hơn mức chuẩn {N(rule.Target.Value)}.");
                break;
            case RuleKinds.YesNo or RuleKinds.Manual:
                break;
            case RuleKinds.Levels:
                if (rule.Levels is not { Count: > 0 } levels) errors.Add($"{label}: cách chấm theo mức cần danh sách mức (\"levels\").");
                else
                {
                    foreach (var l in levels.Where(l => l.Points < 0 || l.Points > max)) errors.Add($"{label}: mức \"{l.Text}\" cho {N(l.Points)} điểm, phải trong khoảng 0 đến {N(max)}.");
                    if (levels.Select(l => l.Points).Distinct().Count() != levels.Count) errors.Add($"{label}: hai mức cùng số điểm.");
                    if (levels.Any(l => string.IsNullOrWhiteSpace(l.Text))) errors.Add($"{label}: một mức chưa có nội dung.");
                }
                break;
            case RuleKinds.Variants when nested:
                errors.Add($"{label}: cách chấm theo nhóm đơn vị không lồng vào nhau được.");
                break;
            case RuleKinds.Variants:
                if (string.IsNullOrWhiteSpace(rule.ChooseBy)) errors.Add($"{label}: cách chấm theo nhóm đơn vị cần mã câu hỏi có/không chọn nhóm (\"chooseBy\").");
                if (rule.IfYes is null || rule.IfNo is null) errors.Add($"{label}: cách chấm theo nhóm đơn vị cần cả \"ifYes\" và \"ifNo\".");
                if (rule.IfYes is { } yes) CheckRule(yes, max, $"{label} ({yes.Label ?? "khi có"})", errors, nested: true);
                if (rule.IfNo is { } no) CheckRule(no, max, $"{label} ({no.Label ?? "khi không"})", errors, nested: true);
                break;
            default:
                errors.Add($"{label}: cách chấm \"{rule.Kind}\" không có; dùng một trong: {string.Join(", ", RuleKinds.All)}.");
                break;
        }
    }

    /// <summary>A bands or proportional rule reads a known measure, or else an input of the office.</summary>
    private static void ValueSource(ScoringRule rule, string label, List<string> errors)
    {
        if (rule.Input is not null)
        {
            if (rule.Measure is not null) errors.Add($"{label}: chỉ ghi một trong \"measure\" hoặc \"input\".");
            return;
        }
        if (rule.Measure is null || !Measures.All.Contains(rule.Measure))
            errors.Add($"{label}: số liệu \"{rule.Measure}\" không có; dùng một trong: {string.Join(", ", Measures.All)}.");
    }

    private static bool Cited(Citation? c) => c is not null && !string.IsNullOrWhiteSpace(c.Section) && !string.IsNullOrWhiteSpace(c.Text);

    /// <summary>The criteria scored by a rule (those without children).</summary>
    public static IEnumerable<Criterion> Leaves(IEnumerable<Criterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        foreach (var c in criteria)
        {
            if ((c.Children ?? []).Count == 0) yield return c;
            else foreach (var leaf in Leaves(c.Children!)) yield return leaf;
        }
    }

    /// <summary>Steps must start at 0, follow each other without a gap or an overlap, and end open ("trở lên").</summary>
    private static void CheckSteps(IReadOnlyList<Step> steps, decimal max, string label, List<string> errors)
    {
        if (steps.Count == 0)
        {
            errors.Add($"{label}: bảng bậc điểm trống.");
            return;
        }
        foreach (var s in steps)
        {
            if (s.To is { } to && to <= s.From) errors.Add($"{label}: bậc {ScoreCalculator.StepText(s)} có cận trên không lớn hơn cận dưới.");
            if (s.Points < 0 || s.Points > max) errors.Add($"{label}: bậc {ScoreCalculator.StepText(s)} cho {N(s.Points)} điểm, phải trong khoảng 0 đến {N(max)}.");
        }
        var ordered = steps.OrderBy(s => s.From).ToList();
        if (ordered[0].From != 0) errors.Add($"{label}: bảng bậc điểm bỏ trống từ 0% đến dưới {N(ordered[0].From)}% (bậc thấp nhất phải bắt đầu từ 0).");
        for (var i = 0; i + 1 < ordered.Count; i++)
        {
            var (a, b) = (ordered[i], ordered[i + 1]);
            if (a.To is not { } end)
                errors.Add($"{label}: bậc {ScoreCalculator.StepText(a)} chồng lên bậc {ScoreCalculator.StepText(b)}.");
            else if (end < b.From)
                errors.Add($"{label}: bảng bậc điểm bị hở từ {N(end)}% đến dưới {N(b.From)}% (không bậc nào chấm khoảng này).");
            else if (end > b.From)
                errors.Add($"{label}: bậc {ScoreCalculator.StepText(a)} chồng lên bậc {ScoreCalculator.StepText(b)} (từ {N(b.From)}% đến dưới {N(end)}%).");
        }
        if (ordered[^1].To is { } top)
            errors.Add($"{label}: bảng bậc điểm không chấm giá trị từ {N(top)}% trở lên (bậc cao nhất phải để trống cận trên: \"to\": null).");
    }

    private static void CheckClasses(IReadOnlyList<ClassBand>? classes, List<string> errors)
    {
        if (classes is not { Count: > 0 })
        {
            errors.Add("Chưa có bảng xếp loại (\"classes\"), ví dụ A từ 90, B từ 75, C từ 50, D từ 0.");
            return;
        }
        foreach (var c in classes)
        {
            if (string.IsNullOrWhiteSpace(c.Label)) errors.Add("Một mức xếp loại chưa có tên.");
            if (c.Min is < 0 or > 100) errors.Add($"Mức xếp loại \"{c.Label}\" bắt đầu từ {N(c.Min)} điểm, phải trong khoảng 0 đến 100.");
        }
        if (classes.Select(c => c.Label.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != classes.Count)
            errors.Add("Hai mức xếp loại trùng tên.");
        foreach (var g in classes.GroupBy(c => c.Min).Where(g => g.Count() > 1))
            errors.Add($"Các mức xếp loại {string.Join(", ", g.Select(c => $"\"{c.Label}\""))} cùng bắt đầu từ {N(g.Key)} điểm (chồng lên nhau).");
        if (!classes.Any(c => c.Min == 0))
            errors.Add($"Bảng xếp loại bỏ trống từ 0 đến dưới {N(classes.Min(c => c.Min))} điểm: mức thấp nhất phải bắt đầu từ 0.");
    }

    private static void Code(string? code, string label, List<string> errors, HashSet<string> codes)
    {
        if (string.IsNullOrWhiteSpace(code)) errors.Add($"{label} chưa có mã (\"code\").");
        else if (!codes.Add(code)) errors.Add($"Mã \"{code}\" được dùng hai lần; mỗi tiêu chí, điểm trừ, điểm thưởng cần một mã riêng.");
    }

    private static string N(decimal value) => value.ToString("0.##", Vietnamese);
}
