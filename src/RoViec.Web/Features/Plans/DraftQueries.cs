using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// Reads of a plan under review (the draft and its rows) for the review pages of the commune that imported it. Only a
/// commune's plan managers review, so the unit of work's commune boundary (ADR 0005) already holds every read to
/// their commune: nothing here names one.
/// </summary>
public static class DraftQueries
{
    /// <summary>The commune's plan with its document text (<see cref="Plan.Source"/>), whatever its state (the review page sends a confirmed one on to the plan's page).</summary>
    public static Task<Plan?> PlanWithSourceAsync(RoViecDbContext db, Guid planId, CancellationToken ct) =>
        db.Plans.AsNoTracking().Include(p => p.Source).FirstOrDefaultAsync(p => p.Id == planId, ct);

    /// <summary>The commune's plan if it is still a draft.</summary>
    public static Task<Plan?> DraftAsync(RoViecDbContext db, Guid planId, CancellationToken ct) =>
        db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.Status == PlanStatuses.Draft, ct);

    /// <summary>The commune's plan if it is still a draft, with its document text (a task's or indicator's excerpt).</summary>
    public static Task<Plan?> DraftWithSourceAsync(RoViecDbContext db, Guid planId, CancellationToken ct) =>
        db.Plans.AsNoTracking().Include(p => p.Source).FirstOrDefaultAsync(p => p.Id == planId && p.Status == PlanStatuses.Draft, ct);

    public static Task<bool> IsDraftAsync(RoViecDbContext db, Guid planId, CancellationToken ct) =>
        db.Plans.AnyAsync(p => p.Id == planId && p.Status == PlanStatuses.Draft, ct);

    /// <summary>Whether a plan of that id is visible to the caller at all (a malformed request about it is then 400, not 404).</summary>
    public static Task<bool> ExistsAsync(RoViecDbContext db, Guid planId, CancellationToken ct) =>
        db.Plans.AnyAsync(p => p.Id == planId, ct);

    public static Task<PlanTaskRow?> TaskAsync(RoViecDbContext db, Guid planId, Guid taskId, CancellationToken ct) =>
        db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId && t.PlanId == planId, ct);

    public static Task<IndicatorRow?> IndicatorAsync(RoViecDbContext db, Guid planId, Guid indicatorId, CancellationToken ct) =>
        db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == indicatorId && i.PlanId == planId, ct);

    /// <summary>The plan's tasks in the document's order.</summary>
    public static async Task<List<PlanTaskRow>> TasksAsync(RoViecDbContext db, Guid planId, CancellationToken ct) =>
        await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Order).ToListAsync(ct);

    /// <summary>The plan's indicators in the document's order.</summary>
    public static async Task<List<IndicatorRow>> IndicatorsAsync(RoViecDbContext db, Guid planId, CancellationToken ct) =>
        await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId).OrderBy(i => i.Order).ToListAsync(ct);

    /// <summary>The commune's units, inactive and unrecognised ones included, by name.</summary>
    public static async Task<List<OrgUnit>> UnitsAsync(RoViecDbContext db, CancellationToken ct) =>
        await db.Units.AsNoTracking().OrderBy(u => u.Name).ToListAsync(ct);

    public static Task<string?> UnitNameAsync(RoViecDbContext db, Guid unitId, CancellationToken ct) =>
        db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
}
