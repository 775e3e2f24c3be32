using System.Globalization;
using System.Text.RegularExpressions;
using RoViec.Domain.Text;

namespace RoViec.Domain.Indicators;

/// <summary>Reads a target phrase: "100%", "Tối thiểu 90%", "11-12,5%", "tối thiểu 01", "75-80 triệu đồng/người/năm". See README.md.</summary>
public static partial class TargetParser
{
    // Vietnamese writes "12,5" with a decimal comma and "1.000" with a dot between thousands. Spelled
    // out here rather than taken from the vi-VN culture so the result does not depend on ICU data.
    private static readonly NumberFormatInfo ViNumbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "-",
    };

    public static Target? Parse(string raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        // Folding keeps one character per NFC character, so offsets into `folded` are offsets into `norm`.
        var norm = VietnameseText.Squash(raw).Normalize(System.Text.NormalizationForm.FormC);
        var folded = VietnameseFolding.StripMarks(norm);
        // Digits first. A number word ("ít nhất một người") only when there are no digits, and read
        // with its marks: without them "tâm" (centre) is "tám" (eight) and "sau" (after) "sáu" (six).
        var m = NumberRegex().Match(folded);
        if (!m.Success) m = WordNumberRegex().Match(norm.ToLowerInvariant());
        if (!m.Success) return null;
        var value = ParseNumber(m.Groups["a"].Value);
        decimal? max = m.Groups["b"].Success ? ParseNumber(m.Groups["b"].Value) : null;
        var afterStart = m.Index + m.Length;
        while (afterStart < folded.Length && folded[afterStart] == ' ') afterStart++;
        var after = folded[afterStart..];
        // "11-12,5%": the sign after the second number makes both numbers percentages.
        var unit = m.Groups["pct"].Success || m.Groups["pct2"].Success || after.StartsWith('%') ? TargetUnit.Percent : TargetUnit.Count;
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
        // "Top 10" (a cell of an indicator table, often with "Thứ hạng" as its unit): at most that place, never a count.
        if (TopRegex().IsMatch(before)) return new Target(TargetOp.AtMost, value, null, TargetUnit.Other, "hạng", null);
        int? baseline = null;
        var baselineMatch = BaselineRegex().Match(folded);
        if (baselineMatch.Success) baseline = int.Parse(baselineMatch.Groups["y"].Value, CultureInfo.InvariantCulture);
        TargetOp op;
        // "trở lên" / "trở xuống" after the number and ≥ / ≤ before it say the same as "tối thiểu" / "tối đa".
        var tail = folded[afterStart..];
        if (IncreaseRegex().IsMatch(before)) op = TargetOp.Increase;
        else if (DecreaseRegex().IsMatch(before))
        {
            // The format has no decrease: "giảm 30%" is an increase of −30.
            op = TargetOp.Increase;
            value = -value;
            max = -max;
        }
        else if (max is not null) op = TargetOp.Range;
        else if (AtMostRegex().IsMatch(before) || SymbolAtMostRegex().IsMatch(before) || tail.StartsWith("tro xuong", StringComparison.Ordinal) || tail.StartsWith("% tro xuong", StringComparison.Ordinal)) op = TargetOp.AtMost;
        else if (AtLeastRegex().IsMatch(before) || SymbolAtLeastRegex().IsMatch(before) || TrailingAtLeastRegex().IsMatch(tail)) op = TargetOp.AtLeast;
        else op = TargetOp.Equal;
        return new Target(op, value, max, unit, unitText, op == TargetOp.Increase ? baseline : null);
    }

    /// <summary>Reads "11,81", "01" or a number word ("một", "mot") as a number.</summary>
    public static decimal ParseNumber(string text)
    {
        var folded = VietnameseFolding.StripMarks(text.Trim());
        var word = WordNumber(folded);
        if (word is not null) return word.Value;
        return decimal.Parse(folded.Replace(" ", "", StringComparison.Ordinal), NumberStyles.Number, ViNumbers);
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

    // The first number not glued to another one and not the year of "năm 2026".
    [GeneratedRegex(@"(?<![\d,])(?<!\bnam\s*)(?<a>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*(?<pct>%)?(?:\s*(?:-|–|den)\s*(?<b>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*(?<pct2>%)?)?")]
    private static partial Regex NumberRegex();

    // A number word counts at the start of the phrase or right after the word that compares.
    [GeneratedRegex(@"(?<=^|\b(?:có|ít nhất|tối thiểu|tối đa|đạt|trên|từ|không quá|không dưới|hơn|phấn đấu|phân đấu|tăng)\s)(?<a>một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười)\b")]
    private static partial Regex WordNumberRegex();

    [GeneratedRegex(@"\btop\s*$")]
    private static partial Regex TopRegex();

    [GeneratedRegex(@"[≥>]=?\s*$")]
    private static partial Regex SymbolAtLeastRegex();

    [GeneratedRegex(@"[≤<]=?\s*$")]
    private static partial Regex SymbolAtMostRegex();

    [GeneratedRegex(@"^%?\s*tro len")]
    private static partial Regex TrailingAtLeastRegex();

    [GeneratedRegex(@"\bgiam\b")]
    private static partial Regex DecreaseRegex();

    [GeneratedRegex(@"\b(?:toi thieu|it nhat|tren|tu|khong duoi|(?<!it )hon|(?<!khong )vuot|tro len)\b")]
    private static partial Regex AtLeastRegex();

    [GeneratedRegex(@"\b(?:toi da|khong qua|khong vuot|(?<!khong )duoi|it hon)\b")]
    private static partial Regex AtMostRegex();

    // "tăng trưởng" (growth) and "tăng cường" (strengthen) do not say the target is an increase.
    [GeneratedRegex(@"\btang\b(?! truong| cuong)")]
    private static partial Regex IncreaseRegex();

    [GeneratedRegex(@"so voi (?:nam|cung ky nam)\s*(?<y>\d{4})")]
    private static partial Regex BaselineRegex();

    [GeneratedRegex(@"^(?:trieu|ty|nghin|ngan)\s*(?:dong|d)\b[^,;.]*")]
    private static partial Regex MoneyUnitRegex();
}
