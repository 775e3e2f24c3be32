using RoViec.Data;
using RoViec.Web.Features.Evaluation;

namespace RoViec.Web.Features.Figures;

/// <summary>Keeps a period's snapshot in step with its data: built at once when a report is verified or corrected (after the scores), marked stale otherwise; the quarter's and the year's it lies in are marked stale.</summary>
public sealed class SnapshotOnChange(RoViecDbContext db, TimeProvider clock) : IPeriodChangeHandler
{
    public int Order => 10;

    public async Task HandleAsync(PeriodChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var period = await db.Periods.FindAsync([change.PeriodId], ct);
        if (period is null) return;
        if (change.Kind is PeriodChangeKind.Verified or PeriodChangeKind.Corrected or PeriodChangeKind.ScoringInput)
        {
            await PeriodSnapshots.BuildAsync(db, period, clock, change.Reason, change.By, ct);
            await PeriodSnapshots.MarkCoveringStaleAsync(db, period, ct);
        }
        else await PeriodSnapshots.MarkStaleWithCoveringAsync(db, period, ct);
    }
}
