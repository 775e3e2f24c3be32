using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Scoring;

namespace RoViec.Web.Features.Scores;

/// <summary>What `/diem/{period}/{unit}` reads: a unit's score for a month, its breakdown, its scheme and its changes.</summary>
public static class UnitScoreSheet
{
    public sealed record Sheet(UnitScore Score, ScoreBreakdown? Breakdown, SchemeInForce? Scheme, int UnitCount, IReadOnlyList<ScoreChange> Changes);

    /// <summary>The period and the unit, or null when either is missing or they belong to different communes.</summary>
    public static async Task<(ReportingPeriod Period, OrgUnit Unit)?> FindAsync(RoViecDbContext db, Guid periodId, Guid unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        return period is null || unit is null || unit.CommuneId != period.CommuneId ? null : (period, unit);
    }

    /// <summary>The unit's score sheet for the period, or null when no score has been computed.</summary>
    public static async Task<Sheet?> ReadAsync(RoViecDbContext db, Guid periodId, Guid unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var score = await db.UnitScores.AsNoTracking().FirstOrDefaultAsync(s => s.PeriodId == periodId && s.UnitId == unitId, ct);
        if (score is null) return null;
        var scheme = await SchemeStore.ByIdAsync(db, score.SchemeId, ct);
        var count = await db.UnitScores.CountAsync(s => s.PeriodId == periodId, ct);
        var changes = await db.ScoreChanges.AsNoTracking().Where(c => c.PeriodId == periodId && c.UnitId == unitId)
            .OrderByDescending(c => c.ChangedAtUtc).ThenByDescending(c => c.Id).ToListAsync(ct);
        return new Sheet(score, ScoreService.ReadBreakdown(score.Breakdown), scheme, count, changes);
    }
}
