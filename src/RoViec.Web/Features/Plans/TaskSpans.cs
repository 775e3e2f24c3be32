using System.Text.Json;
using RoViec.Domain.Tasks;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// The stored provenance of a task's fields: JSON {"Lead":[start,length],…} pointing into the plan's
/// source text. A field corrected by hand no longer comes from the source and loses its span.
/// </summary>
public static class TaskSpans
{
    public static IReadOnlyDictionary<TaskField, SourceSpan> Read(string? json)
    {
        var spans = new Dictionary<TaskField, SourceSpan>();
        if (string.IsNullOrWhiteSpace(json)) return spans;
        try
        {
            foreach (var (name, pair) in JsonSerializer.Deserialize<Dictionary<string, int[]>>(json) ?? [])
            {
                if (Enum.TryParse<TaskField>(name, out var field) && pair is [var start, var length] && start >= 0 && length > 0)
                    spans[field] = new SourceSpan(start, length);
            }
        }
        catch (JsonException)
        {
            // A damaged provenance record hides the highlights; it never breaks the page.
        }
        return spans;
    }

    public static string Write(IReadOnlyDictionary<TaskField, SourceSpan> spans) =>
        JsonSerializer.Serialize(spans.Where(s => s.Value.Length > 0).ToDictionary(s => s.Key.ToString(), s => new[] { s.Value.Start, s.Value.Length }));

    public static string Without(string? json, params TaskField[] fields)
    {
        var spans = Read(json).Where(s => !fields.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value);
        return Write(spans);
    }
}
