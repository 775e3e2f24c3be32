using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Web.Features.Plans;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Web.Features.Measurement;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Features.Figures;

/// <summary>
/// Compiles a period's report from what RoViec holds: the reporting rates (<see cref="ReportingFigures"/>), the
/// derived status of every task on the report's date (<see cref="PlanHealth"/>), and the lines of the unit
/// reports that reached the standing office (submitted or verified; a draft, a report awaiting its head's
/// approval or a returned one says nothing yet). Lines not yet verified are marked so.
/// </summary>
public static class MonthlyReportQuery
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// The result of an indicator no unit follows (<see cref="IndicatorResult.Result"/>); the official report lists these in its
    /// appendix instead of its body. Snapshots keep the text, so it is compared as written.
    /// </summary>
    public const string UnassignedIndicator = "Chưa giao đơn vị theo dõi";

    /// <param name="onlyPlan">One plan of the period alone (its tasks, indicators and what units reported on them; the reporting
    /// rates stay the period's, as each unit sends one report for every plan); null: every plan of the period.</param>
    /// <param name="values">The period's indicator values when the caller read them already (<see cref="IndicatorValues"/>).</param>
    public static async Task<MonthlyReport> CompileAsync(RoViecDbContext db, ReportingPeriod period, DateOnly asOf, CancellationToken ct, Guid? onlyPlan = null,
        IReadOnlyDictionary<Guid, IndicatorValues.ValueLine>? values = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == period.PlanId).Select(p => new { p.Kind, p.Year, p.Issuer }).FirstAsync(ct);
        var commune = await db.Communes.AsNoTracking().Where(c => c.Id == period.CommuneId).Select(c => c.Name).FirstAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == period.CommuneId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        string UnitName(Guid id) => units.GetValueOrDefault(id, "?");

        // I. Who reported.
        var expected = await ReportingFigures.ExpectedAsync(db, period.PlanId, period.Id, ct);
        var states = await db.Reports.AsNoTracking().Where(r => r.PeriodId == period.Id).ToDictionaryAsync(r => r.UnitId, r => r.State, ct);
        var submissions = expected
            .Select(e => new UnitSubmission(UnitName(e.UnitId), e.DueOn, states.GetValueOrDefault(e.UnitId, ReportStates.Draft), e.ReceivedOn, e.OnTime))
            .OrderBy(u => u.Unit, StringComparer.Create(Vietnamese, false)).ToList();

        // II. Tasks: derived status on the report's date, and what units reported in this period.
        // Every plan the period covers: a plan reporting with the work programme comes after it, under its own title.
        IReadOnlyList<Guid> plans = onlyPlan is { } only ? [only] : await Plans.PlansTogether.OfPeriodAsync(db, period, ct);
        var planTitles = (await Plans.PlansTogether.NamesAsync(db, plans, ct)).ToDictionary(p => p.Id, p => p.Title);
        var health = await PlanHealth.ComputeAsync(db, plans, asOf, ct);
        var tasks = (await db.Tasks.AsNoTracking().Where(t => plans.Contains(t.PlanId))
            .Select(t => new { t.Id, t.PlanId, t.Order, t.Code, t.Name, t.Section, t.LeadUnitId, t.LeadAsWritten, t.DeadlineRaw, t.DeadlineDue, t.Priority, t.ReplacesTaskId, t.Source })
            .ToListAsync(ct)).OrderBy(t => plans.Position(t.PlanId)).ThenBy(t => t.Order).ToList();
        IReadOnlyList<string> PathOf(Guid planId, string section) =>
            planId == period.PlanId || plans.Count == 1 || !planTitles.TryGetValue(planId, out var title) ? SectionPath(section) : [title, .. SectionPath(section)];
        string LeadOf(Guid? unitId, string written) =>
            unitId is { } id && units.TryGetValue(id, out var name) ? name : string.IsNullOrWhiteSpace(written) ? "Chưa giao" : written;
        TaskHealth HealthOf(Guid id) => health.GetValueOrDefault(id, TaskHealth.NotStarted);

        var lines = await (
            from item in db.ReportItems.AsNoTracking()
            join report in db.Reports.AsNoTracking() on item.ReportId equals report.Id
            where report.PeriodId == period.Id && PlanHealth.ReceivedStates.Contains(report.State)
            orderby item.Order
            select new
            {
                report.UnitId,
                report.State,
                item.Kind,
                item.TaskId,
                item.IndicatorId,
                item.TaskStatus,
                item.Percent,
                item.WorkDone,
                item.Reason,
                item.Difficulties,
                item.Requests,
                item.CompletedOn,
                item.Value,
                item.Numerator,
                item.Denominator,
            }).ToListAsync(ct);

        var taskLines = lines.Where(l => l.TaskId is not null && l.Kind != ReportItemKinds.Indicator
                && (l.TaskStatus is not null || !string.IsNullOrWhiteSpace(l.WorkDone)))
            .ToLookup(l => l.TaskId!.Value);
        var sections = tasks.GroupBy(t => (t.PlanId, t.Section))
            .Select(g => new SectionResult(PathOf(g.Key.PlanId, g.Key.Section), g.Count(), g
                .Where(t => taskLines.Contains(t.Id))
                .Select(t => new TaskResult(t.Code, t.Name, LeadOf(t.LeadUnitId, t.LeadAsWritten),
                    taskLines[t.Id].Any(l => l.Kind == ReportItemKinds.Task && l.TaskStatus == ReportedTaskStatuses.Done),
                    taskLines[t.Id].OrderBy(l => l.Kind == ReportItemKinds.Task ? 0 : 1).ThenBy(l => UnitName(l.UnitId))
                        .Select(l => new LineResult(UnitName(l.UnitId), l.Kind == ReportItemKinds.Task, l.WorkDone?.Trim(), l.Percent, l.TaskStatus,
                            l.Reason?.Trim(), l.CompletedOn, l.State == ReportStates.Verified)).ToList()))
                .ToList()))
            .Where(s => s.Tasks.Count > 0).ToList();

        var byStatus = tasks.GroupBy(t => HealthOf(t.Id)).OrderBy(g => StatusOrder.ToList().IndexOf(g.Key))
            .Select(g => new StatusCount(g.Key, g.Count(), g.Count(t => t.Priority))).ToList();
        // A key task stopped by an amendment is neither on schedule nor behind: it leaves the share.
        var keyTasks = tasks.Where(t => t.Priority && HealthOf(t.Id) != TaskHealth.Closed).ToList();

        // III. Indicators against their targets.
        var indicators = (await db.Indicators.AsNoTracking().Where(i => plans.Contains(i.PlanId)).ToListAsync(ct))
            .OrderBy(i => plans.Position(i.PlanId)).ThenBy(i => i.Order).ToList();
        var asked = (await (
            from item in db.ReportItems.AsNoTracking()
            join report in db.Reports.AsNoTracking() on item.ReportId equals report.Id
            where report.PeriodId == period.Id && item.IndicatorId != null
            select item.IndicatorId!.Value).ToListAsync(ct)).ToHashSet();
        // A quarter's or the year's indicators take the latest value within it (IndicatorValues).
        values ??= await IndicatorValues.OfPeriodAsync(db, period, ct);
        var indicatorResults = indicators.Select(i =>
        {
            if (values.TryGetValue(i.Id, out var v))
            {
                var (text, percent) = Measure.ValueText(v.Value, v.Numerator, v.Denominator, i.TargetUnit);
                return new IndicatorResult(i.Name, i.TargetRaw, text, UnitName(v.UnitId), true, v.State == ReportStates.Verified, Measure.Meets(i, percent, v.Value));
            }
            var why = i.OwnerUnitId is null ? UnassignedIndicator : asked.Contains(i.Id) ? "Chưa báo cáo" : "Không đến kỳ báo cáo";
            return new IndicatorResult(i.Name, i.TargetRaw, why, i.OwnerUnitId is { } o ? UnitName(o) : i.Owner, false, false, null);
        }).ToList();

        // IV–V. Troubled tasks, difficulties and requests.
        var troubled = tasks.Where(t => HealthOf(t.Id) is TaskHealth.Overdue or TaskHealth.AtRisk)
            .OrderBy(t => HealthOf(t.Id) == TaskHealth.Overdue ? 0 : 1).ThenBy(t => t.DeadlineDue ?? DateOnly.MaxValue)
            .Select(t => new TaskRef(t.Code, t.Name, LeadOf(t.LeadUnitId, t.LeadAsWritten), t.DeadlineRaw, t.DeadlineDue, HealthOf(t.Id))).ToList();
        var difficulties = Compile(lines.Select(l => (l.UnitId, l.State, (string?)l.Difficulties)), UnitName);
        var requests = Compile(lines.Select(l => (l.UnitId, l.State, (string?)l.Requests)), UnitName);

        // VI. Open tasks due by the end of the coming period, and those already overdue.
        var until = NextUntil(period, asOf);
        var next = tasks.Where(t => TaskStatusRules.IsOpen(HealthOf(t.Id)) && t.DeadlineDue is { } due && due <= until)
            .OrderBy(t => t.DeadlineDue).ThenBy(t => t.Code)
            .Select(t => new TaskRef(t.Code, t.Name, LeadOf(t.LeadUnitId, t.LeadAsWritten), t.DeadlineRaw, t.DeadlineDue, HealthOf(t.Id))).ToList();

        // The year's report: what was not done, why (as the units last said), and what was carried into next year.
        IReadOnlyList<UnfinishedTask> unfinished = [];
        if (period.Kind == PeriodKinds.Annual)
        {
            // Carried over or not, a task still running on time towards a later day of the year is the coming work (section VI), not a shortfall.
            var carriedIds = (await db.Tasks.AsNoTracking()
                .Where(t => t.Source == TaskSources.CarriedOver && t.ReplacesTaskId != null)
                .Join(db.Plans.AsNoTracking().Where(p => p.Status != PlanStatuses.Draft && p.Year > period.Year), t => t.PlanId, p => p.Id, (t, p) => new { Old = t.ReplacesTaskId!.Value, p.Year })
                .ToListAsync(ct)).GroupBy(c => c.Old).ToDictionary(g => g.Key, g => g.Min(c => c.Year));
            var open = tasks.Where(t => Unfinished(HealthOf(t.Id)) || (carriedIds.ContainsKey(t.Id) && TaskStatusRules.IsOpen(HealthOf(t.Id)))).ToList();
            // A task that continues one of a replaced version of the year answers for that task's lines too.
            var answering = open.SelectMany(t => t.ReplacesTaskId is { } old && t.Source != TaskSources.CarriedOver ? new[] { t.Id, old } : [t.Id]).ToList();
            var causes = await CausesAsync(db, period, answering, ct);
            unfinished = open
                .OrderBy(t => HealthOf(t.Id) switch { TaskHealth.Overdue => 0, TaskHealth.CannotDo => 1, TaskHealth.AtRisk => 2, _ => 3 })
                .ThenBy(t => t.DeadlineDue ?? DateOnly.MaxValue).ThenBy(t => plans.Position(t.PlanId)).ThenBy(t => t.Order)
                .Select(t => new UnfinishedTask(
                    new TaskRef(t.Code, t.Name, LeadOf(t.LeadUnitId, t.LeadAsWritten), t.DeadlineRaw, t.DeadlineDue, HealthOf(t.Id)),
                    causes.GetValueOrDefault(t.Id) ?? (t.ReplacesTaskId is { } old && t.Source != TaskSources.CarriedOver ? causes.GetValueOrDefault(old) : null),
                    carriedIds.TryGetValue(t.Id, out var year) ? year : null))
                .ToList();
        }

        return new MonthlyReport
        {
            Kind = period.Kind,
            Place = commune,
            PeriodPhrase = PeriodPhrase(period),
            NextPhrase = period.Kind switch
            {
                PeriodKinds.Monthly => "tháng tới",
                PeriodKinds.Quarterly => "quý tới",
                PeriodKinds.Weekly => "tuần tới",
                PeriodKinds.Annual => "từ nay đến cuối năm " + period.Year.ToString(CultureInfo.InvariantCulture),
                _ => "thời gian tới",
            },
            // One plan reporting with the programme, alone: the report is on that plan, named by its title.
            ProgrammePhrase = onlyPlan is { } alone && alone != period.PlanId && planTitles.TryGetValue(alone, out var aloneTitle)
                ? Lower(aloneTitle) : ProgrammePhrase(plan.Kind, plan.Year),
            IssuerPhrase = string.IsNullOrWhiteSpace(plan.Issuer) ? "Ban Chỉ đạo xã " + commune : plan.Issuer.Trim(),
            AsOf = asOf,
            Rate = ReportingRate.Of(expected, asOf),
            Units = submissions,
            ByStatus = byStatus,
            TaskTotal = tasks.Count,
            KeyTaskTotal = keyTasks.Count,
            KeyTasksOnSchedule = keyTasks.Count(t => Measure.OnSchedule(HealthOf(t.Id))),
            Sections = sections,
            Indicators = indicatorResults,
            Troubled = troubled,
            Difficulties = difficulties,
            Requests = requests,
            NextTasks = next,
            NextUntil = until,
            Unfinished = unfinished,
        };
    }

    /// <summary>Not done as it should be on the year's report date: behind, overdue, or found impossible.</summary>
    private static bool Unfinished(TaskHealth health) => health is TaskHealth.AtRisk or TaskHealth.Overdue or TaskHealth.CannotDo;

    /// <summary>
    /// Each task's cause of not being done, as its units last wrote it in a report of the year that reached the standing
    /// office: the reason given with the status, else the difficulties; the lead unit's line before a coordinating one.
    /// </summary>
    private static async Task<Dictionary<Guid, string>> CausesAsync(RoViecDbContext db, ReportingPeriod period, List<Guid> taskIds, CancellationToken ct)
    {
        if (taskIds.Count == 0) return [];
        var line = await Plans.ReplacePlan.PlanLineAsync(db, period.PlanId, ct);
        var said = await (
            from item in db.ReportItems.AsNoTracking()
            join report in db.Reports.AsNoTracking() on item.ReportId equals report.Id
            join p in db.Periods.AsNoTracking() on report.PeriodId equals p.Id
            where line.Contains(p.PlanId) && p.StartsOn >= period.StartsOn && p.EndsOn <= period.EndsOn
                && PlanHealth.ReceivedStates.Contains(report.State)
                && item.TaskId != null && taskIds.Contains(item.TaskId.Value)
                && ((item.Reason != null && item.Reason != "") || (item.Difficulties != null && item.Difficulties != ""))
            select new { TaskId = item.TaskId!.Value, p.EndsOn, report.SubmittedAtUtc, item.Kind, item.Reason, item.Difficulties }).ToListAsync(ct);
        return said
            .OrderByDescending(s => s.EndsOn).ThenBy(s => s.Kind == ReportItemKinds.Task ? 0 : 1).ThenByDescending(s => s.SubmittedAtUtc)
            .GroupBy(s => s.TaskId)
            .ToDictionary(g => g.Key, g => g.Select(s => !string.IsNullOrWhiteSpace(s.Reason) ? s.Reason.Trim() : s.Difficulties!.Trim()).First());
    }

    /// <summary>A title in running text: "Kế hoạch triển khai …" → "kế hoạch triển khai …"; a title in capitals stays.</summary>
    private static string Lower(string title) =>
        title.Length > 1 && char.IsUpper(title[0]) && !char.IsUpper(title[1]) ? char.ToLower(title[0], Vietnamese) + title[1..] : title;

    private static List<UnitNotes> Compile(IEnumerable<(Guid UnitId, string State, string? Text)> lines, Func<Guid, string> unitName) =>
        lines.Where(l => !string.IsNullOrWhiteSpace(l.Text))
            .GroupBy(l => l.UnitId)
            .Select(g => new UnitNotes(unitName(g.Key), g.Select(l => l.Text!.Trim()).Distinct(StringComparer.Ordinal).ToList(),
                g.All(l => l.State == ReportStates.Verified)))
            .OrderBy(n => n.Unit, StringComparer.Create(Vietnamese, false)).ToList();

    /// <summary>The last day the "coming work" list covers: the end of the next month (quarter), or a month after the report's date.</summary>
    public static DateOnly NextUntil(ReportingPeriod period, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Kind switch
        {
            PeriodKinds.Monthly => period.EndsOn.AddDays(1).AddMonths(1).AddDays(-1),
            PeriodKinds.Quarterly => period.EndsOn.AddDays(1).AddMonths(3).AddDays(-1),
            PeriodKinds.Weekly => period.EndsOn.AddDays(7),
            // The year's report is written in November: what remains is the rest of the year.
            PeriodKinds.Annual => new DateOnly(period.Year, 12, 31),
            _ => asOf.AddMonths(1),
        };
    }

    /// <summary>"Tháng 12/2026" → "tháng 12/2026"; an ad-hoc request keeps its title in quotes.</summary>
    public static string PeriodPhrase(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Kind == PeriodKinds.AdHoc
            ? "theo yêu cầu báo cáo đột xuất “" + period.Label + "”"
            : period.Label.Length > 0 ? char.ToLower(period.Label[0], Vietnamese) + period.Label[1..] : period.Label;
    }

    public static string ProgrammePhrase(string kind, int year) => kind switch
    {
        "CTr" => $"Chương trình công tác năm {year}",
        "KH" => $"Kế hoạch năm {year}",
        "QĐ" => $"Kế hoạch hoạt động năm {year}",
        _ => $"nhiệm vụ năm {year}",
    };

    /// <summary>
    /// The section's headings as the report shows them, outermost first: the plan's own headings without its top level
    /// ("II. NHIỆM VỤ, GIẢI PHÁP", whose numeral would clash with the report's own), an appendix's heading joined to its
    /// first level ("Phụ lục: I. Hạ tầng số").
    /// </summary>
    public static IReadOnlyList<string> SectionPath(string section) => Domain.Plans.SectionPath.Of(section);

    /// <summary>The order statuses are listed in: what is done first, then what runs, then what is in trouble.</summary>
    public static readonly IReadOnlyList<TaskHealth> StatusOrder =
    [
        TaskHealth.DoneOnTime, TaskHealth.DoneLate, TaskHealth.AlreadyDone, TaskHealth.OnTrack, TaskHealth.Recurring,
        TaskHealth.External, TaskHealth.NotStarted, TaskHealth.AtRisk, TaskHealth.Overdue, TaskHealth.CannotDo, TaskHealth.Closed,
    ];

    /// <summary>"Diễn Châu, ngày 05 tháng 01 năm 2026": days under 10 and the months January and February take a leading zero (Nghị định 30/2020/NĐ-CP).</summary>
    public static string DateLine(string place, DateOnly date) =>
        $"{place}, ngày {date.Day.ToString(date.Day < 10 ? "00" : "0", CultureInfo.InvariantCulture)} tháng {date.Month.ToString(date.Month < 3 ? "00" : "0", CultureInfo.InvariantCulture)} năm {date.Year.ToString(CultureInfo.InvariantCulture)}";
}
