using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Organisation;

namespace RoViec.Web.Features.Accounts;

/// <summary>The accounts the administrator manages: name, user name, roles, unit, locked, two-factor.</summary>
[Authorize(Policy = Policies.ManageOrganisation)]
public sealed class UsersModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    /// <summary>"?xa=tinh" lists a province administrator's province-level accounts.</summary>
    public const string ProvinceLevel = "tinh";

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];
    public IReadOnlyList<CommuneChoice> Communes { get; private set; } = [];
    public bool IsProvinceAdmin { get; private set; }
    public string Filter { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? xa, CancellationToken ct)
    {
        var scope = AdminScope.Of(await currentUser.ScopeAsync(User, ct));
        if (scope is null) return NotFound();
        Communes = await AdminScope.CommunesAsync(db, await currentUser.ScopeAsync(User, ct), ct);
        IsProvinceAdmin = scope.IsProvinceLevel;
        Guid? only = null;
        if (IsProvinceAdmin && xa == ProvinceLevel) only = Guid.Empty;
        else if (Guid.TryParse(xa, out var communeId))
        {
            if (Communes.All(c => c.Id != communeId)) return NotFound();
            only = communeId;
        }
        Filter = xa ?? "";
        Accounts = await ManagedAccounts.ListAsync(db, scope, only, clock, ct);
        return Page();
    }
}
