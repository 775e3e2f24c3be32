using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Plans;

/// <summary>Reads shared by the plan pages and the API.</summary>
internal static class PlanQueries
{
    /// <summary>The commune's plan in force: the latest confirmed one that has not been replaced.</summary>
    public static Task<Plan?> ActivePlanAsync(RoViecDbContext db, Guid? communeId, CancellationToken ct) =>
        db.Plans.AsNoTracking()
            .Where(p => p.CommuneId == communeId && p.Status == PlanStatuses.Active)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.ConfirmedAtUtc ?? p.ImportedAtUtc)
            .FirstOrDefaultAsync(ct);

    /// <summary>Whether the plan is still a draft under review: only its commune's plan managers see its rows.</summary>
    public static Task<bool> IsDraftAsync(RoViecDbContext db, Guid planId, CancellationToken ct) =>
        db.Plans.AnyAsync(p => p.Id == planId && p.Status == PlanStatuses.Draft, ct);
}
