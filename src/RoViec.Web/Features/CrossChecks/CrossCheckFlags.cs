using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.CrossChecks;

/// <summary>A reported line the inspection committee did not confirm: a flag on the unit's record.</summary>
public sealed record CrossCheckFlag(
    Guid Id,
    Guid UnitId,
    string UnitName,
    Guid PeriodId,
    PeriodName Period,
    DateOnly PeriodEndsOn,
    Guid ReportId,
    string LineKind,
    string Line,
    string? Note,
    DateTime? CheckedAtUtc,
    string? CheckedBy)
{
    /// <summary>The period's stored Vietnamese label.</summary>
    public string PeriodLabel => Period.Label;
}

/// <summary>
/// Lines not confirmed by the cross-check, newest period first: for the unit's page and for the standing office's
/// dashboard. A line confirmed after a second look is no longer a flag.
/// </summary>
public static class CrossCheckFlags
{
    public static Task<IReadOnlyList<CrossCheckFlag>> ForUnitAsync(RoViecDbContext db, Guid unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return QueryAsync(db, db.CrossChecks.Where(c => c.UnitId == unitId), ct);
    }

    public static Task<IReadOnlyList<CrossCheckFlag>> ForCommuneAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return QueryAsync(db, db.CrossChecks.Where(c => c.CommuneId == communeId), ct);
    }

    private static async Task<IReadOnlyList<CrossCheckFlag>> QueryAsync(RoViecDbContext db, IQueryable<CrossCheck> checks, CancellationToken ct)
    {
        var rows = await (
            from check in checks.AsNoTracking()
            where check.Result == CrossCheckResults.NotConfirmed
            join item in db.ReportItems.AsNoTracking() on check.ItemId equals item.Id
            join period in db.Periods.AsNoTracking() on check.PeriodId equals period.Id
            join unit in db.Units.AsNoTracking() on check.UnitId equals unit.Id
            from task in db.Tasks.AsNoTracking().Where(t => t.Id == item.TaskId).DefaultIfEmpty()
            from indicator in db.Indicators.AsNoTracking().Where(i => i.Id == item.IndicatorId).DefaultIfEmpty()
            select new
            {
                check.Id,
                check.UnitId,
                UnitName = unit.Name,
                check.PeriodId,
                period.Label,
                PeriodKind = period.Kind,
                period.Number,
                period.Year,
                period.EndsOn,
                item.ReportId,
                item.Kind,
                item.Order,
                TaskName = task == null ? null : task.Name,
                IndicatorName = indicator == null ? null : indicator.Name,
                check.Note,
                check.CheckedAtUtc,
                check.CheckedBy,
            }).ToListAsync(ct);
        return [.. rows
            .OrderByDescending(r => r.EndsOn).ThenBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.Order)
            .Select(r => new CrossCheckFlag(r.Id, r.UnitId, r.UnitName, r.PeriodId, new PeriodName(r.PeriodKind, r.Number, r.Year, r.Label), r.EndsOn, r.ReportId, r.Kind,
                r.TaskName ?? r.IndicatorName ?? "(dòng đã xóa)", r.Note, r.CheckedAtUtc, r.CheckedBy))];
    }
}
