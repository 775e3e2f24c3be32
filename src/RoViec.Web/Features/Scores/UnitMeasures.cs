using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Reporting;
using RoViec.Domain.Scoring;
using RoViec.Domain.Text;
using RoViec.Web.Features.Measurement;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Features.Scores;

/// <summary>
/// The facts each unit of a monthly period is scored on (<see cref="Measures"/>), from <b>verified</b> reports only —
/// a submitted report not yet verified, a draft or a returned one gives nothing — plus the standing office's inputs.
/// A handful of queries for the whole commune's month, no query per unit or line.
/// </summary>
public static class UnitMeasures
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <param name="closedForReports">The month's closing day (its compile day) has passed or the month is closed: a unit without a report by then is deducted.</param>
    public static async Task<IReadOnlyList<UnitFacts>> ForPeriodAsync(RoViecDbContext db, ReportingPeriod period, DateOnly asOf, bool closedForReports, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var expected = await ReportingFigures.ExpectedAsync(db, period.PlanId, period.Id, ct);
        if (expected.Count == 0) return [];
        var unitIds = expected.Select(e => e.UnitId).ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var reports = await db.Reports.AsNoTracking().Where(r => r.PeriodId == period.Id)
            .Select(r => new { r.Id, r.UnitId, r.State, r.FirstSubmittedAtUtc, r.ReturnedAtUtc })
            .ToDictionaryAsync(r => r.UnitId, ct);
        var allowance = await db.ScoreInputs.AsNoTracking().Where(i => i.PeriodId == period.Id)
            .Select(i => new { i.UnitId, i.Code, i.Value, i.Yes, i.Basis }).ToListAsync(ct);
        var inputs = allowance.ToLookup(i => i.UnitId);

        // Verified lines of this period: done task lines (with or without evidence) and indicator values.
        var verifiedIds = reports.Values.Where(r => r.State == ReportStates.Verified).Select(r => r.Id).ToList();
        var lines = await db.ReportItems.AsNoTracking().Where(i => verifiedIds.Contains(i.ReportId))
            .Select(i => new { i.ReportId, i.Kind, i.TaskStatus, i.IndicatorId, i.Value, i.Numerator, i.Denominator, Evidence = i.Evidence.Count })
            .ToListAsync(ct);
        var linesByReport = lines.ToLookup(l => l.ReportId);
        // Every plan of the month counts: a plan reporting with the work programme is scored with it.
        var plans = await Plans.PlansTogether.OfPeriodAsync(db, period, ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => plans.Contains(i.PlanId)).ToDictionaryAsync(i => i.Id, ct);

        var health = await VerifiedHealthAsync(db, plans, asOf, period.EndsOn, ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => plans.Contains(t.PlanId) && t.LeadUnitId != null)
            .Select(t => new { t.Id, LeadUnitId = t.LeadUnitId!.Value, t.DeadlineDue }).ToListAsync(ct);
        var tasksByUnit = tasks.ToLookup(t => t.LeadUnitId);

        var budgets = await (
            from b in db.BudgetEntries.AsNoTracking()
            join p in db.Periods.AsNoTracking() on b.PeriodId equals p.Id
            where plans.Contains(b.PlanId) && b.UnitId != null && p.EndsOn <= period.EndsOn
            select new { UnitId = b.UnitId!.Value, b.PeriodId, p.EndsOn, b.EnteredAtUtc, b.Allocated, b.Disbursed }).ToListAsync(ct);
        var budgetByUnit = budgets.GroupBy(b => b.UnitId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(b => b.EndsOn).ThenByDescending(b => b.EnteredAtUtc).First());

        // The money of the tasks each unit leads, disbursed up to the month's end (Budgets); a figure typed for the unit and
        // this very period on the inputs page takes precedence, an older typed one gives way to it.
        var taskBudgets = await Budgets.BudgetFigures.ByLeadUnitAsync(db, plans, period.EndsOn, ct);

        var adHocMissed = await AdHocMissedAsync(db, period, ct);

        var result = new List<UnitFacts>(expected.Count);
        foreach (var e in expected)
        {
            var measures = new Dictionary<string, MeasureValue>(StringComparer.Ordinal);
            reports.TryGetValue(e.UnitId, out var report);
            var verified = report?.State == ReportStates.Verified;
            var firstDay = report?.FirstSubmittedAtUtc is { } first ? DateOnly.FromDateTime(VietnamTime.FromUtc(first)) : (DateOnly?)null;
            var reached = e.ReceivedOn is not null;

            // Reporting.
            measures[Measures.ReportsOnTime] = !verified
                ? new MeasureValue(0, reached ? $"Báo cáo gửi ngày {Day(e.ReceivedOn!.Value)} chưa được xác minh" : "Chưa có báo cáo được xác minh")
                : e.OnTime ? new MeasureValue(100, $"Báo cáo gửi ngày {Day(firstDay!.Value)}, đúng hạn {Day(e.DueOn)}")
                : new MeasureValue(0, $"Báo cáo gửi ngày {Day(firstDay!.Value)}, sau hạn {Day(e.DueOn)}");
            measures[Measures.ReportsFirstTime] = !verified
                ? new MeasureValue(0, "Chưa có báo cáo được xác minh")
                : report!.ReturnedAtUtc is null ? new MeasureValue(100, "Báo cáo được xác minh, không phải trả lại")
                : new MeasureValue(0, $"Báo cáo bị trả lại ngày {Day(DateOnly.FromDateTime(VietnamTime.FromUtc(report.ReturnedAtUtc.Value)))} để bổ sung");
            var daysLate = firstDay is { } sent && sent > e.DueOn ? sent.DayNumber - e.DueOn.DayNumber : 0;
            measures[Measures.DaysLate] = new MeasureValue(daysLate, daysLate > 0 ? $"Gửi chậm {daysLate} ngày so với hạn {Day(e.DueOn)}" : "Không chậm");
            // By the closing day the unit's report must be verified or at least with the office awaiting verification (the
            // office's backlog is not the unit's fault); a draft, a report awaiting its head or one returned and never sent
            // back is no report.
            var withOffice = report?.State is ReportStates.Submitted or ReportStates.Verified;
            var notAccepted = !withOffice && closedForReports && e.DueOn <= period.CompileDueOn;
            measures[Measures.NotAccepted] = new MeasureValue(notAccepted ? 1 : 0,
                !notAccepted ? (withOffice ? "Có báo cáo" : $"Chưa đến ngày khóa sổ {Day(period.CompileDueOn)}")
                : report?.State == ReportStates.Returned ? $"Báo cáo bị trả lại, không gửi lại đến ngày khóa sổ {Day(period.CompileDueOn)}"
                : $"Không có báo cáo đến ngày khóa sổ {Day(period.CompileDueOn)}");
            var missed = adHocMissed.GetValueOrDefault(e.UnitId);
            measures[Measures.AdHocMissed] = new MeasureValue(missed, missed > 0 ? $"{missed} báo cáo đột xuất không gửi" : "Không thiếu báo cáo đột xuất");

            // Evidence of the work reported done, in a report sent on time.
            var mine = verified ? linesByReport[report!.Id].ToList() : [];
            var done = mine.Where(l => l.Kind == ReportItemKinds.Task && l.TaskStatus == ReportedTaskStatuses.Done).ToList();
            measures[Measures.EvidenceBeforeDue] = !verified || done.Count == 0
                ? new MeasureValue(null, verified ? "Không có nhiệm vụ báo cáo hoàn thành trong kỳ" : "Chưa có báo cáo được xác minh")
                : !e.OnTime ? new MeasureValue(0, "Báo cáo không gửi trước hạn")
                : new MeasureValue(Percent(done.Count(l => l.Evidence > 0), done.Count), $"{done.Count(l => l.Evidence > 0)}/{done.Count} nhiệm vụ hoàn thành có minh chứng");

            // Indicators the unit reported, judged against their targets.
            var judged = mine.Where(l => l.IndicatorId is { } id && indicators.ContainsKey(id))
                .Select(l => Measure.Meets(indicators[l.IndicatorId!.Value], Measure.ValueText(l.Value, l.Numerator, l.Denominator, indicators[l.IndicatorId!.Value].TargetUnit).Percent, l.Value))
                .Where(m => m is not null).ToList();
            measures[Measures.IndicatorsMet] = judged.Count == 0
                ? new MeasureValue(null, "Không có chỉ tiêu được xác minh đánh giá được trong kỳ")
                : new MeasureValue(Percent(judged.Count(m => m == true), judged.Count), $"{judged.Count(m => m == true)}/{judged.Count} chỉ tiêu đạt mục tiêu");

            // Tasks the unit leads, by their status derived from verified reports.
            // A task stopped by an amendment of the plan is no longer the unit's to do: it counts neither way.
            var led = tasksByUnit[e.UnitId].Where(t => health.GetValueOrDefault(t.Id) != TaskHealth.Closed).ToList();
            // Tasks due by the day scored (never later than the month's end): a task due on the 31st is not yet late on the 22nd.
            var dueBy = asOf < period.EndsOn ? asOf : period.EndsOn;
            var due = led.Where(t => t.DeadlineDue is { } d && d <= dueBy).ToList();
            var onTime = due.Count(t => health.GetValueOrDefault(t.Id) is TaskHealth.DoneOnTime or TaskHealth.AlreadyDone);
            measures[Measures.TasksOnTime] = due.Count == 0
                ? new MeasureValue(null, $"Không có nhiệm vụ đến hạn đến {Day(dueBy)}")
                : new MeasureValue(Percent(onTime, due.Count), $"{onTime}/{due.Count} nhiệm vụ đến hạn đến {Day(dueBy)} hoàn thành đúng hạn");
            var onSchedule = led.Count(t => Measure.OnSchedule(health.GetValueOrDefault(t.Id, TaskHealth.NotStarted)));
            measures[Measures.TasksOnSchedule] = led.Count == 0
                ? new MeasureValue(null, "Đơn vị không chủ trì nhiệm vụ nào")
                : new MeasureValue(Percent(onSchedule, led.Count), $"{onSchedule}/{led.Count} nhiệm vụ chủ trì đúng tiến độ");

            // Budget, where recorded.
            var typed = budgetByUnit.TryGetValue(e.UnitId, out var budget) ? budget : null;
            measures[Measures.BudgetDisbursed] = typed is not null && (typed.PeriodId == period.Id || !taskBudgets.ContainsKey(e.UnitId))
                ? (typed.Allocated > 0
                    ? new MeasureValue(Percent(typed.Disbursed, typed.Allocated), $"Giải ngân {Money(typed.Disbursed)}/{Money(typed.Allocated)} đồng")
                    : new MeasureValue(null, "Không được giao kinh phí"))
                : taskBudgets.TryGetValue(e.UnitId, out var money) && money.Allocated > 0
                ? new MeasureValue(Percent(money.Disbursed, money.Allocated),
                    $"Giải ngân {Money(money.Disbursed)}/{Money(money.Allocated)} đồng kinh phí các nhiệm vụ chủ trì, đến hết tháng {period.EndsOn.Month:00}/{period.EndsOn.Year}")
                : new MeasureValue(null, "Không được giao kinh phí");

            var entered = inputs[e.UnitId].ToDictionary(i => i.Code, i => new ManualEntry(i.Value, i.Yes, i.Basis), StringComparer.Ordinal);
            var initiatives = entered.TryGetValue("initiative", out var initiative) ? initiative.Value ?? 0 : 0;
            measures[Measures.Initiatives] = new MeasureValue(initiatives, initiatives > 0 ? $"{Number(initiatives)} sáng kiến được công nhận: {initiative!.Basis}" : "Không có sáng kiến được công nhận");

            result.Add(new UnitFacts(e.UnitId, names.GetValueOrDefault(e.UnitId, "?"), measures, entered, verified ? report!.FirstSubmittedAtUtc : null));
        }
        return result;
    }

    /// <summary>
    /// Derived status of every task on <paramref name="asOf"/>, from verified reports of periods that start by
    /// <paramref name="reportsUntil"/> (a month is scored on its own reports and earlier ones, never on later months').
    /// </summary>
    public static Task<IReadOnlyDictionary<Guid, TaskHealth>> VerifiedHealthAsync(RoViecDbContext db, IReadOnlyList<Guid> planIds, DateOnly asOf, DateOnly reportsUntil, CancellationToken ct) =>
        PlanHealth.ComputeAsync(db, planIds, asOf, ct, PlanHealth.VerifiedUntil(reportsUntil));

    /// <summary>Ad-hoc reports due within the month that each unit was asked for and did not send.</summary>
    private static async Task<Dictionary<Guid, int>> AdHocMissedAsync(RoViecDbContext db, ReportingPeriod month, CancellationToken ct)
    {
        var adHoc = await db.Periods.AsNoTracking()
            .Where(p => p.PlanId == month.PlanId && p.Kind == PeriodKinds.AdHoc && p.UnitDueOn >= month.StartsOn && p.UnitDueOn <= month.EndsOn)
            .Select(p => p.Id).ToListAsync(ct);
        if (adHoc.Count == 0) return [];
        var missed = new Dictionary<Guid, int>();
        foreach (var id in adHoc)
        {
            foreach (var e in await ReportingFigures.ExpectedAsync(db, month.PlanId, id, ct))
                if (e.ReceivedOn is null) missed[e.UnitId] = missed.GetValueOrDefault(e.UnitId) + 1;
        }
        return missed;
    }

    private static decimal Percent(decimal part, decimal whole) => whole == 0 ? 0 : Math.Round(part * 100m / whole, 2);

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", Vietnamese);

    private static string Money(decimal value) => value.ToString("#,0", Vietnamese);
}
