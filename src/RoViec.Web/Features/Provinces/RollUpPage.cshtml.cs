using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RoViec.Data;
using RoViec.Documents.Sheets;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Provinces;

/// <summary>
/// `/tinh/chi-tieu-chung` — the province's common indicators rolled up for a month over the communes' accepted values
/// (<see cref="RollUp"/>), with the communes missing and why; `?handler=Excel` the province's monthly workbook
/// (<see cref="ProvinceWorkbook"/>); `?handler=Word` the province's monthly report (<see cref="ProvinceReportDocx"/>) in the
/// layout the office fills in on the form (the same fields and query keys as the commune's report). Province-level accounts only.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class RollUpPageModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The report form's defaults: the province steering committee's administrative layout, dated today.</summary>
    public OfficialReports.MonthlyReportSettings Defaults { get; private set; } = null!;

    public CockpitView Cockpit { get; private set; } = null!;
    public IReadOnlyList<RolledUp> Indicators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] int? nam, [FromQuery] int? thang, CancellationToken ct) => await LoadAsync(nam, thang, ct) ?? Page();

    public async Task<IActionResult> OnGetExcelAsync([FromQuery] int? nam, [FromQuery] int? thang, CancellationToken ct)
    {
        if (await LoadAsync(nam, thang, ct) is { } refused) return refused;
        var report = await ProvinceReport.CompileAsync(db, Cockpit, Indicators, ct);
        return File(await ProvinceWorkbook.BuildAsync(Cockpit, report, ct), Spreadsheets.XlsxContentType, ProvinceWorkbook.FileName(Cockpit.Year, Cockpit.Month));
    }

    public async Task<IActionResult> OnGetWordAsync([FromQuery] int? nam, [FromQuery] int? thang, CancellationToken ct)
    {
        if (await LoadAsync(nam, thang, ct) is { } refused) return refused;
        var q = Request.Query;
        var settings = Defaults.With(q["captren"], q["coquan"], q["so"], q["kyhieu"], q["ngay"], q["tm"], q["chucvu"], q["nguoiky"], q["noinhan"], out var error, q["thethuc"]);
        if (error is not null)
        {
            ModelState.AddModelError("", error.In(localizer));
            return this.Refuse(Refusal.BadRequest);
        }
        var report = await ProvinceReport.CompileAsync(db, Cockpit, Indicators, ct);
        return File(ProvinceReportDocx.Write(report, settings), Documents.Word.WordDocuments.ContentType, ProvinceReportDocx.FileName(Cockpit.Year, Cockpit.Month));
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
        Defaults = ProvinceReportDocx.Defaults(cockpit.ProvinceName, clock.VietnamToday());
        return null;
    }
}
