using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Accounts;

/// <summary>
/// The page a one-time link opens (<see cref="SetPasswordLink"/>): the person chooses their own password, then signs in.
/// A used, expired or altered link is refused with a sentence saying what to do; nothing is changed.
/// </summary>
[AllowAnonymous]
public sealed class SetPasswordModel(RoViecDbContext db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "tk")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "ma")]
    public string Token { get; set; } = "";

    [BindProperty]
    public NewPasswordForm Input { get; set; } = new();

    public string? UserName { get; private set; }
    public bool Done { get; private set; }
    /// <summary>The link is used, expired, altered or superseded: the page says so and changes nothing.</summary>
    public bool LinkRefused { get; private set; }

    /// <summary>The token is in the address: it must not travel on to another site or stay in a cache, whatever the handler.</summary>
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await FindAsync();
        if (user is null || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, Token))
            return NotValid();
        UserName = user.UserName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await FindAsync();
        if (user is null) return NotValid();
        UserName = user.UserName;
        if (!ModelState.IsValid) return Again();
        // A locked-out account (too many wrong passwords) may sign in with the password it has just chosen; the account's
        // API tokens are revoked.
        var result = await AccountActions.SetPasswordAsync(db, users, user, Token, Input.New, clock, ct);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) return NotValid();
            // One message beside the field, saying every rule the password breaks.
            ModelState.AddModelError("Input.New", string.Join(" ", result.Errors.Select(e => e.Description).Distinct()));
            return Again();
        }
        Done = true;
        Input = new NewPasswordForm();
        return Page();
    }

    private async Task<AppUser?> FindAsync() =>
        UserId == Guid.Empty || string.IsNullOrEmpty(Token) ? null : await users.FindByIdAsync(UserId.ToString());

    private IActionResult NotValid()
    {
        LinkRefused = true;
        Input = new NewPasswordForm();
        return this.Refuse(Refusal.BadRequest);
    }

    private IActionResult Again()
    {
        Input = new NewPasswordForm();
        return this.Refuse(Refusal.BadRequest);
    }
}
