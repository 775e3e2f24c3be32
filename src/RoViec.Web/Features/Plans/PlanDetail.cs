using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Plans;

/// <summary>What `/ke-hoach/{id}` shows of a confirmed plan: its neighbours in the chain of replacements, its tasks and indicators, its history.</summary>
public static class PlanDetail
{
    public sealed record TaskLine(Guid Id, string? Code, string Name, string Lead, string? DeadlineRaw, DateOnly? Due, string? Output, bool Priority);

    public sealed record IndicatorLine(string Name, string Target, string? Owner);

    public sealed record View(Plan? Replaces, Plan? ReplacedBy, IReadOnlyList<TaskLine> Tasks, IReadOnlyList<IndicatorLine> Indicators, IReadOnlyList<HistoryLine> History);

    public static Task<Plan?> FindAsync(RoViecDbContext db, Guid id, CancellationToken ct) =>
        db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <param name="unitOnly">A unit's reader: only the tasks it leads and the indicators it owns (<paramref name="unitId"/>).</param>
    /// <param name="withHistory">Whether the plan's history is read (for those who see the whole commune).</param>
    public static async Task<View> ReadAsync(RoViecDbContext db, Plan plan, bool unitOnly, Guid? unitId, bool withHistory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var replaces = plan.ReplacesPlanId is { } old
            ? await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == old, ct)
            : null;
        var replacedBy = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.ReplacesPlanId == plan.Id && p.Status != PlanStatuses.Draft, ct);

        var tasks = db.Tasks.AsNoTracking().Where(t => t.PlanId == plan.Id);
        var indicators = db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id);
        // A unit sees its own unit's tasks and indicators of any plan, nothing else of it.
        if (unitOnly)
        {
            tasks = tasks.Where(t => t.LeadUnitId != null && t.LeadUnitId == unitId);
            indicators = indicators.Where(i => i.OwnerUnitId != null && i.OwnerUnitId == unitId);
        }
        var taskLines = await tasks.OrderBy(t => t.Order)
            .Select(t => new TaskLine(t.Id, t.Code, t.Name, t.LeadAsWritten, t.DeadlineRaw, t.DeadlineDue, t.Output, t.Priority)).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == plan.CommuneId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var indicatorLines = (await indicators.OrderBy(i => i.Order).ToListAsync(ct))
            .Select(i => new IndicatorLine(i.Name, i.TargetRaw, i.OwnerUnitId is { } o && units.TryGetValue(o, out var name) ? name : i.Owner)).ToList();
        IReadOnlyList<HistoryLine> history = withHistory ? await PlanHistory.ReadAsync(db, plan, 200, ct) : [];
        return new View(replaces, replacedBy, taskLines, indicatorLines, history);
    }
}
