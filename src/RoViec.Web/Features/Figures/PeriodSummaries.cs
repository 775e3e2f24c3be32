using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Domain.Scoring;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Figures;

/// <summary>
/// The narrow row of plain figures each commune period keeps beside its snapshot (<see cref="CommunePeriodSummary"/>):
/// written whenever the snapshot is built — a report verified or corrected, a month scored or closed, the province
/// accepting or sending back — so the province compares and rolls up its communes from one indexed range of rows,
/// never from the communes' JSON.
/// </summary>
public static class PeriodSummaries
{
    /// <summary>The kinds of period the province reads: the months, the quarters and the year.</summary>
    public static bool Kept(string kind) => kind is PeriodKinds.Monthly or PeriodKinds.Quarterly or PeriodKinds.Annual;

    /// <summary>Writes (inserts or replaces) the period's row from the figures just built.</summary>
    public static async Task WriteAsync(RoViecDbContext db, ReportingPeriod period, PeriodFigures figures, IReadOnlyList<Guid> plans,
        IReadOnlyDictionary<Guid, IndicatorValues.ValueLine> values, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(figures);
        // The running period's statuses are today's: kept on the tasks (a report verified or corrected changes them).
        if (figures.AsOf == clock.VietnamToday() && figures.Tasks.Count > 0)
            await Periods.PlanHealth.StoreAsync(db, figures.Tasks.ToDictionary(t => t.Id, t => t.Health), figures.AsOf, ct);
        if (!Kept(period.Kind)) return;
        var provinceId = await db.Communes.AsNoTracking().Where(c => c.Id == period.CommuneId).Select(c => c.ProvinceId).FirstOrDefaultAsync(ct);
        var approval = await db.PeriodApprovals.AsNoTracking().Where(a => a.PeriodId == period.Id).Select(a => a.State).FirstOrDefaultAsync(ct)
            ?? ApprovalStates.None;
        decimal? score = figures.Ranking.Count == 0 ? null : Math.Round(figures.Ranking.Average(r => r.Total), 2);
        string? band = null;
        if (score is { } mean)
        {
            var scheme = await Scores.ScoreService.SchemeOfAsync(db, period, clock, ct);
            if (scheme.Definition.Classes is { Count: > 0 }) band = ScoreCalculator.ClassOf(scheme.Definition, mean);
        }
        var rate = figures.Report.Rate;
        var row = await db.CommunePeriodSummaries.FirstOrDefaultAsync(s => s.PeriodId == period.Id, ct);
        if (row is null)
        {
            row = new CommunePeriodSummary { Id = Guid.NewGuid(), CommuneId = period.CommuneId, PeriodId = period.Id, Kind = period.Kind };
            db.CommunePeriodSummaries.Add(row);
        }
        row.ProvinceId = provinceId;
        row.PlanId = period.PlanId;
        row.Kind = period.Kind;
        row.Year = period.Year;
        row.Number = period.Number;
        row.EndsOn = period.EndsOn;
        row.AsOf = figures.AsOf;
        row.ReportsExpected = rate.Expected;
        row.ReportsReceived = rate.Received;
        row.ReportsDue = rate.Due;
        row.ReportsOnTime = rate.OnTime;
        row.Tasks = figures.Report.TaskTotal;
        row.TasksDone = figures.Tasks.Count(t => t.Health is TaskHealth.DoneOnTime or TaskHealth.DoneLate or TaskHealth.AlreadyDone);
        row.TasksAtRisk = figures.Tasks.Count(t => t.Health == TaskHealth.AtRisk);
        row.TasksOverdue = figures.Tasks.Count(t => t.Health == TaskHealth.Overdue);
        row.KeyTasks = figures.Report.KeyTaskTotal;
        row.KeyTasksOnSchedule = figures.Report.KeyTasksOnSchedule;
        row.Indicators = figures.Indicators.Count;
        row.IndicatorsJudged = figures.IndicatorsJudged;
        row.IndicatorsMet = figures.IndicatorsMet;
        row.BudgetAllocated = figures.BudgetAllocated;
        row.BudgetDisbursed = figures.BudgetDisbursed;
        row.UnitsScored = figures.Ranking.Count;
        row.Score = score;
        row.Band = band;
        row.Approval = approval;
        row.BuiltAtUtc = clock.GetUtcNow().UtcDateTime;
        await CommonValuesAsync(db, period, provinceId, plans, values, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request wrote the same period's rows at the same moment from the same data; theirs stand.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The period's values of the province's common indicators the commune took into its plans (one row each, replaced):
    /// what the province rolls up. An indicator without a value in the period has no row (missing, never zero).
    /// </summary>
    private static async Task CommonValuesAsync(RoViecDbContext db, ReportingPeriod period, Guid? provinceId, IReadOnlyList<Guid> plans,
        IReadOnlyDictionary<Guid, IndicatorValues.ValueLine> values, CancellationToken ct)
    {
        var common = await db.Indicators.AsNoTracking().Where(i => plans.Contains(i.PlanId) && i.ProvinceIndicatorId != null)
            .Select(i => new { i.Id, ProvinceIndicatorId = i.ProvinceIndicatorId!.Value }).ToListAsync(ct);
        await db.CommuneIndicatorValues.Where(v => v.PeriodId == period.Id).ExecuteDeleteAsync(ct);
        foreach (var indicator in common)
        {
            if (!values.TryGetValue(indicator.Id, out var line) || (line.Value is null && line.Numerator is null)) continue;
            db.CommuneIndicatorValues.Add(new CommuneIndicatorValue
            {
                Id = Guid.NewGuid(),
                CommuneId = period.CommuneId,
                ProvinceId = provinceId,
                ProvinceIndicatorId = indicator.ProvinceIndicatorId,
                PeriodId = period.Id,
                Kind = period.Kind,
                Year = period.Year,
                Number = period.Number,
                Value = line.Value,
                Numerator = line.Numerator,
                Denominator = line.Denominator,
                Verified = line.State == ReportStates.Verified,
            });
        }
    }

    /// <summary>Copies a period's approval state onto its row (the province's lists filter on it without a join).</summary>
    public static Task CopyApprovalAsync(RoViecDbContext db, Guid periodId, string state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CommunePeriodSummaries.Where(s => s.PeriodId == periodId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Approval, state), ct);
    }
}
