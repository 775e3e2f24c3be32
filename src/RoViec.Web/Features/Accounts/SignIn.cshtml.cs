using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Accounts;

/// <summary>
/// Sign-in with lockout after repeated failures; a second step for accounts with two-factor sign-in. Every failure (an
/// unknown user name, a wrong password, a locked account) gets the same status (401), the same sentence and about the
/// same time (<see cref="SignInAttempt"/>), so the form tells nobody which accounts exist; one address may try only a
/// few times a minute (<see cref="SignInThrottle"/>).
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInThrottle.Policy)]
public sealed class SignInModel(SignInManager<AppUser> signIn, UnknownUserHash nobody, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Hãy nhập tên đăng nhập.")]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Hãy nhập mật khẩu."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await SignInAttempt.RunAsync(signIn, nobody, UserName, Password);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        // Password right, second factor to come: the two-factor cookie remembers who, for a few minutes.
        if (result.RequiresTwoFactor) return RedirectToPage("TwoFactorSignIn", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        // Whatever failed, the same words: the locked account is named only as a possibility, for its owner to understand.
        Error = L["Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa. Sau 5 lần sai liên tiếp, tài khoản tạm khóa 15 phút; nếu cần, hãy liên hệ quản trị viên."];
        return this.Again(Refusal.Unauthenticated);
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage();
    }
}
