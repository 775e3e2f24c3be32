using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Provinces;

/// <summary>One province on the national view: its communes' figures of the month summed, the missing counted apart.</summary>
/// <param name="Score">The mean of its communes' scores, when any is scored.</param>
/// <param name="Accepted">Communes whose month the province office has accepted.</param>
public sealed record ProvinceRow(Guid ProvinceId, string Name, CockpitTotals Totals, decimal? Score, int Accepted);

public sealed record NationalViewModel(IReadOnlyList<(int Year, int Month)> Months, int Year, int Month, IReadOnlyList<ProvinceRow> Rows, CockpitTotals Totals);

/// <summary>
/// "Toàn quốc": every province side by side for one month, summed in the database from the communes' summary rows
/// (<see cref="CommunePeriodSummary"/>): one grouped query over one month's rows, one count of communes per province.
/// </summary>
public static class NationalView
{
    public static async Task<NationalViewModel> ReadAsync(RoViecDbContext db, int? year, int? month, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var months = (await db.CommunePeriodSummaries.AsNoTracking().Where(s => s.Kind == PeriodKinds.Monthly)
                .Select(s => new { s.Year, s.Number }).Distinct().ToListAsync(ct))
            .OrderByDescending(m => m.Year).ThenByDescending(m => m.Number).Select(m => (m.Year, m.Number)).ToList();
        var (y, m) = year is { } yy && month is { } mm ? (yy, mm)
            : months.Where(x => new DateOnly(x.Year, x.Number, 1).AddMonths(1) <= today).Select(x => ((int, int)?)x).FirstOrDefault()
              ?? (months.Count > 0 ? months[0] : (today.Year, today.Month));
        var sums = await db.CommunePeriodSummaries.AsNoTracking()
            .Where(s => s.Kind == PeriodKinds.Monthly && s.Year == y && s.Number == m && s.ProvinceId != null)
            .GroupBy(s => s.ProvinceId!.Value)
            .Select(g => new
            {
                ProvinceId = g.Key,
                Communes = g.Select(s => s.CommuneId).Distinct().Count(),
                Expected = g.Sum(s => s.ReportsExpected),
                Received = g.Sum(s => s.ReportsReceived),
                Due = g.Sum(s => s.ReportsDue),
                OnTime = g.Sum(s => s.ReportsOnTime),
                Key = g.Sum(s => s.KeyTasks),
                KeyOn = g.Sum(s => s.KeyTasksOnSchedule),
                Judged = g.Sum(s => s.IndicatorsJudged),
                Met = g.Sum(s => s.IndicatorsMet),
                Allocated = g.Sum(s => s.BudgetAllocated),
                Disbursed = g.Sum(s => s.BudgetDisbursed),
                Score = g.Average(s => s.Score),
                Accepted = g.Count(s => s.Approval == ApprovalStates.Accepted),
                AtRisk = g.Count(s => s.TasksOverdue > 0 || (s.KeyTasks > 0 && s.KeyTasksOnSchedule * 10 < s.KeyTasks * 9)),
            }).ToListAsync(ct);
        var communes = await db.Communes.AsNoTracking().Where(c => c.ProvinceId != null).GroupBy(c => c.ProvinceId!.Value)
            .Select(g => new { ProvinceId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.ProvinceId, x => x.Count, ct);
        var names = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var bySum = sums.ToDictionary(s => s.ProvinceId);
        var rows = names.Select(p =>
        {
            var total = communes.GetValueOrDefault(p.Key);
            var s = bySum.GetValueOrDefault(p.Key);
            var totals = s is null
                ? new CockpitTotals(total, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                : new CockpitTotals(total, s.Communes, s.Expected, s.Received, s.Due, s.OnTime, s.Key, s.KeyOn, s.Judged, s.Met, s.Allocated, s.Disbursed, s.AtRisk);
            return new ProvinceRow(p.Key, p.Value, totals, s?.Score is { } score ? Math.Round(score, 2) : null, s?.Accepted ?? 0);
        }).OrderBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();
        var all = new CockpitTotals(rows.Sum(r => r.Totals.Communes), rows.Sum(r => r.Totals.WithFigures),
            rows.Sum(r => r.Totals.ReportsExpected), rows.Sum(r => r.Totals.ReportsReceived), rows.Sum(r => r.Totals.ReportsDue), rows.Sum(r => r.Totals.ReportsOnTime),
            rows.Sum(r => r.Totals.KeyTasks), rows.Sum(r => r.Totals.KeyTasksOnSchedule), rows.Sum(r => r.Totals.IndicatorsJudged), rows.Sum(r => r.Totals.IndicatorsMet),
            rows.Sum(r => r.Totals.BudgetAllocated), rows.Sum(r => r.Totals.BudgetDisbursed), rows.Sum(r => r.Totals.AtRisk));
        return new NationalViewModel(months, y, m, rows, all);
    }
}
