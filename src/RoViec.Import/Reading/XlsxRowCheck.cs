using System.Globalization;
using System.Text.RegularExpressions;
using RoViec.Domain.Plans;
using RoViec.Domain.Tasks;
using RoViec.Domain.Text;

namespace RoViec.Import.Reading;

/// <summary>
/// The rows of a workbook that cannot be right, found after the plan is read: a deadline cell naming an impossible
/// period (quarter 5, month 13, 31/02, a bare serial number) and the rows the reader found without content. These
/// refuse the whole workbook, one line per row ("Dòng 14: thời hạn "Quý 5/2026" không hợp lệ"; with more than one sheet
/// "Trang tính «Kế hoạch», dòng 14: …"), so nothing is kept in part. What a Word plan would only be warned about — no
/// lead, no output, a vague deadline — stays a "6 rõ" defect.
/// </summary>
internal static partial class XlsxRowCheck
{
    public static IReadOnlyList<string> Problems(XlsxBlocks workbook, PlanDraft draft)
    {
        var problems = workbook.Problems.ToList();
        var map = XlsxSourceMap.Of(draft.SourceText);
        foreach (var task in draft.Tasks)
        {
            if (task.Source != TaskSource.Table || task.DeadlineRaw is not { } raw || !IsImpossible(raw)) continue;
            if (!task.Spans.TryGetValue(TaskField.Deadline, out var span) || map?.Locate(span) is not { } at) continue;
            problems.Add(new XlsxRowProblem(at.Sheet, at.Row, $"thời hạn \"{raw}\" không hợp lệ (cột {at.Column})"));
        }
        // "Dòng 14" is clear while the tables are on one sheet; with more, the sheet is named.
        var sheets = Math.Max(map?.Sheets ?? 0, problems.Select(p => p.Sheet).Distinct(StringComparer.Ordinal).Count());
        return problems
            .DistinctBy(p => (p.Sheet, p.Row, p.Message))
            .OrderBy(p => p.Sheet, StringComparer.Ordinal).ThenBy(p => p.Row)
            .Select(p => (sheets > 1 ? $"Trang tính «{p.Sheet}», dòng " : "Dòng ") + p.Row.ToString(CultureInfo.InvariantCulture) + ": " + p.Message)
            .ToList();
    }

    /// <summary>A period that does not exist: "Quý 5/2026", "Quý V", "Tháng 13/2026", "31/02/2026", or a serial number left bare.</summary>
    internal static bool IsImpossible(string raw)
    {
        var text = VietnameseText.Fold(raw.Replace('/', ' ').Replace('-', ' ').Replace('.', ' '));
        foreach (Match m in QuarterRegex().Matches(text))
        {
            if (m.Groups["q"].Value is not ("i" or "ii" or "iii" or "iv" or "1" or "2" or "3" or "4")) return true;
        }
        foreach (Match m in MonthRegex().Matches(text))
        {
            if (int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) is < 1 or > 12) return true;
        }
        foreach (Match m in DateRegex().Matches(raw))
        {
            var (d, mo, y) = (Int(m.Groups["d"].Value), Int(m.Groups["m"].Value), Int(m.Groups["y"].Value));
            if (mo is < 1 or > 12 || y is < 1900 or > 2200 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return true;
        }
        return SerialRegex().IsMatch(raw.Trim());
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<![a-z])quy\s+(?<q>[ivxl]+|\d+)\b")]
    private static partial Regex QuarterRegex();

    [GeneratedRegex(@"(?<![a-z])thang\s+(?<m>\d{1,3})\b")]
    private static partial Regex MonthRegex();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\s*(?<sep>[/.\-])\s*(?<m>\d{1,2})\s*\k<sep>\s*(?<y>\d{4})(?!\d)")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"^\d{5,}(?:[.,]\d+)?$")]
    private static partial Regex SerialRegex();
}
