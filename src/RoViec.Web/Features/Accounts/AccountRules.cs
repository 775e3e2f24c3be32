using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Organisation;

namespace RoViec.Web.Features.Accounts;

public sealed record NoRole() : AdminError("Roles", "Hãy chọn ít nhất một vai trò.");

public sealed record RoleNotForCommune(string Role)
    : AdminError("Roles", $"Vai trò {RoleLabels.For(Role)} chỉ dành cho tài khoản cấp tỉnh, do quản trị viên cấp tỉnh tạo.");

public sealed record RoleNotForProvince(string Role)
    : AdminError("Roles", $"Tài khoản cấp tỉnh không nhận vai trò {RoleLabels.For(Role)}; vai trò này thuộc về một xã.");

public sealed record ProvinceLevelNotAllowed() : AdminError("", "Chỉ quản trị viên cấp tỉnh mới tạo được tài khoản cấp tỉnh.");

public sealed record UnitRequired() : AdminError("UnitId", "Cán bộ báo cáo và thủ trưởng đơn vị phải thuộc một đơn vị của xã.");

public sealed record UnitNotOfCommune() : AdminError("UnitId", "Đơn vị được chọn không thuộc xã của tài khoản hoặc đã ngừng hoạt động.");

public sealed record LastAdministrator(bool Self, string Commune)
    : AdminError("Roles", Self
        ? $"Bạn là quản trị viên cuối cùng của {Commune}. Hãy giao vai trò Quản trị viên cho một người khác trước khi bỏ vai trò của mình."
        : $"Đây là quản trị viên cuối cùng của {Commune}. Hãy giao vai trò Quản trị viên cho một người khác trước.");

public sealed record CannotLockSelf() : AdminError("", "Bạn không thể tự khóa tài khoản của mình.");

/// <summary>An Identity refusal (password policy, duplicate user name …), put beside the field it concerns.</summary>
public sealed record IdentityRefusal(string Field, string Description) : AdminError(Field, Description)
{
    public static IReadOnlyList<AdminError> From(IdentityResult result) =>
        [.. result.Errors.Select(e => new IdentityRefusal(FieldOf(e.Code), e.Description))];

    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) && code != "PasswordMismatch" ? "Password"
        : code.Contains("UserName", StringComparison.Ordinal) ? "UserName"
        : code.Contains("Email", StringComparison.Ordinal) ? "Email"
        : "";
}

/// <summary>
/// The rules an account must follow whoever writes it: a commune's account holds commune roles and a
/// unit of that commune (required for unit reporters and heads); a province-level account holds only
/// province roles and is made only by a province administrator; a commune keeps at least one administrator.
/// </summary>
public static class AccountRules
{
    private const string Group = nameof(RoViec.Domain.Units.UnitKind.Group);

    /// <param name="currentUnitId">The unit the account is in now: it may stay there even if the unit was deactivated since.</param>
    public static async Task<IReadOnlyList<AdminError>> CheckAsync(
        RoViecDbContext db, UserScope admin, Guid? communeId, IReadOnlyCollection<string> roles, Guid? unitId, Guid? currentUnitId, CancellationToken ct)
    {
        var errors = new List<AdminError>();
        if (roles.Count == 0) errors.Add(new NoRole());
        if (communeId is null)
        {
            if (!admin.IsProvinceLevel) errors.Add(new ProvinceLevelNotAllowed());
            errors.AddRange(roles.Where(r => !RoleLabels.ProvinceRoles.Contains(r)).Select(r => new RoleNotForProvince(r)));
            if (unitId is not null) errors.Add(new UnitNotOfCommune());
        }
        else
        {
            errors.AddRange(roles.Where(r => !RoleLabels.CommuneRoles.Contains(r)).Select(r => new RoleNotForCommune(r)));
            // A group ("các cơ quan liên quan") is nobody's workplace.
            if (unitId is { } id && !await db.Units.AnyAsync(u => u.Id == id && u.CommuneId == communeId && (u.Active || u.Id == currentUnitId) && u.Kind != Group, ct))
                errors.Add(new UnitNotOfCommune());
            else if (unitId is null && roles.Any(Roles.UnitScoped.Contains))
                errors.Add(new UnitRequired());
        }
        return errors;
    }

    /// <summary>Refuses taking the Administrator role from the last unlocked administrator of a commune (or of a province's own accounts).</summary>
    public static async Task<AdminError?> KeepsAnAdministratorAsync(RoViecDbContext db, UserScope admin, AppUser target, TimeProvider clock, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.Administrator).Select(r => r.Id).FirstAsync(ct);
        var now = clock.GetUtcNow();
        var administrators = from u in db.Users
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             where ur.RoleId == roleId && u.Id != target.Id
                             select u;
        administrators = target.CommuneId is { } communeId
            ? administrators.Where(u => u.CommuneId == communeId)
            : administrators.Where(u => u.CommuneId == null && u.ProvinceId == target.ProvinceId);
        var others = await administrators.Select(u => u.LockoutEnd).ToListAsync(ct);
        if (others.Any(end => end is null || end <= now)) return null;
        var place = target.CommuneId is { } id
            ? "xã " + await db.Communes.Where(c => c.Id == id).Select(c => c.Name).FirstAsync(ct)
            : "tỉnh " + await db.Provinces.Where(p => p.Id == target.ProvinceId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        return new LastAdministrator(target.Id == admin.UserId, place);
    }
}
