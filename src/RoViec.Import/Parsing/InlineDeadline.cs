using System.Text.RegularExpressions;

namespace RoViec.Import.Parsing;

/// <summary>
/// A deadline written inside a task sentence. In order of trust:
/// "hoàn thành (…) trong/trước/chậm nhất &lt;period&gt;"; a label "thời hạn: …", "thời gian (thực hiện): …",
/// "tiến độ: …"; a period, rhythm or upper-level schedule in parentheses at the end ("(Quý I/2026)",
/// "(thường xuyên)", "(theo lộ trình của tỉnh)"), or the last clause of a closing bracket that names who leads first
/// ("(X chủ trì; hoàn thành Tháng 7/2026)"); a last clause that is a rhythm ("; thực hiện hằng
/// tháng", ", phát sóng định kỳ hằng tháng"); "trước ngày dd/mm/yyyy", "trong Quý II/2026",
/// "trong tháng 4/2026" or "trong năm 2026" in the last clause. "Thường xuyên" as an adverb inside
/// a sentence ("thường xuyên rà soát …") is not a deadline.
/// </summary>
internal static partial class InlineDeadline
{
    public static (int Start, int Length)? Find(string text)
    {
        foreach (var regex in InOrder)
        {
            var m = regex.Match(text);
            if (!m.Success) continue;
            var g = m.Groups["v"].Success ? m.Groups["v"] : m.Groups[0];
            var value = text.Substring(g.Index, g.Length).TrimEnd(' ', '.');
            if (value.Length == 0) continue;
            return (g.Index, value.Length);
        }
        return null;
    }

    /// <summary>
    /// A deadline the item states for itself in a parenthesis at its end ("… (hoàn thành trước 30/6/2026).", "… (thực hiện
    /// thường xuyên)."): it wins over the time its block gives all of its items.
    /// </summary>
    public static (int Start, int Length)? InTrailingParentheses(string text)
    {
        var m = TrailingParenRegex().Match(text);
        if (!m.Success) return null;
        var v = m.Groups["v"];
        var length = text.AsSpan(v.Index, v.Length).TrimEnd(' ').Length;
        return length == 0 ? null : (v.Index, length);
    }

    private static readonly Regex[] InOrder =
    [
        CompletionRegex(), LabelRegex(), TrailingParenRegex(), AssignedParenTimeRegex(), TrailingRhythmRegex(), VerbRhythmRegex(), LastClauseRhythmRegex(), LastClauseScheduleRegex(),
        TrailingScheduleRegex(), LastClauseDoneRegex(), StandaloneRegex(), LastClauseWithinRegex(),
    ];

    private const string Quarter = @"(?:Q|q)(?:u[ýyúíi]|úy)\s*(?:IV|III|II|I|[1-4])(?:\s*[-–,]\s*(?:IV|III|II|I))?";

    private const string Period =
        @"(?:ngày\s+)?" + Quarter + @"(?:\s*[/,]\s*(?:năm\s*)?\d{4}|\s+năm\s+\d{4})?" +
        @"|(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?" +
        @"|(?:[Tt]háng)\s*\d{1,2}(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?" +
        @"|\d{1,2}\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+\d{4})?" +
        @"|(?:[Nn]ăm)\s+\d{4}";

    private const string Rhythm = @"(?i:thường xuyên|thường xuyen|(?:hằng|hàng|mỗi)\s+(?:ngày|tuần|tháng|quý|năm)|định kỳ)";

    [GeneratedRegex(@"(?i:hoàn thành|thực hiện xong)(?:\s+[^\s.;:]+){0,4}?\s+(?:trong|trước|chậm nhất|vào|ngay trong)(?:\s+(?:ngày|tháng))?\s*(?:" + Period + ")")]
    private static partial Regex CompletionRegex();

    [GeneratedRegex(@"(?<v>(?i:thời hạn|thời gian(?: hoàn thành| thực hiện)?|tiến độ)\s*:\s*[^;()]+)")]
    private static partial Regex LabelRegex();

    /// <summary>"(Quý I/2026)", "(hoàn thành trước 30/6/2026)", "(thực hiện thường xuyên)", "(theo lộ trình của tỉnh)" ending the item.</summary>
    [GeneratedRegex(@"\(\s*(?<v>(?:(?i:hoàn thành|thực hiện|triển khai)\s+)?(?:(?:(?:trước|trong)\s+)?(?:" + Period + @")|" + Rhythm + @"[^()]{0,30}|(?i:theo)\s+(?:kế hoạch|lộ trình|tiến độ|yêu cầu|hướng dẫn)[^()]{0,40}))\s*\)\s*\.?\s*$")]
    private static partial Regex TrailingParenRegex();

    /// <summary>
    /// A closing bracket that names who leads, then when, in its last clause: "(Phòng Kinh tế chủ trì; hoàn thành Tháng
    /// 7/2026)", "(X chủ trì, phối hợp Y; Quý III/2026 - Quý I/2027)", "(X chủ trì; Y phối hợp; thực hiện thường xuyên)".
    /// </summary>
    [GeneratedRegex(@"\((?=[^()]*?\b(?:chủ trì|tham mưu|phụ trách)\b)[^()]*;\s*(?<v>(?:(?i:hoàn thành|thực hiện|triển khai)\s+)?(?:(?:(?i:trước|trong|từ|vào|chậm nhất)\s+)?(?:" + Period + @")[^;()]*|" + Rhythm + @"[^;()]{0,30}|(?i:theo)\s+(?:kế hoạch|lộ trình|tiến độ|yêu cầu|hướng dẫn)[^;()]{0,40}))\s*\)\s*\.?\s*$")]
    private static partial Regex AssignedParenTimeRegex();

    [GeneratedRegex(@"(?:^|[;,]\s*)(?<v>(?:\p{Ll}+\s+){0,2}" + Rhythm + @"[^;,()]{0,40}?)\.?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingRhythmRegex();

    /// <summary>
    /// A short last clause that ends with a rhythm: "…; báo cáo Chủ tịch UBND xã hằng tháng", "…; tổng hợp báo cáo hằng quý".
    /// Not "hằng năm", which mostly qualifies a noun ("kế hoạch đào tạo hàng năm").
    /// </summary>
    [GeneratedRegex(@";\s*(?<v>[^;()]{0,45}?(?i:hằng|hàng|mỗi)\s+(?i:ngày|tuần|tháng|quý|quí))\s*\.?\s*$")]
    private static partial Regex LastClauseRhythmRegex();

    /// <summary>A last clause that is an upper-level schedule: "…; thực hiện theo tiến độ của tỉnh", "…; theo hướng dẫn của Sở".</summary>
    [GeneratedRegex(@";\s*(?<v>(?i:thực hiện\s+)?(?i:theo)\s+(?i:kế hoạch|tiến độ|lộ trình|hướng dẫn|chỉ đạo|yêu cầu)\b[^;()\d]{0,60}?)\s*\.?\s*$")]
    private static partial Regex LastClauseScheduleRegex();

    /// <summary>A sentence that ends on whose schedule it follows: "… tại các thôn theo Kế hoạch của Công an tỉnh." (not "theo hướng dẫn", a manner).</summary>
    [GeneratedRegex(@"\s(?<v>(?i:theo)\s+(?i:kế hoạch|tiến độ|lộ trình)(?:\s+chung)?\s+của\s+[^;,.()\d]{2,50}?)\s*\.?\s*$")]
    private static partial Regex TrailingScheduleRegex();

    /// <summary>
    /// A last clause saying the work is done: "…; đã hoàn thành.", "…; đã thực hiện xong.", also naming the act that did it
    /// ("…; đã hoàn thành tại Quyết định số 05/QĐ-UBND ngày 06/01/2026." — the date is the act's, not a deadline).
    /// </summary>
    [GeneratedRegex(@";\s*(?<v>(?i:đã)\s+(?:hoàn thành|thực hiện(?:\s+xong)?|triển khai xong))(?:\s+(?:tại|theo)\s+(?:Quyết định|Kế hoạch|Công văn|Văn bản|Thông báo)\s+số\s+[^;()]{3,80}?)?\s*\.?\s*$")]
    private static partial Regex LastClauseDoneRegex();

    /// <summary>"trước ngày 30/6/2026" anywhere; "trước 15/12/2026" (no "ngày") in the last clause; "trong Quý II/2026".</summary>
    [GeneratedRegex(@"trước ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|trước\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}(?=[^;]*$)|(?:trong|chậm nhất)\s+" + Quarter + @"\s*/\s*\d{4}")]
    private static partial Regex StandaloneRegex();

    /// <summary>
    /// The item ends on how often the work is done: "… chủ trì thực hiện hằng năm.", "… tham mưu tổ chức hằng năm.",
    /// "… thực hiện thường xuyên, báo cáo kết quả hằng quý." After "thực hiện" / "tổ chức" / "triển khai", "hằng năm" is
    /// when the work is done, not a qualifier of a noun.
    /// </summary>
    [GeneratedRegex(@"(?<v>(?i:thực hiện|tổ chức|triển khai)\s+(?:(?i:định kỳ)\s+)?" + Rhythm + @"(?:\s*,\s*[^;,()]{0,40}?)?)\s*\.?\s*$")]
    private static partial Regex VerbRhythmRegex();

    [GeneratedRegex(@"(?<v>trong\s+(?:[Tt]háng\s*\d{1,2}\s*/\s*\d{4}|[Nn]ăm\s+\d{4}))(?=[^;,]*$)")]
    private static partial Regex LastClauseWithinRegex();
}
