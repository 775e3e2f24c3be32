using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Plans;

/// <summary>Reads shared by the plan pages and the API.</summary>
public static class PlanQueries
{
    /// <summary>
    /// The commune's work programme in force: the latest confirmed plan that has not been replaced and has the monthly
    /// calendar (not a plan reporting with it, not a weekly campaign: <see cref="PlansTogether"/>).
    /// </summary>
    public static Task<Plan?> ActivePlanAsync(RoViecDbContext db, Guid? communeId, CancellationToken ct) =>
        db.Plans.AsNoTracking()
            .Where(p => p.CommuneId == communeId && p.Status == PlanStatuses.Active && p.ReportsWithPlanId == null && p.Rhythm == PlanRhythms.Monthly)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.ConfirmedAtUtc ?? p.ImportedAtUtc)
            .FirstOrDefaultAsync(ct);

    /// <summary>The commune's campaigns in force that report weekly (<see cref="PlansTogether"/>), oldest first.</summary>
    public static async Task<IReadOnlyList<Plan>> CampaignsAsync(RoViecDbContext db, Guid communeId, CancellationToken ct) =>
        await db.Plans.AsNoTracking()
            .Where(p => p.CommuneId == communeId && p.Status == PlanStatuses.Active && p.Rhythm == PlanRhythms.Weekly)
            .OrderBy(p => p.ConfirmedAtUtc).ToListAsync(ct);

    /// <summary>Whether the commune has a confirmed plan of that year (last year's, for carrying its unfinished tasks over).</summary>
    public static Task<bool> HasPlansOfYearAsync(RoViecDbContext db, Guid communeId, int year, CancellationToken ct) =>
        db.Plans.AnyAsync(p => p.CommuneId == communeId && p.Year == year && p.Status != PlanStatuses.Draft, ct);

    /// <summary>The title of the plan a companion reports with (the current version of that plan line), or null.</summary>
    public static async Task<(Guid Id, string Title)?> HostOfAsync(RoViecDbContext db, Plan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.ReportsWithPlanId is null) return null;
        var host = await PlansTogether.HostAsync(db, plan.CommuneId, plan.Year, plan.Id, ct);
        var id = host is { } h && h.Root == plan.ReportsWithPlanId ? h.Id : plan.ReportsWithPlanId.Value;
        return await db.Plans.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Title }).FirstOrDefaultAsync(ct) is { } row ? (row.Id, row.Title) : null;
    }

    /// <summary>
    /// The commune's work programme of a year, in force or not (a past year stays readable): the latest confirmed monthly
    /// plan of that year with its own calendar; its plan line holds the versions it replaced. Null when there is none.
    /// </summary>
    public static Task<Plan?> ProgrammeOfYearAsync(RoViecDbContext db, Guid communeId, int year, CancellationToken ct) =>
        db.Plans.AsNoTracking()
            .Where(p => p.CommuneId == communeId && p.Year == year && p.Status != PlanStatuses.Draft && p.ReportsWithPlanId == null && p.Rhythm == PlanRhythms.Monthly)
            .OrderByDescending(p => p.ConfirmedAtUtc ?? p.ImportedAtUtc).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Why the plan's year is closed to changes, or null while it is open: once the commune has a work programme in force for
    /// a later year, last year's plans, tasks and reports are read-only — fully readable (`?nam=`), no longer changed.
    /// </summary>
    public static async Task<Sentence?> ClosedYearAsync(RoViecDbContext db, Guid planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.CommuneId, p.Year }).FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        var later = await db.Plans.AsNoTracking()
            .Where(p => p.CommuneId == plan.CommuneId && p.Status == PlanStatuses.Active && p.ReportsWithPlanId == null && p.Rhythm == PlanRhythms.Monthly && p.Year > plan.Year)
            .OrderBy(p => p.Year).Select(p => (int?)p.Year).FirstOrDefaultAsync(ct);
        return later is { } year
            ? new Sentence("Năm {0} đã khép lại: xã đã có chương trình công tác năm {1}. Nhiệm vụ, báo cáo và số liệu năm {0} chỉ còn để xem, không sửa được nữa.",
                plan.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>
    /// The work programme a page reads: the one in force, or that of <paramref name="year"/> when a past year is asked for
    /// (`?nam=`; null when the commune has none that year), with the years there is one for (a year selector's choices)
    /// and whether it is a past year's rather than the one in force.
    /// </summary>
    public static async Task<(Plan? Plan, IReadOnlyList<int> Years, bool Past)> ProgrammeForAsync(RoViecDbContext db, Guid? communeId, int? year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await ActivePlanAsync(db, communeId, ct);
        if (communeId is not { } commune) return (plan, [], false);
        var years = await ProgrammeYearsAsync(db, commune, ct);
        if (year is not { } y || y == plan?.Year) return (plan, years, false);
        return (await ProgrammeOfYearAsync(db, commune, y, ct), years, true);
    }

    /// <summary>The years the commune has a work programme for, oldest first.</summary>
    public static async Task<IReadOnlyList<int>> ProgrammeYearsAsync(RoViecDbContext db, Guid communeId, CancellationToken ct) =>
        await db.Plans.AsNoTracking()
            .Where(p => p.CommuneId == communeId && p.Status != PlanStatuses.Draft && p.ReportsWithPlanId == null && p.Rhythm == PlanRhythms.Monthly)
            .Select(p => p.Year).Distinct().OrderBy(y => y).ToListAsync(ct);

    /// <summary>A plan line in the commune's list of plans.</summary>
    public sealed record PlanLine(Guid Id, string Title, string? Number, int Year, string Status, string SourceFileName, DateTime ImportedAtUtc,
        DateTime? ConfirmedAtUtc, string? ConfirmedBy, int Tasks, int Indicators, Guid? ReplacesPlanId);

    /// <summary>The commune's plans, drafts only for those who review them: drafts first, then in force, then replaced; newest first.</summary>
    public static async Task<IReadOnlyList<PlanLine>> ListAsync(RoViecDbContext db, Guid communeId, bool withDrafts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.CommuneId == communeId && (withDrafts || p.Status != PlanStatuses.Draft))
            .Select(p => new PlanLine(p.Id, p.Title, p.Number, p.Year, p.Status, p.SourceFileName, p.ImportedAtUtc, p.ConfirmedAtUtc, p.ConfirmedBy,
                db.Tasks.Count(t => t.PlanId == p.Id), db.Indicators.Count(i => i.PlanId == p.Id), p.ReplacesPlanId))
            .ToListAsync(ct);
        return [.. plans.OrderBy(p => p.Status switch { PlanStatuses.Draft => 0, PlanStatuses.Active => 1, _ => 2 })
            .ThenByDescending(p => p.Year).ThenByDescending(p => p.ConfirmedAtUtc ?? p.ImportedAtUtc)];
    }

    /// <summary>The province's communes by name, for a province user choosing one.</summary>
    public static async Task<IReadOnlyList<Commune>> CommunesOfAsync(RoViecDbContext db, Guid provinceId, CancellationToken ct) =>
        await db.Communes.AsNoTracking().Where(c => c.ProvinceId == provinceId).OrderBy(c => c.Name).ToListAsync(ct);

    public static Task<int> IndicatorCountAsync(RoViecDbContext db, Guid planId, CancellationToken ct) =>
        db.Indicators.CountAsync(i => i.PlanId == planId, ct);

    public static Task<string?> CommuneNameAsync(RoViecDbContext db, Guid communeId, CancellationToken ct) =>
        db.Communes.Where(c => c.Id == communeId).Select(c => c.Name).FirstOrDefaultAsync(ct);

    /// <summary>A task as stored (not tracked), or null.</summary>
    public static Task<PlanTaskRow?> TaskAsync(RoViecDbContext db, Guid id, CancellationToken ct) =>
        db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>An indicator as stored (not tracked), or null.</summary>
    public static Task<IndicatorRow?> IndicatorAsync(RoViecDbContext db, Guid id, CancellationToken ct) =>
        db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>The plan document's text, as the importer read it.</summary>
    public static Task<string> SourceTextAsync(RoViecDbContext db, Guid planId, CancellationToken ct) =>
        db.Plans.Where(p => p.Id == planId).Select(p => p.Source!.Text).FirstAsync(ct);

    public static Task<string?> UnitNameAsync(RoViecDbContext db, Guid unitId, CancellationToken ct) =>
        db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct);

    /// <summary>The last 50 recorded changes of a row (entity name and id, as the audit keeps them), newest first.</summary>
    public static async Task<IReadOnlyList<History.HistoryRow>> HistoryAsync(RoViecDbContext db, string entity, Guid id, CancellationToken ct)
    {
        var key = id.ToString();
        return AuditChanges.Rows(await db.Audit.AsNoTracking().Where(a => a.Entity == entity && a.EntityId == key).OrderByDescending(a => a.Id).Take(50).ToListAsync(ct));
    }

    /// <summary>The commune's units by id, inactive ones included (a task may still name them).</summary>
    public static async Task<IReadOnlyDictionary<Guid, OrgUnit>> UnitsAsync(RoViecDbContext db, Guid communeId, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.CommuneId == communeId).ToDictionaryAsync(u => u.Id, ct);

    /// <summary>
    /// The plan's indicators in the plan's order; for a unit-scoped reader only those its unit owns
    /// (<paramref name="unitId"/>; none if it has no unit).
    /// </summary>
    public static async Task<IReadOnlyList<IndicatorRow>> IndicatorsAsync(RoViecDbContext db, Guid planId, Guid? unitId, bool unitScoped, CancellationToken ct)
    {
        var rows = db.Indicators.AsNoTracking().Where(i => i.PlanId == planId);
        if (unitScoped) rows = rows.Where(i => i.OwnerUnitId != null && i.OwnerUnitId == unitId);
        return await rows.OrderBy(i => i.Order).ToListAsync(ct);
    }

    /// <summary>The commune's unit names by id.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> UnitNamesAsync(RoViecDbContext db, Guid communeId, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.CommuneId == communeId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

    /// <summary>Whether the plan is still a draft under review: only its commune's plan managers see its rows.</summary>
    public static Task<bool> IsDraftAsync(RoViecDbContext db, Guid planId, CancellationToken ct) =>
        db.Plans.AnyAsync(p => p.Id == planId && p.Status == PlanStatuses.Draft, ct);
}
