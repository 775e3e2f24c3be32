using RoViec.Domain.Units;

namespace RoViec.Web.Features.Organisation;

/// <summary>The kinds of unit of the catalogue, named in Vietnamese.</summary>
public static class UnitKindLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [nameof(UnitKind.PartyBody)] = "Cơ quan Đảng",
        [nameof(UnitKind.Government)] = "Chính quyền (HĐND, UBND)",
        [nameof(UnitKind.Department)] = "Phòng, ban chuyên môn",
        [nameof(UnitKind.Police)] = "Công an, quân sự",
        [nameof(UnitKind.ServiceCentre)] = "Trung tâm, trạm",
        [nameof(UnitKind.Front)] = "Mặt trận Tổ quốc",
        [nameof(UnitKind.MassOrganisation)] = "Đoàn thể, tổ chức xã hội",
        [nameof(UnitKind.Committee)] = "Ban Chỉ đạo, tổ giúp việc",
        [nameof(UnitKind.School)] = "Trường học",
        [nameof(UnitKind.Village)] = "Thôn, xóm, khối",
        [nameof(UnitKind.Group)] = "Nhóm đơn vị",
        [nameof(UnitKind.Unrecognised)] = "Chưa phân loại",
    };

    public static string For(string kind) => Labels.TryGetValue(kind, out var label) ? label : kind;

    /// <summary>The kinds an administrator may give a unit, in the catalogue's order.</summary>
    public static readonly IReadOnlyList<string> Choosable = [.. Enum.GetNames<UnitKind>()];

    public static bool IsKnown(string? kind) => kind is not null && Labels.ContainsKey(kind);
}
