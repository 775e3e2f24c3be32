using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Figures;
using RoViec.Web.Features.Measurement;

namespace RoViec.Web.Features.Dashboards;

/// <summary>Whose view a dashboard shows: the whole commune, a steering member's fields and units, or one unit.</summary>
public sealed record DashboardLens(string Key, string Title, Guid? UnitId, IReadOnlySet<Guid> Units, IReadOnlyList<string> Fields)
{
    public bool WholeCommune => Key == "xa";

    public static readonly DashboardLens Commune = new("xa", "Toàn xã", null, new HashSet<Guid>(), []);

    /// <summary>
    /// The lens of the signed-in person: a unit's reporter or head sees their unit; a steering member who is only a
    /// member sees the fields and units they are over; the head, the chair and the standing office see the commune.
    /// </summary>
    public static async Task<DashboardLens?> OfAsync(RoViecDbContext db, UserScope scope, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.IsUnitScoped)
        {
            if (scope.UnitId is not { } unitId) return null;
            var name = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
            return new DashboardLens("dv-" + unitId, name, unitId, new HashSet<Guid> { unitId }, []);
        }
        var onlyMember = scope.IsIn(Roles.SteeringMember) && !scope.IsIn(Roles.Chair) && !scope.RunsReporting && !scope.IsAdministrator;
        if (!onlyMember) return Commune;
        var member = await db.SteeringMembers.AsNoTracking().Include(m => m.Units)
            .Where(m => m.CommuneId == communeId && m.UserId == scope.UserId).FirstOrDefaultAsync(ct);
        if (member is null || member.Position == SteeringPositions.Head) return Commune;
        var fields = member.Fields.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new DashboardLens("tv-" + member.Id, member.FullName, null, member.Units.Select(u => u.UnitId).ToHashSet(), fields);
    }

    /// <summary>Whether a task is in the lens: led by one of its units, or in one of its fields (matched without diacritics).</summary>
    public bool Covers(TaskFigure task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (WholeCommune) return true;
        if (task.LeadUnitId is { } lead && Units.Contains(lead)) return true;
        if (UnitId is not null) return false;
        var field = VietnameseText.Fold(task.Field);
        return Fields.Any(f => VietnameseText.Fold(f) is { Length: > 0 } wanted && field.Contains(wanted, StringComparison.Ordinal));
    }

    public bool Covers(IndicatorFigure indicator) =>
        WholeCommune || (indicator?.OwnerUnitId is { } owner && Units.Contains(owner));
}

/// <summary>
/// A month's dashboard for a lens, computed in memory from the snapshot's rows; with <paramref name="PlanId"/>, only that
/// plan's tasks and indicators (the month covers the work programme and the plans reporting with it).
/// </summary>
public sealed record DashboardView(PeriodFigures Figures, DashboardLens Lens, IReadOnlyList<TaskFigure> Tasks, IReadOnlyList<IndicatorFigure> Indicators, Guid? PlanId = null)
{
    /// <summary>The whole month as the official report counts it: the whole commune, every plan.</summary>
    private bool Whole => Lens.WholeCommune && PlanId is null;

    /// <summary>Tasks by status; for the whole commune and every plan exactly the report's counts.</summary>
    public IReadOnlyList<(TaskHealth Health, int Count)> ByStatus =>
        Whole
            ? [.. Figures.Report.ByStatus.Select(s => (s.Health, s.Count))]
            : [.. Tasks.GroupBy(t => t.Health).OrderBy(g => Order.IndexOf(g.Key)).Select(g => (g.Key, g.Count()))];

    public int KeyTotal => Whole ? Figures.Report.KeyTaskTotal : Tasks.Count(t => t.Priority && t.Health != TaskHealth.Closed);

    public int KeyOnSchedule => Whole ? Figures.Report.KeyTasksOnSchedule : Tasks.Count(t => t.Priority && Measure.OnSchedule(t.Health));

    public decimal? KeyShare => KeyTotal == 0 ? null : Math.Round(KeyOnSchedule * 100m / KeyTotal, 1);

    public int IndicatorsJudged => Indicators.Count(i => i.Met is not null);

    public int IndicatorsMet => Indicators.Count(i => i.Met == true);

    public IReadOnlyList<TaskFigure> Troubled =>
        [.. Tasks.Where(t => t.Health is TaskHealth.Overdue or TaskHealth.AtRisk).OrderBy(t => t.Health == TaskHealth.Overdue ? 0 : 1).ThenBy(t => t.Due ?? DateOnly.MaxValue)];

    public RankFigure? OwnRank => Lens.UnitId is { } id ? Figures.Ranking.FirstOrDefault(r => r.UnitId == id) : null;

    private static readonly List<TaskHealth> Order = [.. Enum.GetValues<TaskHealth>()];

    public static DashboardView Of(PeriodFigures figures, DashboardLens lens, Guid? planId = null)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(lens);
        return new DashboardView(figures, lens,
            [.. figures.Tasks.Where(t => lens.Covers(t) && (planId is null || t.PlanId == planId))],
            [.. figures.Indicators.Where(i => lens.Covers(i) && (planId is null || i.PlanId == planId))], planId);
    }
}

/// <summary>One month of the trend.</summary>
public sealed record TrendPoint(string Month, decimal? Rate, decimal? OnTime, decimal? KeyShare, int Done, decimal? IndicatorsMet);

/// <summary>
/// The months of the plan up to a month (every month of the year for the year), from their snapshots (computed, not stored, when missing or not
/// current), kept in memory until a snapshot of the plan changes or is marked stale (both give it a new version) or the day turns — a dashboard
/// view reads one small query and the cache.
/// </summary>
public static class DashboardTrend
{
    public static async Task<IReadOnlyList<TrendPoint>> UpToAsync(RoViecDbContext db, IMemoryCache cache, ReportingPeriod month, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(month);
        var today = clock.VietnamToday();
        // The plan line: months closed under a version of the same year the plan replaced stay in the trend.
        var line = await Plans.ReplacePlan.PlanLineAsync(db, month.PlanId, ct);
        var months = await db.Periods.AsNoTracking()
            .Where(p => line.Contains(p.PlanId) && p.Kind == PeriodKinds.Monthly && p.StartsOn <= month.EndsOn && p.State != PeriodStates.Scheduled)
            .OrderBy(p => p.StartsOn).ToListAsync(ct);
        var ids = months.Select(m => m.Id).ToList();
        var stamp = await db.PeriodSnapshots.AsNoTracking().Where(s => ids.Contains(s.PeriodId)).Select(s => s.Version).ToListAsync(ct);
        var key = ("trend", month.Id, today, string.Join(',', stamp.Order()));
        // A month without a stored snapshot is computed at each read (reads store nothing), so no key stands for it.
        var keep = stamp.Count == months.Count;
        if (keep && cache.TryGetValue(key, out IReadOnlyList<TrendPoint>? hit) && hit is not null) return hit;
        var points = new List<TrendPoint>();
        foreach (var m in months)
        {
            var f = await PeriodSnapshots.ReadAsync(db, m, clock, ct);
            points.Add(new TrendPoint("T" + m.Number, f.Report.Rate.Rate, f.Report.Rate.OnTimeRate, f.Report.KeyTaskShare,
                f.Report.Sections.Sum(s => s.Done), f.IndicatorsJudged == 0 ? null : Math.Round(f.IndicatorsMet * 100m / f.IndicatorsJudged, 1)));
        }
        if (keep) cache.Set(key, (IReadOnlyList<TrendPoint>)points, TimeSpan.FromMinutes(30));
        return points;
    }
}
