using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.Reports;

/// <summary>
/// The reports one may open: a unit's reporter and head see their unit's reports of every period; the
/// standing office and the commune's other readers see every unit's report of the open and latest periods,
/// by period, filtered by period and state; a province user picks the commune ("?xa=").
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class IndexModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ky")] public Guid? PeriodId { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang-thai")] public string? State { get; set; }

    public bool UnitView { get; private set; }
    public string? UnitName { get; private set; }
    public IReadOnlyList<ReportRow> UnitRows { get; private set; } = [];
    public IReadOnlyList<ReportingPeriod> Periods { get; private set; } = [];
    public IReadOnlyList<PeriodReports> Groups { get; private set; } = [];
    public bool RunsReporting { get; private set; }
    public IReadOnlyList<Commune> Communes { get; private set; } = [];
    public Guid? CommuneId { get; private set; }
    public string CommuneName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = ReportValues.Day(clock.GetUtcNow().UtcDateTime);
        var scope = await currentUser.ScopeAsync(User, ct);
        if (scope is not { HasAnyRole: true }) return Forbid();
        if (State is not null && !ReportLabels.States.Contains(State)) State = null;
        CommuneId = await currentUser.CommuneIdAsync(HttpContext, ct);
        if (scope is { IsProvinceLevel: true, ProvinceId: { } provinceId })
            Communes = await PlanQueries.CommunesOfAsync(db, provinceId, ct);
        if (CommuneId is not { } communeId) return Page();
        CommuneName = await PlanQueries.CommuneNameAsync(db, communeId, ct) ?? "";
        if (scope.IsUnitScoped)
        {
            UnitView = true;
            if (scope.UnitId is { } unitId)
            {
                UnitName = await PlanQueries.UnitNameAsync(db, unitId, ct);
                UnitRows = await ReportList.ForUnitAsync(db, communeId, unitId, today, ct);
            }
            return Page();
        }
        RunsReporting = scope.RunsReporting && scope.CommuneId == communeId;
        (Periods, Groups) = await ReportList.ForCommuneAsync(db, communeId, PeriodId, State, today, ct);
        return Page();
    }

    /// <summary>The link to a report, keeping the commune a province user picked.</summary>
    public string Link(Guid reportId) => Communes.Count > 0 ? $"/bao-cao/{reportId}?xa={CommuneId}" : $"/bao-cao/{reportId}";
}
