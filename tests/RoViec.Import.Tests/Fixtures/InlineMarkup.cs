using System.Text;

namespace RoViec.Import.Tests.Fixtures;

/// <summary>A stretch of text with one formatting.</summary>
internal sealed record StyledRun(string Text, bool Bold, bool Italic);

/// <summary>
/// Reads the samples' <c>**bold**</c> and <c>*italic*</c> marks into runs. The marks were written by a
/// converter, not a person, so they are not always tidy: bold can open on one line and close five
/// lines later, a lone "*" can be a plain star, and "* **x**" or "*** x**" is a star used as a
/// heading marker followed by bold text. A mark with no partner in its block is kept as text.
/// </summary>
internal static class InlineMarkup
{
    private enum Kind { Text, Bold, Italic }

    private sealed record Token(Kind Kind, string Text, int Line);

    /// <summary>Splits a block of lines into runs, one list per line.</summary>
    public static IReadOnlyList<IReadOnlyList<StyledRun>> Parse(IReadOnlyList<string> lines)
    {
        var tokens = new List<Token>();
        for (var l = 0; l < lines.Count; l++)
            Tokenize(lines[l], l, tokens);

        // Pair marks of each kind in order; an odd one out is literal text.
        var paired = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        foreach (var kind in new[] { Kind.Bold, Kind.Italic })
        {
            var marks = tokens.Where(t => t.Kind == kind).ToList();
            for (var m = 0; m + 1 < marks.Count; m += 2)
            {
                paired.Add(marks[m]);
                paired.Add(marks[m + 1]);
            }
        }

        var result = new List<List<StyledRun>>();
        for (var l = 0; l < lines.Count; l++)
            result.Add([]);
        bool bold = false, italic = false;
        foreach (var token in tokens)
        {
            if (token.Kind != Kind.Text && paired.Contains(token))
            {
                if (token.Kind == Kind.Bold)
                    bold = !bold;
                else
                    italic = !italic;
                continue;
            }

            var runs = result[token.Line];
            if (runs.Count > 0 && runs[^1].Bold == bold && runs[^1].Italic == italic)
                runs[^1] = runs[^1] with { Text = runs[^1].Text + token.Text };
            else
                runs.Add(new StyledRun(token.Text, bold, italic));
        }

        return result;
    }

    public static IReadOnlyList<StyledRun> ParseLine(string line) => Parse([line])[0];

    private static void Tokenize(string line, int lineIndex, List<Token> tokens)
    {
        var text = new StringBuilder();
        var i = 0;
        // A star at the start of a line followed by a space or by a bold mark is a heading star.
        if (line.StartsWith("* ", StringComparison.Ordinal) || line.StartsWith("***", StringComparison.Ordinal))
        {
            text.Append('*');
            i = 1;
        }

        while (i < line.Length)
        {
            if (line[i] != '*')
            {
                text.Append(line[i]);
                i++;
                continue;
            }

            Flush();
            if (i + 1 < line.Length && line[i + 1] == '*')
            {
                tokens.Add(new Token(Kind.Bold, "**", lineIndex));
                i += 2;
            }
            else
            {
                tokens.Add(new Token(Kind.Italic, "*", lineIndex));
                i++;
            }
        }

        Flush();

        void Flush()
        {
            if (text.Length == 0)
                return;
            tokens.Add(new Token(Kind.Text, text.ToString(), lineIndex));
            text.Clear();
        }
    }
}
