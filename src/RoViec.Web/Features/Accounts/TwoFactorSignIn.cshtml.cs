using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Accounts;

/// <summary>
/// The second step of signing in, after a correct password: a code from the authenticator app (wrong
/// codes count towards the lockout like wrong passwords), or one of the recovery codes.
/// </summary>
[AllowAnonymous]
public sealed class TwoFactorSignInModel(SignInManager<AppUser> signIn, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("SignIn");
        var code = Authenticator.NormaliseCode(Code);
        if (code.Length == 0) return Refuse(L["Hãy nhập mã 6 chữ số từ ứng dụng xác thực."], Refusal.BadRequest);
        return Answer(await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false));
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("SignIn");
        var code = (RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (code.Length == 0) return Refuse(L["Hãy nhập một mã khôi phục."], Refusal.BadRequest);
        return Answer(await signIn.TwoFactorRecoveryCodeSignInAsync(code));
    }

    private IActionResult Answer(Microsoft.AspNetCore.Identity.SignInResult result)
    {
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        if (result.IsLockedOut)
            return Refuse(L["Tài khoản tạm khóa do nhập sai nhiều lần. Hãy thử lại sau 15 phút hoặc liên hệ quản trị viên."], Refusal.Locked);
        return Refuse(L["Mã không đúng hoặc đã hết hạn. Hãy nhập mã đang hiển thị trên ứng dụng xác thực."], Refusal.Unauthenticated);
    }

    private PageResult Refuse(string message, Refusal refusal)
    {
        Error = message;
        Code = null;
        RecoveryCode = null;
        return this.Again(refusal);
    }
}
