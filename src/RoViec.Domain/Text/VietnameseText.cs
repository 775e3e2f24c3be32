using System.Globalization;
using System.Text;

namespace RoViec.Domain.Text;

/// <summary>Folding used for matching: lower case, no diacritics, "đ" as "d", punctuation as spaces.</summary>
public static class VietnameseText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var stripped = VietnameseFolding.StripMarks(text);
        var sb = new StringBuilder(stripped.Length);
        var lastSpace = true;
        foreach (var c in stripped)
        {
            if (char.IsLetterOrDigit(c) || c == '%')
            {
                sb.Append(c);
                lastSpace = false;
            }
            else if (!lastSpace)
            {
                sb.Append(' ');
                lastSpace = true;
            }
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }

    /// <summary>Dice similarity of word unigrams and bigrams of the folded texts (0..1).</summary>
    public static double Similarity(string? a, string? b)
    {
        var ga = Grams(a);
        var gb = Grams(b);
        if (ga.Count == 0 || gb.Count == 0) return 0;
        var common = ga.Count(gb.Contains);
        return 2.0 * common / (ga.Count + gb.Count);
    }

    public static HashSet<string> Grams(string? text)
    {
        var words = Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var set = new HashSet<string>(words, StringComparer.Ordinal);
        for (var i = 0; i + 1 < words.Length; i++) set.Add(words[i] + " " + words[i + 1]);
        return set;
    }

    /// <summary>Collapses runs of whitespace and trims.</summary>
    public static string Squash(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(ch);
        }
        return sb.ToString();
    }
}

public static class VietnameseFolding
{
    /// <summary>Lower case without diacritics ("đ" as "d"), keeping digits and punctuation in place.</summary>
    public static string StripMarks(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            sb.Append(ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }
}
