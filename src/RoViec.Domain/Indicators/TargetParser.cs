using System.Globalization;
using System.Text.RegularExpressions;
using RoViec.Domain.Text;

namespace RoViec.Domain.Indicators;

/// <summary>Reads a target phrase: "100%", "Tối thiểu 90%", "11-12,5%", "tối thiểu 01", "75-80 triệu đồng/người/năm".</summary>
public static partial class TargetParser
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static Target? Parse(string raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        // Folding keeps one character per NFC character, so offsets into `folded` are offsets into `norm`.
        var norm = VietnameseText.Squash(raw).Normalize(System.Text.NormalizationForm.FormC);
        var folded = VietnameseFolding.StripMarks(norm);
        var m = NumberRegex().Match(folded);
        if (!m.Success) return null;
        var value = ParseNumber(m.Groups["a"].Value);
        decimal? max = m.Groups["b"].Success ? ParseNumber(m.Groups["b"].Value) : null;
        var afterStart = m.Index + m.Length;
        while (afterStart < folded.Length && folded[afterStart] == ' ') afterStart++;
        var after = folded[afterStart..];
        var unit = m.Groups["pct"].Success || after.StartsWith('%') || folded.Contains('%', StringComparison.Ordinal) ? TargetUnit.Percent : TargetUnit.Count;
        string? unitText = null;
        if (unit == TargetUnit.Count)
        {
            var unitMatch = MoneyUnitRegex().Match(after);
            if (unitMatch.Success)
            {
                unit = TargetUnit.Other;
                unitText = norm.Substring(afterStart, unitMatch.Length).Trim();
            }
        }
        var before = folded[..m.Index];
        int? baseline = null;
        var baselineMatch = BaselineRegex().Match(folded);
        TargetOp op;
        if (IncreaseRegex().IsMatch(before) && baselineMatch.Success)
        {
            op = TargetOp.Increase;
            baseline = int.Parse(baselineMatch.Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        else if (max is not null) op = TargetOp.Range;
        else if (AtLeastRegex().IsMatch(before)) op = TargetOp.AtLeast;
        else if (AtMostRegex().IsMatch(before)) op = TargetOp.AtMost;
        else op = TargetOp.Equal;
        return new Target(op, value, max, unit, unitText, baseline);
    }

    public static decimal ParseNumber(string text)
    {
        var word = WordNumber(text);
        if (word is not null) return word.Value;
        return decimal.Parse(text.Replace(" ", "", StringComparison.Ordinal), NumberStyles.Number, Vi);
    }

    private static decimal? WordNumber(string text) => text switch
    {
        "mot" => 1,
        "hai" => 2,
        "ba" => 3,
        "bon" => 4,
        "nam" => 5,
        "sau" => 6,
        "bay" => 7,
        "tam" => 8,
        "chin" => 9,
        "muoi" => 10,
        _ => null,
    };

    [GeneratedRegex(@"(?<a>\d+(?:,\d+)?|\b(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\b)\s*(?<pct>%)?(?:\s*(?:-|–|den)\s*(?<b>\d+(?:,\d+)?)\s*%?)?")]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"toi thieu|it nhat|tren|tu|khong duoi|hon|vuot")]
    private static partial Regex AtLeastRegex();

    [GeneratedRegex(@"toi da|khong qua|duoi|khong vuot")]
    private static partial Regex AtMostRegex();

    [GeneratedRegex(@"\btang\b")]
    private static partial Regex IncreaseRegex();

    [GeneratedRegex(@"so voi (?:nam|cung ky nam)\s*(?<y>\d{4})")]
    private static partial Regex BaselineRegex();

    [GeneratedRegex(@"^(?:trieu|ty|nghin|ngan)\s*(?:dong|d)\b[^,;.]*")]
    private static partial Regex MoneyUnitRegex();
}
