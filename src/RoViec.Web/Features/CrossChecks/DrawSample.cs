using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.CrossChecks;

/// <summary>What a draw did.</summary>
/// <param name="Drawn">Lines added to the sample by this draw.</param>
/// <param name="Eligible">Verified lines of the period that can be sampled.</param>
/// <param name="AlreadyDrawn">Lines that were in the sample before this draw.</param>
public sealed record DrawResult(int Drawn, int Eligible, int AlreadyDrawn);

/// <summary>
/// The inspection committee's (UBKT) monthly sample: a cryptographically random draw among the period's
/// verified report lines — only reports the standing office verified can be sampled. Drawing again for the
/// same period adds lines not drawn yet and never a line twice (the unique index on period and line backs
/// this when two inspectors draw at once).
/// </summary>
public static class DrawSample
{
    /// <summary>Fewer eligible lines than this: all of them are drawn.</summary>
    public const int Minimum = 5;

    /// <summary>The largest sample one draw may ask for.</summary>
    public const int Maximum = 1000;

    /// <summary>The default size: 10% of the eligible lines rounded up, at least <see cref="Minimum"/>, all when fewer.</summary>
    public static int DefaultSize(int eligible) =>
        eligible <= Minimum ? eligible : Math.Max(Minimum, (eligible + 9) / 10);

    /// <summary>
    /// The lines that can be drawn: lines of the period's verified reports that report something — a task the unit leads,
    /// an indicator it owns, or a contribution to another unit's task when the unit wrote one.
    /// </summary>
    public static IQueryable<ReportItem> Eligible(RoViecDbContext db, Guid periodId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from item in db.ReportItems
               join report in db.Reports on item.ReportId equals report.Id
               where report.PeriodId == periodId && report.State == ReportStates.Verified
                   && (item.Kind == ReportItemKinds.Task || item.Kind == ReportItemKinds.Indicator
                       || (item.Kind == ReportItemKinds.Contribution && (item.TaskStatus != null || item.WorkDone != null)))
               select item;
    }

    /// <summary>Draws up to <paramref name="size"/> lines not drawn yet (the default size when null) and saves them.</summary>
    public static async Task<DrawResult> DrawAsync(RoViecDbContext db, ReportingPeriod period, int? size, string? drawnBy, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        for (var attempt = 1; ; attempt++)
        {
            var eligible = await (from item in Eligible(db, period.Id)
                                  join report in db.Reports on item.ReportId equals report.Id
                                  select new { item.Id, report.UnitId }).ToListAsync(ct);
            var drawn = (await db.CrossChecks.Where(c => c.PeriodId == period.Id).Select(c => c.ItemId).ToListAsync(ct)).ToHashSet();
            var remaining = eligible.Where(l => !drawn.Contains(l.Id)).OrderBy(l => l.Id).ToArray();
            var wanted = Math.Min(size ?? DefaultSize(eligible.Count), remaining.Length);
            RandomNumberGenerator.Shuffle(remaining.AsSpan());
            foreach (var line in remaining.Take(wanted))
            {
                db.CrossChecks.Add(new CrossCheck
                {
                    Id = Guid.NewGuid(),
                    CommuneId = period.CommuneId,
                    PeriodId = period.Id,
                    ItemId = line.Id,
                    UnitId = line.UnitId,
                    DrawnAtUtc = nowUtc,
                    DrawnBy = drawnBy,
                    Version = Guid.NewGuid(),
                });
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return new DrawResult(wanted, eligible.Count, drawn.Count);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another inspector drew some of the same lines at the same moment: read the sample again and draw anew.
                db.ChangeTracker.Clear();
            }
        }
    }
}
