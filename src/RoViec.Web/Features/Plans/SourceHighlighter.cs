using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// The document text as HTML with spans marked and anchored ("t-3"), for review side by side. Every
/// character of the text is HTML-encoded, so markup or script in a document is shown as text; the
/// marks add no characters, so an offset into the plan's text is an offset into the element's text.
/// </summary>
public static class SourceHighlighter
{
    // Vietnamese stays as characters; only markup-significant characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Each span marked with the id "t-{its index}".</summary>
    public static string Render(string text, IReadOnlyList<SourceSpan> spans) =>
        Render(text, spans.Select((s, i) => (s, "t-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList());

    /// <summary>Each span marked with its own id (letters, digits and "-" only).</summary>
    public static string Render(string text, IReadOnlyList<(SourceSpan Span, string Id)> spans)
    {
        var ordered = spans.Where(x => x.Span.Start >= 0 && x.Span.Length > 0 && x.Span.End <= text.Length).OrderBy(x => x.Span.Start).ToList();
        var html = new StringBuilder(text.Length + ordered.Count * 40);
        var at = 0;
        foreach (var (span, id) in ordered)
        {
            if (span.Start < at) continue; // overlapping spans keep the first mark
            html.Append(Encoder.Encode(text[at..span.Start]));
            html.Append("<mark id=\"").Append(Encoder.Encode(id)).Append("\">").Append(Encoder.Encode(text.Substring(span.Start, span.Length))).Append("</mark>");
            at = span.End;
        }
        html.Append(Encoder.Encode(text[at..]));
        return html.ToString();
    }
}
