using System.Text.Json;
using RoViec.Domain.Tasks;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// A stored task's field provenance, <c>{"Lead":[start,length],…}</c>: where in the plan's text each
/// field was read. A field the officer corrected has no span any more; it came from them, not the text.
/// </summary>
public static class TaskSpans
{
    public static IReadOnlyDictionary<TaskField, SourceSpan> Parse(string? json)
    {
        var spans = new Dictionary<TaskField, SourceSpan>();
        if (string.IsNullOrWhiteSpace(json)) return spans;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return spans;
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (!Enum.TryParse<TaskField>(property.Name, out var field) || property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() != 2) continue;
                var start = property.Value[0];
                var length = property.Value[1];
                if (start.TryGetInt32(out var s) && length.TryGetInt32(out var l) && s >= 0 && l > 0) spans[field] = new SourceSpan(s, l);
            }
        }
        catch (JsonException)
        {
            // A damaged value loses provenance, never the page.
        }
        return spans;
    }

    public static string Write(IReadOnlyDictionary<TaskField, SourceSpan> spans)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (field, span) in spans.Where(s => s.Value.Length > 0).OrderBy(s => s.Key))
            {
                json.WriteStartArray(field.ToString());
                json.WriteNumberValue(span.Start);
                json.WriteNumberValue(span.Length);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The spans without those of the given fields.</summary>
    public static string Without(string? json, IEnumerable<TaskField> fields)
    {
        var spans = new Dictionary<TaskField, SourceSpan>(Parse(json));
        foreach (var field in fields) spans.Remove(field);
        return Write(spans);
    }
}
