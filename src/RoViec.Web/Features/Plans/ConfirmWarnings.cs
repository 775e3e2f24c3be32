using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.SixRo;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// What the officer should know before a draft becomes the commune's plan: unit names still without a decision
/// (their tasks would have no lead unit), the "6 rõ" defects by criterion, and the tasks whose deadline has already
/// passed on the application's calendar; and, for information, the units confirming will add to the organisation.
/// Confirming a draft with any of the first three needs the officer's explicit "confirm knowingly".
/// </summary>
public sealed record ConfirmWarnings(
    IReadOnlyList<UnknownName> Unmapped,
    IReadOnlyList<(SixRoCriterion Criterion, int Tasks)> Defects,
    int TasksWithDefects,
    IReadOnlyList<(string Task, string? Deadline, DateOnly Due)> Passed,
    IReadOnlyList<string> NewUnits)
{
    /// <summary>Something the officer must acknowledge before confirming.</summary>
    public bool Any => Unmapped.Count > 0 || TasksWithDefects > 0 || Passed.Count > 0;

    /// <summary>The summary of a draft as of <paramref name="today"/> (Vietnam's date of the application's clock).</summary>
    public static async Task<ConfirmWarnings> ForAsync(RoViecDbContext db, Guid communeId, Guid planId, DateOnly today, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == planId, ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Order).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId).ToListAsync(ct);
        var rows = await db.Units.AsNoTracking().Where(u => u.CommuneId == communeId).ToListAsync(ct);
        var choices = DraftUnits.Read(plan.UnitChoices);
        var names = DraftUnits.Unknown(tasks, indicators, rows, choices);
        var defects = TaskDefects.Of(tasks, rows.ToDictionary(u => u.Id));
        var byCriterion = Enum.GetValues<SixRoCriterion>()
            .Select(c => (Criterion: c, Tasks: defects.Values.Count(d => d.Any(x => x.Criterion == c))))
            .Where(c => c.Tasks > 0).ToList();
        var passed = tasks.Where(t => t.DeadlineDue is { } due && due < today).Select(t => (t.Name, t.DeadlineRaw, t.DeadlineDue!.Value)).ToList();
        var units = await CommuneUnits.LoadAsync(db, communeId, ct);
        var added = DraftUnits.CatalogueAdditions(tasks, indicators, units, choices)
            .Concat(choices.Where(c => c.Kind == UnitChoiceKinds.New && names.Any(n => n.Key == DraftUnits.Key(c.Name))).Select(c => c.Name))
            .Distinct(StringComparer.Ordinal).ToList();
        return new ConfirmWarnings([.. names.Where(n => n.Choice is null)], byCriterion, defects.Values.Count(d => d.Count > 0), passed, added);
    }
}
