using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Accounts;

/// <summary>
/// Two-factor sign-in with an authenticator app: enrol (QR code or key, then a code to prove it
/// works), recovery codes shown once, new recovery codes, set up again on another phone, and turn
/// it off — not for the roles that must keep it while "RoViec:RequireTwoFactor" is on.
/// </summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IConfiguration configuration, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty, Required(ErrorMessage = "Hãy nhập mã 6 chữ số từ ứng dụng xác thực.")]
    public string Code { get; set; } = "";

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string? QrSvg { get; private set; }
    public string? GroupedKey { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Recovery codes just generated, shown this once.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled)
        {
            await LoadAsync(user);
            return Page();
        }
        if (ModelState.IsValid)
        {
            var code = Authenticator.NormaliseCode(Code);
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
                // Turning it on renewed the security stamp; this session carries the new one.
                await signIn.RefreshSignInAsync(user);
                Done = L["Đã bật xác thực hai bước. Từ lần đăng nhập sau, bạn nhập thêm mã từ ứng dụng xác thực."];
                await LoadAsync(user);
                return Page();
            }
            ModelState.AddModelError(nameof(Code), L["Mã xác thực không đúng. Hãy kiểm tra giờ trên điện thoại và nhập mã đang hiển thị."]);
        }
        Response.SetStatus(Refusal.BadRequest);
        Code = "";
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ModelState.Clear();
        if (user.TwoFactorEnabled)
        {
            RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
            Done = L["Đã tạo bộ mã khôi phục mới; các mã cũ không còn dùng được."];
        }
        await LoadAsync(user);
        return Page();
    }

    /// <summary>Turns it off; with "reset" also forgets the key, to set up again on another phone.</summary>
    public async Task<IActionResult> OnPostDisableAsync(bool reset)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ModelState.Clear();
        if (!reset && TwoFactorRequirement.AppliesTo(configuration, await users.GetRolesAsync(user)))
        {
            ModelState.AddModelError("", L["Vai trò của bạn bắt buộc đăng nhập hai bước nên không thể tắt. Nếu đổi điện thoại, hãy chọn \"Thiết lập lại trên điện thoại khác\"."]);
            Response.SetStatus(Refusal.BadRequest);
            await LoadAsync(user);
            return Page();
        }
        await AccountActions.ResetTwoFactorAsync(users, user);
        await signIn.RefreshSignInAsync(user);
        Done = reset
            ? L["Đã xóa khóa cũ. Hãy quét mã QR mới bằng ứng dụng xác thực trên điện thoại mới."]
            : L["Đã tắt xác thực hai bước."];
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = TwoFactorRequirement.AppliesTo(configuration, await users.GetRolesAsync(user));
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        GroupedKey = Authenticator.GroupedKey(key!);
        QrSvg = Authenticator.QrSvg(Authenticator.OtpAuthUri(user.UserName ?? "", key!));
    }
}
