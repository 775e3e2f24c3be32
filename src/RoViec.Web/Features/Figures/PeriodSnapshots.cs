using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using RoViec.Data;
using RoViec.Web.Features.Plans;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Domain.Text;
using RoViec.Web.Features.Measurement;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Features.Figures;

/// <summary>
/// Builds and reads <see cref="PeriodFigures"/> snapshots (one row per period). A snapshot is built when a period's
/// data is verified or corrected, marked stale on other changes (a new <c>Version</c> each time), and rebuilt by the
/// scheduler (<c>Scheduling/SnapshotRefresh</c>) when it is stale, missing, of an older shape, or derived for another
/// day than the period's reference day. A read never writes: a snapshot that is not current is computed in memory for
/// the reader and left to the scheduler to store — so a dashboard is a read of one prepared row, and a GET (the
/// anonymous public page included) changes nothing.
/// </summary>
public static class PeriodSnapshots
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// The period's figures for today by <paramref name="clock"/>: the stored snapshot when it is current, else computed
    /// now and not stored (a read never writes; the scheduler stores it).
    /// </summary>
    public static async Task<PeriodFigures> ReadAsync(RoViecDbContext db, ReportingPeriod period, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var (current, seen) = await LookAsync(db, period, clock, ct);
        if (current is not null) return current;
        // Not current: computed, and kept in memory under the row's version and the day, so the readers until the next
        // tick share one computation. A change marks the row with a new version, so a kept result is never served after it.
        var asOf = Measure.ReferenceDay(period, clock.VietnamToday());
        if (seen is { } version && ComputedForReaders.TryGetValue((period.Id, version, asOf), out PeriodFigures? kept) && kept is not null) return kept;
        var computed = await PrepareAsync(db, period, clock, ct);
        if (computed.Seen is { } at && at == seen)
            ComputedForReaders.Set((period.Id, at, asOf), computed.Figures, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return computed.Figures;
    }

    /// <summary>Figures computed for readers of a snapshot that is not current, by period, snapshot version and reference day.</summary>
    private static readonly MemoryCache ComputedForReaders = new(new MemoryCacheOptions { SizeLimit = 64 });

    /// <summary>The stored snapshot when it is current (not stale, of the current shape, derived for the period's reference day today), else null.</summary>
    public static async Task<PeriodFigures?> CurrentAsync(RoViecDbContext db, ReportingPeriod period, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(clock);
        return (await LookAsync(db, period, clock, ct)).Current;
    }

    /// <summary>The stored snapshot when it is current (else null), with the row's version (null when there is no row), in one read of the row.</summary>
    private static async Task<(PeriodFigures? Current, Guid? Version)> LookAsync(RoViecDbContext db, ReportingPeriod period, TimeProvider clock, CancellationToken ct)
    {
        var row = await db.PeriodSnapshots.AsNoTracking().Where(s => s.PeriodId == period.Id)
            .Select(s => new { s.Version, s.Stale }).FirstOrDefaultAsync(ct);
        if (row is null) return (null, null);
        if (!row.Stale && await ParsedAsync(db, period.Id, row.Version, ct) is { } figures && IsCurrent(figures, period, clock))
            return (figures, row.Version);
        return (null, row.Version);
    }

    /// <summary>Whether stored figures are those a build would give today: of the current shape and the period's reference day.</summary>
    public static bool IsCurrent(PeriodFigures figures, ReportingPeriod period, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(clock);
        return figures.Shape == PeriodFigures.CurrentShape && figures.AsOf == Measure.ReferenceDay(period, clock.VietnamToday());
    }

    /// <summary>
    /// Parsed snapshots by their period and version (a new random one on every build and mark): reading an unchanged snapshot again is a
    /// lookup, not a transfer and parse of its JSON. The figures are immutable records, safe to share between requests.
    /// </summary>
    private static readonly MemoryCache Parsed = new(new MemoryCacheOptions { SizeLimit = 64 });

    /// <summary>
    /// Keeps parsed figures by their version; true when they are kept. A full cache refuses a new entry (and only then
    /// compacts itself a little, later): room is made at once, so the newest snapshot is always kept.
    /// </summary>
    internal static bool Remember(Guid version, PeriodFigures figures)
    {
        var options = new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) };
        ArgumentNullException.ThrowIfNull(figures);
        var key = (figures.PeriodId, version);
        Parsed.Set(key, figures, options);
        if (Parsed.TryGetValue(key, out _)) return true;
        Parsed.Compact(0.25);
        Parsed.Set(key, figures, options);
        return Parsed.TryGetValue(key, out _);
    }

    private static async Task<PeriodFigures?> ParsedAsync(RoViecDbContext db, Guid periodId, Guid version, CancellationToken ct)
    {
        if (Parsed.TryGetValue((periodId, version), out PeriodFigures? cached)) return cached;
        var text = await db.PeriodSnapshots.AsNoTracking().Where(s => s.PeriodId == periodId && s.Version == version)
            .Select(s => s.Figures).FirstOrDefaultAsync(ct);
        if (text is null || Deserialize(text) is not { } figures) return null;
        Remember(version, figures);
        return figures;
    }

    /// <summary>
    /// The period's figures for one of its plans alone (`?ke-hoach=`): its tasks, indicators, money and what units reported
    /// on them, with the period's reporting rates and ranking (one report per unit covers every plan). Computed on
    /// request, not stored: the stored snapshot is the period's whole.
    /// </summary>
    public static async Task<PeriodFigures> OfPlanAsync(RoViecDbContext db, ReportingPeriod period, Guid planId, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var whole = await ReadAsync(db, period, clock, ct);
        var asOf = whole.AsOf;
        IReadOnlyList<Guid> plans = [planId];
        var (allocated, disbursed) = await BudgetAsync(db, period, plans, ct);
        var values = await IndicatorValues.OfPeriodAsync(db, period, ct);
        return whole with
        {
            Report = await MonthlyReportQuery.CompileAsync(db, period, asOf, ct, planId, values),
            Tasks = await TasksAsync(db, period, plans, asOf, ct),
            Indicators = await IndicatorsAsync(db, plans, values, ct),
            BudgetAllocated = allocated,
            BudgetDisbursed = disbursed,
        };
    }

    /// <summary>
    /// What one build computed, and the snapshot's version seen before it began (null when there was none): storing
    /// clears <c>Stale</c> only when the row still has that version, so a change marked while it ran is not lost.
    /// </summary>
    internal sealed record Computed(PeriodFigures Figures, IReadOnlyList<Guid> Plans, IReadOnlyDictionary<Guid, IndicatorValues.ValueLine> Values, Guid? Seen);

    /// <summary>Computes the period's figures for today by <paramref name="clock"/>, writing nothing.</summary>
    public static async Task<PeriodFigures> ComputeAsync(RoViecDbContext db, ReportingPeriod period, TimeProvider clock, CancellationToken ct) =>
        (await PrepareAsync(db, period, clock, ct)).Figures;

    /// <summary>Notes the snapshot's version, then computes the figures (no writes).</summary>
    internal static async Task<Computed> PrepareAsync(RoViecDbContext db, ReportingPeriod period, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(clock);
        // Read before anything is computed: a mark after this point gives the row another version.
        var seen = await db.PeriodSnapshots.AsNoTracking().Where(s => s.PeriodId == period.Id).Select(s => (Guid?)s.Version).FirstOrDefaultAsync(ct);
        var asOf = Measure.ReferenceDay(period, clock.VietnamToday());
        // The indicator values are read once, for the report and for the figures.
        var values = await IndicatorValues.OfPeriodAsync(db, period, ct);
        var report = await MonthlyReportQuery.CompileAsync(db, period, asOf, ct, values: values);
        var plans = await PlansTogether.OfPeriodAsync(db, period, ct);
        var figures = new PeriodFigures
        {
            PeriodId = period.Id,
            Kind = period.Kind,
            Year = period.Year,
            Number = period.Number,
            Label = period.Label,
            AsOf = asOf,
            Report = report,
            Tasks = await TasksAsync(db, period, plans, asOf, ct),
            Indicators = await IndicatorsAsync(db, plans, values, ct),
            Ranking = period.Kind is PeriodKinds.Quarterly or PeriodKinds.Annual ? await AverageRankingAsync(db, period, ct) : await RankingAsync(db, period.Id, ct),
        };
        var (allocated, disbursed) = await BudgetAsync(db, period, plans, ct);
        return new Computed(figures with { BudgetAllocated = allocated, BudgetDisbursed = disbursed }, plans, values, seen);
    }

    /// <summary>Computes the period's figures and stores them (insert or replace) with its summary row, in its own saves.</summary>
    public static async Task<PeriodFigures> BuildAsync(RoViecDbContext db, ReportingPeriod period, TimeProvider clock, string reason, string? by, CancellationToken ct)
    {
        var computed = await PrepareAsync(db, period, clock, ct);
        await StoreAsync(db, period, computed, clock, reason, by, ct);
        return computed.Figures;
    }

    /// <summary>
    /// Stores computed figures (insert or replace) and the period's summary row. The snapshot is left not stale only when
    /// its version is still the one seen before computing; when something marked it stale (or another build stored)
    /// meanwhile, the figures are stored but kept stale, so the scheduler's next tick builds them again — a build stored
    /// twice is harmless, a change during a build is never lost. True when the stored snapshot is current.
    /// </summary>
    internal static async Task<bool> StoreAsync(RoViecDbContext db, ReportingPeriod period, Computed computed, TimeProvider clock, string reason, string? by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(computed);
        var text = JsonSerializer.Serialize(computed.Figures, Json);
        var now = clock.GetUtcNow().UtcDateTime;
        var current = false;
        if (computed.Seen is { } seen)
            current = await ReplaceAsync(db, period.Id, text, now, reason, by, stale: false, onlyIf: seen, ct) == 1;
        else
        {
            db.PeriodSnapshots.Add(new PeriodSnapshot
            {
                Id = Guid.NewGuid(),
                CommuneId = period.CommuneId,
                PeriodId = period.Id,
                Figures = text,
                BuiltAtUtc = now,
                BuiltBy = by,
                Reason = reason,
                Version = Guid.NewGuid(),
            });
            try
            {
                await db.SaveChangesAsync(ct);
                current = true;
            }
            catch (DbUpdateException)
            {
                // Another build inserted it at the same moment: handled below as a row changed since we began.
                db.ChangeTracker.Clear();
            }
        }
        if (!current) await ReplaceAsync(db, period.Id, text, now, reason, by, stale: true, onlyIf: null, ct);
        await PeriodSummaries.WriteAsync(db, period, computed.Figures, computed.Plans, computed.Values, clock, ct);
        return current;
    }

    private static Task<int> ReplaceAsync(RoViecDbContext db, Guid periodId, string text, DateTime now, string reason, string? by, bool stale, Guid? onlyIf, CancellationToken ct)
    {
        var version = Guid.NewGuid();
        return db.PeriodSnapshots.Where(s => s.PeriodId == periodId && (onlyIf == null || s.Version == onlyIf)).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Figures, text)
            .SetProperty(s => s.Stale, stale)
            .SetProperty(s => s.BuiltAtUtc, now)
            .SetProperty(s => s.BuiltBy, by)
            .SetProperty(s => s.Reason, reason)
            .SetProperty(s => s.Version, version), ct);
    }

    private static async Task<IReadOnlyList<TaskFigure>> TasksAsync(RoViecDbContext db, ReportingPeriod period, IReadOnlyList<Guid> plans, DateOnly asOf, CancellationToken ct)
    {
        var health = await PlanHealth.ComputeAsync(db, plans, asOf, ct);
        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == period.CommuneId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var tasks = (await db.Tasks.AsNoTracking().Where(t => plans.Contains(t.PlanId))
            .Select(t => new { t.Id, t.PlanId, t.Order, t.Code, t.Name, t.Section, t.LeadUnitId, t.LeadAsWritten, t.Priority, t.DeadlineDue }).ToListAsync(ct))
            .OrderBy(t => plans.Position(t.PlanId)).ThenBy(t => t.Order);
        return tasks.Select(t => new TaskFigure(t.Id, t.Code, t.Name, MonthlyReportQuery.SectionPath(t.Section) is { Count: > 0 } path ? path[0] : t.Section,
            t.LeadUnitId, t.LeadUnitId is { } lead && units.TryGetValue(lead, out var name) ? name : string.IsNullOrWhiteSpace(t.LeadAsWritten) ? "Chưa giao" : t.LeadAsWritten,
            health.GetValueOrDefault(t.Id, TaskHealth.NotStarted), t.Priority, t.DeadlineDue, t.PlanId)).ToList();
    }

    private static async Task<IReadOnlyList<IndicatorFigure>> IndicatorsAsync(RoViecDbContext db, IReadOnlyList<Guid> plans,
        IReadOnlyDictionary<Guid, IndicatorValues.ValueLine> byIndicator, CancellationToken ct)
    {
        var indicators = (await db.Indicators.AsNoTracking().Where(i => plans.Contains(i.PlanId)).ToListAsync(ct))
            .OrderBy(i => plans.Position(i.PlanId)).ThenBy(i => i.Order).ToList();
        return indicators.Select(i =>
        {
            decimal? number = null;
            bool? met = null;
            if (byIndicator.TryGetValue(i.Id, out var v))
            {
                var (_, percent) = Measure.ValueText(v.Value, v.Numerator, v.Denominator, i.TargetUnit);
                number = percent ?? v.Value;
                met = Measure.Meets(i, percent, v.Value);
            }
            return new IndicatorFigure(i.Id, i.Name, i.TargetRaw, i.TargetOp, i.TargetValue, i.TargetUnit, number, met, i.OwnerUnitId, i.PlanId);
        }).ToList();
    }

    /// <summary>
    /// A quarter's or the year's ranking: the average of each unit's scored months within it that have closed, as
    /// <c>/diem?quy=</c> shows (an open month's scores are provisional and never mixed with final ones).
    /// </summary>
    private static async Task<IReadOnlyList<RankFigure>> AverageRankingAsync(RoViecDbContext db, ReportingPeriod period, CancellationToken ct)
    {
        // Months closed under a version of the same year the plan replaced count too (their scores are final).
        var line = await Plans.ReplacePlan.PlanLineAsync(db, period.PlanId, ct);
        var months = await db.Periods.AsNoTracking()
            .Where(p => line.Contains(p.PlanId) && p.Kind == PeriodKinds.Monthly && p.StartsOn >= period.StartsOn && p.EndsOn <= period.EndsOn
                && p.State == PeriodStates.Closed)
            .Select(p => p.Id).ToListAsync(ct);
        var view = await Scores.ScoreQueries.AverageAsync(db, period.Label, months, ct);
        return [.. view.Rows.Select(r => new RankFigure(r.UnitId, r.Unit, r.Rank, r.Total, r.HeadTotal, r.Band))];
    }

    private static async Task<IReadOnlyList<RankFigure>> RankingAsync(RoViecDbContext db, Guid periodId, CancellationToken ct) =>
        await (from s in db.UnitScores.AsNoTracking()
               join u in db.Units.AsNoTracking() on s.UnitId equals u.Id
               where s.PeriodId == periodId
               orderby s.Rank, u.Name
               select new RankFigure(s.UnitId, u.Name, s.Rank, s.Total, s.HeadTotal, s.Band)).ToListAsync(ct);

    /// <summary>
    /// The money of the period's plans: the figures the standing office typed per unit (the latest of each unit up to the
    /// period) when there are any; otherwise the tasks' own budgets, disbursed up to the period's last month
    /// (<see cref="Budgets.BudgetFigures"/>), as `/kinh-phi` shows them.
    /// </summary>
    private static async Task<(decimal Allocated, decimal Disbursed)> BudgetAsync(RoViecDbContext db, ReportingPeriod period, IReadOnlyList<Guid> plans, CancellationToken ct)
    {
        var entries = await (
            from b in db.BudgetEntries.AsNoTracking()
            join p in db.Periods.AsNoTracking() on b.PeriodId equals p.Id
            where b.PlanId == period.PlanId && p.EndsOn <= period.EndsOn
            select new { b.UnitId, p.EndsOn, b.EnteredAtUtc, b.Allocated, b.Disbursed }).ToListAsync(ct);
        var latest = entries.GroupBy(e => e.UnitId).Select(g => g.OrderByDescending(e => e.EndsOn).ThenByDescending(e => e.EnteredAtUtc).First()).ToList();
        if (latest.Count > 0 && plans.Contains(period.PlanId)) return (latest.Sum(e => e.Allocated), latest.Sum(e => e.Disbursed));
        if (period.EndsOn.Year != period.Year) return (0, 0);
        var money = await Budgets.BudgetFigures.ReadAsync(db, period.CommuneId, plans, null, period.EndsOn.Month, ct);
        return (money.All.Allocated, money.All.Disbursed);
    }

    /// <summary>
    /// Marks the period's snapshot stale, with a new version (so a build that began before this does not clear it, and
    /// what is cached by version is dropped): reads compute its figures until the scheduler stores them again.
    /// </summary>
    public static Task MarkStaleAsync(RoViecDbContext db, Guid periodId, CancellationToken ct) => MarkStaleAsync(db, [periodId], ct);

    /// <summary>Marks the periods' snapshots stale, each with a new version.</summary>
    public static Task MarkStaleAsync(RoViecDbContext db, IReadOnlyCollection<Guid> periodIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(periodIds);
        if (periodIds.Count == 0) return Task.CompletedTask;
        // One new version for the rows marked together: versions are compared per period (and cached by period and version).
        var version = Guid.NewGuid();
        return db.PeriodSnapshots.Where(s => periodIds.Contains(s.PeriodId))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Stale, true).SetProperty(s => s.Version, version), ct);
    }

    /// <summary>
    /// Marks stale the snapshots of the quarter and the year a month lies in: their indicators take the latest value
    /// within them and their ranking averages the months, so a change to a month changes them too.
    /// </summary>
    public static Task MarkCoveringStaleAsync(RoViecDbContext db, ReportingPeriod month, CancellationToken ct) =>
        MarkStaleWithCoveringAsync(db, month, includeMonth: false, ct);

    /// <summary>
    /// Marks stale the period's own snapshot and those of the quarter and the year it lies in (<see cref="MarkCoveringStaleAsync"/>),
    /// in one statement after the plan's line is known.
    /// </summary>
    public static Task MarkStaleWithCoveringAsync(RoViecDbContext db, ReportingPeriod period, CancellationToken ct) =>
        MarkStaleWithCoveringAsync(db, period, includeMonth: true, ct);

    private static async Task MarkStaleWithCoveringAsync(RoViecDbContext db, ReportingPeriod month, bool includeMonth, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(month);
        if (month.Kind != PeriodKinds.Monthly)
        {
            if (includeMonth) await MarkStaleAsync(db, month.Id, ct);
            return;
        }
        var line = await Plans.ReplacePlan.PlanLineAsync(db, month.PlanId, ct);
        var covering = db.Periods
            .Where(p => line.Contains(p.PlanId) && (p.Kind == PeriodKinds.Quarterly || p.Kind == PeriodKinds.Annual)
                && p.StartsOn <= month.StartsOn && p.EndsOn >= month.EndsOn)
            .Select(p => p.Id);
        var monthId = includeMonth ? month.Id : Guid.Empty;
        // One new version for the rows marked together, as MarkStaleAsync gives.
        var version = Guid.NewGuid();
        await db.PeriodSnapshots.Where(s => s.PeriodId == monthId || covering.Contains(s.PeriodId))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Stale, true).SetProperty(s => s.Version, version), ct);
    }

    public static string Serialize(PeriodFigures figures) => JsonSerializer.Serialize(figures, Json);

    public static PeriodFigures? Deserialize(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<PeriodFigures>(text, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
