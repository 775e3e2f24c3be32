using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Periods;

/// <summary>Reads of a plan's periods shared by the pages that list them (dashboards, scores).</summary>
public static class PeriodQueries
{
    /// <summary>
    /// The plan's monthly periods in calendar order, with the months closed under a version of the same year it replaced
    /// (<see cref="Plans.ReplacePlan.PlanLineAsync"/>); with <paramref name="openedOnly"/>, only those opened.
    /// </summary>
    public static async Task<List<ReportingPeriod>> MonthsAsync(RoViecDbContext db, Guid planId, bool openedOnly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var line = await Plans.ReplacePlan.PlanLineAsync(db, planId, ct);
        var months = db.Periods.AsNoTracking().Where(p => line.Contains(p.PlanId) && p.Kind == PeriodKinds.Monthly);
        if (openedOnly) months = months.Where(p => p.State != PeriodStates.Scheduled);
        return await months.OrderBy(p => p.StartsOn).ToListAsync(ct);
    }

    /// <summary>The year's period of the plan's line ("Năm 2026"), once it has opened; null before.</summary>
    public static async Task<ReportingPeriod?> YearOfAsync(RoViecDbContext db, Guid planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var line = await Plans.ReplacePlan.PlanLineAsync(db, planId, ct);
        return await db.Periods.AsNoTracking()
            .Where(p => line.Contains(p.PlanId) && p.Kind == PeriodKinds.Annual && p.State != PeriodStates.Scheduled)
            .OrderByDescending(p => p.OpensOn).FirstOrDefaultAsync(ct);
    }

    public static Task<ReportingPeriod?> FindAsync(RoViecDbContext db, Guid id, CancellationToken ct) =>
        db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>A unit's report in a period, with the unit's name and how many lines it has.</summary>
    public sealed record UnitReportRow(Guid Id, Guid UnitId, string Name, string State, DateTime? FirstSubmittedAtUtc, int Lines);

    /// <summary>The period's reports by unit name; for a unit's reader (<paramref name="unitScoped"/>) only its unit's.</summary>
    public static async Task<IReadOnlyList<UnitReportRow>> ReportsAsync(RoViecDbContext db, Guid periodId, bool unitScoped, Guid? unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await (
            from r in db.Reports.AsNoTracking()
            join u in db.Units.AsNoTracking() on r.UnitId equals u.Id
            where r.PeriodId == periodId && (!unitScoped || r.UnitId == unitId)
            orderby u.Name
            select new UnitReportRow(r.Id, r.UnitId, u.Name, r.State, r.FirstSubmittedAtUtc, r.Items.Count)).ToListAsync(ct);
    }

    /// <summary>The later due days granted in the period, newest first, with the unit's name; a unit's reader sees its own.</summary>
    public static async Task<IReadOnlyList<(PeriodExtension Extension, string Unit)>> ExtensionsAsync(RoViecDbContext db, Guid periodId, bool unitScoped, Guid? unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
            from x in db.PeriodExtensions.AsNoTracking()
            join u in db.Units.AsNoTracking() on x.UnitId equals u.Id
            where x.PeriodId == periodId && (!unitScoped || x.UnitId == unitId)
            select new { x, u.Name }).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.x.GrantedAtUtc).Select(r => (r.x, r.Name))];
    }

    /// <summary>All the plan's periods, with those of the versions of the same year it replaced, in no particular order.</summary>
    public static async Task<List<ReportingPeriod>> OfPlanAsync(RoViecDbContext db, Guid planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var line = await Plans.ReplacePlan.PlanLineAsync(db, planId, ct);
        return await db.Periods.AsNoTracking().Where(p => line.Contains(p.PlanId)).ToListAsync(ct);
    }

    /// <summary>The commune's units by name.</summary>
    public static async Task<List<OrgUnit>> UnitsByNameAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Units.AsNoTracking().Where(u => u.CommuneId == communeId).OrderBy(u => u.Name).ToListAsync(ct);
    }
}
