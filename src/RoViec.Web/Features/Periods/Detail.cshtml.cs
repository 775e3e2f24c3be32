using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;
using Microsoft.Extensions.Localization;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Periods;

/// <summary>
/// `/ky-bao-cao/{id}`: one period — every unit that must report, where its report is, its due day and
/// whether it came on time; the standing office gives a unit a later due day with a recorded reason.
/// A unit's own users see only their unit's line.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class DetailModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed record UnitLine(Guid ReportId, Guid UnitId, string Unit, string State, DateOnly DueOn, bool Extended, DateTime? FirstSubmittedAtUtc, bool Received, bool OnTime, bool Late, int Lines);

    public ReportingPeriod Period { get; private set; } = null!;
    public IReadOnlyList<UnitLine> Units { get; private set; } = [];
    public ReportingRate Rate { get; private set; } = ReportingRate.None;
    public IReadOnlyList<(PeriodExtension Extension, string Unit)> Extensions { get; private set; } = [];
    public bool RunsReporting { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    [BindProperty]
    public Guid ExtendUnitId { get; set; }

    [BindProperty]
    public string? ExtendDueOn { get; set; }

    [BindProperty]
    public string? ExtendReason { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!RunsReporting) return Forbid();
        var scope = await currentUser.ScopeAsync(User, ct);
        var result = await PeriodAdmin.ExtendAsync(db, Period.CommuneId, id, ExtendUnitId, ExtendDueOn, ExtendReason, scope?.UserName, clock.GetUtcNow().UtcDateTime, ct);
        switch (result)
        {
            case PeriodAdmin.Result.Done:
                Notice = L["Đã gia hạn cho đơn vị; lý do được lưu cùng quyết định."];
                return RedirectToPage(new { id });
            case PeriodAdmin.Result.Invalid invalid:
                Errors = invalid.Errors;
                break;
        }
        var refusal = ((IRefused)result).Refusal;
        if (refusal is not Refusal.NotFound) await LoadAsync(id, ct);
        return this.Refuse(refusal);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var period = await PeriodQueries.FindAsync(db, id, ct);
        if (period is null || !await currentUser.CanReadCommuneAsync(User, period.CommuneId, ct)) return NotFound();
        Period = period;
        var scope = (await currentUser.ScopeAsync(User, ct))!;
        RunsReporting = scope.RunsReporting && scope.CommuneId == period.CommuneId;
        Today = clock.VietnamToday();

        var expected = (await ReportingFigures.ExpectedAsync(db, period.PlanId, id, ct)).ToDictionary(e => e.UnitId);
        var reports = await PeriodQueries.ReportsAsync(db, id, scope.IsUnitScoped, scope.UnitId, ct);
        Units = reports.Select(r =>
        {
            var e = expected[r.UnitId];
            return new UnitLine(r.Id, r.UnitId, r.Name, r.State, e.DueOn, e.DueOn != period.UnitDueOn, r.FirstSubmittedAtUtc, e.Received, e.OnTime,
                e.ReceivedOn is { } on ? on > e.DueOn : Today > e.DueOn, r.Lines);
        }).ToList();
        Rate = ReportingRate.Of(Units.Select(u => expected[u.UnitId]), Today);
        Extensions = await PeriodQueries.ExtensionsAsync(db, id, scope.IsUnitScoped, scope.UnitId, ct);
        return null;
    }
}
