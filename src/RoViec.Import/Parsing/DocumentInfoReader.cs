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

        foreach (var line in preamble)
        {
            var m = NumberRegex().Match(line.Text);
            if (number is null && m.Success)
            {
                number = m.Groups["num"].Value.Trim();
                kind = KindOf(m.Groups["kind"].Value);
                continue;
            }
            m = PlaceDateRegex().Match(line.Text);
            if (place is null && m.Success)
            {
                place = m.Groups["place"].Value.Trim();
                if (m.Groups["y"].Success) year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
                continue;
            }
            if (title is null && TitleRegex().IsMatch(line.Text) && IsUpperStart(line.Text))
            {
                title = line.Text;
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
                if (reference is not null && !legal.Contains(reference)) legal.Add(reference);
            }
            else if (text.StartsWith("Thực hiện", StringComparison.Ordinal) || (title is not null && line.Text == title))
            {
                foreach (var part in text.Split(';'))
                {
                    var reference = FirstReference(part);
                    if (reference is not null && !legal.Contains(reference)) legal.Add(reference);
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
            if (place is not null && !subject.Contains(place, StringComparison.Ordinal) && subject.EndsWith(" xã", StringComparison.Ordinal)) subject += " " + place;
            if (subject.Length is > 5 and < 300) return subject;
        }
        var header = preamble.Where(l => l.Text.StartsWith("BAN CHỈ ĐẠO", StringComparison.Ordinal) || l.Text.StartsWith("ỦY BAN NHÂN DÂN", StringComparison.Ordinal) || l.Text.StartsWith("UBND", StringComparison.Ordinal)).LastOrDefault();
        return header?.Text;
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

    [GeneratedRegex(@"^Số\s*:?\s*(?<num>[^\s]*?(?<kind>CTr|KH|QĐ|QD)[-/][^\s]*)", RegexOptions.IgnoreCase)]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{L}\s]{1,40}?),\s*ngày\b.*?(?:năm\s+(?<y>\d{4}))?\s*$")]
    private static partial Regex PlaceDateRegex();

    [GeneratedRegex(@"^(?:CHƯƠNG TRÌNH|KẾ HOẠCH|QUYẾT ĐỊNH|Chương trình|Kế hoạch)\b")]
    private static partial Regex TitleRegex();

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

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex ParenRegex();
}
