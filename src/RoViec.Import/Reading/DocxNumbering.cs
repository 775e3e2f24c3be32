using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RoViec.Import.Reading;

/// <summary>
/// Renders Word's automatic numbering as the text a reader sees ("I.", "1.2.", "a)", "- " for
/// bullets), so that numbered headings and lists read the same as in a typed document. Also tells
/// which paragraphs carry a heading style ("Heading 1" …).
/// </summary>
internal sealed class DocxNumbering
{
    private readonly Numbering? _numbering;
    private readonly Dictionary<string, Style> _styles;
    private readonly Dictionary<int, int[]> _counters = [];
    // Looked up once per list, not once per numbered paragraph.
    private readonly Dictionary<int, List<Level>?> _levels = [];

    public DocxNumbering(MainDocumentPart part)
    {
        _numbering = part.NumberingDefinitionsPart?.Numbering;
        _styles = part.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal) ?? [];
    }

    /// <summary>The paragraph's list label and whether it is a bullet, or null when it is not numbered.</summary>
    public (string Label, bool Bullet)? Label(Paragraph paragraph)
    {
        var (numId, rawLevel) = NumberingOf(paragraph);
        var level = Math.Clamp(rawLevel, 0, 8);
        if (numId is not > 0 || _numbering is null) return null;
        if (!_levels.TryGetValue(numId.Value, out var levels))
        {
            var num = _numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = num?.AbstractNumId?.Val?.Value;
            var abstractNum = _numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            levels = abstractNum?.Elements<Level>().ToList();
            _levels[numId.Value] = levels;
        }
        if (levels is null) return ("- ", true);
        var lvl = levels.FirstOrDefault(l => l.LevelIndex?.Value == level) ?? levels.FirstOrDefault();
        if (lvl is null) return ("- ", true);
        var format = lvl.NumberingFormat?.Val?.Value;
        if (format == NumberFormatValues.Bullet || format == NumberFormatValues.None) return ("- ", true);

        if (!_counters.TryGetValue(numId.Value, out var counters))
        {
            counters = new int[9];
            for (var i = 0; i < 9; i++) counters[i] = StartOf(levels, i) - 1;
            _counters[numId.Value] = counters;
        }
        counters[level]++;
        for (var i = level + 1; i < 9; i++) counters[i] = StartOf(levels, i) - 1;

        var pattern = lvl.LevelText?.Val?.Value ?? "%" + (level + 1).ToString(CultureInfo.InvariantCulture) + ".";
        var sb = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '%' && i + 1 < pattern.Length && char.IsDigit(pattern[i + 1]))
            {
                var index = pattern[i + 1] - '1';
                var refLevel = levels.FirstOrDefault(l => l.LevelIndex?.Value == index);
                sb.Append(Format(Math.Max(counters[Math.Clamp(index, 0, 8)], 1), refLevel?.NumberingFormat?.Val?.Value));
                i++;
            }
            else sb.Append(pattern[i]);
        }
        return (sb.ToString().Trim() + " ", false);
    }

    /// <summary>1 for "Heading 1" (or outline level 0), 2 for "Heading 2", …; null for body text.</summary>
    public int? HeadingLevel(Paragraph paragraph)
    {
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        if (styleId is null || !_styles.TryGetValue(styleId, out var style)) return null;
        var name = style.StyleName?.Val?.Value ?? styleId;
        var lower = name.ToLowerInvariant();
        if (lower.StartsWith("heading ", StringComparison.Ordinal) && int.TryParse(lower.AsSpan(8), NumberStyles.Integer, CultureInfo.InvariantCulture, out var level))
            return level;
        return null;
    }

    private (int? NumId, int Level) NumberingOf(Paragraph paragraph)
    {
        var numPr = paragraph.ParagraphProperties?.NumberingProperties;
        if (numPr?.NumberingId?.Val?.Value is { } id)
            return (id, numPr.NumberingLevelReference?.Val?.Value ?? 0);
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        for (var depth = 0; styleId is not null && depth < 5 && _styles.TryGetValue(styleId, out var style); depth++)
        {
            var styleNum = style.StyleParagraphProperties?.NumberingProperties;
            if (styleNum?.NumberingId?.Val?.Value is { } sid)
                return (sid, styleNum.NumberingLevelReference?.Val?.Value ?? 0);
            styleId = style.BasedOn?.Val?.Value;
        }
        return (null, 0);
    }

    private static int StartOf(List<Level> levels, int index) =>
        levels.FirstOrDefault(l => l.LevelIndex?.Value == index)?.StartNumberingValue?.Val?.Value ?? 1;

    private static string Format(int n, NumberFormatValues? format)
    {
        if (format == NumberFormatValues.UpperRoman) return Roman(n);
        if (format == NumberFormatValues.LowerRoman) return Roman(n).ToLowerInvariant();
        if (format == NumberFormatValues.UpperLetter) return ((char)('A' + ((n - 1) % 26))).ToString();
        if (format == NumberFormatValues.LowerLetter) return ((char)('a' + ((n - 1) % 26))).ToString();
        if (format == NumberFormatValues.DecimalZero) return n.ToString("00", CultureInfo.InvariantCulture);
        return n.ToString(CultureInfo.InvariantCulture);
    }

    private static string Roman(int n)
    {
        ReadOnlySpan<(int Value, string Symbol)> table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var sb = new StringBuilder();
        foreach (var (value, symbol) in table)
            while (n >= value)
            {
                sb.Append(symbol);
                n -= value;
            }
        return sb.ToString();
    }
}
