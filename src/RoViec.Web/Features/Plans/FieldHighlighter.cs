using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using RoViec.Domain.Tasks;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// An excerpt of the source text around one task with the span of each of its fields marked
/// ("src-Lead", "src-Deadline", …) and labelled, so the officer sees where every value came from.
/// </summary>
public static class FieldHighlighter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Label(TaskField field) => field switch
    {
        TaskField.Name => "Nội dung",
        TaskField.Lead => "Chủ trì",
        TaskField.Support => "Phối hợp",
        TaskField.Directing => "Trực tiếp chỉ đạo",
        TaskField.Output => "Sản phẩm",
        TaskField.Deadline => "Thời hạn",
        _ => "Nguồn cấp trên",
    };

    /// <param name="context">Characters of text shown before the first span and after the last.</param>
    public static string Render(string text, IReadOnlyDictionary<TaskField, SourceSpan> spans, int context = 400)
    {
        var valid = spans.Where(s => s.Value.Length > 0 && s.Value.End <= text.Length).OrderBy(s => s.Value.Start).ToList();
        if (valid.Count == 0) return "";
        var from = Math.Max(0, valid.Min(s => s.Value.Start) - context);
        var to = Math.Min(text.Length, valid.Max(s => s.Value.End) + context);
        var html = new StringBuilder();
        if (from > 0) html.Append('…');
        var at = from;
        foreach (var (field, span) in valid)
        {
            if (span.Start < at) continue; // a field inside another's span keeps the outer mark
            html.Append(Encoder.Encode(text[at..span.Start]));
            html.Append("<mark id=\"src-").Append(field).Append("\" title=\"").Append(Label(field)).Append("\">")
                .Append(Encoder.Encode(text.Substring(span.Start, span.Length))).Append("</mark>");
            at = span.End;
        }
        html.Append(Encoder.Encode(text[at..to]));
        if (to < text.Length) html.Append('…');
        return html.ToString();
    }
}
