using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Features.Proposals;

/// <summary>Where a unit is with its proposal for a year, as the compiled page shows it.</summary>
public enum UnitProposalState
{
    NotStarted,
    Draft,
    OnTime,
    Late,
}

/// <summary>Reads of the proposals for the pages.</summary>
public static class ProposalQueries
{
    /// <summary>One unit of the compiled page: its state, its proposal (with its items, in order) and the budget it proposes.</summary>
    public sealed record UnitLine(Guid UnitId, string UnitName, UnitProposalState State, YearProposal? Proposal, decimal Budget);

    /// <summary>
    /// Every unit's proposal for a year: the commune's assignable units (and any other unit that proposed), their
    /// states, the items of the submitted proposals, the budget proposed and accepted, and the plan of that year in
    /// force (the work programme) accepted items go into, if any.
    /// </summary>
    public sealed record Compiled(int Year, DateOnly DueOn, IReadOnlyList<UnitLine> Units, decimal ProposedBudget, decimal AcceptedBudget, Plan? Plan)
    {
        public IEnumerable<(UnitLine Unit, ProposalItem Item)> SubmittedItems =>
            Units.Where(u => u.Proposal?.State == ProposalStates.Submitted).SelectMany(u => u.Proposal!.Items.Select(i => (u, i)));
    }

    public static Task<Commune?> CommuneAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Communes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == communeId, ct);
    }

    public static Task<OrgUnit?> UnitAsync(RoViecDbContext db, Guid unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
    }

    /// <summary>The unit's proposal for the year with its items in order (not tracked), or null before its first save.</summary>
    public static async Task<YearProposal?> OfUnitAsync(RoViecDbContext db, Guid unitId, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var proposal = await db.YearProposals.AsNoTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.UnitId == unitId && p.Year == year, ct);
        if (proposal is not null) Sort(proposal);
        return proposal;
    }

    /// <summary>The commune's work programme of the year while it is in force: where accepted items go.</summary>
    public static async Task<Plan?> PlanInForceAsync(RoViecDbContext db, Guid communeId, int year, CancellationToken ct)
    {
        var plan = await PlanQueries.ProgrammeOfYearAsync(db, communeId, year, ct);
        return plan?.Status == PlanStatuses.Active ? plan : null;
    }

    public static UnitProposalState StateOf(YearProposal? proposal, DateOnly dueOn) => proposal switch
    {
        null => UnitProposalState.NotStarted,
        { State: ProposalStates.Submitted, SubmittedOn: { } on } => ProposalCalendar.IsLate(on, dueOn) ? UnitProposalState.Late : UnitProposalState.OnTime,
        _ => UnitProposalState.Draft,
    };

    public static async Task<Compiled> CompileAsync(RoViecDbContext db, Commune commune, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(commune);
        var dueOn = ProposalCalendar.DueOn(commune, year);
        var proposals = await db.YearProposals.AsNoTracking().Include(p => p.Items)
            .Where(p => p.CommuneId == commune.Id && p.Year == year).ToListAsync(ct);
        foreach (var proposal in proposals) Sort(proposal);
        var byUnit = proposals.ToDictionary(p => p.UnitId);
        var units = (await db.Units.AsNoTracking().Where(u => u.CommuneId == commune.Id).ToListAsync(ct))
            .Where(u => CommuneCatalog.IsAssignable(u) || byUnit.ContainsKey(u.Id))
            .OrderBy(u => u.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();
        var lines = units.Select(u =>
        {
            var proposal = byUnit.GetValueOrDefault(u.Id);
            var budget = proposal?.State == ProposalStates.Submitted ? proposal.Items.Sum(i => i.Budget ?? 0) : 0;
            return new UnitLine(u.Id, u.Name, StateOf(proposal, dueOn), proposal, budget);
        }).ToList();
        var submitted = lines.Where(l => l.Proposal?.State == ProposalStates.Submitted).SelectMany(l => l.Proposal!.Items).ToList();
        return new Compiled(year, dueOn, lines, submitted.Sum(i => i.Budget ?? 0),
            submitted.Where(i => i.Decision == ProposalDecisions.Accepted).Sum(i => i.Budget ?? 0), await PlanInForceAsync(db, commune.Id, year, ct));
    }

    private static void Sort(YearProposal proposal)
    {
        var items = proposal.Items.OrderBy(i => i.Order).ToList();
        proposal.Items.Clear();
        proposal.Items.AddRange(items);
    }
}
