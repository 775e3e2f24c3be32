using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Provinces;

/// <summary>
/// `/ca-nuoc` — "Toàn quốc": every province for a month (<see cref="NationalView"/>), for a national account only. Its
/// one query crosses the commune boundary by name (<see cref="Crossing.NationalFigures"/>) and reads nothing but the
/// summary rows' sums.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class NationModel(RoViecDbContext db, CurrentUser currentUser, CommuneBoundary boundary, TimeProvider clock) : PageModel
{
    public NationalViewModel View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] int? nam, [FromQuery] int? thang, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        if (scope is not { IsNationLevel: true }) return this.Refuse(Refusal.Forbidden);
        if (thang is < 1 or > 12 || (thang is null) != (nam is null)) return this.Refuse(Refusal.NotFound);
        boundary.CrossAll(Crossing.NationalFigures);
        View = await NationalView.ReadAsync(db, nam, thang, clock.VietnamToday(), ct);
        return Page();
    }
}
