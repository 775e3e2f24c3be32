using RoViec.Data.Entities;
using RoViec.Web.Features.History;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// The labels of plan data for <see cref="ChangeHistory"/>: what one entry changed, field by field in
/// Vietnamese ("Chủ trì: Công an xã → Phòng Văn hóa - Xã hội"); ids, versions and spans stay out of sight.
/// </summary>
public static class AuditChanges
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Name"] = "Tên, nội dung",
        ["LeadAsWritten"] = "Chủ trì",
        ["SupportAsWritten"] = "Phối hợp",
        ["Directing"] = "Trực tiếp chỉ đạo",
        ["Output"] = "Sản phẩm",
        ["DeadlineRaw"] = "Thời hạn",
        ["DeadlineDue"] = "Hạn cuối",
        ["OriginalDeadlineDue"] = "Hạn ban đầu",
        ["ClosedOn"] = "Dừng thực hiện từ ngày",
        ["SameAsTaskId"] = "Cùng nội dung với nhiệm vụ",
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
        ["FullName"] = "Họ tên",
        ["UserName"] = "Tên đăng nhập",
        ["Email"] = "Thư điện tử",
        ["LockoutEnd"] = "Khóa đến",
        ["TwoFactorEnabled"] = "Xác thực hai bước",
        ["Position"] = "Vị trí",
        ["Fields"] = "Lĩnh vực phụ trách",
    };

    public static IReadOnlyList<(string Field, string? Before, string? After)> Of(AuditEntry entry) =>
        [.. ChangeHistory.Describe(entry, Labels, Format).Changes.Select(c => (c.Label, c.Before, c.After))];

    /// <summary>The entries as rows for the shared history table (Pages/Shared/_History).</summary>
    public static IReadOnlyList<HistoryRow> Rows(IEnumerable<AuditEntry> entries) =>
        [.. entries.Select(e => ChangeHistory.Describe(e, Labels, Format))];

    private static string? Format(string field, string? value) => value switch { "true" => "có", "false" => "không", _ => value };
}
