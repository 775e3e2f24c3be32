using System.Text.Json;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Plans;

/// <summary>What one history entry changed, field by field in Vietnamese: "Chủ trì: Công an xã → Phòng Văn hóa - Xã hội".</summary>
public static class AuditChanges
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Name"] = "Tên, nội dung",
        ["LeadAsWritten"] = "Chủ trì",
        ["LeadUnitId"] = "Đơn vị chủ trì (mã)",
        ["SupportAsWritten"] = "Phối hợp",
        ["Directing"] = "Trực tiếp chỉ đạo",
        ["Output"] = "Sản phẩm",
        ["DeadlineRaw"] = "Thời hạn",
        ["DeadlineDue"] = "Hạn cuối",
        ["DeadlineKind"] = "Loại thời hạn",
        ["UpstreamSource"] = "Nguồn cấp trên",
        ["Priority"] = "Trọng tâm",
        ["Section"] = "Mục",
        ["DecisionAuthority"] = "Thẩm quyền quyết định",
        ["Code"] = "Mã",
        ["Status"] = "Trạng thái",
        ["Title"] = "Tiêu đề",
        ["TargetRaw"] = "Mục tiêu",
        ["Owner"] = "Đơn vị phụ trách",
        ["Kind"] = "Loại",
        ["Aliases"] = "Tên gọi khác",
        ["Active"] = "Đang hoạt động",
        ["ParentId"] = "Thuộc đơn vị (mã)",
        ["FullName"] = "Họ tên",
        ["UserName"] = "Tên đăng nhập",
        ["Email"] = "Thư điện tử",
        ["UnitId"] = "Đơn vị (mã)",
        ["LockoutEnd"] = "Khóa đến",
        ["TwoFactorEnabled"] = "Xác thực hai bước",
        ["Position"] = "Vị trí",
        ["Fields"] = "Lĩnh vực phụ trách",
    };

    // Bookkeeping that says nothing to a reader.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "Id", "Version", "Spans", "CommuneId", "PlanId", "Order", "NameSpanStart", "NameSpanLength", "SpanStart", "SpanLength",
        "NormalizedUserName", "NormalizedEmail", "AccessFailedCount", "LockoutEnabled", "Source",
    };

    public static IReadOnlyList<(string Field, string? Before, string? After)> Of(AuditEntry entry)
    {
        var before = Parse(entry.Before);
        var after = Parse(entry.After);
        return [.. before.Keys.Union(after.Keys).Where(k => !Hidden.Contains(k))
            .Select(k => (Labels.GetValueOrDefault(k, k), before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .Where(c => entry.Action != "create" || !string.IsNullOrEmpty(c.Item3))];
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.True => "có",
                JsonValueKind.False => "không",
                _ => p.Value.GetRawText(),
            }, StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
