using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Proposals;

namespace RoViec.Web.Features.Demo;

/// <summary>
/// From October to December the demo commune is collecting next year's proposals, so a new user sees them: the culture
/// and social affairs office (the second reporter's unit) sent its proposal in October, the Public Administration
/// Service Centre sent its own today (late once the due day has passed), and the police (the first reporter's unit)
/// have a draft to finish and send. Dates come from the injected clock; the texts are those a commune would write.
/// </summary>
public static class DemoProposals
{
    public static async Task SeedAsync(RoViecDbContext db, Guid communeId, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (today.Month < ProposalCalendar.OpenMonth) return;
        var year = ProposalCalendar.NextYear(today);
        var units = await db.Units.Where(u => u.CommuneId == communeId).ToDictionaryAsync(u => u.Key, u => u.Id, ct);
        var early = new DateOnly(today.Year, 10, 20);
        if (units.TryGetValue("phong-van-hoa-xa-hoi", out var culture))
        {
            Add(db, communeId, culture, year, today >= early ? early : today, nowUtc,
                (ProposalItemKinds.Task, $"Tổ chức tập huấn kỹ năng số cho người dân tại 100% thôn, xóm năm {year}", "Kế hoạch và báo cáo kết quả tập huấn", $"Quý III/{year}", 120_000_000m, "Tiếp nối nhiệm vụ năm nay; nhu cầu của người cao tuổi còn lớn"),
                (ProposalItemKinds.Task, "Số hóa hồ sơ văn hóa, di tích trên địa bàn xã", "Cơ sở dữ liệu di tích được cập nhật", $"Tháng 10/{year}", 80_000_000m, null),
                (ProposalItemKinds.Indicator, "Tỷ lệ hộ gia đình được phổ biến kỹ năng số cơ bản", "Tối thiểu 80%", null, null, null));
        }
        if (units.TryGetValue("trung-tam-phvc", out var centre) || units.TryGetValue("van-phong-hdnd-ubnd", out centre))
        {
            Add(db, communeId, centre, year, today, nowUtc,
                (ProposalItemKinds.Task, "Nâng cấp hệ thống lấy số thứ tự và đánh giá mức độ hài lòng tại Trung tâm", "Hệ thống vận hành, kết nối Cổng dịch vụ công", $"Quý II/{year}", 250_000_000m, "Thiết bị hiện có đã xuống cấp"),
                (ProposalItemKinds.Indicator, "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình", "Tối thiểu 60%", null, null, null));
        }
        if (units.TryGetValue("cong-an", out var police))
        {
            Add(db, communeId, police, year, null, nowUtc,
                (ProposalItemKinds.Task, "Tuyên truyền, hướng dẫn người dân sử dụng tài khoản định danh điện tử mức độ 2", "Báo cáo kết quả hằng quý", "Thường xuyên", 30_000_000m, null),
                (ProposalItemKinds.Task, "Lắp đặt camera giám sát an ninh tại các tuyến đường trục chính", "Hệ thống camera được kết nối", $"Tháng 9/{year}", null, "Kinh phí đang tính, sẽ bổ sung"));
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Add(RoViecDbContext db, Guid communeId, Guid unitId, int year, DateOnly? submittedOn, DateTime nowUtc,
        params (string Kind, string Name, string? Product, string? Deadline, decimal? Budget, string? Note)[] items)
    {
        var proposal = new YearProposal
        {
            Id = Guid.NewGuid(),
            CommuneId = communeId,
            UnitId = unitId,
            Year = year,
            State = submittedOn is null ? ProposalStates.Draft : ProposalStates.Submitted,
            SubmittedOn = submittedOn,
            SubmittedAtUtc = submittedOn is null ? null : nowUtc,
            SubmittedBy = submittedOn is null ? null : "hệ thống",
            UpdatedAtUtc = nowUtc,
            Version = Guid.NewGuid(),
        };
        db.YearProposals.Add(proposal);
        var order = 0;
        foreach (var (kind, name, product, deadline, budget, note) in items)
        {
            var task = kind == ProposalItemKinds.Task;
            db.ProposalItems.Add(new ProposalItem
            {
                Id = Guid.NewGuid(),
                CommuneId = communeId,
                ProposalId = proposal.Id,
                Order = ++order,
                Kind = kind,
                Name = name,
                Output = task ? product : null,
                Target = task ? null : product,
                Deadline = deadline,
                Budget = budget,
                Note = note,
            });
        }
    }
}
