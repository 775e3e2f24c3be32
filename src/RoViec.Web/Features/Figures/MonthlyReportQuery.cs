using System.Globalization;
using System.Text.RegularExpressions;
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
public static partial class MonthlyReportQuery
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// The result of an indicator no unit follows (<see cref="IndicatorResult.Result"/>); the official report lists these in its
    /// appendix instead of its body. Snapshots keep the text, so it is compared as written.
    /// </summary>
    public const string UnassignedIndicator = "Chưa giao đơn vị theo dõi";

    public static async Task<MonthlyReport> CompileAsync(RoViecDbContext db, ReportingPeriod period, DateOnly asOf, CancellationToken ct)
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
        var plans = await Plans.PlansTogether.OfPeriodAsync(db, period, ct);
        var planTitles = (await Plans.PlansTogether.NamesAsync(db, plans, ct)).ToDictionary(p => p.Id, p => p.Title);
        var health = await PlanHealth.ComputeAsync(db, plans, asOf, ct);
        var tasks = (await db.Tasks.AsNoTracking().Where(t => plans.Contains(t.PlanId))
            .Select(t => new { t.Id, t.PlanId, t.Order, t.Code, t.Name, t.Section, t.LeadUnitId, t.LeadAsWritten, t.DeadlineRaw, t.DeadlineDue, t.Priority })
            .ToListAsync(ct)).OrderBy(t => plans.Position(t.PlanId)).ThenBy(t => t.Order).ToList();
        IReadOnlyList<string> PathOf(Guid planId, string section) =>
            planId == period.PlanId || !planTitles.TryGetValue(planId, out var title) ? SectionPath(section) : [title, .. SectionPath(section)];
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
        var keyTasks = tasks.Where(t => t.Priority).ToList();

        // III. Indicators against their targets.
        var indicators = (await db.Indicators.AsNoTracking().Where(i => plans.Contains(i.PlanId)).ToListAsync(ct))
            .OrderBy(i => plans.Position(i.PlanId)).ThenBy(i => i.Order).ToList();
        var asked = (await (
            from item in db.ReportItems.AsNoTracking()
            join report in db.Reports.AsNoTracking() on item.ReportId equals report.Id
            where report.PeriodId == period.Id && item.IndicatorId != null
            select item.IndicatorId!.Value).ToListAsync(ct)).ToHashSet();
        var values = lines.Where(l => l.IndicatorId is not null && (l.Value is not null || l.Numerator is not null))
            .GroupBy(l => l.IndicatorId!.Value).ToDictionary(g => g.Key, g => g.First());
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

        return new MonthlyReport
        {
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
            ProgrammePhrase = ProgrammePhrase(plan.Kind, plan.Year),
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
        };
    }

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
    public static IReadOnlyList<string> SectionPath(string section)
    {
        var parts = (section ?? "").Split(" > ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (parts.Count > 1 && parts[0].StartsWith("Phụ lục", StringComparison.OrdinalIgnoreCase))
        {
            parts[1] = parts[0].TrimEnd(':', '.', ' ') + ": " + parts[1];
            parts.RemoveAt(0);
        }
        else if (parts.Count > 1 && RomanHeading().IsMatch(parts[0]))
        {
            parts.RemoveAt(0);
        }
        return parts.Count == 0 ? ["Nhiệm vụ khác"] : parts;
    }

    [GeneratedRegex(@"^[IVXLC]+\s*[.\-–]\s")]
    private static partial Regex RomanHeading();

    /// <summary>The order statuses are listed in: what is done first, then what runs, then what is in trouble.</summary>
    public static readonly IReadOnlyList<TaskHealth> StatusOrder =
    [
        TaskHealth.DoneOnTime, TaskHealth.DoneLate, TaskHealth.AlreadyDone, TaskHealth.OnTrack, TaskHealth.Recurring,
        TaskHealth.External, TaskHealth.NotStarted, TaskHealth.AtRisk, TaskHealth.Overdue, TaskHealth.CannotDo,
    ];

    /// <summary>"Diễn Châu, ngày 05 tháng 01 năm 2026": days under 10 and the months January and February take a leading zero (Nghị định 30/2020/NĐ-CP).</summary>
    public static string DateLine(string place, DateOnly date) =>
        $"{place}, ngày {date.Day.ToString(date.Day < 10 ? "00" : "0", CultureInfo.InvariantCulture)} tháng {date.Month.ToString(date.Month < 3 ? "00" : "0", CultureInfo.InvariantCulture)} năm {date.Year.ToString(CultureInfo.InvariantCulture)}";
}
