using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Scoring;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Scores;

/// <summary>A unit's line in a ranking.</summary>
/// <param name="Months">For a quarter or the year: the months averaged.</param>
public sealed record RankingRow(int Rank, Guid UnitId, string Unit, decimal Total, decimal HeadTotal, string Band, string? TieNote, int Months);

/// <summary>A ranking of a month, a quarter or the year, with the scheme that classed it.</summary>
/// <param name="Title">The ranking's heading, written by the page in its reader's language.</param>
/// <param name="Scheme">The scheme that classed it, whose classes and tie rule the page writes in its reader's language
/// (<see cref="SchemesModel.ClassesText"/>, <see cref="SchemesModel.TieRuleText"/>); none when nothing is scored.</param>
/// <param name="MonitoringOnly">The scheme's results are for following up only (<see cref="SchemeDefinition.MonitoringOnly"/>): no rank or class is shown.</param>
public sealed record RankingView(Sentence Title, IReadOnlyList<RankingRow> Rows, string? SchemeName, SchemeDefinition? Scheme, Guid? MonthPeriodId, bool MonitoringOnly = false);

/// <summary>Rankings read from the stored scores: a month as scored, a quarter or the year as the average of the unit's scored months.</summary>
public static class ScoreQueries
{
    /// <summary>Which of the periods have scores computed.</summary>
    public static async Task<IReadOnlySet<Guid>> ScoredPeriodsAsync(RoViecDbContext db, IReadOnlyList<Guid> periodIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.UnitScores.AsNoTracking().Where(s => periodIds.Contains(s.PeriodId)).Select(s => s.PeriodId).Distinct().ToListAsync(ct)).ToHashSet();
    }

    public static async Task<RankingView> MonthAsync(RoViecDbContext db, ReportingPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var rows = await (
            from s in db.UnitScores.AsNoTracking()
            join u in db.Units.AsNoTracking() on s.UnitId equals u.Id
            where s.PeriodId == period.Id
            orderby s.Rank, u.Name
            select new { s.Rank, s.UnitId, u.Name, s.Total, s.HeadTotal, s.Band, s.Breakdown, s.SchemeId }).ToListAsync(ct);
        var scheme = rows.Count == 0 ? null : await SchemeStore.ByIdAsync(db, rows[0].SchemeId, ct);
        return new RankingView(
            new Sentence("Xếp hạng {0}", PeriodName.Of(period).MidSentence()),
            rows.Select(r => new RankingRow(r.Rank, r.UnitId, r.Name, r.Total, r.HeadTotal, r.Band, ScoreService.ReadBreakdown(r.Breakdown)?.TieNote, 1)).ToList(),
            scheme?.Name,
            scheme?.Definition,
            period.Id,
            scheme?.Definition.MonitoringOnly == true);
    }

    /// <summary>The average of each unit's scored months among <paramref name="months"/>, ranked by the scheme of the last scored month.</summary>
    public static async Task<RankingView> AverageAsync(RoViecDbContext db, Sentence title, IReadOnlyCollection<Guid> months, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(months);
        var scores = await (
            from s in db.UnitScores.AsNoTracking()
            join p in db.Periods.AsNoTracking() on s.PeriodId equals p.Id
            join u in db.Units.AsNoTracking() on s.UnitId equals u.Id
            where months.Contains(s.PeriodId)
            select new { s.UnitId, u.Name, s.Total, s.HeadTotal, s.SchemeId, p.StartsOn, s.Breakdown }).ToListAsync(ct);
        if (scores.Count == 0) return new RankingView(title, [], null, null, null);
        var last = scores.OrderByDescending(s => s.StartsOn).First();
        var scheme = (await SchemeStore.ByIdAsync(db, last.SchemeId, ct))!;
        var units = scores.GroupBy(s => s.UnitId).Select(g => new
        {
            UnitId = g.Key,
            g.First().Name,
            Total = Math.Round(g.Average(s => s.Total), 2, MidpointRounding.AwayFromZero),
            Head = Math.Round(g.Average(s => s.HeadTotal), 2, MidpointRounding.AwayFromZero),
            Results = Math.Round(g.Average(s => ScoreService.ReadBreakdown(s.Breakdown) is { } b ? ScoreCalculator.ResultsPoints(scheme.Definition, b.Result) : 0), 2),
            Deducted = g.Sum(s => ScoreService.ReadBreakdown(s.Breakdown)?.Result.Deductions.Sum(d => d.Points) ?? 0),
            Months = g.Count(),
        }).ToList();
        var ranked = Ranking.Rank(scheme.Definition, units.Select(u => new RankEntry(u.UnitId, u.Name, u.Total, u.Results, u.Deducted, null)));
        var byId = units.ToDictionary(u => u.UnitId);
        return new RankingView(title,
            ranked.Select(r => new RankingRow(r.Rank, r.UnitId, r.UnitName, r.Total, byId[r.UnitId].Head, r.Class, r.TieNote, byId[r.UnitId].Months)).ToList(),
            scheme.Name, scheme.Definition, null, scheme.Definition.MonitoringOnly);
    }

    /// <summary>"A: từ 90 điểm; B: từ 75 đến dưới 90 điểm; …", in Vietnamese for the official report (pages: <see cref="SchemesModel.ClassesText"/>).</summary>
    public static string ClassesText(SchemeDefinition scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        if (scheme.Classes is not { Count: > 0 }) return "không xếp loại.";
        var ordered = scheme.Classes.OrderByDescending(c => c.Min).ToList();
        return string.Join("; ", ordered.Select((c, i) => i == 0
            ? $"{c.Label}: từ {ScoreService.Points(c.Min)} điểm"
            : c.Min == 0 ? $"{c.Label}: dưới {ScoreService.Points(ordered[i - 1].Min)} điểm"
            : $"{c.Label}: từ {ScoreService.Points(c.Min)} đến dưới {ScoreService.Points(ordered[i - 1].Min)} điểm")) + ".";
    }
}
