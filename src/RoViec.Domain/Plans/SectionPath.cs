using System.Text.RegularExpressions;

namespace RoViec.Domain.Plans;

/// <summary>
/// A task's section as reports and figures show it, outermost first: the plan's own headings without its top level
/// ("II. NHIỆM VỤ, GIẢI PHÁP", whose numeral would clash with a report's own), an appendix's heading joined to its
/// first level ("Phụ lục: I. Hạ tầng số"). Its first part is the task's field ("3. Đẩy mạnh chuyển đổi số …").
/// </summary>
public static partial class SectionPath
{
    public const string Other = "Nhiệm vụ khác";

    public static IReadOnlyList<string> Of(string? section)
    {
        var parts = (section ?? "").Split(" > ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (parts.Count > 1 && parts[0].StartsWith("Phụ lục", StringComparison.OrdinalIgnoreCase))
        {
            parts[1] = parts[0].TrimEnd(':', '.', ' ') + ": " + parts[1];
            parts.RemoveAt(0);
        }
        else if (parts.Count > 1 && RomanHeading().IsMatch(parts[0]))
        {
            parts.RemoveAt(0);
        }
        return parts.Count == 0 ? [Other] : parts;
    }

    /// <summary>The field a task belongs to: the first part of its section path.</summary>
    public static string Field(string? section) => Of(section)[0];

    [GeneratedRegex(@"^[IVXLC]+\s*[.\-–]\s")]
    private static partial Regex RomanHeading();
}
