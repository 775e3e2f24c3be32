using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Documents.Sheets;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Proposals;

/// <summary>
/// `/de-xuat-nam-sau/tong-hop`: every unit's proposal for a year compiled — states, items by unit, budget totals — with
/// the standing office's decisions (<see cref="DecideProposal"/>) and the Excel draft of the plan (<see cref="ProposalWorkbook"/>).
/// Read by everyone who sees the whole commune.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class CompileModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public ProposalQueries.Compiled Compiled { get; private set; } = null!;
    public bool CanDecide { get; private set; }
    public int DueDay { get; private set; }
    public int DueMonth { get; private set; }
    public string? Error { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The year shown ("?nam="); by default next year's from October, this year's before.</summary>
    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? Year { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        return File(await ProposalWorkbook.BuildAsync(Compiled, ct), Spreadsheets.XlsxContentType, ProposalWorkbook.FileName(Compiled.Year));
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid itemId, CancellationToken ct) =>
        RunAsync(scope => DecideProposal.DecideAsync(db, scope, itemId, accept: true, null, Now, ct), ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid itemId, string? reason, CancellationToken ct) =>
        RunAsync(scope => DecideProposal.DecideAsync(db, scope, itemId, accept: false, reason, Now, ct), ct);

    public Task<IActionResult> OnPostReturnAsync(Guid proposalId, string? note, CancellationToken ct) =>
        RunAsync(scope => DecideProposal.ReturnAsync(db, scope, proposalId, note, Now, ct), ct);

    public Task<IActionResult> OnPostAddToPlanAsync(Guid itemId, CancellationToken ct) =>
        RunAsync(scope => DecideProposal.AddToPlanAsync(db, scope, itemId, Now, ct), ct);

    public Task<IActionResult> OnPostDueAsync(string? due, CancellationToken ct) =>
        RunAsync(scope => DecideProposal.SetDueAsync(db, scope, due, ct), ct);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<IActionResult> RunAsync(Func<UserScope?, Task<ProposalOutcome>> work, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (!CanDecide) return this.Refuse(Refusal.Forbidden);
        var outcome = await work(await currentUser.ScopeAsync(User, ct));
        if (outcome is ProposalOutcome.Done done)
        {
            Notice = done.Note.In(localizer);
            return Redirect($"/de-xuat-nam-sau/tong-hop?nam={Compiled.Year}");
        }
        var no = (IRefused)outcome;
        if (no.Refusal is Refusal.NotFound or Refusal.Forbidden) return this.Refuse(no.Refusal);
        await LoadAsync(ct);
        Error = outcome is ProposalOutcome.Invalid invalid ? string.Join(" ", invalid.Errors.Select(e => e.In(localizer))) : no.Text.In(localizer);
        return this.Refuse(no.Refusal);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        if (scope is null || !scope.HasAnyRole) return NotFound();
        if (scope.IsUnitScoped) return this.Refuse(Refusal.Forbidden);
        var communeId = await currentUser.CommuneIdAsync(HttpContext, ct);
        var commune = communeId is null ? null : await ProposalQueries.CommuneAsync(db, communeId.Value, ct);
        if (commune is null) return NotFound();
        var today = clock.VietnamToday();
        var year = Year is { } y && y >= 2000 && y <= today.Year + 1 ? y : ProposalCalendar.CompiledYear(today);
        Compiled = await ProposalQueries.CompileAsync(db, commune, year, ct);
        CanDecide = DecideProposal.Decides(scope, commune.Id);
        DueDay = commune.ProposalsDueDay;
        DueMonth = commune.ProposalsDueMonth;
        return null;
    }
}
