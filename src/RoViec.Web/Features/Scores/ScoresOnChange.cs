using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Evaluation;

namespace RoViec.Web.Features.Scores;

/// <summary>Rescores a month when a report is verified or corrected, or a scoring input changes — before its snapshot is rebuilt.</summary>
public sealed class ScoresOnChange(RoViecDbContext db, TimeProvider clock) : IPeriodChangeHandler
{
    public int Order => 0;

    public async Task HandleAsync(PeriodChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind is not (PeriodChangeKind.Verified or PeriodChangeKind.Corrected or PeriodChangeKind.ScoringInput)) return;
        var period = await db.Periods.FindAsync([change.PeriodId], ct);
        if (period?.Kind != PeriodKinds.Monthly) return;
        await ScoreService.RecomputeAsync(db, change.PeriodId, change.Reason, change.By, clock, ct);
    }
}
