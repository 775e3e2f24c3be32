using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Accounts;

/// <summary>
/// The signed-in person's own account: who they are and where they sit, their name, title and
/// e-mail to correct, and "sign out everywhere" (a new security stamp ends every other session).
/// </summary>
public sealed class MyAccountModel(RoViecDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L, TimeProvider clock) : PageModel
{
    public sealed class ProfileForm
    {
        [Required(ErrorMessage = "Hãy nhập họ và tên."), StringLength(200, ErrorMessage = "Họ và tên tối đa 200 ký tự.")]
        public string FullName { get; set; } = "";

        [StringLength(300, ErrorMessage = "Chức vụ tối đa 300 ký tự.")]
        public string? Title { get; set; }

        [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ."), StringLength(256, ErrorMessage = "Địa chỉ thư điện tử quá dài.")]
        public string? Email { get; set; }
    }

    [BindProperty]
    public ProfileForm Input { get; set; } = new();

    public AppUser? Account { get; private set; }
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public string Place { get; private set; } = "";
    public string? UnitName { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        if (!ModelState.IsValid)
        {
            return this.Refuse(Refusal.BadRequest);
        }
        var account = Account!;
        account.FullName = VietnameseText.Squash(Input.FullName);
        account.Title = string.IsNullOrWhiteSpace(Input.Title) ? null : Input.Title.Trim();
        var email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        var result = email == account.Email ? await users.UpdateAsync(account) : await users.SetEmailAsync(account, email);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("", error.Description);
            return this.Refuse(Refusal.BadRequest);
        }
        // A new e-mail renews the security stamp: keep this session with the new one.
        await signIn.RefreshSignInAsync(account);
        Done = L["Đã lưu thông tin cá nhân."];
        return Page();
    }

    /// <summary>
    /// Every other session (another phone, a shared computer) stops working and every API token is revoked; this session
    /// goes on with the new stamp.
    /// </summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        ModelState.Clear();
        await AccountActions.SignOutEverywhereAsync(db, users, Account!, clock, ct);
        await signIn.RefreshSignInAsync(Account!);
        Fill();
        Done = L["Đã đăng xuất khỏi mọi thiết bị khác. Các phiên đăng nhập đó hết hiệu lực trong vòng một phút; phiên này vẫn tiếp tục. Mọi mã API của bạn đã bị thu hồi."];
        return Page();
    }

    private void Fill()
    {
        var a = Account!;
        Input = new ProfileForm { FullName = a.FullName ?? "", Title = a.Title, Email = a.Email };
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null) return false;
        Account = account;
        Roles = [.. await users.GetRolesAsync(account)];
        var place = await AccountPlace.OfAsync(db, account, ct);
        if (place.Commune is { } commune) Place = L["Xã {0}", commune];
        else if (place.Province is { } province) Place = L["Tỉnh {0}", province];
        UnitName = place.Unit;
        return true;
    }
}
