using System.Text.RegularExpressions;
using RoViec.Domain.Indicators;
using RoViec.Domain.Text;

namespace RoViec.Import.Parsing;

/// <summary>
/// Numeric targets in running text: "100% cán bộ có chữ ký số", "Tối thiểu 90% nhiệm vụ ...",
/// "đạt 11-12,5%", "tăng tối thiểu 25 - 35% ... so với năm 2025", "tối thiểu 03 bài toán",
/// "75-80 triệu đồng/người/năm". Each clause (split at ";", sentence ends and "(1)" markers) gives
/// at most one indicator per target it contains; the name is the clause without the target.
/// </summary>
internal static partial class IndicatorFinder
{
    public static void FindInLine(Line line, string section, string? owner, List<IndicatorDraft> into) =>
        Find(line.Text, (s, l) => line.SpanOf(s, l), section, owner, into, product: false);

    /// <param name="context">For an output cell, the task it belongs to: a target restated there is compared with the plan's goals by it.</param>
    public static void FindInCell(Cell cell, string section, string? owner, List<IndicatorDraft> into, string? context = null, int? row = null)
    {
        var before = into.Count;
        // A product cell that opens with a number states how many ("12 bộ máy tính"): a count even without "tối thiểu" or "02".
        Find(cell.Text, (s, l) => new SourceSpan(cell.Span.Start + s, l), section, owner, into, product: context is not null);
        for (var i = before; i < into.Count; i++)
        {
            into[i].Context = context;
            into[i].Row = row;
        }
    }

    private static void Find(string text, Func<int, int, SourceSpan> span, string section, string? owner, List<IndicatorDraft> into, bool product)
    {
        if (!QuickRegex().IsMatch(text)) return;
        string? topic = null;
        foreach (var (clauseStart, clause) in Clauses(text))
        {
            // A real clause is a sentence or two; a run-on of thousands of characters is not read for targets.
            if (clause.Length > 1500) continue;
            if (FindStages(clause, clauseStart, span, section, owner, into)) continue;
            var ranks = FindRanks(clause, clauseStart, span, section, owner, into);
            foreach (Match m in TargetRegex().Matches(clause))
            {
                if (!IsTarget(clause, m, product && clauseStart == 0 && m.Index == 0)) continue;
                // "thuộc top 03 khu vực …" was read as a rank above; its number is not also a count.
                if (ranks.Exists(r => m.Index < r.Index + r.Length && r.Index < m.Index + m.Length)) continue;
                var qualifier = m.Groups["q"].Value.Trim();
                var number = m.Groups["num"].Value.Trim();
                var unit = m.Groups["unit"].Value;
                string raw;
                var increase = qualifier.StartsWith("tăng", StringComparison.OrdinalIgnoreCase) || qualifier.StartsWith("giảm", StringComparison.OrdinalIgnoreCase) ? BaselineRegex().Match(clause, m.Index) : Match.Empty;
                // A count inside a percentage target ("70% hộ có ít nhất 01 người …") is a condition, not a target.
                if (m.Groups["count"].Success && HasPercent(clause)) continue;
                if (increase.Success) raw = $"{qualifier} {number} ... {increase.Value}";
                else raw = VietnameseText.Squash($"{qualifier} {number}{unit}{m.Groups["more"].Value}".Trim()).TrimEnd(':', ' ');
                var target = TargetParser.Parse(raw);
                if (target is null) continue;
                if (m.Groups["count"].Success && target.Unit == TargetUnit.Percent) continue;

                var name = NameOf(clause, m, increase, ref topic);
                if (VietnameseText.Fold(name).Length < 6) continue;
                into.Add(new IndicatorDraft
                {
                    Section = section,
                    Name = name,
                    TargetRaw = raw,
                    Target = target,
                    Owner = owner,
                    Span = span(clauseStart, clause.Length),
                    TargetSpan = span(clauseStart + m.Index, m.Length),
                });
            }
        }
    }

    /// <summary>
    /// A target staged by period: "Tỷ lệ …: năm 2026 đạt 80%, năm 2027 đạt 90%" or "… Quý II/2026 đạt 50%, Quý IV/2026
    /// đạt 70%" gives one indicator per stage, named with its period. True when the clause was read this way.
    /// </summary>
    private static bool FindStages(string clause, int clauseStart, Func<int, int, SourceSpan> span, string section, string? owner, List<IndicatorDraft> into)
    {
        var stages = StageRegex().Matches(clause);
        if (stages.Count < 2) return false;
        var subject = LeadFillerRegex().Replace(clause[..stages[0].Index], "");
        subject = Parenthetical().Replace(subject, " ");
        subject = VietnameseText.Squash(subject).Trim(' ', ',', ':', ';', '-');
        if (VietnameseText.Fold(subject).Split(' ').Length < 2) return false;
        var found = 0;
        foreach (Match stage in stages)
        {
            var target = stage.Groups["target"];
            var raw = VietnameseText.Squash(target.Value).Trim();
            if (TargetParser.Parse(raw) is not { } parsed) continue;
            found++;
            into.Add(new IndicatorDraft
            {
                Section = section,
                Name = subject + " " + VietnameseText.Squash(stage.Groups["period"].Value),
                TargetRaw = raw,
                Target = parsed,
                Owner = owner,
                Span = span(clauseStart, clause.Length),
                TargetSpan = span(clauseStart + target.Index, target.Length),
            });
        }
        return found >= 2;
    }

    /// <summary>
    /// A rank: "Chỉ số DTI của tỉnh thuộc top 10 cả nước", "thuộc nhóm ≤ 3 Đông Nam Á" — at most that place, never a count.
    /// The name is what is ranked and where ("Chỉ số DTI của tỉnh xếp hạng cả nước").
    /// </summary>
    private static List<(int Index, int Length)> FindRanks(string clause, int clauseStart, Func<int, int, SourceSpan> span, string section, string? owner, List<IndicatorDraft> into)
    {
        var found = new List<(int, int)>();
        foreach (Match m in RankRegex().Matches(clause))
        {
            found.Add((m.Index, m.Length));
            var number = m.Groups["num"];
            var value = TargetParser.ParseNumber(number.Value);
            var rank = m.Groups["rank"];
            var before = LeadFillerRegex().Replace(Parenthetical().Replace(clause[..m.Index], " "), "");
            before = RankVerbRegex().Replace(VietnameseText.Squash(before).Trim(' ', ',', ':', '-'), "");
            var after = clause[(m.Index + m.Length)..];
            var cut = after.IndexOfAny([',', '.', '(']);
            after = VietnameseText.Squash(cut >= 0 ? after[..cut] : after).Trim(' ', ',', '.', ';', ':');
            var joiner = before.StartsWith("xếp hạng", StringComparison.OrdinalIgnoreCase) ? " " : " xếp hạng ";
            var name = VietnameseText.Squash(before + (after.Length > 0 ? joiner + after : "")).Trim(' ', ',', ':', ';', '.');
            if (VietnameseText.Fold(name).Length < 6) continue;
            into.Add(new IndicatorDraft
            {
                Section = section,
                Name = name,
                TargetRaw = VietnameseText.Squash(rank.Value),
                Target = new Target(TargetOp.AtMost, value, null, TargetUnit.Other, "hạng", null),
                Owner = owner,
                Span = span(clauseStart, clause.Length),
                TargetSpan = span(clauseStart + rank.Index, rank.Length),
            });
        }
        return found;
    }

    /// <summary>Numbers that are names or scopes, not targets: "Đề án 06", "trong 04 khối", "mức độ 2".</summary>
    private static bool IsTarget(string clause, Match m, bool opensProduct)
    {
        if (m.Groups["count"].Success)
        {
            var noun = m.Groups["noun"].Value.ToLowerInvariant();
            var qualified = m.Groups["q"].Value.Trim().Length > 0;
            // "không quá 01 lần/năm": a capped number of times per period is a target, though "lần" alone is not counted.
            if (NotCountNouns.Contains(noun) && !(qualified && IsRate(clause, m))) return false;
            // "07 nhóm nhiệm vụ, giải pháp", "02 nhóm thủ tục hành chính": how the plan groups its work, a scope.
            if (noun == "nhóm" && ScopeGroupRegex().IsMatch(clause, m.Groups["noun"].Index + m.Groups["noun"].Length)) return false;
            var padded = m.Groups["num"].Value.StartsWith('0');
            if (!qualified && !padded && !opensProduct) return false;
            var before = clause[..m.Index].TrimEnd();
            var lastWord = before.Length == 0 ? "" : before[(before.LastIndexOf(' ') + 1)..].ToLowerInvariant();
            if (!qualified && NotCountPreceding.Contains(lastWord)) return false;
        }
        return true;
    }

    private static readonly HashSet<string> NotCountNouns = new(StringComparer.Ordinal)
    {
        "năm", "tháng", "ngày", "quý", "lần", "giờ", "con", "cấp", "mức", "bước", "tuần", "phút", "độ", "kỳ", "khóa", "khoá", "giai", "tuổi",
        // "đạt từ 3 sao trở lên" rates the things counted (OCOP stars), like "mức độ 2".
        "sao",
    };

    /// <summary>"02 cuộc/năm", "01 lần/năm", "04 tin, bài/tháng", "01 khóa bồi dưỡng trong năm": a count per period.</summary>
    private static bool IsRate(string clause, Match m)
    {
        var counted = clause[(m.Groups["noun"].Index)..];
        return RateRegex().IsMatch(counted) || WithinPeriodRegex().IsMatch(counted);
    }

    private static readonly HashSet<string> NotCountPreceding = new(StringComparer.Ordinal)
    {
        "trong", "của", "tại", "theo", "số", "án", "kỳ", "đoạn", "thứ", "lần", "và", "với", "tới", "đến",
    };

    private static IEnumerable<(int Start, string Text)> Clauses(string text)
    {
        var start = 0;
        var depth = ParenthesisDepth(text);
        foreach (Match m in ClauseSplitRegex().Matches(text))
        {
            if (depth[m.Index] > 0) continue;
            if (m.Index > start) yield return (start, text[start..m.Index]);
            start = m.Index + m.Length;
        }
        if (start < text.Length) yield return (start, text[start..]);
    }

    /// <summary>How deep inside parentheses each position is, in one pass.</summary>
    private static int[] ParenthesisDepth(string text)
    {
        var depth = new int[text.Length + 1];
        var d = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth[i] = d;
            if (text[i] == '(') d++;
            else if (text[i] == ')' && d > 0) d--;
        }
        depth[text.Length] = d;
        return depth;
    }

    private static string NameOf(string clause, Match m, Match increase, ref string? topic)
    {
        var before = clause[..m.Index];
        var afterStart = m.Index + m.Length;
        var afterEnd = increase.Success ? increase.Index : clause.Length;
        var after = afterEnd > afterStart ? clause[afterStart..afterEnd] : "";
        if (increase.Success && increase.Index + increase.Length < clause.Length)
            after += " " + clause[(increase.Index + increase.Length)..];
        if (m.Groups["count"].Success) after = m.Groups["noun"].Value + after;
        before = Parenthetical().Replace(before, " ");
        after = Parenthetical().Replace(after, " ");
        // "bảo đảm mỗi công chức tham gia ít nhất 01 khóa bồi dưỡng trong năm": what each one gets in the period is counted;
        // the name keeps who and when ("khóa bồi dưỡng mỗi công chức tham gia trong năm").
        if (m.Groups["count"].Success && WithinPeriodRegex().Match(after) is { Success: true } within)
        {
            var each = LeadFillerRegex().Replace(TrailingFillerRegex().Replace(before, ""), "").Trim(' ', ',', ':', '-');
            var eachAt = each.LastIndexOf("mỗi ", StringComparison.Ordinal);
            if (eachAt >= 0 && (eachAt == 0 || each[eachAt - 1] == ' '))
            {
                var period = within.Groups["period"];
                return VietnameseText.Squash($"{after[..period.Index]} {each[eachAt..]} {after[period.Index..within.Length]}").Trim(' ', ',', ':', ';', '.');
            }
        }
        // "Tổ chức kiểm tra công tác CCHC …, tối thiểu 02 cuộc/năm, …": a count per period says how often; what is done is
        // named before it, without the verb that only says it is done.
        if (m.Groups["count"].Success && RateRegex().IsMatch(after))
        {
            var done = DoneVerbRegex().Replace(LeadFillerRegex().Replace(TrailingFillerRegex().Replace(before, ""), ""), "").Trim(' ', ',', ':', '-');
            if (VietnameseText.Fold(done).Split(' ').Length >= 2) return VietnameseText.Squash(done).Trim(' ', ',', ':', ';', '.');
        }

        // "Cơ cấu kinh tế: Nông, lâm nghiệp và thủy sản: 36,5%; Công nghiệp - xây dựng: 24,0%"
        var colonTopic = before.IndexOf(':');
        var beforeClean = LeadFillerRegex().Replace(TrailingFillerRegex().Replace(before, ""), "").Trim(' ', ',', ':', '-');
        var colonInAfter = after.IndexOf(':');
        if (colonInAfter > 0 && VietnameseText.Fold(after[..colonInAfter]).Split(' ').Length >= 3) after = after[..colonInAfter];
        var afterClean = TrailingFillerRegex().Replace(after, "").Trim(' ', ',', '.', ';', ':', '-');
        if (afterClean.Length > 0) afterClean = LeadFillerRegex().Replace(afterClean, "").Trim();

        // "… kết nối đến 100% xã, phường, hoạt động ổn định 24/7": a predicate after the counted things says how they work,
        // not what is counted; what is counted is then short, and still the subject of the verb before the target.
        var predicate = AfterPredicateRegex().Match(afterClean);
        var cutPredicate = predicate.Success && predicate.Index > 0;
        if (cutPredicate) afterClean = afterClean[..predicate.Index].Trim(' ', ',');
        string name;
        if (VietnameseText.Fold(afterClean).Split(' ').Length >= 3 || cutPredicate && afterClean.Length > 0)
        {
            // "Số hóa 100% hồ sơ ..." reads as "hồ sơ ... được số hóa".
            var verb = beforeClean;
            var comma = verb.LastIndexOf(',');
            if (comma >= 0) verb = verb[(comma + 1)..].Trim();
            verb = LeadFillerRegex().Replace(verb, "").Trim();
            if (verb.EndsWith(" cho", StringComparison.Ordinal)) verb = verb[..^4];
            var verbWords = verb.Length == 0 ? 0 : verb.Split(' ').Length;
            name = verbWords > 0 && (verbWords <= 10 || cutPredicate && verbWords <= 14) && !IsFiller(verb) ? $"{afterClean} được {LowerFirst(verb)}" : afterClean;
        }
        else
        {
            // "..., phấn đấu tỷ lệ hài lòng đạt trên 95%": what is measured follows the last "phấn đấu / bảo đảm".
            var filler = InnerFillerRegex().Matches(beforeClean);
            name = filler.Count > 0 ? beforeClean[(filler[^1].Index + filler[^1].Length)..].Trim() : beforeClean;
            if (name.Length == 0) name = beforeClean;
            // "02 máy quét" alone in a cell: what is counted is the short phrase after the number.
            if (VietnameseText.Fold(name).Length == 0) name = afterClean;
            var secondColon = colonTopic > 0 ? before.IndexOf(':', colonTopic + 1) : -1;
            if (secondColon > 0) topic = before[..colonTopic].Trim();
            else if (topic is not null && colonTopic > 0) name = topic + ": " + beforeClean;
        }
        return VietnameseText.Squash(name).Trim(' ', ',', ':', ';', '.');
    }

    private static bool IsFiller(string verb) => LeadFillerRegex().Replace(verb, "").Trim().Length == 0;

    private static string LowerFirst(string s) => s.Length > 0 && char.IsUpper(s[0]) && (s.Length == 1 || !char.IsUpper(s[1])) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    [GeneratedRegex(@"\d\s*%|(?i:tối thiểu|ít nhất|có|không quá|tối đa)\s+(?:\d|một|hai|ba)|\b0\d\s+\p{L}|^\d{1,3}\s+\p{L}|\d\s*(?:triệu|tỷ)\s*đồng|(?i:top|nhóm)\s*\d|≤")]
    private static partial Regex QuickRegex();

    [GeneratedRegex(@"(?<q>(?:(?i:tăng|giảm)(?:\s+thêm)?\s+)?(?:(?i:phấn đấu|phân đấu|phần đầu|bảo đảm|đảm bảo|đạt|có)\s*:?\s+)?(?:(?i:tối thiểu|tối thiếu|ít nhất|trên|từ|không dưới|hơn|tối đa|không quá|dưới|khoảng|đạt)\s*:?\s+)?(?:[≥>≤<]=?\s*)?)(?<![\d,./])(?:(?<num>\d+(?:,\d+)?\s*%?\s*(?:[-–]|đến)\s*\d+(?:,\d+)?\s*%|\d+(?:,\d+)?\s*%)|(?<num>\d+(?:,\d+)?\s*(?:[-–]\s*\d+(?:,\d+)?)?)\s*(?<unit>(?:triệu|tỷ|nghìn)\s*đồng(?:/[\p{L}]+)*)|(?<count>(?<num>\d{1,3}(?:\.\d{3})+|\d{1,3}(?:\s*[-–]\s*\d{1,3})?|một|hai|ba|bốn|năm)\s+(?<noun>\p{L}+)))(?<more>\s+trở (?:lên|xuống))?")]
    private static partial Regex TargetRegex();

    [GeneratedRegex(@"\G\s+(?i:nhiệm vụ|giải pháp|thủ tục|nội dung|chỉ tiêu|lĩnh vực|vấn đề|chính sách|mục tiêu|công việc)\b")]
    private static partial Regex ScopeGroupRegex();

    private static bool HasPercent(string clause) => clause.Contains('%', StringComparison.Ordinal);

    [GeneratedRegex(@",\s*(?:hoạt động|bảo đảm|đảm bảo|đáp ứng|góp phần|phục vụ|vận hành)\b")]
    private static partial Regex AfterPredicateRegex();

    [GeneratedRegex(@"so với [^,;.()]{3,60}")]
    private static partial Regex BaselineRegex();

    [GeneratedRegex(@";|\.\s+(?=\p{Lu})|\(\d{1,2}\)|\s-\s(?=\p{Lu})")]
    private static partial Regex ClauseSplitRegex();

    [GeneratedRegex(@"\([^()]{25,}\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"^\s*(?:(?i:bảo đảm|đảm bảo|phấn đấu|phân đấu|phần đầu|hình thành|có|đạt|tối thiểu|ít nhất|trên|từ)\s+)+")]
    private static partial Regex LeadFillerRegex();

    [GeneratedRegex(@"(?:^|[\s,])(?i:phấn đấu|phân đấu|phần đầu|bảo đảm|đảm bảo)\s+")]
    private static partial Regex InnerFillerRegex();

    [GeneratedRegex(@"\s*(?:(?:đạt|là|bằng|ở mức|đến)\s*:?\s*)$")]
    private static partial Regex TrailingFillerRegex();

    /// <summary>"năm 2026 đạt 80%", "Quý II/2026 đạt 50%": one stage of a staged target.</summary>
    [GeneratedRegex(@"(?<period>(?i:năm)\s+20\d{2}|(?i:qu[ýyíi])\s+(?:IV|III|II|I)\s*/\s*20\d{2})\s*:?\s*(?<target>(?:(?i:đạt|là)\s+)?(?:(?i:tối thiểu|ít nhất|trên|từ)\s+)?\d+(?:,\d+)?\s*%(?:\s+trở lên)?)")]
    private static partial Regex StageRegex();

    /// <summary>"top 03", "top 10", "≤ 3" before a place ("≤ 3 Đông Nam Á"), "nhóm 30 đơn vị dẫn đầu": a rank.</summary>
    [GeneratedRegex(@"(?<rank>(?i:top)\s*(?<num>\d{1,3})(?![\d%,./])|(?:≤|<=)\s*(?<num>\d{1,3})(?=\s+\p{Lu})|(?i:nhóm)\s+(?<num>\d{1,3})\s+(?:\p{L}+\s+){0,2}?(?i:dẫn đầu))")]
    private static partial Regex RankRegex();

    [GeneratedRegex(@"^\p{L}+(?:,\s*\p{L}+)*\s*/\s*(?:năm|tháng|quý|tuần)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RateRegex();

    /// <summary>"khóa bồi dưỡng trong năm", "lần mỗi quý": what is counted (up to four words), then the period it is counted in.</summary>
    [GeneratedRegex(@"^\p{L}+(?:\s+\p{L}+){0,3}?\s+(?<period>(?:trong|mỗi|hằng|hàng)\s+(?:năm|tháng|quý|quí|tuần))\b", RegexOptions.IgnoreCase)]
    private static partial Regex WithinPeriodRegex();

    /// <summary>"Tổ chức", "Thực hiện nghiêm việc": a verb that says the thing named after it is done.</summary>
    [GeneratedRegex(@"^\s*(?i:tổ chức|thực hiện|tiến hành)(?:\s+(?i:nghiêm|tốt))?(?:\s+(?i:việc))?\s+")]
    private static partial Regex DoneVerbRegex();

    [GeneratedRegex(@"\s*\b(?i:thuộc|nằm trong|vào|đứng|xếp|xếp hạng)(?:\s+(?i:nhóm))?\s*$")]
    private static partial Regex RankVerbRegex();
}
