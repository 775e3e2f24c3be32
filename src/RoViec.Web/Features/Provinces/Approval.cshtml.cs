using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Provinces;

/// <summary>
/// `/ky-bao-cao/{id}/gui-tinh` — a period on its way up to the province (<see cref="MonthApproval"/>): where it is and
/// who did what, the commune's standing office approving and sending it, the province office accepting it or sending it
/// back with a reason. Read by the commune's users who see the whole commune and by its province office.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class ApprovalModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public ReportingPeriod Period { get; private set; } = null!;
    public string CommuneName { get; private set; } = "";
    public PeriodApproval? Approval { get; private set; }
    public CommunePeriodSummary? Summary { get; private set; }
    public int Waiting { get; private set; }
    public bool CanApprove { get; private set; }
    public bool CanDecide { get; private set; }
    public string? Error { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public string State => Approval?.State ?? ApprovalStates.None;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, scope => MonthApproval.ApproveAsync(db, scope, id, Now, ct), ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, scope => MonthApproval.AcceptAsync(db, scope, id, Now, ct), ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, string? reason, CancellationToken ct) =>
        RunAsync(id, scope => MonthApproval.ReturnAsync(db, scope, id, reason, Now, ct), ct);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<IActionResult> RunAsync(Guid id, Func<UserScope?, Task<ApprovalOutcome>> work, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var outcome = await work(await currentUser.ScopeAsync(User, ct));
        if (outcome is ApprovalOutcome.Done done)
        {
            Notice = done.Note.In(localizer);
            return Redirect(MonthApproval.Link(Period));
        }
        var no = (IRefused)outcome;
        if (no.Refusal == Refusal.NotFound) return this.Refuse(no.Refusal);
        await LoadAsync(id, ct);
        Error = no.Text.In(localizer);
        return this.Refuse(no.Refusal);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        if (scope is null || await MonthApproval.StandingAsync(db, id, ct) is not { } standing) return this.Refuse(Refusal.NotFound);
        if (!scope.SeesWholeCommune) return this.Refuse(Refusal.Forbidden);
        (Period, CommuneName, Approval, Summary, Waiting) = (standing.Period, standing.CommuneName, standing.Approval, standing.Summary, standing.Waiting);
        CanApprove = scope.RunsReporting && scope.CommuneId == Period.CommuneId && State is ApprovalStates.None or ApprovalStates.Returned;
        CanDecide = scope.IsProvinceLevel && scope.IsIn(Roles.ProvinceOffice) && State is ApprovalStates.Approved or ApprovalStates.Accepted;
        return null;
    }

    public static string When(DateTime? utc) => utc is { } t ? Periods.DayText.Show(DateOnly.FromDateTime(t.AddHours(7))) : "";
}
