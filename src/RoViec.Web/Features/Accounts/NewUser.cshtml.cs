using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Organisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Accounts;

/// <summary>
/// Creates an account in a commune (or, for a province administrator, at province level) with its roles and
/// unit, and hands its person a one-time link to set their own password (<see cref="SetPasswordLink"/>).
/// </summary>
[Authorize(Policy = Policies.ManageOrganisation)]
public sealed class NewUserModel(RoViecDbContext db, UserManager<AppUser> users, CurrentUser currentUser, TimeProvider clock, IConfiguration configuration) : PageModel
{
    [BindProperty]
    public NewAccountForm Input { get; set; } = new();

    /// <summary>The commune the account belongs to; null for a province-level account.</summary>
    public CommuneChoice? Commune { get; private set; }
    public IReadOnlyList<CommuneChoice> Communes { get; private set; } = [];
    public bool IsProvinceAdmin { get; private set; }
    public IReadOnlyList<string> OfferedRoles { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];
    public string Level { get; private set; } = "";

    /// <summary>After creation: the account.</summary>
    public CreateOutcome.Created? Created { get; private set; }

    /// <summary>After creation: how the one-time link to set a password reached the person (mailed, or shown here once).</summary>
    public SetPasswordLink.HandOver? HandOver { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? xa, CancellationToken ct) =>
        await LoadAsync(xa, ct) is { } refused ? refused : Page();

    public async Task<IActionResult> OnPostAsync(string? xa, CancellationToken ct)
    {
        if (await LoadAsync(xa, ct) is { } refused) return refused;
        if (!ModelState.IsValid) return BadRequestPage();
        var scope = AdminScope.Of(await currentUser.ScopeAsync(User, ct))!;
        var input = new NewAccount(
            Input.UserName.Trim().ToLowerInvariant(), VietnameseText.Squash(Input.FullName), Input.Title, Input.Email,
            [.. Input.Roles.Distinct(StringComparer.Ordinal)], Commune?.Id, Input.UnitId);
        switch (await CreateAccount.RunAsync(db, users, scope, input, clock, ct))
        {
            case CreateOutcome.Created created:
                Created = created;
                HandOver = await SetPasswordLink.HandOverAsync(users, created.User, Notifications.NoticeMailer.Settings.Read(configuration),
                    SetPasswordLink.BaseUrl(configuration, Request), newAccount: true, ct);
                // The link is shown this once: no cache may keep it.
                Response.Headers.CacheControl = "no-store";
                return Page();
            case CreateOutcome.Refused no:
                AccountForm.AddErrors(ModelState, no.Errors);
                return BadRequestPage(no.Refusal);
            default:
                throw new InvalidOperationException("unknown outcome");
        }
    }

    private PageResult BadRequestPage(Refusal refusal = Refusal.BadRequest) => this.Again(refusal);

    /// <summary>The level the account is created at: "?xa=tinh" for the province, a commune's id, or the administrator's (first) commune.</summary>
    private async Task<IActionResult?> LoadAsync(string? xa, CancellationToken ct)
    {
        var scope = AdminScope.Of(await currentUser.ScopeAsync(User, ct));
        if (scope is null) return NotFound();
        IsProvinceAdmin = scope.IsProvinceLevel;
        Communes = await AdminScope.CommunesAsync(db, scope, ct);
        if (xa == UsersModel.ProvinceLevel)
        {
            // A commune administrator asking for a province-level account is told why not when posting.
            Commune = null;
            Level = UsersModel.ProvinceLevel;
            OfferedRoles = RoleLabels.ProvinceRoles;
            return null;
        }
        Commune = AdminScope.Select(Communes, Request.Query[AdminScope.CommuneQuery]);
        if (Commune is null) return NotFound();
        Level = Commune.Id.ToString();
        OfferedRoles = RoleLabels.CommuneRoles;
        Units = await ManagedAccounts.AssignableUnitsAsync(db, Commune.Id, keep: null, ct);
        return null;
    }
}
