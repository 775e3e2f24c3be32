using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Periods;

/// <summary>Reads of a plan's periods shared by the pages that list them (dashboards, scores).</summary>
public static class PeriodQueries
{
    /// <summary>The plan's monthly periods in calendar order; with <paramref name="openedOnly"/>, only those opened.</summary>
    public static async Task<List<ReportingPeriod>> MonthsAsync(RoViecDbContext db, Guid planId, bool openedOnly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var months = db.Periods.AsNoTracking().Where(p => p.PlanId == planId && p.Kind == PeriodKinds.Monthly);
        if (openedOnly) months = months.Where(p => p.State != PeriodStates.Scheduled);
        return await months.OrderBy(p => p.StartsOn).ToListAsync(ct);
    }
}
