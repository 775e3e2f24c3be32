using System.Text.RegularExpressions;

namespace RoViec.Web.Features.Reports;

/// <summary>
/// What a report form posts: the version read, the summary and the lines' fields as typed. A field that
/// is not posted is left as it is (the autosave posts only what changed); a posted empty field clears it.
/// </summary>
public sealed partial class ReportInput
{
    public Guid? Version { get; init; }

    /// <summary>Null when the summary was not posted.</summary>
    public string? Summary { get; init; }

    /// <summary>Line id → field → text as typed.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, string>> Lines { get; init; } = new Dictionary<Guid, IReadOnlyDictionary<string, string>>();

    public static ReportInput FromForm(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var lines = new Dictionary<Guid, Dictionary<string, string>>();
        foreach (var (key, value) in form)
        {
            var match = LineKey().Match(key);
            if (!match.Success || !Guid.TryParse(match.Groups[1].Value, out var id)) continue;
            if (!lines.TryGetValue(id, out var fields)) lines[id] = fields = new Dictionary<string, string>(StringComparer.Ordinal);
            fields[match.Groups[2].Value] = value.ToString();
        }
        return new ReportInput
        {
            Version = Guid.TryParse(form["version"], out var version) ? version : null,
            Summary = form.ContainsKey(LineFields.Summary) ? form[LineFields.Summary].ToString() : null,
            Lines = lines.ToDictionary(l => l.Key, l => (IReadOnlyDictionary<string, string>)l.Value),
        };
    }

    [GeneratedRegex(@"^line\[([0-9a-fA-F-]{36})\]\.([a-z]+)$")]
    private static partial Regex LineKey();
}
