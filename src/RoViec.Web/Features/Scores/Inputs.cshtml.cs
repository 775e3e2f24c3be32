using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Periods;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Evaluation;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Outcomes;
using Microsoft.Extensions.Localization;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Scores;

/// <summary>
/// `/diem/nhap-lieu`: the standing office enters, for a unit's month, what the reports do not carry — manual scores,
/// yes/no criteria with evidence, written allowances, initiatives and the budget — as the month's scheme asks. A
/// save checks everything first (422 with every reason, nothing saved), then the month is rescored and the change
/// recorded with who and why. Only the standing office (and its administrator) may open it.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class InputsModel(RoViecDbContext db, CurrentUser currentUser, PeriodChanges changes, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<ReportingPeriod> Months { get; private set; } = [];
    public ReportingPeriod? Month { get; private set; }
    public IReadOnlyList<OrgUnit> Units { get; private set; } = [];
    public OrgUnit? Unit { get; private set; }
    public SchemeInForce? Scheme { get; private set; }
    public IReadOnlyList<ScoreInputs.Field> Fields { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty] public Dictionary<string, string?> Value { get; set; } = [];
    [BindProperty] public Dictionary<string, bool> Yes { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Basis { get; set; } = [];
    [BindProperty] public string? Allocated { get; set; }
    [BindProperty] public string? Disbursed { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? ky, [FromQuery] Guid? donvi, CancellationToken ct)
    {
        if (await LoadAsync(ky, donvi, ct) is { } refused) return refused;
        if (Month is null || Unit is null) return Page();
        var (inputs, budget) = await ScoreInputs.EnteredAsync(db, Month.Id, Unit.Id, ct);
        foreach (var row in inputs)
        {
            Value[row.Code] = row.Value is { } v ? ScoreService.Points(v) : row.Yes is { } y ? (y ? ScoreInputs.ChoiceYes : ScoreInputs.ChoiceNo) : null;
            Yes[row.Code] = row.Yes == true;
            Basis[row.Code] = row.Basis;
        }
        if (budget is not null)
        {
            Allocated = Money(budget.Allocated);
            Disbursed = Money(budget.Disbursed);
            Source = budget.Source;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromQuery] Guid? ky, [FromQuery] Guid? donvi, CancellationToken ct)
    {
        if (await LoadAsync(ky, donvi, ct) is { } refused) return refused;
        if (Month is null || Unit is null || ky is null || donvi is null) return NotFound();
        var entries = Fields.ToDictionary(f => f.Code, f => new ScoreInputs.Entry(Value.GetValueOrDefault(f.Code), Yes.GetValueOrDefault(f.Code), Basis.GetValueOrDefault(f.Code)));
        var why = string.IsNullOrWhiteSpace(Reason) ? $"Cơ quan thường trực nhập điểm, minh chứng, kinh phí của {Unit.Name}" : $"Điều chỉnh dữ liệu chấm điểm của {Unit.Name}: {Reason.Trim()}";
        var outcome = await ScoreInputs.SaveAsync(db, Month, Unit.Id, Fields, entries, new ScoreInputs.Budget(Allocated, Disbursed, Source),
            Reason, User.Identity?.Name, clock.GetUtcNow().UtcDateTime, changes, why, ct);
        if (outcome is ScoreInputs.SaveOutcome.Locked locked)
        {
            Problems = [locked.Why.In(L)];
            return this.Refuse(locked.Refusal);
        }
        if (outcome is ScoreInputs.SaveOutcome.Invalid invalid)
        {
            Problems = [.. invalid.Problems.Select(p => p.In(L))];
            return this.Refuse(invalid.Refusal);
        }
        var (changed, change) = (ScoreInputs.SaveOutcome.Saved)outcome;
        if (change is not null) await changes.RaiseAsync(change, ct);
        Notice = changed > 0
            ? new Sentence("Đã lưu {0} thay đổi của {1}; điểm {2} đã được tính lại.", changed, Unit.Name, PeriodName.Of(Month).MidSentence()).In(L)
            : L["Không có gì thay đổi."];
        return Redirect($"/diem/nhap-lieu?ky={Month.Id}&donvi={Unit.Id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid? ky, Guid? donvi, CancellationToken ct)
    {
        var communeId = await currentUser.CommuneIdAsync(HttpContext, ct);
        var scope = await currentUser.ScopeAsync(User, ct);
        if (communeId is not { } id || scope is null) return NotFound();
        if (!(scope.RunsReporting && scope.CommuneId == id)) return Forbid();
        var plan = await PlanQueries.ActivePlanAsync(db, id, ct);
        if (plan is null) return null;
        Months = [.. (await PeriodQueries.MonthsAsync(db, plan.Id, openedOnly: true, ct)).OrderByDescending(p => p.Number)];
        Month = ky is { } chosen ? Months.FirstOrDefault(m => m.Id == chosen) : (Months.Count > 0 ? Months[0] : null);
        if (ky is not null && Month is null) return NotFound();
        if (Month is null) return null;
        Units = await ScoreInputs.UnitsOfAsync(db, Month.Id, ct);
        Unit = donvi is { } unit ? Units.FirstOrDefault(u => u.Id == unit) : (Units.Count > 0 ? Units[0] : null);
        if (donvi is not null && Unit is null) return NotFound();
        Scheme = await ScoreService.SchemeOfAsync(db, Month, clock, ct);
        Fields = ScoreInputs.FieldsOf(Scheme.Definition);
        return null;
    }

    public static string Money(decimal value) => value.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
