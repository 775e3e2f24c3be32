using System.Globalization;
using System.Text.RegularExpressions;
using RoViec.Domain.Plans;
using RoViec.Domain.Text;

namespace RoViec.Import.Parsing;

/// <summary>
/// The document's identity from its first page: kind (CTr / KH / QĐ) from "Số: .../KH-UBND" or the
/// title, place and year from "Xuân Giang, ngày ... năm 2026", the issuer, the legal basis
/// ("Căn cứ ...", "Thực hiện ...") and the plan it replaces ("thay thế Kế hoạch số ...").
/// </summary>
internal static partial class DocumentInfoReader
{
    public static PlanDocument Read(IReadOnlyList<Line> lines, int? defaultYear)
    {
        string? number = null, place = null, title = null;
        var kind = DocumentKind.Other;
        int? year = null;
        var firstSection = lines.ToList().FindIndex(l => Outline.Recognise(l) is { Style: "roman" });
        var preamble = firstSection < 0 ? lines.Take(60).ToList() : lines.Take(firstSection).ToList();

        string? titleLine = null;
        for (var i = 0; i < preamble.Count; i++)
        {
            var line = preamble[i];
            var m = NumberRegex().Match(line.Text);
            var isNumber = number is null && m.Success;
            if (isNumber)
            {
                // "Số:  52 /KH-UBND": spaces typed around the slash are not part of the number.
                number = SpacesInNumberRegex().Replace(m.Groups["num"].Value.Trim(), "$1");
                kind = KindOf(m.Groups["kind"].Value);
            }
            // The dateline starts its line, or follows the number on the same line when a two-column header is read as text.
            m = PlaceDateRegex().Match(line.Text);
            if (!m.Success) m = InlinePlaceDateRegex().Match(line.Text);
            if (place is null && m.Success)
            {
                place = m.Groups["place"].Value.Trim();
                if (m.Groups["y"].Success) year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
                continue;
            }
            if (isNumber) continue;
            if (title is null && TitleRegex().IsMatch(line.Text) && (IsUpperStart(line.Text) || IsUpperStart(KindWordRegex().Match(line.Text).Value)))
            {
                titleLine = line.Text;
                title = Subject(preamble, i) ?? line.Text;
                if (kind == DocumentKind.Other) kind = KindOf(TitleRegex().Match(line.Text).Value);
            }
        }
        if (title is not null && YearInTextRegex().Match(title) is { Success: true } ty && year is null)
            year = int.Parse(ty.Groups["y"].Value, CultureInfo.InvariantCulture);
        year ??= defaultYear ?? MostFrequentYear(lines);

        var legal = new List<string>();
        foreach (var line in preamble)
        {
            var text = line.Text;
            if (text.StartsWith("Căn cứ", StringComparison.Ordinal))
            {
                var reference = FirstReference(text["Căn cứ".Length..]);
                AddReference(legal, reference);
            }
            else if (text.StartsWith("Thực hiện", StringComparison.Ordinal) || (titleLine is not null && (line.Text == titleLine || (title is not null && title.Contains(line.Text, StringComparison.Ordinal)))))
            {
                foreach (var part in text.Split(';'))
                {
                    var reference = FirstReference(part);
                    AddReference(legal, reference);
                }
            }
        }

        string? replaces = null;
        foreach (var line in lines)
        {
            var m = ReplacesRegex().Match(line.Text);
            if (!m.Success) continue;
            replaces = FirstReference(m.Groups["ref"].Value);
            break;
        }

        return new PlanDocument
        {
            Kind = kind,
            Number = number,
            Place = place,
            Year = year,
            Title = title,
            Issuer = Issuer(lines, preamble, place),
            LegalBasis = legal,
            Replaces = replaces,
        };
    }

    /// <summary>
    /// The subject of the document: "KẾ HOẠCH" (or "QUYẾT ĐỊNH", "CHƯƠNG TRÌNH HÀNH ĐỘNG") alone names only the kind; the
    /// title is the line or lines after it ("Triển khai thực hiện Nghị quyết số 57-NQ/TW … năm 2026"), up to the first line
    /// of the body (Căn cứ, Thực hiện, an upper-case signer line, a section heading). A title line that carries its
    /// subject ("KẾ HOẠCH Chuyển đổi số …") is kept without the kind word. Null when nothing follows the kind word.
    /// </summary>
    private static string? Subject(List<Line> preamble, int titleIndex)
    {
        var first = preamble[titleIndex].Text;
        var kindWord = KindWordRegex().Match(first);
        var parts = new List<string>();
        var rest = first[kindWord.Length..].Trim(' ', ':', '-');
        if (rest.Length > 0) parts.Add(rest);
        for (var i = titleIndex + 1; i < preamble.Count && parts.Count < 5; i++)
        {
            var text = preamble[i].Text;
            // The line right after a bare kind word is the subject even when it starts "Thực hiện …" / "Triển khai …".
            var subjectLine = i == titleIndex + 1 && rest.Length == 0 && !text.StartsWith("Căn cứ", StringComparison.Ordinal) && !text.EndsWith(':');
            if ((!subjectLine && BodyStartRegex().IsMatch(text)) || Outline.Recognise(preamble[i]) is { Style: "roman" } || PlaceDateRegex().IsMatch(text) || NumberRegex().IsMatch(text)) break;
            // After the subject, an upper-case line names the signer ("TRƯỞNG BAN CHỈ ĐẠO …"), not the subject.
            if (IsUpperStart(text) && (parts.Count > 0 || rest.Length > 0)) break;
            if (IsUpperStart(text) && text.Length < 40 && parts.Count == 0 && i == titleIndex + 1 && !char.IsLower(text.FirstOrDefault(char.IsLetter))) { parts.Add(text); continue; }
            parts.Add(text);
            if (text.EndsWith('.') || text.EndsWith(':')) break;
        }
        return parts.Count == 0 ? null : VietnameseText.Squash(string.Join(" ", parts)).TrimEnd('.', ':');
    }

    /// <summary>"Nghị quyết số 57-NQ/TW" named again without its date (in the title) is the same reference.</summary>
    private static void AddReference(List<string> legal, string? reference)
    {
        if (reference is null || legal.Contains(reference) || legal.Exists(l => l.StartsWith(reference + " ngày", StringComparison.Ordinal))) return;
        legal.RemoveAll(l => reference.StartsWith(l + " ngày", StringComparison.Ordinal));
        legal.Add(reference);
    }

    private static DocumentKind KindOf(string text) => VietnameseText.Fold(text) switch
    {
        var t when t.StartsWith("ctr", StringComparison.Ordinal) || t.StartsWith("chuong trinh", StringComparison.Ordinal) => DocumentKind.WorkProgramme,
        var t when t.StartsWith("kh", StringComparison.Ordinal) || t.StartsWith("ke hoach", StringComparison.Ordinal) => DocumentKind.Plan,
        var t when t.StartsWith("qd", StringComparison.Ordinal) || t.StartsWith("quyet dinh", StringComparison.Ordinal) => DocumentKind.Decision,
        _ => DocumentKind.Other,
    };

    private static bool IsUpperStart(string text)
    {
        var letters = text.Where(char.IsLetter).Take(10).ToList();
        return letters.Count > 0 && letters.All(char.IsUpper);
    }

    /// <summary>"Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị ..." → "Nghị quyết số 57-NQ/TW ngày 22/12/2024".</summary>
    internal static string? FirstReference(string text)
    {
        var m = ReferenceRegex().Match(text);
        if (!m.Success) return null;
        var type = m.Groups["type"].Value;
        type = char.ToUpperInvariant(type[0]) + type[1..];
        if (m.Groups["law"].Success)
            return VietnameseText.Squash($"{type} {m.Groups["law"].Value.Trim()} ngày {m.Groups["date"].Value}");
        var num = SpacesInNumberRegex().Replace(m.Groups["num"].Value, "$1");
        return $"{type} số {num}" + (m.Groups["date"].Success ? " ngày " + m.Groups["date"].Value : "");
    }

    private static string? Issuer(IReadOnlyList<Line> lines, List<Line> preamble, string? place)
    {
        foreach (var line in lines.Take(200))
        {
            // "Căn cứ … của Ban Chỉ đạo thành phố … về việc ban hành Kế hoạch" names the upper level, not the issuer.
            if (line.Text.StartsWith("Căn cứ", StringComparison.Ordinal) || line.Text.StartsWith("- Căn cứ", StringComparison.Ordinal)) continue;
            var m = IssuesRegex().Match(line.Text);
            if (!m.Success) continue;
            var subject = ParenRegex().Replace(m.Groups["who"].Value, "").Trim().TrimEnd(',');
            if (subject.StartsWith("UBND", StringComparison.Ordinal)) subject = "Ủy ban nhân dân" + subject[4..];
            // "Ủy ban nhân dân tỉnh ban hành Kế hoạch …" under the dateline "Phú Thọ, ngày …": the place completes the name.
            if (place is not null && !subject.Contains(place, StringComparison.Ordinal) && LevelWordAtEndRegex().IsMatch(subject)) subject += " " + place;
            if (subject.Length is > 5 and < 300) return subject;
        }
        var headerIndex = preamble.FindLastIndex(l => l.Text.StartsWith("BAN CHỈ ĐẠO", StringComparison.Ordinal) || l.Text.StartsWith("ỦY BAN NHÂN DÂN", StringComparison.Ordinal) || l.Text.StartsWith("UBND", StringComparison.Ordinal));
        if (headerIndex < 0) return null;
        var header = preamble[headerIndex].Text;
        // "ỦY BAN NHÂN DÂN" over "PHƯỜNG HẠC THÀNH": the header block names the body on two lines.
        if (header == "ỦY BAN NHÂN DÂN" && headerIndex + 1 < preamble.Count && HeaderLevelRegex().IsMatch(preamble[headerIndex + 1].Text))
            header += " " + preamble[headerIndex + 1].Text;
        return header;
    }

    private static int? MostFrequentYear(IReadOnlyList<Line> lines)
    {
        var counts = new Dictionary<int, int>();
        foreach (var line in lines.Take(80))
            foreach (Match m in YearInTextRegex().Matches(line.Text))
            {
                var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
                counts[y] = counts.GetValueOrDefault(y) + 1;
            }
        return counts.Count == 0 ? null : counts.MaxBy(kv => (kv.Value, kv.Key)).Key;
    }

    [GeneratedRegex(@"^Số\s*:?\s*(?<num>[^\s]*?(?:\s*/\s*)?(?<kind>CTr|KH|QĐ|QD)[-/][^\s]*)", RegexOptions.IgnoreCase)]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{L}\s]{1,40}?),\s*ngày\b.*?(?:năm\s+(?<y>\d{4}))?\s*$")]
    private static partial Regex PlaceDateRegex();

    [GeneratedRegex(@"^(?:CHƯƠNG TRÌNH|KẾ HOẠCH|QUYẾT ĐỊNH|Chương trình|Kế hoạch)\b")]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"(?:^|\s)(?<place>\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,4}),\s*ngày\b.*?(?:năm\s+(?<y>\d{4}))?\s*$")]
    private static partial Regex InlinePlaceDateRegex();

    [GeneratedRegex(@"^(?:CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|KẾ HOẠCH|QUYẾT ĐỊNH|Chương trình(?: hành động)?|Kế hoạch|Quyết định)\b")]
    private static partial Regex KindWordRegex();

    [GeneratedRegex(@"^(?:Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Nhằm|Để|-|\+|•)")]
    private static partial Regex BodyStartRegex();

    [GeneratedRegex(@"(?:năm|NĂM)\s+(?<y>20\d{2})")]
    private static partial Regex YearInTextRegex();

    [GeneratedRegex(@"(?<type>(?i:Luật|Nghị quyết|Quyết định|Kế hoạch|Chương trình|Chỉ thị|Thông tư|Nghị định|Công văn|Kết luận|Thông báo|Hướng dẫn|Đề án))\s+(?:(?:(?:hành động\s+)?số\s*(?<num>\d[\w]{0,10}\s*[-/]\s*[\w\-/ ]{0,40}?[\wĐđ])(?=[\s,;.]|$)\s*(?:,\s*)?(?:ngày\s+(?<date>\d{1,2}/\d{1,2}/\d{4}))?)|(?<law>\p{Lu}[^,;]{0,150}?)\s*,?\s*ngày\s+(?<date>\d{1,2}/\d{1,2}/\d{4}))")]
    private static partial Regex ReferenceRegex();

    [GeneratedRegex(@"\s*([-/])\s*")]
    private static partial Regex SpacesInNumberRegex();

    [GeneratedRegex(@"thay thế\s+(?<ref>(?:Kế hoạch|Chương trình|Quyết định)[^.;)]*)")]
    private static partial Regex ReplacesRegex();

    [GeneratedRegex(@"(?<who>(?:Ban Chỉ đạo|Ủy ban nhân dân|UBND|Đảng ủy|Ban Thường vụ)[^.;]{0,250}?)\s+(?:ban hành|xây dựng)\s+(?:Chương trình|Kế hoạch)|kèm theo Quyết định này\s+(?:Kế hoạch|Chương trình)[^.;]{0,250}? của\s+(?<who>Ban Chỉ đạo[^.;(]{0,250})")]
    private static partial Regex IssuesRegex();

    [GeneratedRegex(@"\s(?:xã|phường|tỉnh|thành phố|đặc khu)$")]
    private static partial Regex LevelWordAtEndRegex();

    [GeneratedRegex(@"^(?:TỈNH|THÀNH PHỐ|XÃ|PHƯỜNG|ĐẶC KHU)\s+\p{Lu}")]
    private static partial Regex HeaderLevelRegex();

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex ParenRegex();
}
