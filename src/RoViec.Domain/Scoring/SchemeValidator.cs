namespace RoViec.Domain.Scoring;

/// <summary>
/// Checks a scheme before it is saved: the top-level criteria add up to 100 and each group's children to the group;
/// each leaf has a known rule (band steps covering 0 upwards without gaps or overlaps, points within the maximum;
/// a known measure; a positive target); deductions, bonus, classes and tie rules are well formed. Every problem is
/// reported (<see cref="Problems"/>: a Vietnamese format and its arguments, which a page writes in its reader's
/// language; <see cref="Validate"/>: the Vietnamese sentences); an empty list means the scheme can be saved.
/// </summary>
public static class SchemeValidator
{
    /// <summary>Every problem, as Vietnamese sentences.</summary>
    public static IReadOnlyList<string> Validate(SchemeDefinition scheme) => [.. Problems(scheme).Select(p => p.ToString())];

    /// <summary>Every problem, each a format and its arguments.</summary>
    public static IReadOnlyList<SchemeProblem> Problems(SchemeDefinition scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var errors = new List<SchemeProblem>();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        if (scheme.Criteria is not { Count: > 0 })
            errors.Add(new SchemeProblem("Bộ tiêu chí chưa có tiêu chí nào."));
        else
        {
            var sum = scheme.Criteria.Sum(c => c.Max);
            if (sum != 100)
                errors.Add(new SchemeProblem("Tổng điểm tối đa của các tiêu chí cấp 1 là {0:0.##}, phải bằng 100 ({1}).", sum, Points(scheme.Criteria)));
            foreach (var c in scheme.Criteria) Check(c, errors, codes);
        }

        // A scheme that names a document carries its text, criterion by criterion.
        if (scheme.Source is { } source)
        {
            if (string.IsNullOrWhiteSpace(source.Document)) errors.Add(new SchemeProblem("Nguồn của bộ tiêu chí (\"source\") chưa ghi tên văn bản (\"document\")."));
            foreach (var leaf in Leaves(scheme.Criteria ?? []).Where(c => !Cited(c.Citation)))
                errors.Add(new SchemeProblem("Tiêu chí {0} \"{1}\": bộ tiêu chí ghi theo văn bản \"{2}\" thì mỗi tiêu chí phải trích nguyên văn (\"citation\": mục và nội dung chấm điểm của văn bản).",
                    leaf.Code, leaf.Name, source.Document));
            foreach (var d in (scheme.Deductions ?? []).Where(d => !Cited(d.Citation)))
                errors.Add(new SchemeProblem("Điểm trừ {0} \"{1}\": bộ tiêu chí ghi theo văn bản \"{2}\" thì mỗi điểm trừ phải trích nguyên văn (\"citation\").", d.Code, d.Name, source.Document));
        }

        foreach (var d in scheme.Deductions ?? [])
        {
            var label = new SchemeProblem("Điểm trừ \"{0}\" ({1})", d.Name, d.Code);
            Code(d.Code, label, errors, codes);
            if (string.IsNullOrWhiteSpace(d.Name)) errors.Add(new SchemeProblem("Điểm trừ {0} chưa có tên.", d.Code));
            if ((d.Measure is null) == (d.Input is null))
                errors.Add(new SchemeProblem("{0}: cần đúng một trong \"measure\" (số liệu tính từ báo cáo) hoặc \"input\" (cơ quan thường trực nhập).", label));
            else if (d.Measure is { } measure && !Measures.All.Contains(measure)) errors.Add(UnknownMeasure(label, measure));
            if (d.PerUnit <= 0) errors.Add(new SchemeProblem("{0}: số điểm trừ mỗi lần phải lớn hơn 0.", label));
            if (d.Max is < 0) errors.Add(new SchemeProblem("{0}: mức trừ tối đa không được âm.", label));
            if (d.RefuseAbove is < 0) errors.Add(new SchemeProblem("{0}: ngưỡng không tiếp nhận đánh giá (\"refuseAbove\") không được âm.", label));
        }

        if (scheme.Bonus is { } b)
        {
            var label = new SchemeProblem("Điểm thưởng \"{0}\" ({1})", b.Name, b.Code);
            Code(b.Code, label, errors, codes);
            if (!Measures.All.Contains(b.Measure)) errors.Add(UnknownMeasure(label, b.Measure));
            if (b.PerUnit <= 0) errors.Add(new SchemeProblem("{0}: số điểm cộng mỗi lần phải lớn hơn 0.", label));
            if (b.Max <= 0) errors.Add(new SchemeProblem("{0}: mức cộng tối đa phải lớn hơn 0 (điểm thưởng phải có giới hạn).", label));
        }

        // A scheme for following up only may leave classes out; any classes given are still checked.
        if (!scheme.MonitoringOnly || scheme.Classes is { Count: > 0 }) CheckClasses(scheme.Classes, errors);

        var ties = scheme.TieBreakers ?? [];
        foreach (var t in ties.Where(t => !TieBreakers.All.Contains(t)))
            errors.Add(new SchemeProblem("Quy tắc xếp hạng khi bằng điểm \"{0}\" không có; dùng một trong: {1}.", t, string.Join(", ", TieBreakers.All)));
        if (ties.Contains(TieBreakers.Shared) && ties[^1] != TieBreakers.Shared)
            errors.Add(new SchemeProblem("Quy tắc \"{0}\" (đồng hạng) phải đứng cuối danh sách quy tắc xếp hạng khi bằng điểm.", TieBreakers.Shared));
        if (ties.Distinct(StringComparer.Ordinal).Count() != ties.Count)
            errors.Add(new SchemeProblem("Một quy tắc xếp hạng khi bằng điểm được ghi hai lần."));

        if (scheme.HeadFactor is <= 0 or > 1)
            errors.Add(new SchemeProblem("Hệ số điểm của người đứng đầu là {0:0.##}, phải lớn hơn 0 và không quá 1.", scheme.HeadFactor));
        return errors;
    }

    private static void Check(Criterion c, List<SchemeProblem> errors, HashSet<string> codes)
    {
        var label = new SchemeProblem("Tiêu chí {0} \"{1}\"", c.Code, c.Name);
        Code(c.Code, new SchemeProblem("Tiêu chí \"{0}\"", c.Name), errors, codes);
        if (string.IsNullOrWhiteSpace(c.Name)) errors.Add(new SchemeProblem("Tiêu chí {0} chưa có tên.", c.Code));
        if (c.Max <= 0) errors.Add(new SchemeProblem("{0}: điểm tối đa phải lớn hơn 0 (đang là {1:0.##}).", label, c.Max));

        // JSON may say "children": null; it means none.
        var children = c.Children ?? [];
        if (children.Count > 0 && c.OneOf)
        {
            foreach (var x in children.Where(x => x.Max != c.Max))
                errors.Add(new SchemeProblem("{0}: các tiêu chí con thay thế nhau (\"oneOf\") nên mỗi tiêu chí con có điểm tối đa bằng tiêu chí cha ({1:0.##}); {2} là {3:0.##}.",
                    label, c.Max, x.Code, x.Max));
            if (c.Rule is not null) errors.Add(new SchemeProblem("{0}: tiêu chí có tiêu chí con thì không có cách chấm riêng (điểm là tổng các tiêu chí con).", label));
            foreach (var child in children) Check(child, errors, codes);
            return;
        }
        if (c.OneOf) errors.Add(new SchemeProblem("{0}: \"oneOf\" chỉ dùng cho nhóm có tiêu chí con thay thế nhau.", label));
        if (children.Count > 0)
        {
            var sum = children.Sum(x => x.Max);
            if (sum != c.Max)
                errors.Add(new SchemeProblem("{0}: các tiêu chí con cộng lại {1:0.##} điểm, khác điểm tối đa {2:0.##} của tiêu chí ({3}).", label, sum, c.Max, Points(children)));
            if (c.Rule is not null) errors.Add(new SchemeProblem("{0}: tiêu chí có tiêu chí con thì không có cách chấm riêng (điểm là tổng các tiêu chí con).", label));
            foreach (var child in children) Check(child, errors, codes);
            return;
        }

        if (c.Rule is not { } rule)
        {
            errors.Add(new SchemeProblem("{0}: chưa có cách chấm (\"rule\": {1}).", label, string.Join(", ", RuleKinds.All)));
            return;
        }
        CheckRule(rule, c.Max, label, errors, nested: false);
    }

    private static void CheckRule(ScoringRule rule, decimal max, SchemeProblem label, List<SchemeProblem> errors, bool nested)
    {
        switch (rule.Kind)
        {
            case RuleKinds.Bands:
                ValueSource(rule, label, errors);
                if (rule.Unit is { } unit && !StepUnits.All.Contains(unit))
                    errors.Add(new SchemeProblem("{0}: đơn vị của bậc điểm \"{1}\" không có; dùng một trong: {2}.", label, unit, string.Join(", ", StepUnits.All)));
                if (rule.ZeroPoints is { } zero && (zero < 0 || zero > max))
                    errors.Add(new SchemeProblem("{0}: điểm khi giá trị bằng 0 là {1:0.##}, phải trong khoảng 0 đến {2:0.##}.", label, zero, max));
                CheckSteps(rule.Steps ?? [], max, label, errors);
                break;
            case RuleKinds.Proportional:
                ValueSource(rule, label, errors);
                if (rule.Target is not > 0)
                    errors.Add(new SchemeProblem("{0}: cách chấm theo tỷ lệ cần mức chuẩn (\"target\") lớn hơn 0, ví dụ 85 cho \"tỷ lệ giải ngân ÷ 85% × điểm tối đa\".", label));
                else if (rule.Floor is { } floor && (floor < 0 || floor >= rule.Target))
                    errors.Add(new SchemeProblem("{0}: ngưỡng dưới (\"floor\") {1:0.##} phải từ 0 và nhỏ hơn mức chuẩn {2:0.##}.", label, floor, rule.Target.Value));
                break;
            case RuleKinds.YesNo or RuleKinds.Manual:
                break;
            case RuleKinds.Levels:
                if (rule.Levels is not { Count: > 0 } levels) errors.Add(new SchemeProblem("{0}: cách chấm theo mức cần danh sách mức (\"levels\").", label));
                else
                {
                    foreach (var l in levels.Where(l => l.Points < 0 || l.Points > max))
                        errors.Add(new SchemeProblem("{0}: mức \"{1}\" cho {2:0.##} điểm, phải trong khoảng 0 đến {3:0.##}.", label, l.Text, l.Points, max));
                    if (levels.Select(l => l.Points).Distinct().Count() != levels.Count) errors.Add(new SchemeProblem("{0}: hai mức cùng số điểm.", label));
                    if (levels.Any(l => string.IsNullOrWhiteSpace(l.Text))) errors.Add(new SchemeProblem("{0}: một mức chưa có nội dung.", label));
                }
                break;
            case RuleKinds.Variants when nested:
                errors.Add(new SchemeProblem("{0}: cách chấm theo nhóm đơn vị không lồng vào nhau được.", label));
                break;
            case RuleKinds.Variants:
                if (string.IsNullOrWhiteSpace(rule.ChooseBy))
                    errors.Add(new SchemeProblem("{0}: cách chấm theo nhóm đơn vị cần mã câu hỏi có/không chọn nhóm (\"chooseBy\").", label));
                if (rule.IfYes is null || rule.IfNo is null) errors.Add(new SchemeProblem("{0}: cách chấm theo nhóm đơn vị cần cả \"ifYes\" và \"ifNo\".", label));
                if (rule.IfYes is { } yes) CheckRule(yes, max, new SchemeProblem("{0} ({1})", label, yes.Label ?? (object)new SchemeProblem("khi có")), errors, nested: true);
                if (rule.IfNo is { } no) CheckRule(no, max, new SchemeProblem("{0} ({1})", label, no.Label ?? (object)new SchemeProblem("khi không")), errors, nested: true);
                break;
            default:
                errors.Add(new SchemeProblem("{0}: cách chấm \"{1}\" không có; dùng một trong: {2}.", label, rule.Kind, string.Join(", ", RuleKinds.All)));
                break;
        }
    }

    /// <summary>A bands or proportional rule reads a known measure, or else an input of the office.</summary>
    private static void ValueSource(ScoringRule rule, SchemeProblem label, List<SchemeProblem> errors)
    {
        if (rule.Input is not null)
        {
            if (rule.Measure is not null) errors.Add(new SchemeProblem("{0}: chỉ ghi một trong \"measure\" hoặc \"input\".", label));
            return;
        }
        if (rule.Measure is null || !Measures.All.Contains(rule.Measure)) errors.Add(UnknownMeasure(label, rule.Measure));
    }

    private static SchemeProblem UnknownMeasure(SchemeProblem label, string? measure) =>
        new("{0}: số liệu \"{1}\" không có; dùng một trong: {2}.", label, measure, string.Join(", ", Measures.All));

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
    private static void CheckSteps(IReadOnlyList<Step> steps, decimal max, SchemeProblem label, List<SchemeProblem> errors)
    {
        if (steps.Count == 0)
        {
            errors.Add(new SchemeProblem("{0}: bảng bậc điểm trống.", label));
            return;
        }
        foreach (var s in steps)
        {
            if (s.To is { } to && to <= s.From) errors.Add(new SchemeProblem("{0}: bậc {1} có cận trên không lớn hơn cận dưới.", label, Range(s)));
            if (s.Points < 0 || s.Points > max)
                errors.Add(new SchemeProblem("{0}: bậc {1} cho {2:0.##} điểm, phải trong khoảng 0 đến {3:0.##}.", label, Range(s), s.Points, max));
        }
        var ordered = steps.OrderBy(s => s.From).ToList();
        if (ordered[0].From != 0)
            errors.Add(new SchemeProblem("{0}: bảng bậc điểm bỏ trống từ 0% đến dưới {1:0.##}% (bậc thấp nhất phải bắt đầu từ 0).", label, ordered[0].From));
        for (var i = 0; i + 1 < ordered.Count; i++)
        {
            var (a, b) = (ordered[i], ordered[i + 1]);
            if (a.To is not { } end)
                errors.Add(new SchemeProblem("{0}: bậc {1} chồng lên bậc {2}.", label, Range(a), Range(b)));
            else if (end < b.From)
                errors.Add(new SchemeProblem("{0}: bảng bậc điểm bị hở từ {1:0.##}% đến dưới {2:0.##}% (không bậc nào chấm khoảng này).", label, end, b.From));
            else if (end > b.From)
                errors.Add(new SchemeProblem("{0}: bậc {1} chồng lên bậc {2} (từ {3:0.##}% đến dưới {4:0.##}%).", label, Range(a), Range(b), b.From, end));
        }
        if (ordered[^1].To is { } top)
            errors.Add(new SchemeProblem("{0}: bảng bậc điểm không chấm giá trị từ {1:0.##}% trở lên (bậc cao nhất phải để trống cận trên: \"to\": null).", label, top));
    }

    /// <summary>A step's range as <see cref="ScoreCalculator.StepText(Step)"/> writes it in Vietnamese: "từ 90% đến dưới 100%", "từ 100% trở lên", "dưới 70%".</summary>
    private static SchemeProblem Range(Step step) =>
        step.To is not { } to ? new("từ {0:0.##}% trở lên", step.From)
        : step.From == 0 ? new("dưới {0:0.##}%", to)
        : new("từ {0:0.##}% đến dưới {1:0.##}%", step.From, to);

    private static void CheckClasses(IReadOnlyList<ClassBand>? classes, List<SchemeProblem> errors)
    {
        if (classes is not { Count: > 0 })
        {
            errors.Add(new SchemeProblem("Chưa có bảng xếp loại (\"classes\"), ví dụ A từ 90, B từ 75, C từ 50, D từ 0."));
            return;
        }
        foreach (var c in classes)
        {
            if (string.IsNullOrWhiteSpace(c.Label)) errors.Add(new SchemeProblem("Một mức xếp loại chưa có tên."));
            if (c.Min is < 0 or > 100) errors.Add(new SchemeProblem("Mức xếp loại \"{0}\" bắt đầu từ {1:0.##} điểm, phải trong khoảng 0 đến 100.", c.Label, c.Min));
        }
        if (classes.Select(c => c.Label.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != classes.Count)
            errors.Add(new SchemeProblem("Hai mức xếp loại trùng tên."));
        foreach (var g in classes.GroupBy(c => c.Min).Where(g => g.Count() > 1))
            errors.Add(new SchemeProblem("Các mức xếp loại {0} cùng bắt đầu từ {1:0.##} điểm (chồng lên nhau).", string.Join(", ", g.Select(c => $"\"{c.Label}\"")), g.Key));
        if (!classes.Any(c => c.Min == 0))
            errors.Add(new SchemeProblem("Bảng xếp loại bỏ trống từ 0 đến dưới {0:0.##} điểm: mức thấp nhất phải bắt đầu từ 0.", classes.Min(c => c.Min)));
    }

    private static void Code(string? code, SchemeProblem label, List<SchemeProblem> errors, HashSet<string> codes)
    {
        if (string.IsNullOrWhiteSpace(code)) errors.Add(new SchemeProblem("{0} chưa có mã (\"code\").", label));
        else if (!codes.Add(code)) errors.Add(new SchemeProblem("Mã \"{0}\" được dùng hai lần; mỗi tiêu chí, điểm trừ, điểm thưởng cần một mã riêng.", code));
    }

    private static PointsList Points(IEnumerable<Criterion> criteria) => new([.. criteria.Select(c => (c.Code, c.Max))]);
}
