using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Provinces;

/// <summary>`/tinh/giao-viec/{id}` — one pushed task in every commune it went to: localised (lead, deadline, status), declined (why) or pending.</summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class SpreadModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    public PushDownQueries.TaskSpread View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        if (scope is not { IsProvinceLevel: true, ProvinceId: { } provinceId }) return this.Refuse(Refusal.Forbidden);
        if (await PushDownQueries.SpreadAsync(db, provinceId, id, ct) is not { } view) return this.Refuse(Refusal.NotFound);
        View = view;
        return Page();
    }
}
