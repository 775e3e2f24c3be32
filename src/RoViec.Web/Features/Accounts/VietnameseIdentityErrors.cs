using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace RoViec.Web.Features.Accounts;

/// <summary>Identity's messages (password policy, duplicate names, bad codes) in Vietnamese, and those of <see cref="PasswordStrength"/>.</summary>
public sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    public override IdentityError DefaultError() => E(nameof(DefaultError), "Đã có lỗi ngoài ý muốn; chưa có gì được lưu.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Người khác vừa thay đổi tài khoản này. Hãy tải lại trang rồi làm lại.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Mật khẩu hiện tại không đúng.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "Mã không hợp lệ hoặc đã hết hạn.");
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), "Mã khôi phục không đúng hoặc đã được dùng.");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "Tài khoản đăng nhập ngoài này đã gắn với người dùng khác.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"Tên đăng nhập \"{userName}\" không hợp lệ: chỉ dùng chữ không dấu, số và các dấu . _ -.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"Địa chỉ thư điện tử \"{email}\" không hợp lệ.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"Tên đăng nhập \"{userName}\" đã có người dùng.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"Địa chỉ thư điện tử \"{email}\" đã có người dùng.");
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), $"Vai trò \"{role}\" không hợp lệ.");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"Vai trò \"{role}\" đã có.");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "Tài khoản đã có mật khẩu.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "Tài khoản này không thể bị khóa.");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"Tài khoản đã có vai trò {RoleLabels.For(role)}.");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"Tài khoản không có vai trò {RoleLabels.For(role)}.");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"Mật khẩu phải có ít nhất {N(length)} ký tự.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"Mật khẩu phải có ít nhất {N(uniqueChars)} ký tự khác nhau.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "Mật khẩu phải có ít nhất một ký tự đặc biệt (ví dụ ! - @ #).");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Mật khẩu phải có ít nhất một chữ số (0–9).");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Mật khẩu phải có ít nhất một chữ thường (a–z).");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Mật khẩu phải có ít nhất một chữ hoa (A–Z).");

    // The refusals of RoViec's own password validator (PasswordStrength); their codes start with "Password" so that pages put them beside the password field.
    public static IdentityError PasswordTooCommon() =>
        E(nameof(PasswordTooCommon), "Mật khẩu này (hoặc phần chữ của nó, bỏ số và ký tự ở đầu, ở cuối) nằm trong danh sách mật khẩu phổ biến mà kẻ gian thử đầu tiên. Hãy chọn một cụm từ của riêng bạn, ví dụ vài từ không liền nghĩa ghép lại.");

    public static IdentityError PasswordContainsPersonalInfo() =>
        E(nameof(PasswordContainsPersonalInfo), "Mật khẩu không được chứa tên đăng nhập, họ tên hay địa chỉ thư điện tử của tài khoản: người khác dễ đoán ra.");

    public static IdentityError PasswordContainsPlaceName() =>
        E(nameof(PasswordContainsPlaceName), "Mật khẩu không được chứa chữ \"RoViec\", tên xã hay tên tỉnh: người khác dễ đoán ra.");
}
