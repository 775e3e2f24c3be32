using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Reports;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.Workspace;

/// <summary>One thing the reader has to do now, in a sentence, with the page where it is done.</summary>
public sealed record ToDoItem(string Text, string Link);

/// <summary>
/// What the landing page tells its reader to do now: a unit's reporter its unsent reports of the open periods with the
/// days left (or late), a unit head the reports awaiting approval, the standing office the reports awaiting verification.
/// </summary>
public static class ToDo
{
    public static async Task<IReadOnlyList<ToDoItem>> ForAsync(RoViecDbContext db, UserScope? scope, Guid communeId, DateOnly today, CancellationToken ct)
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
                    var days = row.DueOn.DayNumber - today.DayNumber;
                    var when = days > 0 ? $"còn {days} ngày" : days == 0 ? "hôm nay là hạn" : $"đã quá hạn {-days} ngày";
                    var what = row.State == ReportStates.Returned ? "bị trả lại, cần sửa và gửi lại" : "chưa gửi";
                    items.Add(new ToDoItem($"Báo cáo {row.PeriodLabel} của {row.UnitName} {what}: hạn {ReportValues.Date(row.DueOn)}, {when}.", $"/bao-cao/{row.Id}"));
                }
            }
            if (scope.ApprovesForUnit)
            {
                foreach (var row in rows.Where(r => r.State == ReportStates.AwaitingApproval))
                    items.Add(new ToDoItem($"Báo cáo {row.PeriodLabel} của {row.UnitName} chờ bạn duyệt.", $"/bao-cao/{row.Id}"));
            }
        }
        if (scope.RunsReporting && scope.CommuneId == communeId)
        {
            var waiting = await db.Reports.CountAsync(r => open.Contains(r.PeriodId) && r.State == ReportStates.Submitted, ct);
            if (waiting > 0) items.Add(new ToDoItem($"{waiting} báo cáo chờ xác minh.", $"/bao-cao?trang-thai={ReportStates.Submitted}"));
        }
        return items;
    }
}
