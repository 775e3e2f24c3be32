using RoViec.Data.Entities;

namespace RoViec.Web.Features.Accounts;

/// <summary>The Vietnamese names of the roles, as the screens show them.</summary>
public static class RoleLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [Roles.Administrator] = "Quản trị viên",
        [Roles.StandingOffice] = "Cơ quan thường trực",
        [Roles.UnitReporter] = "Cán bộ báo cáo của đơn vị",
        [Roles.UnitHead] = "Thủ trưởng đơn vị",
        [Roles.SteeringMember] = "Thành viên Ban Chỉ đạo",
        [Roles.Chair] = "Trưởng Ban Chỉ đạo",
        [Roles.Inspector] = "Ủy ban Kiểm tra (UBKT)",
        [Roles.ProvinceOffice] = "Văn phòng Ban Chỉ đạo tỉnh",
        [Roles.NationalOffice] = "Văn phòng Ban Chỉ đạo Trung ương",
    };

    public static string For(string role) => Labels.TryGetValue(role, out var label) ? label : role;

    /// <summary>Roles in the order of <see cref="Roles.All"/>, named in Vietnamese and joined.</summary>
    public static string Join(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        var named = Roles.All.Where(set.Contains).Select(For).ToList();
        return named.Count == 0 ? "(chưa có vai trò)" : string.Join(", ", named);
    }

    /// <summary>Roles a commune's account may hold: every role but the province's and the nation's offices'.</summary>
    public static readonly IReadOnlyList<string> CommuneRoles = [.. Roles.All.Where(r => r is not (Roles.ProvinceOffice or Roles.NationalOffice))];

    /// <summary>Roles a province-level account (no commune of its own) may hold.</summary>
    public static readonly IReadOnlyList<string> ProvinceRoles = [Roles.Administrator, Roles.ProvinceOffice];
}
