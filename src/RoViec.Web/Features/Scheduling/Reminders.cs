using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Notifications;

namespace RoViec.Web.Features.Scheduling;

/// <summary>
/// Reminders about the reports of a plan's open periods not yet with the standing office (a draft, a returned
/// report, or one awaiting the unit head's approval), against each unit's own due day (its extension's, when
/// it has one): <see cref="ReportingRules.RemindDaysBefore"/> days before (until the day before), on the day,
/// after it (late), and <see cref="ReportingRules.EscalateDaysAfter"/> days after it to the unit head and the
/// steering members over the unit. A draft or returned report reminds its reporters; one awaiting approval
/// reminds the unit head. A returned report also tells its reporters it came back. Each reminder is keyed by
/// period, unit, due day and user, so it is given once; a day missed by the scheduler is not made up
/// ("due soon" is not sent once the day has come).
/// </summary>
public static class Reminders
{
    private static readonly string[] Waiting = [ReportStates.Draft, ReportStates.Returned, ReportStates.AwaitingApproval];

    public static async Task<IReadOnlyList<NoticeDraft>> ComputeAsync(RoViecDbContext db, Plan plan, Recipients people, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(people);
        var rules = await db.ReportingRules.AsNoTracking().FirstOrDefaultAsync(r => r.PlanId == plan.Id, ct);
        if (rules is null) return [];
        var reports = await (from r in db.Reports.AsNoTracking()
                             join p in db.Periods.AsNoTracking() on r.PeriodId equals p.Id
                             join u in db.Units.AsNoTracking() on r.UnitId equals u.Id
                             where p.PlanId == plan.Id && p.State == PeriodStates.Open && Waiting.Contains(r.State)
                             select new { r.Id, r.State, r.UnitId, UnitName = u.Name, r.PeriodId, p.Label, p.UnitDueOn, r.ReturnedAtUtc, r.ReturnComment })
            .ToListAsync(ct);
        if (reports.Count == 0) return [];
        var periodIds = reports.Select(r => r.PeriodId).Distinct().ToList();
        var extensions = (await db.PeriodExtensions.AsNoTracking().Where(e => periodIds.Contains(e.PeriodId))
                .Select(e => new { e.PeriodId, e.UnitId, e.DueOn }).ToListAsync(ct))
            .GroupBy(e => (e.PeriodId, e.UnitId)).ToDictionary(g => g.Key, g => g.Max(e => e.DueOn));

        var drafts = new List<NoticeDraft>();
        foreach (var report in reports)
        {
            var due = extensions.TryGetValue((report.PeriodId, report.UnitId), out var extended) ? extended : report.UnitDueOn;
            var link = $"/bao-cao/{report.Id}";
            var dueText = Periods.DayText.Show(due);
            var awaitingHead = report.State == ReportStates.AwaitingApproval;
            var owners = awaitingHead ? people.Heads(report.UnitId) : people.Reporters(report.UnitId);
            var what = $"Báo cáo {report.Label} của {report.UnitName}";

            void Remind(string kind, IEnumerable<Guid> users, string title, string body)
            {
                foreach (var user in users)
                    drafts.Add(new NoticeDraft(user, kind, NoticeKeys.Reminder(kind, report.PeriodId, report.UnitId, due, user), title, body, link, plan.CommuneId));
            }

            if (report.State == ReportStates.Returned && report.ReturnedAtUtc is { } returnedAt)
            {
                var comment = string.IsNullOrWhiteSpace(report.ReturnComment) ? "" : $" Ý kiến: {report.ReturnComment.Trim()}";
                foreach (var user in people.Reporters(report.UnitId))
                    drafts.Add(new NoticeDraft(user, NoticeKinds.ReportFlow, NoticeKeys.Returned(report.Id, returnedAt, user),
                        $"{what} bị trả lại", $"{what} đã được trả lại để đơn vị sửa và gửi lại.{comment}", link, plan.CommuneId));
            }

            var action = awaitingHead ? "đang chờ đồng chí duyệt" : "chưa được gửi";
            var daysLeft = due.DayNumber - today.DayNumber;
            if (daysLeft > 0 && daysLeft <= rules.RemindDaysBefore)
                Remind(NoticeKinds.DueSoon, owners, $"Sắp đến hạn: {what}",
                    $"{what} {action}. Hạn gửi: hết ngày {dueText} (còn {daysLeft} ngày).");
            else if (daysLeft == 0)
                Remind(NoticeKinds.DueToday, owners, $"Hôm nay là hạn: {what}",
                    $"{what} {action}. Hạn gửi là hôm nay, {dueText}.");
            else if (daysLeft < 0)
            {
                var late = -daysLeft;
                Remind(NoticeKinds.Late, owners, $"Quá hạn: {what}",
                    $"{what} {action}; đã quá hạn {dueText}. Đề nghị hoàn thành và gửi ngay.");
                if (late >= rules.EscalateDaysAfter)
                    Remind(NoticeKinds.Escalation, people.Heads(report.UnitId).Concat(people.SteeringOver(report.UnitId)).Distinct(),
                        $"Đơn vị chậm báo cáo: {what}",
                        $"{what} {(awaitingHead ? "chưa được thủ trưởng đơn vị duyệt" : "chưa được gửi")}, đã quá hạn {late} ngày (hạn {dueText}). Đề nghị đồng chí đôn đốc.");
            }
        }
        return drafts;
    }
}
