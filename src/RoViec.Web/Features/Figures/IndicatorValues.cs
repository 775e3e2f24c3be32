using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Features.Figures;

/// <summary>
/// The value of each indicator a period's report and snapshot show: the one reported in the period itself; for a
/// quarter or the year, the latest value that reached the standing office in any period within it (the year's own
/// report first, then the months from the last back), so the year's report sets every indicator against its target
/// with the year's last figure — not only those a unit repeated in its annual report.
/// </summary>
public static class IndicatorValues
{
    /// <summary>A value line of a report that reached the standing office.</summary>
    public sealed record ValueLine(Guid IndicatorId, Guid UnitId, string State, decimal? Value, decimal? Numerator, decimal? Denominator);

    public static async Task<IReadOnlyDictionary<Guid, ValueLine>> OfPeriodAsync(RoViecDbContext db, ReportingPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var periods = new List<Guid> { period.Id };
        if (period.Kind is PeriodKinds.Quarterly or PeriodKinds.Annual)
        {
            // The periods within, of the plan's line (a month closed under a replaced version of the year counts too).
            var line = await Plans.ReplacePlan.PlanLineAsync(db, period.PlanId, ct);
            periods.AddRange(await db.Periods.AsNoTracking()
                .Where(p => line.Contains(p.PlanId) && p.Id != period.Id && p.StartsOn >= period.StartsOn && p.EndsOn <= period.EndsOn
                    && p.Kind != PeriodKinds.Weekly && p.State != PeriodStates.Scheduled)
                .OrderByDescending(p => p.EndsOn).ThenBy(p => p.Kind).Select(p => p.Id).ToListAsync(ct));
        }
        var lines = await (
            from item in db.ReportItems.AsNoTracking()
            join report in db.Reports.AsNoTracking() on item.ReportId equals report.Id
            where periods.Contains(report.PeriodId) && PlanHealth.ReceivedStates.Contains(report.State) && item.IndicatorId != null
                && (item.Value != null || item.Numerator != null)
            orderby item.Order
            select new { report.PeriodId, Line = new ValueLine(item.IndicatorId!.Value, report.UnitId, report.State, item.Value, item.Numerator, item.Denominator) })
            .ToListAsync(ct);
        var rank = periods.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        return lines.OrderBy(l => rank[l.PeriodId])
            .GroupBy(l => l.Line.IndicatorId).ToDictionary(g => g.Key, g => g.First().Line);
    }
}
