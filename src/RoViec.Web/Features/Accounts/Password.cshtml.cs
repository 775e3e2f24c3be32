using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Accounts;

/// <summary>A new password typed twice, with its Vietnamese messages: the change-password and set-password forms.</summary>
public class NewPasswordForm
{
    [Required(ErrorMessage = "Hãy nhập mật khẩu mới."), StringLength(100, ErrorMessage = "Mật khẩu tối đa 100 ký tự."), DataType(DataType.Password)]
    public string New { get; set; } = "";

    [Required(ErrorMessage = "Hãy nhập lại mật khẩu mới."), Compare(nameof(New), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp."), DataType(DataType.Password)]
    public string Confirm { get; set; } = "";
}

/// <summary>
/// Changes one's own password; other sessions end (Identity renews the security stamp), this one goes on, and every API
/// token of the account is revoked.
/// </summary>
public sealed class PasswordModel(RoViecDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock) : PageModel
{
    public sealed class Form : NewPasswordForm
    {
        [Required(ErrorMessage = "Hãy nhập mật khẩu hiện tại."), DataType(DataType.Password)]
        public string Current { get; set; } = "";
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadRequestPage();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await AccountActions.ChangePasswordAsync(db, users, user, Input.Current, Input.New, clock, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.Current" : "Input.New", error.Description);
            return BadRequestPage();
        }
        await signIn.RefreshSignInAsync(user);
        Done = true;
        Input = new Form();
        return Page();
    }

    private PageResult BadRequestPage()
    {
        Response.SetStatus(Refusal.BadRequest);
        Input = new Form();
        return Page();
    }
}
