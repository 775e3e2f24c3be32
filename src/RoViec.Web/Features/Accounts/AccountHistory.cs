using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Features.History;

namespace RoViec.Web.Features.Accounts;

/// <summary>
/// An account's recorded changes: its own fields, the roles given and taken (Identity's user-role
/// rows, whose id is "userId,roleId"), and the authenticator set-up. Never hashes, stamps or keys:
/// only the fields named here are shown, and the audit never copied the secrets in the first place.
/// </summary>
public static class AccountHistory
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [nameof(AppUser.UserName)] = "Tên đăng nhập",
        [nameof(AppUser.FullName)] = "Họ và tên",
        [nameof(AppUser.Title)] = "Chức vụ",
        [nameof(AppUser.Email)] = "Thư điện tử",
        [nameof(AppUser.UnitId)] = "Đơn vị",
        [nameof(AppUser.CommuneId)] = "Xã",
        [nameof(AppUser.LockoutEnd)] = "Khóa tài khoản",
        [nameof(AppUser.TwoFactorEnabled)] = "Xác thực hai bước",
        [nameof(AppUser.AccessFailedCount)] = "Số lần đăng nhập sai liên tiếp",
    };

    private static readonly string UserRoleEntity = typeof(IdentityUserRole<Guid>).Name;
    private static readonly string UserTokenEntity = typeof(IdentityUserToken<Guid>).Name;

    public static async Task<IReadOnlyList<HistoryRow>> LoadAsync(RoViecDbContext db, Guid userId, CancellationToken ct)
    {
        var id = userId.ToString();
        var prefix = id + ",";
        var entries = await db.Audit.AsNoTracking()
            .Where(a => (a.Entity == nameof(AppUser) && a.EntityId == id)
                || ((a.Entity == UserRoleEntity || a.Entity == UserTokenEntity) && a.EntityId.StartsWith(prefix)))
            .OrderByDescending(a => a.Id).Take(200).ToListAsync(ct);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Id.ToString(), r => r.Name ?? "", StringComparer.OrdinalIgnoreCase, ct);
        var units = await db.Units.ToDictionaryAsync(u => u.Id.ToString(), u => u.Name, StringComparer.OrdinalIgnoreCase, ct);
        var communes = await db.Communes.ToDictionaryAsync(c => c.Id.ToString(), c => c.Name, StringComparer.OrdinalIgnoreCase, ct);

        var rows = new List<HistoryRow>();
        foreach (var e in entries)
        {
            var at = VietnamTime.FromUtc(e.AtUtc);
            var actor = e.Actor ?? "";
            if (e.Entity == UserRoleEntity)
            {
                var roleId = e.EntityId[prefix.Length..];
                var role = RoleLabels.For(roles.GetValueOrDefault(roleId, "?"));
                rows.Add(new HistoryRow(at, actor, e.Action == "delete" ? "Bỏ vai trò" : "Thêm vai trò", [new FieldChange("Vai trò", null, role)]));
            }
            else if (e.Entity == UserTokenEntity)
            {
                var what = e.EntityId.EndsWith(",RecoveryCodes", StringComparison.Ordinal) ? "Mã khôi phục" : "Khóa ứng dụng xác thực";
                var action = e.Action switch { "delete" => "Xóa", "create" => "Tạo", _ => "Đổi" };
                rows.Add(new HistoryRow(at, actor, action + " " + what.ToLower(CultureInfo.GetCultureInfo("vi-VN")), []));
            }
            else
            {
                rows.Add(ChangeHistory.Describe(e, Labels, (field, value) => field switch
                {
                    nameof(AppUser.UnitId) => value is null ? "—" : units.GetValueOrDefault(value, "(đơn vị đã xóa)"),
                    nameof(AppUser.CommuneId) => value is null ? "cấp tỉnh" : communes.GetValueOrDefault(value, value),
                    nameof(AppUser.LockoutEnd) => Lockout(value),
                    nameof(AppUser.TwoFactorEnabled) => ChangeHistory.YesNo(value, "Bật", "Tắt"),
                    _ => value,
                }));
            }
        }
        return rows;
    }

    private static string Lockout(string? value)
    {
        if (value is null || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)) return "không khóa";
        if (end.Year >= 9999) return "khóa cho đến khi quản trị viên mở";
        return "khóa đến " + VietnamTime.FromUtc(end.UtcDateTime).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
    }
}
