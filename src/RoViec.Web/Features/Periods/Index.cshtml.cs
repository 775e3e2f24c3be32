using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Periods;

/// <summary>
/// `/ky-bao-cao`: the reporting periods of the plan in force with how many units have reported; the
/// standing office sets the reporting rules, opens a period ahead of its day and asks for ad-hoc reports.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class IndexModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public sealed record PeriodLine(ReportingPeriod Period, ReportingRate Rate);

    public sealed class RulesForm
    {
        public int UnitDueDay { get; set; }
        public int CompileDueDay { get; set; }
        public bool Monthly { get; set; }
        public bool Quarterly { get; set; }
        public string? AnnualUnitDue { get; set; }
        public string? AnnualCompileDue { get; set; }
        public bool RequireHeadApproval { get; set; }
        public int RemindDaysBefore { get; set; }
        public int EscalateDaysAfter { get; set; }
        public Guid Version { get; set; }
    }

    public sealed class AdHocForm
    {
        public string? Title { get; set; }
        public string? Request { get; set; }
        public string? UnitDue { get; set; }
        public string? CompileDue { get; set; }
        public List<Guid> UnitIds { get; set; } = [];
    }

    public Plan? Plan { get; private set; }
    public IReadOnlyList<PeriodLine> Periods { get; private set; } = [];
    /// <summary>The plans in force that report in the programme's periods (ADR 0009).</summary>
    public IReadOnlyList<PlansTogether.PlanName> Companions { get; private set; } = [];
    /// <summary>The campaigns in force reporting weekly, each with its weeks.</summary>
    public IReadOnlyList<(Plan Campaign, IReadOnlyList<PeriodLine> Weeks)> Campaigns { get; private set; } = [];
    public IReadOnlyList<OrgUnit> Units { get; private set; } = [];
    public bool RunsReporting { get; private set; }
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    [BindProperty]
    public RulesForm Rules { get; set; } = new();

    [BindProperty]
    public AdHocForm AdHoc { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(fillForms: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRulesAsync(CancellationToken ct)
    {
        if (await RefusalAsync(ct) is { } refused) return refused;
        var r = Rules;
        var result = await PeriodAdmin.SaveRulesAsync(db, Plan!.CommuneId, Plan.Id,
            new PeriodAdmin.RulesInput(r.UnitDueDay, r.CompileDueDay, r.Monthly, r.Quarterly, r.AnnualUnitDue, r.AnnualCompileDue,
                r.RequireHeadApproval, r.RemindDaysBefore, r.EscalateDaysAfter, r.Version), ct);
        return await AnswerAsync(result, "Đã lưu quy định báo cáo; các kỳ chưa mở được sắp xếp lại theo quy định mới.", ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id, Guid version, CancellationToken ct)
    {
        if (await RefusalAsync(ct) is { } refused) return refused;
        var result = await PeriodAdmin.OpenNowAsync(db, Plan!.CommuneId, id, version, clock.GetUtcNow().UtcDateTime, ct);
        if (result is PeriodAdmin.Result.Done) return Redirect($"/ky-bao-cao/{id}");
        return await AnswerAsync(result, "", ct);
    }

    public async Task<IActionResult> OnPostAdHocAsync(CancellationToken ct)
    {
        if (await RefusalAsync(ct) is { } refused) return refused;
        var a = AdHoc;
        var result = await PeriodAdmin.CreateAdHocAsync(db, Plan!.CommuneId, Plan.Id,
            new PeriodAdmin.AdHocInput(a.Title, a.Request, a.UnitDue, a.CompileDue, a.UnitIds), clock.GetUtcNow().UtcDateTime, ct);
        if (result is PeriodAdmin.Result.Done { Id: { } id }) return Redirect($"/ky-bao-cao/{id}");
        return await AnswerAsync(result, "", ct);
    }

    private async Task<IActionResult?> RefusalAsync(CancellationToken ct)
    {
        await LoadAsync(fillForms: false, ct);
        if (Plan is null) return NotFound();
        return RunsReporting ? null : Forbid();
    }

    private async Task<IActionResult> AnswerAsync(PeriodAdmin.Result result, string done, CancellationToken ct)
    {
        switch (result)
        {
            case PeriodAdmin.Result.Done:
                Notice = done;
                return RedirectToPage();
            case PeriodAdmin.Result.NotFound notFound:
                return this.Refuse(notFound.Refusal);
            case PeriodAdmin.Result.Conflict conflict:
                Errors = new Dictionary<string, string> { [""] = conflict.Message };
                break;
            case PeriodAdmin.Result.Invalid invalid:
                Errors = invalid.Errors;
                break;
        }
        PeriodAdmin.Forget(db);
        await LoadAsync(fillForms: false, ct);
        return this.Refuse(((IRefused)result).Refusal);
    }

    private async Task LoadAsync(bool fillForms, CancellationToken ct)
    {
        var communeId = await currentUser.CommuneIdAsync(HttpContext, ct);
        var scope = await currentUser.ScopeAsync(User, ct);
        Plan = await PlanQueries.ActivePlanAsync(db, communeId, ct);
        if (Plan is null) return;
        RunsReporting = scope is { RunsReporting: true } && scope.CommuneId == Plan.CommuneId;
        var periods = await PeriodQueries.OfPlanAsync(db, Plan.Id, ct);
        var expected = (await ReportingFigures.ExpectedAsync(db, Plan.Id, null, ct)).ToLookup(e => e.PeriodId);
        Periods = periods.OrderBy(p => p.UnitDueOn).ThenBy(p => p.Kind)
            .Select(p => new PeriodLine(p, ReportingRate.Of(expected[p.Id], clock.VietnamToday()))).ToList();
        Companions = [.. (await PlansTogether.NamesAsync(db, await PlansTogether.WithCompanionsAsync(db, Plan.Id, ct), ct)).Where(p => p.Id != Plan.Id)];
        var campaigns = new List<(Plan, IReadOnlyList<PeriodLine>)>();
        foreach (var campaign in await PlanQueries.CampaignsAsync(db, Plan.CommuneId, ct))
        {
            var weeks = await PeriodQueries.OfPlanAsync(db, campaign.Id, ct);
            var received = (await ReportingFigures.ExpectedAsync(db, campaign.Id, null, ct)).ToLookup(e => e.PeriodId);
            campaigns.Add((campaign, [.. weeks.OrderBy(p => p.StartsOn).Select(p => new PeriodLine(p, ReportingRate.Of(received[p.Id], clock.VietnamToday())))]));
        }
        Campaigns = campaigns;
        Units = [.. (await PeriodQueries.UnitsByNameAsync(db, Plan.CommuneId, ct)).Where(CommuneCatalog.IsAssignable)];
        if (!fillForms) return;
        var rules = await PeriodAdmin.RulesAsync(db, Plan.Id, ct);
        Rules = new RulesForm
        {
            UnitDueDay = rules.UnitDueDay,
            CompileDueDay = rules.CompileDueDay,
            Monthly = rules.Monthly,
            Quarterly = rules.Quarterly,
            AnnualUnitDue = $"{rules.AnnualUnitDueDay}/{rules.AnnualUnitDueMonth}",
            AnnualCompileDue = $"{rules.AnnualCompileDueDay}/{rules.AnnualCompileDueMonth}",
            RequireHeadApproval = rules.RequireHeadApproval,
            RemindDaysBefore = rules.RemindDaysBefore,
            EscalateDaysAfter = rules.EscalateDaysAfter,
            Version = rules.Version,
        };
    }
}
