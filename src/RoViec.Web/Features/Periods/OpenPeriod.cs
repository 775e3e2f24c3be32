using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Reporting;
using RoViec.Domain.Text;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Features.Periods;

/// <summary>
/// Opens a period: every unit with work expected in it (<see cref="ExpectedWork"/>) gets its report with one
/// line per task it leads, per task it coordinates on (an optional contribution) and per indicator it owns
/// that is due at its rhythm. Each line starts from the unit's last verified values for it (<see cref="CarriedValues"/>).
/// Opening again adds what is missing (a unit's report, a line a report still being written lacks) and changes nothing
/// already there.
/// </summary>
public static class OpenPeriod
{
    /// <summary>Opens the period and saves; returns how many unit reports were created.</summary>
    public static async Task<int> OpenAsync(RoViecDbContext db, ReportingPeriod period, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var today = DateOnly.FromDateTime(VietnamTime.FromUtc(nowUtc));
        // The period's plan and the plans in force reporting with it: one report per unit, its lines plan by plan.
        var plans = await PlansTogether.OfPeriodAsync(db, period, ct);
        var planOrder = plans.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var health = await PlanHealth.ComputeAsync(db, plans, today, ct);
        var units = await db.Units.Where(u => u.CommuneId == period.CommuneId).ToDictionaryAsync(u => u.Id, ct);
        var tasks = (await db.Tasks.AsNoTracking().Where(t => plans.Contains(t.PlanId) && t.ClosedOn == null).ToListAsync(ct))
            .OrderBy(t => planOrder[t.PlanId]).ThenBy(t => t.Order).ToList();
        var indicators = (await db.Indicators.AsNoTracking().Where(i => plans.Contains(i.PlanId) && i.OwnerUnitId != null).ToListAsync(ct))
            .OrderBy(i => planOrder[i.PlanId]).ThenBy(i => i.Order).ToList();
        var asked = period.UnitIds.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToHashSet();
        var shape = new PeriodShape(period.Kind, period.Year, period.Number, period.StartsOn, period.EndsOn);

        var lines = new Dictionary<Guid, List<ReportItem>>();
        void Add(Guid unitId, ReportItem item)
        {
            if (asked.Count > 0 && !asked.Contains(unitId)) return;
            if (!units.TryGetValue(unitId, out var unit) || !CommuneCatalog.IsAssignable(unit)) return;
            if (!lines.TryGetValue(unitId, out var list)) lines[unitId] = list = [];
            item.Order = list.Count;
            list.Add(item);
        }

        var keyToUnit = units.Values.GroupBy(u => u.Key).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        // A plan reporting with the programme quarterly, or only when asked, has lines only in those periods.
        var rhythms = await db.Plans.AsNoTracking().Where(p => plans.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Rhythm, ct);
        bool Reports(Guid planId) => planId == period.PlanId || PlanRhythms.ReportsIn(rhythms.GetValueOrDefault(planId, PlanRhythms.Monthly), period.Kind, period.Number);
        tasks = [.. tasks.Where(t => Reports(t.PlanId))];
        indicators = [.. indicators.Where(i => Reports(i.PlanId))];
        var inPeriod = tasks.Select(t => t.Id).ToHashSet();
        foreach (var task in tasks)
        {
            // The same work in another plan of the period: that task's line answers for this one.
            if (task.SameAsTaskId is { } same && inPeriod.Contains(same)) continue;
            var kind = Enum.TryParse<DeadlineKind>(task.DeadlineKind, out var k) ? k : DeadlineKind.None;
            if (!ExpectedWork.TaskExpected(kind, health.GetValueOrDefault(task.Id, TaskHealth.NotStarted))) continue;
            if (task.LeadUnitId is { } lead) Add(lead, Line(period, ReportItemKinds.Task, task.Id, null));
            foreach (var support in TaskDefects.ToDomain(task, units).Support)
            {
                if (support.Unit is null || !keyToUnit.TryGetValue(support.Unit.Id, out var supportId) || supportId == task.LeadUnitId) continue;
                Add(supportId, Line(period, ReportItemKinds.Contribution, task.Id, null));
            }
        }
        foreach (var indicator in indicators)
        {
            if (ExpectedWork.IndicatorExpected(indicator.Rhythm, shape))
                Add(indicator.OwnerUnitId!.Value, Line(period, ReportItemKinds.Indicator, null, indicator.Id));
        }

        var existing = await db.Reports.Where(r => r.PeriodId == period.Id).Select(r => new { r.Id, r.UnitId, r.State }).ToListAsync(ct);
        var carried = await CarriedValues.LatestVerifiedAsync(db, period, null, ct);
        var created = 0;
        // A report still being written gets the lines it lacks (a task added to the plan, or the plan replaced by a new
        // version while the period was open); one already sent is left as it was sent.
        var withReport = existing.Select(r => r.UnitId).ToHashSet();
        var editable = existing.Where(r => r.State is ReportStates.Draft or ReportStates.Returned).ToDictionary(r => r.UnitId, r => r.Id);
        var present = await db.ReportItems.Where(i => editable.Values.Contains(i.ReportId))
            .Select(i => new { i.ReportId, i.Kind, i.TaskId, i.IndicatorId, i.Order }).ToListAsync(ct);
        var presentByReport = present.ToLookup(i => i.ReportId);
        // A new line of a unit's report starts from the unit's last verified values for it.
        void Carry(Guid unitId, ReportItem item)
        {
            if (CarriedValues.SubjectOf(unitId, item) is { } subject && carried.TryGetValue(subject, out var source))
                CarriedValues.CopyInto(source.Item, item);
        }
        foreach (var (unitId, reportId) in editable)
        {
            if (!lines.TryGetValue(unitId, out var wanted)) continue;
            var has = presentByReport[reportId].ToList();
            var subjects = has.Select(i => (i.Kind, i.TaskId, i.IndicatorId)).ToHashSet();
            var order = has.Count == 0 ? 0 : has.Max(i => i.Order) + 1;
            foreach (var item in wanted.Where(w => !subjects.Contains((w.Kind, w.TaskId, w.IndicatorId))))
            {
                item.ReportId = reportId;
                item.Order = order++;
                Carry(unitId, item);
                db.ReportItems.Add(item);
            }
        }
        foreach (var (unitId, items) in lines)
        {
            if (withReport.Contains(unitId)) continue;
            var report = new UnitReport { Id = Guid.NewGuid(), CommuneId = period.CommuneId, PeriodId = period.Id, UnitId = unitId, Version = Guid.NewGuid() };
            foreach (var item in items)
            {
                item.ReportId = report.Id;
                Carry(unitId, item);
                report.Items.Add(item);
            }
            db.Reports.Add(report);
            created++;
        }
        if (period.State == PeriodStates.Scheduled || period.OpenedAtUtc is null)
        {
            period.State = PeriodStates.Open;
            period.OpenedAtUtc = nowUtc;
            period.Version = Guid.NewGuid();
        }
        await db.SaveChangesAsync(ct);
        return created;
    }

    private static ReportItem Line(ReportingPeriod period, string kind, Guid? taskId, Guid? indicatorId) => new()
    {
        Id = Guid.NewGuid(),
        CommuneId = period.CommuneId,
        Kind = kind,
        TaskId = taskId,
        IndicatorId = indicatorId,
        Version = Guid.NewGuid(),
    };
}
