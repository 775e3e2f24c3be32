using System.Globalization;
using System.Text;

namespace RoViec.Import.Reading.Pdf;

/// <summary>A word on a page in PDF user space (y grows upwards), with what layout analysis needs.</summary>
internal sealed record PdfWord(string Text, double Left, double Right, double Bottom, double Top, double Baseline, double FontSize, bool IsBold)
{
    public double CenterX => (Left + Right) / 2;

    public double CenterY => (Bottom + Top) / 2;

    /// <summary>
    /// True for a word made only of combining marks: a tone mark the PDF drew as its own glyph
    /// after the vowel. It belongs to the previous word, not after a space.
    /// </summary>
    public bool IsCombiningOnly => Text.Length > 0 && Text.All(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);
}

/// <summary>Words that share a baseline, left to right.</summary>
internal sealed class TextLine : IPageItem
{
    public TextLine(IReadOnlyList<PdfWord> words)
    {
        Words = words;
        Left = words.Min(w => w.Left);
        Right = words.Max(w => w.Right);
        Bottom = words.Min(w => w.Bottom);
        Top = words.Max(w => w.Top);
        Baseline = words[0].Baseline;
        var sizes = words.Select(w => w.FontSize).Order().ToList();
        FontSize = sizes[sizes.Count / 2];
        IsBold = words.All(w => w.IsBold);
        Text = Join(words);
    }

    public IReadOnlyList<PdfWord> Words { get; }
    public double Left { get; }
    public double Right { get; }
    public double Bottom { get; }
    public double Top { get; }
    public double Baseline { get; }
    public double FontSize { get; }
    public bool IsBold { get; }
    public string Text { get; }

    /// <summary>Where the text after a leading bullet glyph starts (the hanging indent of a list).</summary>
    public double TextStart => Words.Count > 1 && Bullets.IsBulletGlyph(Words[0].Text) ? Words[1].Left : Left;

    /// <summary>
    /// The words' text with spaces where there is space between them. Word extractors also cut a
    /// word where the font changes ("(" upright, "sau" italic), and those pieces touch.
    /// </summary>
    public static string Join(IEnumerable<PdfWord> words)
    {
        var text = new StringBuilder();
        PdfWord? previous = null;
        foreach (var word in words)
        {
            if (previous is not null && !word.IsCombiningOnly && word.Left - previous.Right > 0.1 * Math.Min(word.FontSize, previous.FontSize))
                text.Append(' ');
            text.Append(word.Text);
            previous = word;
        }

        // PDF fonts may map a Vietnamese letter to a base letter plus a separate tone mark.
        return text.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Joins the lines of one paragraph or cell with spaces, except after a hyphen or slash that
    /// ends a word ("57-" then "NQ/TW"): the line was broken inside "57-NQ/TW", since a break at a
    /// space would have left the space.
    /// </summary>
    public static string JoinLines(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.Length == 0)
                continue;
            if (text.Length > 0 && !(text.Length >= 2 && text[^1] is ('-' or '/') && char.IsLetterOrDigit(text[^2])))
                text.Append(' ');
            text.Append(line);
        }

        return text.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Groups words into lines by baseline. With <paramref name="splitAtGapsOver"/> a line is also cut
    /// where two words are that far apart, so side-by-side blocks (issuer left, national motto right)
    /// are not read as one line.
    /// </summary>
    public static List<TextLine> Build(IEnumerable<PdfWord> words, double? splitAtGapsOver = null)
    {
        var sorted = words.OrderByDescending(w => w.Baseline).ThenBy(w => w.Left).ToList();
        var groups = new List<List<PdfWord>>();
        foreach (var word in sorted)
        {
            var current = groups.Count > 0 ? groups[^1] : null;
            // Same line when baselines are within a third of the font size: tolerant of mixed fonts
            // and sizes on one line, strict enough that 1.0 line spacing keeps lines apart.
            if (current is not null && Math.Abs(current[0].Baseline - word.Baseline) <= 0.35 * Math.Max(word.FontSize, current[0].FontSize))
                current.Add(word);
            else
                groups.Add([word]);
        }

        var lines = new List<TextLine>();
        foreach (var group in groups)
        {
            group.Sort((a, b) => a.Left.CompareTo(b.Left));
            var start = 0;
            for (var i = 1; i <= group.Count; i++)
            {
                var cut = i == group.Count
                    || (splitAtGapsOver is { } factor && group[i].Left - group[i - 1].Right > factor * group[i].FontSize);
                if (!cut)
                    continue;
                lines.Add(new TextLine(group.GetRange(start, i - start)));
                start = i;
            }
        }

        return lines;
    }
}
