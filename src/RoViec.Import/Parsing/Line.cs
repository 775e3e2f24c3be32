using System.Text;
using RoViec.Domain.Text;
using RoViec.Import.Reading;

namespace RoViec.Import.Parsing;

/// <summary>
/// A paragraph as the parser sees it: emphasis markers and list markers removed, wrapped lines
/// joined, with a map from each character back to its offset in the source text so that any
/// piece of it can be traced to the document.
/// </summary>
internal sealed class Line
{
    private readonly int[] _map;

    public string Text { get; }
    public bool IsBullet { get; }
    public bool IsBold { get; }
    public int? HeadingLevel { get; }
    public SourceSpan Span { get; }

    private Line(string text, int[] map, bool isBullet, bool isBold, SourceSpan span, int? headingLevel = null)
    {
        HeadingLevel = headingLevel;
        Text = text;
        _map = map;
        IsBullet = isBullet;
        IsBold = isBold;
        Span = span;
    }

    public static Line? From(ParagraphBlock block)
    {
        var raw = block.Text;
        var sb = new StringBuilder(raw.Length);
        var map = new List<int>(raw.Length);
        var i = 0;
        var bullet = block.IsListItem;
        // Leading list markers, possibly doubled ("- + 100% ..."); "*" only when followed by a space.
        while (i < raw.Length)
        {
            var c = raw[i];
            if ((Bullets.IsBulletChar(c) || c == '*') && i + 1 < raw.Length && raw[i + 1] == ' ')
            {
                bullet = true;
                i += 2;
                while (i < raw.Length && raw[i] == ' ') i++;
                continue;
            }
            // "•Nội dung": a true bullet glyph needs no space; "-5%" and "+84" do.
            if (Bullets.IsBulletChar(c) && c is not ('-' or '+' or '–'))
            {
                bullet = true;
                i++;
                continue;
            }
            break;
        }
        for (; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '*') continue;
            if (c == ' ' && (sb.Length == 0 || sb[^1] == ' ')) continue;
            sb.Append(c);
            map.Add(block.Span.Start + i);
        }
        while (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
            map.RemoveAt(map.Count - 1);
        }
        if (sb.Length == 0) return null;
        return new Line(sb.ToString(), [.. map], bullet, block.IsBold, block.Span, block.HeadingLevel);
    }

    /// <summary>The source span of Text[start..start+length].</summary>
    public SourceSpan SpanOf(int start, int length)
    {
        if (length <= 0 || start < 0 || start >= _map.Length) return new SourceSpan(Span.Start, 0);
        var end = Math.Min(start + length, _map.Length) - 1;
        return new SourceSpan(_map[start], _map[end] - _map[start] + 1);
    }

    public SourceSpan SpanOf(string part)
    {
        var at = Text.IndexOf(part, StringComparison.Ordinal);
        return at < 0 ? Span : SpanOf(at, part.Length);
    }

    /// <summary>A line wrapped onto the next paragraph (a page break in the middle of a sentence).</summary>
    public static bool ContinuesPrevious(Line previous, Line next)
    {
        if (next.IsBullet || next.HeadingLevel is not null || previous.HeadingLevel is not null) return false;
        var first = next.Text[0];
        if (!char.IsLower(first)) return false;
        if (Outline.IsEnumerator(next.Text)) return false;
        return previous.Text.Length > 0;
    }

    public static Line JoinAll(IReadOnlyList<Line> lines)
    {
        var length = lines.Sum(l => l.Text.Length) + lines.Count - 1;
        var text = new StringBuilder(length);
        var map = new int[length];
        var at = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (i > 0)
            {
                text.Append(' ');
                map[at++] = line._map.Length > 0 ? line._map[0] : lines[i - 1].Span.End;
            }
            text.Append(line.Text);
            line._map.CopyTo(map, at);
            at += line._map.Length;
        }
        var first = lines[0];
        return new Line(text.ToString(), map, first.IsBullet, first.IsBold, SourceSpan.Cover(first.Span, lines[^1].Span), first.HeadingLevel);
    }

    public Line Join(Line next)
    {
        var text = Text + " " + next.Text;
        var map = new int[_map.Length + 1 + next._map.Length];
        _map.CopyTo(map, 0);
        map[_map.Length] = next._map.Length > 0 ? next._map[0] : Span.End;
        next._map.CopyTo(map, _map.Length + 1);
        return new Line(text, map, IsBullet, IsBold, SourceSpan.Cover(Span, next.Span), HeadingLevel);
    }

    /// <summary>A view of part of the line that keeps the mapping.</summary>
    public Line Slice(int start, int length)
    {
        var text = Text.Substring(start, length);
        var map = _map.AsSpan(start, length).ToArray();
        return new Line(text, map, IsBullet, IsBold, SpanOf(start, length), HeadingLevel);
    }

    public override string ToString() => Text;
}
