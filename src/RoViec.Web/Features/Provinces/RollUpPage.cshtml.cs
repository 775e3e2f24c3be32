using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data;
using RoViec.Documents.Sheets;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Provinces;

/// <summary>
/// `/tinh/chi-tieu-chung` — the province's common indicators rolled up for a month over the communes' accepted values
/// (<see cref="RollUp"/>), with the communes missing and why; `?handler=Excel` the province's monthly workbook
/// (<see cref="ProvinceWorkbook"/>). Province-level accounts only.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class RollUpPageModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public CockpitView Cockpit { get; private set; } = null!;
    public IReadOnlyList<RolledUp> Indicators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] int? nam, [FromQuery] int? thang, CancellationToken ct) => await LoadAsync(nam, thang, ct) ?? Page();

    public async Task<IActionResult> OnGetExcelAsync([FromQuery] int? nam, [FromQuery] int? thang, CancellationToken ct)
    {
        if (await LoadAsync(nam, thang, ct) is { } refused) return refused;
        var pushed = await PushDownQueries.PublishedAsync(db, Cockpit.ProvinceId, ct);
        return File(await ProvinceWorkbook.BuildAsync(Cockpit, Indicators, pushed, ct), Spreadsheets.XlsxContentType, ProvinceWorkbook.FileName(Cockpit.Year, Cockpit.Month));
    }

    private async Task<IActionResult?> LoadAsync(int? year, int? month, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        if (scope is not { IsProvinceLevel: true, ProvinceId: { } provinceId }) return this.Refuse(Refusal.Forbidden);
        if (month is < 1 or > 12 || (month is null) != (year is null)) return this.Refuse(Refusal.NotFound);
        if (await ProvinceCockpit.ReadAsync(db, provinceId, new CockpitQuery(year, month, null, false, null, null), clock.VietnamToday(), ct) is not { } cockpit)
            return this.Refuse(Refusal.NotFound);
        Cockpit = cockpit;
        Indicators = await RollUp.MonthAsync(db, provinceId, cockpit.Year, cockpit.Month, ct);
        return null;
    }
}
