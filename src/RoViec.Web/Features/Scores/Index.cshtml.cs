using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Periods;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Outcomes;
using Microsoft.Extensions.Localization;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Scores;

/// <summary>
/// `/diem`: the ranking of units for a month (?ky=period), a quarter (?quy=1–4) or the year (?nam=1), with the
/// classes and the tie rule of the scheme; the standing office recomputes a month on demand (POST).
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class IndexModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public Plan? Plan { get; private set; }
    public IReadOnlyList<ReportingPeriod> Months { get; private set; } = [];
    public IReadOnlySet<Guid> Scored { get; private set; } = new HashSet<Guid>();
    public RankingView? View { get; private set; }
    public ReportingPeriod? Month { get; private set; }

    /// <summary>The month shown has not closed: its scores and ranks are provisional (tạm tính) and still change.</summary>
    public bool Provisional => Month is { } month && month.State != PeriodStates.Closed;
    /// <summary>For a quarter or the year: the scored months left out of the average because they have not closed (provisional).</summary>
    public IReadOnlyList<ReportingPeriod> LeftOut { get; private set; } = [];
    public int? Quarter { get; private set; }
    public bool Year { get; private set; }
    public bool RunsReporting { get; private set; }
    public Guid? OwnUnitId { get; private set; }
    public string? Error { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The plans the month's scores cover, when more than one (each unit's one report answers for all of them).</summary>
    public IReadOnlyList<PlansTogether.PlanName> Plans { get; private set; } = [];

    /// <summary>The years with a work programme, for reading a past year's scores (`?nam=2026`).</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];
    /// <summary>A past year is shown (not the year of the programme in force): links keep it.</summary>
    public int? PastYear { get; private set; }

    /// <param name="nam">A year (2026) reads that year's programme; with no month or quarter, the year's average (any value, as before).</param>
    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? ky, [FromQuery] int? quy, [FromQuery] int? nam, CancellationToken ct)
    {
        await LoadAsync(nam is >= 2000 ? nam : null, ct);
        if (nam is >= 2000 && Plan?.Year != nam) return NotFound();
        if (Plan is null) return Page();
        if (quy is >= 1 and <= 4)
        {
            Quarter = quy;
            await AverageAsync(new Sentence("Xếp hạng quý {0}/{1}", Roman(quy.Value), Plan.Year.ToString(CultureInfo.InvariantCulture)), Months.Where(m => (m.Number - 1) / 3 + 1 == quy).ToList(), ct);
        }
        else if (nam is not null && ky is null)
        {
            Year = true;
            await AverageAsync(new Sentence("Xếp hạng năm {0}", Plan.Year.ToString(CultureInfo.InvariantCulture)), Months, ct);
        }
        else
        {
            Month = ky is { } id ? Months.FirstOrDefault(m => m.Id == id) : Months.LastOrDefault(m => Scored.Contains(m.Id));
            if (ky is not null && Month is null)
            {
                // A month of another year, when the year was just changed on the form, gives way to the chosen year's latest.
                if (nam is null) return NotFound();
                Month = Months.LastOrDefault(m => Scored.Contains(m.Id));
            }
            if (Month is not null)
            {
                View = await ScoreQueries.MonthAsync(db, Month, ct);
                // Scores are the units', over the one report each sends for every plan of the month: the page says which.
                var plans = await PlansTogether.OfPeriodAsync(db, Month, ct);
                if (plans.Count > 1) Plans = await PlansTogether.NamesAsync(db, plans, ct);
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRecomputeAsync([FromForm] Guid ky, CancellationToken ct)
    {
        await LoadAsync(null, ct);
        if (!RunsReporting) return Forbid();
        if (Plan is null || Months.All(m => m.Id != ky)) return NotFound();
        var outcome = await ScoreService.RecomputeAsync(db, ky, "Cơ quan thường trực chấm lại", User.Identity?.Name, clock, ct);
        if (outcome is ScoreOutcome.Refused refused)
        {
            Error = refused.Text.In(L);
            Month = Months.First(m => m.Id == ky);
            View = await ScoreQueries.MonthAsync(db, Month, ct);
            return this.Refuse(refused.Refusal);
        }
        var scored = (ScoreOutcome.Scored)outcome;
        Notice = L["Đã chấm lại {0} đơn vị; {1} đơn vị thay đổi điểm.", scored.Units, scored.Changed];
        return Redirect($"/diem?ky={ky}");
    }

    private async Task LoadAsync(int? year, CancellationToken ct)
    {
        var communeId = await currentUser.CommuneIdAsync(HttpContext, ct);
        var scope = await currentUser.ScopeAsync(User, ct);
        // A past year stays readable: its programme's months, scores and rankings as they closed.
        (Plan, Years, var past) = await PlanQueries.ProgrammeForAsync(db, communeId, year, ct);
        PastYear = past && Plan is not null ? year : null;
        if (Plan is null) return;
        RunsReporting = scope is { RunsReporting: true } && scope.CommuneId == Plan.CommuneId;
        OwnUnitId = scope?.SeesWholeCommune == true ? null : scope?.UnitId;
        Months = await PeriodQueries.MonthsAsync(db, Plan.Id, openedOnly: false, ct);
        Scored = await ScoreQueries.ScoredPeriodsAsync(db, [.. Months.Select(m => m.Id)], ct);
    }

    /// <summary>
    /// A quarter or the year ranks the average of its closed months only: an open month's scores are provisional and
    /// never mixed with final ones. The title says how many months it averages; open scored months are named apart.
    /// </summary>
    private async Task AverageAsync(Sentence title, IReadOnlyList<ReportingPeriod> months, CancellationToken ct)
    {
        var closed = months.Where(m => m.State == PeriodStates.Closed && Scored.Contains(m.Id)).Select(m => m.Id).ToList();
        LeftOut = [.. months.Where(m => m.State != PeriodStates.Closed && Scored.Contains(m.Id))];
        View = await ScoreQueries.AverageAsync(db, closed.Count == 0 ? title : new Sentence("{0} (trung bình {1} tháng đã khóa sổ)", title, closed.Count), closed, ct);
    }

    public static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
