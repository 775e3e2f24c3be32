using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Provinces;

/// <summary>One commune on the province's cockpit: where it is, and its month's figures when it has them.</summary>
/// <param name="Month">The commune's summary of the month; null when it has no such month yet (shown as missing, never as zero).</param>
/// <param name="Rank">Its place by score among every commune shown (1 is best), when scored.</param>
/// <param name="PeerRank">Its place by score among the communes of its own kind (xã, phường, đặc khu), when scored.</param>
public sealed record CockpitRow(Guid CommuneId, string Name, string Kind, string? Area, CommunePeriodSummary? Month, int? Rank, int? PeerRank)
{
    public decimal? ReportRate => Month is { ReportsExpected: > 0 } m ? Share(m.ReportsReceived, m.ReportsExpected) : null;
    public decimal? OnTimeRate => Month is { ReportsDue: > 0 } m ? Share(m.ReportsOnTime, m.ReportsDue) : null;
    public decimal? KeyTaskShare => Month is { KeyTasks: > 0 } m ? Share(m.KeyTasksOnSchedule, m.KeyTasks) : null;
    public decimal? IndicatorShare => Month is { IndicatorsJudged: > 0 } m ? Share(m.IndicatorsMet, m.IndicatorsJudged) : null;
    public decimal? BudgetShare => Month is { BudgetAllocated: > 0 } m ? Math.Round(m.BudgetDisbursed * 100m / m.BudgetAllocated, 1) : null;
    /// <summary>Key tasks on schedule below the plans' 90 % target, or overdue tasks: the commune needs the province's attention.</summary>
    public bool AtRisk => Month is { } m && NeedsAttention(m.TasksOverdue, m.KeyTasks, m.KeyTasksOnSchedule);

    /// <summary>
    /// Overdue tasks, or key tasks on schedule below the plans' target of 90 % (<see cref="Figures.MonthlyReport.KeyTaskTarget"/>),
    /// compared in whole numbers as the national view's query does.
    /// </summary>
    public static bool NeedsAttention(int overdue, int keyTasks, int keyOnSchedule) => overdue > 0 || (keyTasks > 0 && keyOnSchedule * 10 < keyTasks * 9);

    internal static decimal Share(int part, int whole) => Math.Round(part * 100m / whole, 1);
}

/// <summary>The province's totals of the communes shown, summed from their rows (missing communes counted apart).</summary>
public sealed record CockpitTotals(int Communes, int WithFigures, int ReportsExpected, int ReportsReceived, int ReportsDue, int ReportsOnTime,
    int KeyTasks, int KeyTasksOnSchedule, int IndicatorsJudged, int IndicatorsMet, decimal BudgetAllocated, decimal BudgetDisbursed, int AtRisk)
{
    public int Missing => Communes - WithFigures;

    /// <summary>The totals of these communes' rows: every figure summed over those with the month (the others counted apart).</summary>
    public static CockpitTotals Of(IReadOnlyList<CockpitRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var with = rows.Where(r => r.Month is not null).ToList();
        return new CockpitTotals(rows.Count, with.Count,
            with.Sum(r => r.Month!.ReportsExpected), with.Sum(r => r.Month!.ReportsReceived),
            with.Sum(r => r.Month!.ReportsDue), with.Sum(r => r.Month!.ReportsOnTime),
            with.Sum(r => r.Month!.KeyTasks), with.Sum(r => r.Month!.KeyTasksOnSchedule),
            with.Sum(r => r.Month!.IndicatorsJudged), with.Sum(r => r.Month!.IndicatorsMet),
            with.Sum(r => r.Month!.BudgetAllocated), with.Sum(r => r.Month!.BudgetDisbursed),
            with.Count(r => r.AtRisk));
    }
    public decimal? ReportRate => ReportsExpected == 0 ? null : CockpitRow.Share(ReportsReceived, ReportsExpected);
    public decimal? OnTimeRate => ReportsDue == 0 ? null : CockpitRow.Share(ReportsOnTime, ReportsDue);
    public decimal? KeyTaskShare => KeyTasks == 0 ? null : CockpitRow.Share(KeyTasksOnSchedule, KeyTasks);
    public decimal? IndicatorShare => IndicatorsJudged == 0 ? null : CockpitRow.Share(IndicatorsMet, IndicatorsJudged);
    public decimal? BudgetShare => BudgetAllocated == 0 ? null : Math.Round(BudgetDisbursed * 100m / BudgetAllocated, 1);
}

/// <summary>How the cockpit is asked: the month, the sort, the filters.</summary>
/// <param name="Sort">One of <see cref="ProvinceCockpit.Sorts"/>; empty: by score.</param>
/// <param name="Ascending">The other way round: the weakest first.</param>
/// <param name="Kind">A <see cref="CommuneKinds"/> value to show only communes of that kind; empty: all.</param>
public sealed record CockpitQuery(int? Year, int? Month, string? Sort, bool Ascending, string? Kind, string? Area);

public sealed record CockpitView(Guid ProvinceId, string ProvinceName, IReadOnlyList<(int Year, int Month)> Months, int Year, int Month,
    IReadOnlyList<CockpitRow> Rows, CockpitTotals Totals, IReadOnlyList<string> Areas, IReadOnlyList<string> Kinds);

/// <summary>
/// "Toàn tỉnh": every commune of a province side by side for one month, read from the communes' summary rows
/// (<see cref="CommunePeriodSummary"/>) in one indexed range — never from their snapshots.
/// </summary>
public static class ProvinceCockpit
{
    /// <summary>Sort keys as the query string writes them.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["diem", "ten", "bao-cao", "dung-han", "trong-tam", "chi-tieu", "giai-ngan"];

    /// <summary>The province's months that have figures, latest first, each with the earliest day its figures were derived for.</summary>
    public static async Task<IReadOnlyList<(int Year, int Month, DateOnly FirstAsOf)>> MonthsAsync(RoViecDbContext db, Guid provinceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var months = await db.CommunePeriodSummaries.AsNoTracking()
            .Where(s => s.ProvinceId == provinceId && s.Kind == PeriodKinds.Monthly)
            .GroupBy(s => new { s.Year, s.Number }).Select(g => new { g.Key.Year, g.Key.Number, AsOf = g.Min(s => s.AsOf) }).ToListAsync(ct);
        return [.. months.OrderByDescending(m => m.Year).ThenByDescending(m => m.Number).Select(m => (m.Year, m.Number, m.AsOf))];
    }

    /// <summary>
    /// The month shown by default: the latest whose figures are final everywhere (derived for a day before today: its
    /// compile day has passed), else the latest with figures, else today's.
    /// </summary>
    public static (int Year, int Month) DefaultMonth(IReadOnlyList<(int Year, int Month, DateOnly FirstAsOf)> months, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(months);
        foreach (var m in months)
            if (m.FirstAsOf < today) return (m.Year, m.Month);
        return months.Count > 0 ? (months[0].Year, months[0].Month) : (today.Year, today.Month);
    }

    /// <summary>The cockpit of a month (by default <see cref="DefaultMonth"/>). Null when the province is not there.</summary>
    public static async Task<CockpitView?> ReadAsync(RoViecDbContext db, Guid provinceId, CockpitQuery query, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var province = await db.Provinces.AsNoTracking().Where(p => p.Id == provinceId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (province is null) return null;
        var months = await MonthsAsync(db, provinceId, ct);
        var (year, month) = query is { Year: { } y, Month: { } m } ? (y, m) : DefaultMonth(months, today);
        var communes = await db.Communes.AsNoTracking().Where(c => c.ProvinceId == provinceId)
            .Select(c => new { c.Id, c.Name, c.Kind, c.Area }).ToListAsync(ct);
        var rows = await db.CommunePeriodSummaries.AsNoTracking()
            .Where(s => s.ProvinceId == provinceId && s.Kind == PeriodKinds.Monthly && s.Year == year && s.Number == month)
            .ToListAsync(ct);
        // A commune whose plan was replaced within the year may have two rows for one month: the plan in force's is the later built.
        var byCommune = rows.GroupBy(r => r.CommuneId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.BuiltAtUtc).First());
        var shown = communes
            .Where(c => string.IsNullOrEmpty(query.Kind) || c.Kind == query.Kind)
            .Where(c => string.IsNullOrEmpty(query.Area) || c.Area == query.Area)
            .ToList();
        var scored = shown.Select(c => (c.Id, c.Kind, Score: byCommune.GetValueOrDefault(c.Id)?.Score)).Where(x => x.Score is not null).ToList();
        static int? RankOf(decimal? score, IEnumerable<(Guid Id, string Kind, decimal? Score)> among) =>
            score is null ? null : 1 + among.Count(o => o.Score > score);
        var list = shown.Select(c =>
        {
            var summary = byCommune.GetValueOrDefault(c.Id);
            return new CockpitRow(c.Id, c.Name, c.Kind, c.Area, summary,
                RankOf(summary?.Score, scored), RankOf(summary?.Score, scored.Where(o => o.Kind == c.Kind)));
        }).ToList();
        var totals = CockpitTotals.Of(list);
        var areas = communes.Select(c => c.Area).OfType<string>().Distinct().Order(StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();
        var kinds = CommuneKinds.All.Where(k => communes.Any(c => c.Kind == k)).ToList();
        return new CockpitView(provinceId, province, [.. months.Select(x => (x.Year, x.Month))], year, month, Sorted(list, query.Sort, query.Ascending), totals, areas, kinds);
    }

    private static readonly StringComparer Names = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);

    /// <summary>
    /// Sorted by the key, best first (by name: A to Z), or the other way round when <paramref name="ascending"/> is set (the
    /// weakest first); communes without the figure always last, then by name.
    /// </summary>
    public static IReadOnlyList<CockpitRow> Sorted(IReadOnlyList<CockpitRow> rows, string? sort, bool ascending)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (sort == "ten")
            return ascending ? [.. rows.OrderByDescending(r => r.Name, Names)] : [.. rows.OrderBy(r => r.Name, Names)];
        Func<CockpitRow, decimal?> key = sort switch
        {
            "bao-cao" => r => r.ReportRate,
            "dung-han" => r => r.OnTimeRate,
            "trong-tam" => r => r.KeyTaskShare,
            "chi-tieu" => r => r.IndicatorShare,
            "giai-ngan" => r => r.BudgetShare,
            _ => r => r.Month?.Score,
        };
        var withValue = rows.Where(r => key(r) is not null);
        var ordered = ascending ? withValue.OrderBy(key).ThenBy(r => r.Name, Names) : withValue.OrderByDescending(key).ThenBy(r => r.Name, Names);
        return [.. ordered, .. rows.Where(r => key(r) is null).OrderBy(r => r.Name, Names)];
    }
}
