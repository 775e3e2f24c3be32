using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Reports;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Workspace;

/// <summary>One thing the reader has to do now, in a sentence (written in the reader's language by the page), with the page where it is done.</summary>
public sealed record ToDoItem(Sentence Text, string Link);

/// <summary>
/// What the landing page tells its reader to do now: a unit's reporter its unsent reports of the open periods with the
/// days left (or late); a unit head the reports awaiting approval, else where the unit's report stands; the standing
/// office the reports awaiting verification and the requests to move a task's deadline awaiting its decision; the inspector the cross-checks drawn and not yet checked; a member of the
/// steering committee (the chair heads it) the units they oversee that are late with a report and the tasks those
/// units lead that are overdue or at risk.
/// </summary>
public static class ToDo
{
    public static async Task<IReadOnlyList<ToDoItem>> ForAsync(RoViecDbContext db, UserScope? scope, Guid communeId, Guid planId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var items = new List<ToDoItem>();
        if (scope is null) return items;
        var open = await db.Periods.AsNoTracking().Where(p => p.CommuneId == communeId && p.State == PeriodStates.Open).Select(p => p.Id).ToListAsync(ct);
        if (scope.UnitId is { } unit && (scope.ReportsForUnit || scope.ApprovesForUnit))
        {
            var rows = (await ReportList.ForUnitAsync(db, communeId, unit, today, ct)).Where(r => open.Contains(r.PeriodId)).ToList();
            if (scope.ReportsForUnit)
            {
                foreach (var row in rows.Where(r => r.State is ReportStates.Draft or ReportStates.Returned).OrderBy(r => r.DueOn))
                {
                    var text = row.State == ReportStates.Returned
                        ? new Sentence("Báo cáo {0} của {1} bị trả lại, cần sửa và gửi lại: hạn {2}, {3}.", row.Period, row.UnitName, ReportValues.Date(row.DueOn), DaysLeft(row.DueOn, today))
                        : new Sentence("Báo cáo {0} của {1} chưa gửi: hạn {2}, {3}.", row.Period, row.UnitName, ReportValues.Date(row.DueOn), DaysLeft(row.DueOn, today));
                    items.Add(new ToDoItem(text, $"/bao-cao/{row.Id}"));
                }
            }
            if (scope.ApprovesForUnit)
            {
                foreach (var row in rows.Where(r => r.State == ReportStates.AwaitingApproval))
                    items.Add(new ToDoItem(new Sentence("Báo cáo {0} của {1} chờ bạn duyệt.", row.Period, row.UnitName), $"/bao-cao/{row.Id}"));
                if (!scope.ReportsForUnit)
                {
                    foreach (var row in rows.Where(r => r.State is ReportStates.Draft or ReportStates.Returned).OrderBy(r => r.DueOn))
                        items.Add(new ToDoItem(new Sentence("Báo cáo {0} của {1} cán bộ báo cáo chưa gửi bạn duyệt: hạn {2}, {3}.", row.Period, row.UnitName, ReportValues.Date(row.DueOn), DaysLeft(row.DueOn, today)), $"/bao-cao/{row.Id}"));
                }
            }
        }
        if (scope.RunsReporting && scope.CommuneId == communeId)
        {
            // Awaiting verification in any period: a month closed by the calendar still needs its reports verified.
            var waiting = await db.Reports.CountAsync(r => r.State == ReportStates.Submitted, ct);
            if (waiting > 0) items.Add(new ToDoItem(new Sentence("{0} báo cáo chờ xác minh.", waiting), $"/bao-cao?trang-thai={ReportStates.Submitted}"));
        }
        if (scope.ManagesPlans && scope.CommuneId == communeId)
        {
            var asked = await DeadlineChanges.DeadlineChangeQueries.PendingCountAsync(db, communeId, ct);
            if (asked > 0) items.Add(new ToDoItem(new Sentence("{0} đề nghị điều chỉnh thời hạn nhiệm vụ chờ duyệt.", asked), "/de-nghi-dieu-chinh-han"));
        }
        if (scope.IsInspector && scope.CommuneId == communeId)
        {
            var pending = await db.CrossChecks.CountAsync(c => c.Result == CrossCheckResults.Pending, ct);
            if (pending > 0) items.Add(new ToDoItem(new Sentence("{0} dòng báo cáo được chọn kiểm tra chéo chưa kiểm tra.", pending), "/kiem-tra-cheo"));
        }
        items.AddRange((await Proposals.ProposalToDo.ForAsync(db, scope, communeId, today, ct)).Select(p => new ToDoItem(p.Text, p.Link)));
        if (scope.CommuneId == communeId) items.AddRange(await OverseenAsync(db, scope.UserId, open, planId, today, ct));
        return items;
    }

    private static Sentence DaysLeft(DateOnly due, DateOnly today)
    {
        var days = due.DayNumber - today.DayNumber;
        return days > 0 ? new Sentence("còn {0} ngày", days) : days == 0 ? "hôm nay là hạn" : new Sentence("đã quá hạn {0} ngày", -days);
    }

    /// <summary>For a member of the steering committee: the units they oversee late with a report of an open period, and the overdue or at-risk tasks those units lead.</summary>
    private static async Task<IReadOnlyList<ToDoItem>> OverseenAsync(RoViecDbContext db, Guid userId, IReadOnlyCollection<Guid> open, Guid planId, DateOnly today, CancellationToken ct)
    {
        var units = await (from m in db.SteeringMembers
                           join mu in db.SteeringMemberUnits on m.Id equals mu.MemberId
                           where m.UserId == userId
                           select mu.UnitId).Distinct().ToListAsync(ct);
        if (units.Count == 0) return [];
        var items = new List<ToDoItem>();
        var unsent = await (from r in db.Reports.AsNoTracking()
                            join p in db.Periods.AsNoTracking() on r.PeriodId equals p.Id
                            where open.Contains(r.PeriodId) && units.Contains(r.UnitId) && r.FirstSubmittedAtUtc == null && p.UnitDueOn < today
                            select r.UnitId).Distinct().CountAsync(ct);
        if (unsent > 0) items.Add(new ToDoItem(new Sentence("{0} đơn vị bạn theo dõi đã quá hạn mà chưa gửi báo cáo: nhắc đơn vị.", unsent), "/tong-quan"));
        var led = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId && t.LeadUnitId != null && units.Contains(t.LeadUnitId.Value))
            .Select(t => t.Id).ToListAsync(ct);
        if (led.Count == 0) return items;
        var health = await Periods.PlanHealth.ComputeAsync(db, planId, today, ct);
        var overdue = led.Count(id => health.GetValueOrDefault(id) == Domain.Reporting.TaskHealth.Overdue);
        var atRisk = led.Count(id => health.GetValueOrDefault(id) == Domain.Reporting.TaskHealth.AtRisk);
        if (overdue + atRisk > 0)
            items.Add(new ToDoItem(new Sentence("{0} nhiệm vụ quá hạn và {1} nhiệm vụ có nguy cơ chậm ở các đơn vị bạn theo dõi: xem và chỉ đạo.", overdue, atRisk), "/bang-dieu-khien"));
        return items;
    }
}
