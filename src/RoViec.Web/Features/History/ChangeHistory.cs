using System.Globalization;
using System.Text.Json;
using RoViec.Data.Entities;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.History;

/// <summary>One field of a recorded change, as shown: its Vietnamese label and the values before and after.</summary>
public sealed record FieldChange(string Label, string? Before, string? After);

/// <summary>One recorded change as shown: when (Vietnam time), who, what was done, and which fields changed.</summary>
public sealed record HistoryRow(DateTime At, string Actor, string Action, IReadOnlyList<FieldChange> Changes)
{
    public string AtText => At.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>
/// Turns audit entries into rows a person reads. Only the fields a page names are shown, each through
/// the page's formatter (a unit id becomes the unit's name, true becomes "Có"); everything else in
/// the entry (ids, versions, stamps) stays out of sight.
/// </summary>
public static class ChangeHistory
{
    public static string ActionLabel(string action) => action switch
    {
        "create" => "Tạo mới",
        "delete" => "Xóa",
        _ => "Sửa",
    };

    public static HistoryRow Describe(AuditEntry entry, IReadOnlyDictionary<string, string> labels, Func<string, string?, string?> format)
    {
        var before = Values(entry.Before);
        var after = Values(entry.After);
        var changes = new List<FieldChange>();
        foreach (var (field, label) in labels)
        {
            var had = before.TryGetValue(field, out var b);
            var has = after.TryGetValue(field, out var a);
            if (!had && !has) continue;
            var shownBefore = had ? format(field, b) : null;
            var shownAfter = has ? format(field, a) : null;
            if (entry.Action == "create" && string.IsNullOrEmpty(shownAfter)) continue;
            if (entry.Action == "update" && shownBefore == shownAfter) continue;
            changes.Add(new FieldChange(label, shownBefore, shownAfter));
        }
        return new HistoryRow(VietnamTime.FromUtc(entry.AtUtc), entry.Actor ?? "", ActionLabel(entry.Action), changes);
    }

    /// <summary>The recorded properties of one side of an entry as text (null for JSON null), by property name.</summary>
    public static Dictionary<string, string?> Values(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json)) return values;
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object) return values;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => property.Value.GetString(),
                _ => property.Value.GetRawText(),
            };
        }
        return values;
    }

    public static string YesNo(string? value, string yes, string no) => value == "true" ? yes : no;
}
