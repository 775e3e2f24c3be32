using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Import;
using RoViec.Web.Features.Periods;
using RoViec.Web.Features.Plans;
using RoViec.Web.Features.Reports;

namespace RoViec.Web.Features.Demo;

/// <summary>
/// The demo commune's second plan in force: a short campaign of the commune's own (no higher document cited) that reports
/// every week beside the monthly work programme, so a new user sees two plans with different rhythms. It began five weeks
/// ago (on 1 January when that is later) and lasts a hundred days; its past weeks are reported by Friday, verified and closed, and this week is open.
/// </summary>
public static class DemoCampaign
{
    public const string FileName = "chien-dich-100-ngay.txt";

    /// <summary>The campaign's document as the commune would write it, dated in the year of its first day.</summary>
    public static string Text(DateOnly starts, DateOnly ends)
    {
        var end = ends.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var year = starts.Year.ToString(CultureInfo.InvariantCulture);
        return $"ỦY BAN NHÂN DÂN XÃ DIỄN CHÂU\n\nSố: 99/KH-UBND\n\nDiễn Châu, ngày {starts.Day} tháng {starts.Month} năm {year}\n\nKẾ HOẠCH\n\n"
            + $"Cao điểm 100 ngày đẩy mạnh dịch vụ công trực tuyến và làm sạch dữ liệu dân cư năm {year}\n\n"
            + "I. MỤC ĐÍCH, YÊU CẦU\n\nCác đơn vị cập nhật kết quả hằng tuần, trước thứ Sáu, để Ban Chỉ đạo xã theo dõi, đôn đốc.\n\n"
            + "II. NHIỆM VỤ\n\n"
            + "TT\tNhiệm vụ\tChủ trì\tPhối hợp\tSản phẩm\tThời hạn\n"
            + $"1\tRà soát, làm sạch dữ liệu dân cư của từng thôn, xóm\tCông an xã\tĐoàn Thanh niên xã\tDữ liệu dân cư đúng, đủ, sạch, sống\t{end}\n"
            + $"2\tHướng dẫn người dân kích hoạt tài khoản định danh điện tử mức độ 2 tại nhà văn hóa thôn\tCông an xã\tĐoàn Thanh niên xã\tSố tài khoản được kích hoạt\t{end}\n"
            + $"3\tTuyên truyền dịch vụ công trực tuyến trên loa truyền thanh và nhóm Zalo của thôn\tPhòng Văn hóa - Xã hội\tĐoàn Thanh niên xã\tSố tin, bài tuyên truyền\t{end}\n";
    }

    /// <summary>Creates the campaign and its weeks' history up to today; returns the weeks closed.</summary>
    public static async Task<int> SeedAsync(RoViecDbContext db, Guid communeId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var monday = PeriodCalendar.MondayOf(today);
        // Five weeks ago, but within this year: early in January the campaign began on the first of the month.
        var starts = monday.AddDays(-35);
        if (starts.Year < today.Year) starts = new DateOnly(today.Year, 1, 1);
        var ends = starts.AddDays(99);
        if (PlanImporter.Import(System.Text.Encoding.UTF8.GetBytes(Text(starts, ends)), FileName) is not ImportOutcome.Imported imported)
            throw new InvalidOperationException("the demo campaign no longer imports");
        var plan = await PlanDrafts.CreateConfirmedAsync(db, communeId, imported.Draft, FileName, "hệ thống", DemoHistory.Utc(starts, 8), ct, p =>
        {
            p.Rhythm = PlanRhythms.Weekly;
            p.StartsOn = starts;
            p.EndsOn = ends;
            p.Field = "Chiến dịch";
            // The subject line under "KẾ HOẠCH", as the officer would correct it on the review page.
            p.Title = "Kế hoạch cao điểm 100 ngày đẩy mạnh dịch vụ công trực tuyến và làm sạch dữ liệu dân cư năm " + starts.Year.ToString(CultureInfo.InvariantCulture);
        });
        db.ChangeTracker.Clear();

        var weeks = await db.Periods.AsNoTracking().Where(p => p.PlanId == plan.Id && p.OpensOn <= today).OrderBy(p => p.StartsOn).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == communeId).ToDictionaryAsync(u => u.Id, u => u.Key, ct);
        var closed = 0;
        foreach (var week in weeks)
        {
            await OpenPeriod.OpenAsync(db, await db.Periods.SingleAsync(p => p.Id == week.Id, ct), DemoHistory.Utc(week.OpensOn, 8), ct);
            // This week's reports are being written; a week whose Friday has passed is reported (and closed once compiled).
            if (week.UnitDueOn >= today)
            {
                db.ChangeTracker.Clear();
                continue;
            }
            var reports = await db.Reports.Include(r => r.Items).Where(r => r.PeriodId == week.Id).ToListAsync(ct);
            foreach (var report in reports)
            {
                foreach (var item in report.Items.Where(i => i.Kind == ReportItemKinds.Task))
                {
                    item.TaskStatus = ReportedTaskStatuses.InProgress;
                    item.Percent = Math.Min(90, 15 * week.Number);
                    item.WorkDone = WeekWork[(week.Number + item.Order) % WeekWork.Length];
                    item.Version = Guid.NewGuid();
                }
                report.Summary = "Đơn vị cập nhật kết quả " + week.Label.ToLowerInvariant() + " của đợt cao điểm.";
                var sentAt = DemoHistory.Utc(week.UnitDueOn.AddDays(-(week.Number % 2)), 15);
                ReportFlow.Submit(report, units.GetValueOrDefault(report.UnitId, ""), sentAt, requireHeadApproval: false);
                ReportFlow.Verify(report, "thuongtruc", sentAt.AddHours(2));
            }
            if (week.CompileDueOn >= today)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                continue;
            }
            var row = await db.Periods.SingleAsync(p => p.Id == week.Id, ct);
            row.State = PeriodStates.Closed;
            row.ClosedAtUtc = DemoHistory.Utc(week.CompileDueOn.AddDays(1), 0);
            row.Version = Guid.NewGuid();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            closed++;
        }
        return closed;
    }

    private static readonly string[] WeekWork =
    [
        "Rà soát xong dữ liệu của hai thôn, chuyển Công an xã đối chiếu",
        "Tổ chức điểm hướng dẫn kích hoạt tài khoản tại nhà văn hóa thôn vào chiều thứ Bảy",
        "Phát 3 bản tin trên loa truyền thanh và đăng trên nhóm Zalo của các thôn",
        "Đoàn viên thanh niên đến từng hộ hướng dẫn cài đặt ứng dụng",
    ];
}
