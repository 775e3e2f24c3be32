using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Proposals;

/// <summary>
/// `/de-xuat-nam-sau`: a unit's proposal for next year — its reporter writes the lines, saves a draft and submits
/// (<see cref="EditProposal"/>); `/de-xuat-nam-sau/{unitId}` is one unit's, read by the standing office and the unit.
/// Others are sent to the compiled page.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class IndexModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>New lines offered below the proposal's own.</summary>
    public const int BlankRows = 3;

    /// <summary>One line of the form.</summary>
    public sealed class RowForm
    {
        public Guid? Id { get; set; }
        public string? Kind { get; set; }
        public string? Name { get; set; }
        public string? Output { get; set; }
        public string? Target { get; set; }
        public string? Deadline { get; set; }
        public string? Budget { get; set; }
        public string? Note { get; set; }
        public bool Remove { get; set; }
    }

    public OrgUnit Unit { get; private set; } = null!;
    public int Year { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly OpensOn { get; private set; }
    public YearProposal? Proposal { get; private set; }
    public UnitProposalState State { get; private set; }
    public bool CanEdit { get; private set; }
    public bool IsOpen { get; private set; }
    public bool IsOffice { get; private set; }

    /// <summary>Why the form was not saved, line by line.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public List<RowForm> Rows { get; set; } = [];

    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } other) return other;
        Rows = [.. (Proposal?.Items ?? []).Select(i => new RowForm
        {
            Id = i.Id,
            Kind = i.Kind,
            Name = i.Name,
            Output = i.Output,
            Target = i.Target,
            Deadline = i.Deadline,
            Budget = i.Budget?.ToString("#,0", CultureInfo.GetCultureInfo("vi-VN")),
            Note = i.Note,
        }), .. Enumerable.Range(0, CanEdit ? BlankRows : 0).Select(_ => new RowForm { Kind = ProposalItemKinds.Task })];
        Version = Proposal?.Version ?? Guid.Empty;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid? id, CancellationToken ct) => SaveAsync(id, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid? id, CancellationToken ct) => SaveAsync(id, submit: true, ct);

    private async Task<IActionResult> SaveAsync(Guid? id, bool submit, CancellationToken ct)
    {
        var posted = Rows;
        if (await LoadAsync(id, ct) is { } other) return other is RedirectResult ? this.Refuse(Refusal.Forbidden) : other;
        Rows = posted;
        var scope = await currentUser.ScopeAsync(User, ct);
        var rows = Rows.Select(r => new ItemInput(r.Id, r.Kind, r.Name, r.Output, r.Target, r.Deadline, r.Budget, r.Note, r.Remove)).ToList();
        switch (await EditProposal.RunAsync(db, scope, Unit.Id, rows, Version, submit, clock.GetUtcNow().UtcDateTime, ct))
        {
            case ProposalOutcome.Done done:
                Notice = done.Note.In(localizer);
                return Redirect(id is null ? "/de-xuat-nam-sau" : $"/de-xuat-nam-sau/{Unit.Id}");
            case ProposalOutcome.Invalid invalid:
                Errors = [.. invalid.Errors.Select(e => e.In(localizer))];
                return this.Refuse(invalid.Refusal);
            case ProposalOutcome.Conflict conflict:
                Errors = [conflict.Text.In(localizer)];
                return this.Refuse(conflict.Refusal);
            case var refused:
                return this.Refuse(((IRefused)refused).Refusal);
        }
    }

    /// <summary>The unit shown (the caller's own without an id), or the answer instead of the page.</summary>
    private async Task<IActionResult?> LoadAsync(Guid? id, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        if (scope is null || !scope.HasAnyRole) return NotFound();
        var unitId = id ?? ((scope.ReportsForUnit || scope.ApprovesForUnit) ? scope.UnitId : null);
        if (unitId is null) return Redirect("/de-xuat-nam-sau/tong-hop");
        var unit = await ProposalQueries.UnitAsync(db, unitId.Value, ct);
        if (unit is null || !await currentUser.CanReadCommuneAsync(User, unit.CommuneId, ct)) return NotFound();
        switch (CurrentUser.AccessTo(scope, unit.CommuneId, unit.Id))
        {
            case ResourceAccess.None: return NotFound();
            case ResourceAccess.Forbidden: return this.Refuse(Refusal.Forbidden);
        }
        var commune = (await ProposalQueries.CommuneAsync(db, unit.CommuneId, ct))!;
        var today = clock.VietnamToday();
        Unit = unit;
        Year = ProposalCalendar.NextYear(today);
        DueOn = ProposalCalendar.DueOn(commune, Year);
        OpensOn = ProposalCalendar.OpensOn(Year);
        IsOpen = today >= OpensOn;
        Proposal = await ProposalQueries.OfUnitAsync(db, unit.Id, Year, ct);
        State = ProposalQueries.StateOf(Proposal, DueOn);
        CanEdit = IsOpen && EditProposal.MayEdit(scope, unit.Id) && Proposal?.State != ProposalStates.Submitted;
        IsOffice = DecideProposal.Decides(scope, unit.CommuneId);
        return null;
    }
}
