using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Plans;

/// <summary>One line of a plan's history as the officer reads it.</summary>
public sealed record HistoryLine(DateTime AtUtc, string? Actor, string Action, string What, string Changes);

/// <summary>
/// A plan's history from the audit trail: the plan itself, its tasks and indicators, also those since
/// removed (merged, split off, deleted), newest first, in Vietnamese.
/// </summary>
public static class PlanHistory
{
    public static string StatusLabel(string status) => status switch
    {
        PlanStatuses.Draft => "Bản nháp",
        PlanStatuses.Active => "Đang thực hiện",
        PlanStatuses.Replaced => "Đã được thay thế",
        _ => status,
    };

    public static async Task<IReadOnlyList<HistoryLine>> ReadAsync(RoViecDbContext db, Plan plan, int take, CancellationToken ct)
    {
        var key = plan.Id.ToString();
        var ids = await db.Tasks.Where(t => t.PlanId == plan.Id).Select(t => t.Id.ToString())
            .Concat(db.Indicators.Where(i => i.PlanId == plan.Id).Select(i => i.Id.ToString()))
            .ToListAsync(ct);
        var names = await db.Tasks.Where(t => t.PlanId == plan.Id).Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id.ToString(), t => t.Name, ct);
        var entries = await db.Audit.AsNoTracking()
            .Where(a => a.CommuneId == plan.CommuneId)
            .Where(a => (a.Entity == nameof(Plan) && a.EntityId == key)
                || ((a.Entity == nameof(PlanTaskRow) || a.Entity == nameof(IndicatorRow))
                    && (ids.Contains(a.EntityId) || (a.Action != "update" && ((a.Before != null && a.Before.Contains(key)) || (a.After != null && a.After.Contains(key)))))))
            .OrderByDescending(a => a.Id).Take(take).ToListAsync(ct);
        return entries.Select(a => Describe(a, names)).ToList();
    }

    private static HistoryLine Describe(AuditEntry a, Dictionary<string, string> names)
    {
        var action = a.Action switch { "create" => "Tạo mới", "delete" => "Xóa", _ => "Sửa" };
        var before = Read(a.Before);
        var after = Read(a.After);
        string what;
        if (a.Entity == nameof(Plan))
        {
            what = "Kế hoạch";
        }
        else
        {
            var name = names.GetValueOrDefault(a.EntityId) ?? after.GetValueOrDefault("Name") ?? before.GetValueOrDefault("Name") ?? "";
            what = (a.Entity == nameof(IndicatorRow) ? "Chỉ tiêu" : "Nhiệm vụ") + (name.Length > 0 ? ": " + Short(name) : "");
        }
        var changes = "";
        if (a.Action == "update")
        {
            // Field by field as the task page shows them; a plan's status in words.
            changes = string.Join("; ", AuditChanges.Of(a).Select(c => a.Entity == nameof(Plan) && before.ContainsKey("Status") && c.Field == "Trạng thái"
                ? $"{c.Field}: {StatusLabel(c.Before ?? "")} → {StatusLabel(c.After ?? "")}"
                : $"{c.Field}: {Short(c.Before ?? "—")} → {Short(c.After ?? "—")}"));
        }
        return new HistoryLine(a.AtUtc, a.Actor, action, what, changes);
    }

    private static Dictionary<string, string?> Read(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json)) return values;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return values;
            foreach (var p in doc.RootElement.EnumerateObject())
                values[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText();
        }
        catch (JsonException)
        {
        }
        return values;
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..80] + "…";

    public static string VietnamTimeText(DateTime utc) => VietnamTime.FromUtc(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
