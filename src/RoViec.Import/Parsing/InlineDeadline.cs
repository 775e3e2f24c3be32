using System.Text.RegularExpressions;

namespace RoViec.Import.Parsing;

/// <summary>
/// A deadline written inside a sentence: "hoàn thành trong Quý II/2026", "Yêu cầu hoàn thành
/// giao nhiệm vụ trước ngày 15/11/2026", "hoàn thành dứt điểm trong năm 2026", "trước ngày 30/6/2026".
/// </summary>
internal static partial class InlineDeadline
{
    public static (int Start, int Length)? Find(string text)
    {
        var m = CompletionRegex().Match(text);
        if (!m.Success) m = StandaloneRegex().Match(text);
        return m.Success ? (m.Index, m.Length) : null;
    }

    private const string Period =
        @"(?:ngày\s+)?(?:Quý|quý)\s*(?:IV|III|II|I|[1-4])(?:\s*[/,]\s*(?:năm\s*)?\d{4}|\s+năm\s+\d{4})?" +
        @"|(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?" +
        @"|(?:[Tt]háng)\s*\d{1,2}(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?" +
        @"|(?:[Nn]ăm)\s+\d{4}";

    [GeneratedRegex(@"(?i:hoàn thành|thực hiện xong)(?:\s+[^\s.;:]+){0,4}?\s+(?:trong|trước|chậm nhất|vào|ngay trong)(?:\s+(?:ngày|tháng))?\s*(?:" + Period + ")")]
    private static partial Regex CompletionRegex();

    [GeneratedRegex(@"(?:trước ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|(?:trong|chậm nhất)\s+(?:Quý|quý)\s*(?:IV|III|II|I)\s*/\s*\d{4})")]
    private static partial Regex StandaloneRegex();
}
