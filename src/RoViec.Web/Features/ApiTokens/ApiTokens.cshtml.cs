using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.ApiTokens;

/// <summary>
/// The signed-in user's personal API tokens: list, create (the token is shown once, in full) and
/// revoke. A token acts as its owner, with the owner's roles and scope; nobody sees another's tokens.
/// </summary>
public sealed class ApiTokensModel(RoViecDbContext db, CurrentUser currentUser, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L, TimeProvider clock) : PageModel
{
    public sealed record TokenLine(Guid Id, string Name, string Prefix, string Created, string? LastUsed, string? Expires, string? Revoked, bool Expired)
    {
        public bool Active => Revoked is null && !Expired;
    }

    public sealed class Form
    {
        public string? Name { get; set; }

        /// <summary>Text, not a number, so a wrong entry gets the Vietnamese message rather than the binder's English one.</summary>
        public string? ExpiresInDays { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public IReadOnlyList<TokenLine> Tokens { get; private set; } = [];

    /// <summary>The token just created: shown in this one response, never again.</summary>
    public string? CreatedToken { get; private set; }

    public string? CreatedName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await OwnerAsync(ct) is not { } owner) return Forbid();
        await LoadAsync(owner, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await OwnerAsync(ct) is not { } owner) return Forbid();
        int? days = null;
        if (!string.IsNullOrWhiteSpace(Input.ExpiresInDays))
        {
            if (int.TryParse(Input.ExpiresInDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) days = parsed;
            else ModelState.AddModelError("Input.ExpiresInDays", L["Số ngày hiệu lực phải là một số nguyên từ 1 đến 3.650, hoặc để trống."]);
        }
        if (ModelState.IsValid)
        {
            switch (await CreateApiToken.RunAsync(db, owner, Input.Name, days, clock.GetUtcNow().UtcDateTime, ct))
            {
                case CreateApiToken.Result.Created created:
                    CreatedToken = created.Token;
                    CreatedName = created.Row.Name;
                    Input = new Form();
                    ModelState.Clear();
                    // The token must not stay in any cache; it is shown this once.
                    Response.Headers.CacheControl = "no-store";
                    await LoadAsync(owner, ct);
                    return Page();
                case CreateApiToken.Result.Invalid invalid:
                    ModelState.AddModelError(invalid.Field == "name" ? "Input.Name" : "Input.ExpiresInDays", invalid.Message);
                    break;
            }
        }
        Response.SetStatus(Refusal.BadRequest);
        await LoadAsync(owner, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if (await OwnerAsync(ct) is not { } owner) return Forbid();
        // Another user's token does not exist for this user.
        if (!await OwnTokens.RevokeAsync(db, owner, id, clock.GetUtcNow().UtcDateTime, ct)) return NotFound();
        return RedirectToPage();
    }

    private async Task<Guid?> OwnerAsync(CancellationToken ct) => (await currentUser.ScopeAsync(User, ct))?.UserId;

    private async Task LoadAsync(Guid owner, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await OwnTokens.ListAsync(db, owner, ct);
        Tokens = rows.Select(t => new TokenLine(t.Id, t.Name, t.Prefix, Show(t.CreatedAtUtc), ShowOrNull(t.LastUsedAtUtc), ShowOrNull(t.ExpiresAtUtc),
            ShowOrNull(t.RevokedAtUtc), t.ExpiresAtUtc is { } e && e <= now)).ToList();
    }

    private static string Show(DateTime utc) =>
        VietnamTime.FromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string? ShowOrNull(DateTime? utc) => utc is { } value ? Show(value) : null;
}
