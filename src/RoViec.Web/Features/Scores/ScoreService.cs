using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Scoring;
using RoViec.Domain.Text;
using RoViec.Web.Features.Measurement;
using RoViec.Web.Shared.Outcomes;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Scores;

/// <summary>What a recomputation did: the scores, or why there are none.</summary>
public abstract record ScoreOutcome
{
    public sealed record Scored(int Units, int Changed) : ScoreOutcome;
    /// <summary>A period that cannot be scored (not monthly, or no verified report yet): a sentence the page writes in its reader's language.</summary>
    public sealed record Refused(Sentence Text) : ScoreOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Invalid;
        public string Message => Text.ToString();
    }
}

/// <summary>
/// Computes the monthly score of every unit expected to report in a period, from verified data only, ranks them and
/// stores the scores (<see cref="UnitScore"/>) in one save; every change of a unit's total is recorded with who, when
/// and why (<see cref="ScoreChange"/>). A closed month keeps the scheme version it was scored with; an open one
/// follows the version in force.
/// </summary>
public static class ScoreService
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Sentence NoVerifiedData(ReportingPeriod period) =>
        new("{0} chưa có báo cáo nào được xác minh nên chưa có điểm. Điểm chỉ tính từ số liệu đã được cơ quan thường trực xác minh.", PeriodName.Of(period));

    /// <summary>The scheme a month is scored with: a closed month keeps the version it was scored with (a later version never rescores it); otherwise the version in force.</summary>
    public static async Task<SchemeInForce> SchemeOfAsync(RoViecDbContext db, ReportingPeriod period, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        if (period.State == PeriodStates.Closed
            && await db.UnitScores.AsNoTracking().Where(s => s.PeriodId == period.Id).Select(s => (Guid?)s.SchemeId).FirstOrDefaultAsync(ct) is { } keptId
            && await SchemeStore.ByIdAsync(db, keptId, ct) is { } kept)
            return kept;
        return await SchemeStore.InForceAsync(db, period.CommuneId, period.StartsOn, clock, ct);
    }

    public static async Task<ScoreOutcome> RecomputeAsync(RoViecDbContext db, Guid periodId, string reason, string? by, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null) return new ScoreOutcome.Refused("Không có kỳ báo cáo này.");
        if (period.Kind != PeriodKinds.Monthly)
            return new ScoreOutcome.Refused(new Sentence("{0} không phải kỳ báo cáo tháng; điểm được chấm theo tháng, còn quý và năm là trung bình các tháng.", PeriodName.Of(period)));
        if (!await db.Reports.AnyAsync(r => r.PeriodId == periodId && r.State == ReportStates.Verified, ct))
            return new ScoreOutcome.Refused(NoVerifiedData(period));

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(VietnamTime.FromUtc(nowUtc));
        var asOf = Measure.ReferenceDay(period, today);
        var existing = await db.UnitScores.Where(s => s.PeriodId == periodId).ToDictionaryAsync(s => s.UnitId, ct);
        var scheme = await SchemeOfAsync(db, period, clock, ct);

        // Until the closing day passes a missing report may still come; from then on it is deducted.
        var closedForReports = period.State == PeriodStates.Closed || today > period.CompileDueOn;
        var facts = await UnitMeasures.ForPeriodAsync(db, period, asOf, closedForReports, ct);
        var scored = facts.Select(f => (Facts: f, Result: ScoreCalculator.Score(scheme.Definition, f))).ToList();
        var ranked = Ranking.Rank(scheme.Definition, scored.Select(s => new RankEntry(
            s.Facts.UnitId, s.Facts.UnitName, s.Result.Total, ScoreCalculator.ResultsPoints(scheme.Definition, s.Result),
            s.Result.Deductions.Sum(d => d.Points), s.Facts.FirstSubmittedAtUtc))).ToDictionary(r => r.UnitId);

        var changed = 0;
        foreach (var (f, result) in scored)
        {
            var place = ranked[f.UnitId];
            var breakdown = JsonSerializer.Serialize(new ScoreBreakdown(result, place.TieNote, asOf), Json);
            if (!existing.TryGetValue(f.UnitId, out var row))
            {
                row = new UnitScore { Id = Guid.NewGuid(), CommuneId = period.CommuneId, PeriodId = period.Id, UnitId = f.UnitId, Band = "", Breakdown = "" };
                db.UnitScores.Add(row);
            }
            var before = existing.ContainsKey(f.UnitId) ? row.Total : (decimal?)null;
            if (before != result.Total)
            {
                changed++;
                db.ScoreChanges.Add(new ScoreChange
                {
                    CommuneId = period.CommuneId,
                    PeriodId = period.Id,
                    UnitId = f.UnitId,
                    Before = before,
                    After = result.Total,
                    Reason = reason,
                    ChangedBy = by,
                    ChangedAtUtc = nowUtc,
                });
            }
            row.SchemeId = scheme.Id;
            row.Total = result.Total;
            row.HeadTotal = result.HeadTotal;
            row.Band = result.Class;
            row.Rank = place.Rank;
            row.Breakdown = breakdown;
            row.ComputedAtUtc = nowUtc;
            row.ComputedBy = by;
            row.Version = Guid.NewGuid();
        }
        await db.SaveChangesAsync(ct);
        return new ScoreOutcome.Scored(scored.Count, changed);
    }

    public static ScoreBreakdown? ReadBreakdown(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ScoreBreakdown>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>"8,5" — a score the Vietnamese way.</summary>
    public static string Points(decimal value) => value.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));
}

/// <summary>What a stored score keeps beside its total: the whole breakdown, the tie note and the day it was derived for.</summary>
public sealed record ScoreBreakdown(ScoreResult Result, string? TieNote, DateOnly AsOf);
