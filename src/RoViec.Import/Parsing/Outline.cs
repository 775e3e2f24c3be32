using System.Text.RegularExpressions;
using RoViec.Domain.Text;

namespace RoViec.Import.Parsing;

/// <summary>A heading of the document: its numbering style decides its depth.</summary>
internal sealed record Heading(string Style, string Number, string Title, Line Line)
{
    public string Display => Line.Text;
}

/// <summary>
/// Recognises headings ("III. NHIỆM VỤ, GIẢI PHÁP", "1.2.", "Nhóm 3:", "a)", "(1)", "PHỤ LỤC")
/// and keeps the path of open sections. A numbering style gets its depth the first time it
/// appears, so documents that nest styles in any order are followed without configuration.
/// </summary>
internal sealed partial class Outline
{
    private readonly List<Heading> _open = [];

    public IReadOnlyList<Heading> Open => _open;

    public string Path => string.Join(" > ", _open.Select(h => h.Display));

    public void Enter(Heading heading)
    {
        if (heading.Style is "roman" or "appendix")
        {
            _open.Clear();
            _open.Add(heading);
            return;
        }
        var existing = _open.FindIndex(h => h.Style == heading.Style);
        if (existing >= 0) _open.RemoveRange(existing, _open.Count - existing);
        _open.Add(heading);
    }

    public static Heading? Recognise(Line line)
    {
        var text = line.Text;
        if (line.HeadingLevel is { } level)
            return new Heading(level == 1 ? "roman" : "heading" + level, "", text, line);
        if (line.IsBullet) return null;
        if (text.Length > 400) return null;
        Match m;
        if ((m = RomanRegex().Match(text)).Success && (IsMostlyUpper(m.Groups["t"].Value) || IsShortTitle(m.Groups["t"].Value)))
            return new Heading("roman", m.Groups["n"].Value, m.Groups["t"].Value.Trim(), line);
        if ((m = PartRegex().Match(text)).Success && IsMostlyUpper(text))
            return new Heading("roman", m.Groups["n"].Value, m.Groups["t"].Value.Trim(), line);
        if (BareSectionRegex().IsMatch(text) && IsMostlyUpper(text) && text.Split(' ').Length <= 12)
            return new Heading("roman", "", text, line);
        if ((m = AppendixRegex().Match(text)).Success && text.Length < 250)
            return new Heading("appendix", "", text, line);
        if ((m = UpperLetterRegex().Match(text)).Success && IsMostlyUpper(m.Groups["t"].Value))
            return new Heading("upper-letter", m.Groups["n"].Value, m.Groups["t"].Value.Trim(), line);
        if ((m = GroupRegex().Match(text)).Success)
            return new Heading("group", m.Groups["n"].Value, m.Groups["t"].Value.Trim(), line);
        if ((m = DecimalRegex().Match(text)).Success)
        {
            var number = m.Groups["n"].Value.TrimEnd('.');
            var depth = number.Count(c => c == '.') + 1;
            if (depth == 1 && !m.Groups["dot"].Success) return null;
            return new Heading("decimal" + depth, number, m.Groups["t"].Value.Trim(), line);
        }
        if ((m = LetterRegex().Match(text)).Success && IsShortTitle(m.Groups["t"].Value) && !FieldLabelRegex().IsMatch(m.Groups["t"].Value))
            return new Heading("letter", m.Groups["n"].Value, m.Groups["t"].Value.Trim(), line);
        if ((m = ParenRegex().Match(text)).Success && IsShortTitle(m.Groups["t"].Value))
            return new Heading("paren", m.Groups["n"].Value, m.Groups["t"].Value.Trim(), line);
        return null;
    }

    /// <summary>"a) ..." and "(1) ..." items that read as list items rather than headings.</summary>
    public static bool IsEnumerator(string text) => LetterRegex().IsMatch(text) || ParenRegex().IsMatch(text);

    private static bool IsShortTitle(string title)
    {
        var t = title.Trim();
        if (t.EndsWith('.') || t.EndsWith(';')) return false;
        return t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 16;
    }

    private static bool IsMostlyUpper(string text)
    {
        int upper = 0, letters = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        return letters > 0 && upper * 10 >= letters * 6;
    }

    [GeneratedRegex(@"^(?<n>[IVXL]{1,5})\s*[.\-–:)]\s*(?<t>\S.*)$")]
    private static partial Regex RomanRegex();

    [GeneratedRegex(@"^PHẦN\s+(?<n>[IVX]+|THỨ\s+\S+)\s*[.:\-–]?\s*(?<t>.*)$")]
    private static partial Regex PartRegex();

    /// <summary>An unnumbered all-caps section title: "NHIỆM VỤ VÀ GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN".</summary>
    [GeneratedRegex(@"^(?:CÁC\s+)?(?:MỤC TIÊU|MỤC ĐÍCH|YÊU CẦU|NHIỆM VỤ|GIẢI PHÁP|TỔ CHỨC THỰC HIỆN|NỘI DUNG|KINH PHÍ|CHẾ ĐỘ)\b")]
    private static partial Regex BareSectionRegex();

    [GeneratedRegex(@"^(?:PHỤ LỤC|Phụ lục|PHU LUC)\b")]
    private static partial Regex AppendixRegex();

    [GeneratedRegex(@"^(?<n>[A-ZĐ])\s*[.\-–)]\s+(?<t>\S.*)$")]
    private static partial Regex UpperLetterRegex();

    [GeneratedRegex(@"^(?:Nhóm|NHÓM)\s+(?<n>\d+)\s*[:.\-–]\s*(?<t>.*)$")]
    private static partial Regex GroupRegex();

    [GeneratedRegex(@"^(?<n>\d{1,2}(?:\.\d{1,2}){0,3})(?<dot>\.)?\s+(?<t>\S.*)$")]
    private static partial Regex DecimalRegex();

    [GeneratedRegex(@"^(?<n>[a-zđ])\)\s+(?<t>\S.*)$")]
    private static partial Regex LetterRegex();

    [GeneratedRegex(@"^\((?<n>\d{1,2})\)\s+(?<t>\S.*)$")]
    private static partial Regex ParenRegex();

    /// <summary>"a) Nhiệm vụ:" (or "a) Nội dung:"), "b) Đơn vị chủ trì: …", "c) Thời gian thực hiện: …": fields of a numbered block, not subsections.</summary>
    [GeneratedRegex(@"^(?:Nhiệm vụ|Nội dung|Đơn vị|Cơ quan|Thời gian|Thời hạn|Tiến độ|Sản phẩm|Kết quả|Dự kiến kết quả)[^:]{0,40}:")]
    private static partial Regex FieldLabelRegex();
}
