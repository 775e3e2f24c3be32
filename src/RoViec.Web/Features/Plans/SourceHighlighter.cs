using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Plans;

/// <summary>The document text as HTML with each extracted task's span marked and anchored ("t-3"), for review side by side.</summary>
public static class SourceHighlighter
{
    // Vietnamese stays as characters; only markup-significant characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(string text, IReadOnlyList<SourceSpan> spans)
    {
        var ordered = spans.Select((s, i) => (Span: s, Index: i)).Where(x => x.Span.Length > 0 && x.Span.End <= text.Length).OrderBy(x => x.Span.Start).ToList();
        var html = new StringBuilder(text.Length + ordered.Count * 40);
        var at = 0;
        foreach (var (span, index) in ordered)
        {
            if (span.Start < at) continue; // overlapping spans keep the first mark
            html.Append(Encoder.Encode(text[at..span.Start]));
            html.Append("<mark id=\"t-").Append(index).Append("\">").Append(Encoder.Encode(text.Substring(span.Start, span.Length))).Append("</mark>");
            at = span.End;
        }
        html.Append(Encoder.Encode(text[at..]));
        return html.ToString();
    }
}
