using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Features.Demo;

/// <summary>
/// The demo province's other communes, so the province office's cockpit (`/tinh`) has communes to compare at once:
/// Tân Kỳ with its own sample plan, three communes and wards working the Diễn Châu programme under their own names, each
/// at its own pace (more or fewer late reports, missing reports and slipping tasks), and one ward not yet started (no
/// plan, so the cockpit shows it missing, never as zero). With `RoViec:Demo:Province=true` (set by `./roviec serve`).
/// </summary>
public sealed class DemoProvince(RoViecDbContext db, DemoHistory history, TimeProvider clock)
{
    public const string Setting = "RoViec:Demo:Province";

    /// <summary>A neighbour: its name, kind, area, the plan it works (null: none yet) and its pace.</summary>
    public sealed record Neighbour(string Name, string Kind, string Area, string? PlanResource, DemoHistory.Pace Pace);

    public static readonly IReadOnlyList<Neighbour> Neighbours =
    [
        new("Tân Kỳ", CommuneKinds.Commune, "Huyện Tân Kỳ cũ", "demo-plan-tan-ky.txt", new(1, 30, 8, 4)),
        new("Đô Lương", CommuneKinds.Commune, "Huyện Đô Lương cũ", "demo-plan.txt", new(2, 5, 19, 9)),
        new("Yên Thành", CommuneKinds.Commune, "Huyện Yên Thành cũ", "demo-plan.txt", new(3, 40, 6, 3)),
        new("Hoàng Mai", CommuneKinds.Ward, "Thị xã Hoàng Mai cũ", "demo-plan.txt", new(4, 10, 15, 7)),
        new("Thái Hòa", CommuneKinds.Ward, "Thị xã Thái Hòa cũ", null, DemoHistory.Pace.Demo),
    ];

    /// <summary>The demo commune's area, so every commune of the demo province has one.</summary>
    public const string DemoArea = "Huyện Diễn Châu cũ";

    /// <summary>Adds the neighbours of the demo commune (once: none is added when the province already has more than one commune).</summary>
    public async Task<int> SeedAsync(Guid demoCommuneId, CancellationToken ct)
    {
        var demo = await db.Communes.SingleAsync(c => c.Id == demoCommuneId, ct);
        if (demo.ProvinceId is not { } provinceId || await db.Communes.CountAsync(c => c.ProvinceId == provinceId, ct) > 1) return 0;
        demo.Area = DemoArea;
        await db.SaveChangesAsync(ct);
        var year = clock.VietnamToday().Year;
        var seeded = 0;
        foreach (var n in Neighbours)
        {
            var commune = new Commune { Id = Guid.NewGuid(), Name = n.Name, ProvinceId = provinceId, Kind = n.Kind, Area = n.Area };
            db.Communes.Add(commune);
            await db.SaveChangesAsync(ct);
            if (n.PlanResource is null) continue;
            // Diễn Châu's programme under the neighbour's own name; Tân Kỳ's plan as written.
            var text = DemoPlan.Text(n.PlanResource);
            if (n.PlanResource == "demo-plan.txt")
                text = text.Replace("Diễn Châu", n.Name, StringComparison.Ordinal).Replace("DIỄN CHÂU", n.Name.ToUpperInvariant(), StringComparison.Ordinal);
            var fileName = "ke-hoach-" + Slug(n.Name) + "-" + year + ".txt";
            await PlanDrafts.CreateConfirmedAsync(db, commune.Id, DemoPlan.Import(text, fileName, year), fileName, "hệ thống", DemoHistory.Utc(new DateOnly(year, 1, 5), 9), ct);
            db.ChangeTracker.Clear();
            seeded += await history.SeedNeighbourAsync(commune.Id, n.Pace, ct);
        }
        await ApprovalsAsync(provinceId, demoCommuneId, ct);
        await PushDownAsync(provinceId, year, ct);
        return seeded;
    }

    /// <summary>The common indicator the demo province defines: the share of official computers with licensed antivirus, as a rate.</summary>
    public const string CommonIndicator = "Tỷ lệ máy tính công vụ được cài đặt phần mềm diệt virus có bản quyền";

    /// <summary>
    /// What the province pushed down: one common indicator, taken in by the communes working the Diễn Châu programme as
    /// the indicator they already report (computers with licensed antivirus software) with the province's definition, not yet by
    /// Tân Kỳ; and one task, localised by Đô Lương, declined by Yên Thành with its reason, awaiting the others (Diễn Châu's
    /// standing office has it to do). The latest two closed months are built again so their common values are there.
    /// </summary>
    private async Task PushDownAsync(Guid provinceId, int year, CancellationToken ct)
    {
        var published = DemoHistory.Utc(new DateOnly(year, 2, 10), 9);
        var communes = await db.Communes.AsNoTracking().Where(c => c.ProvinceId == provinceId).ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        var indicator = new ProvinceIndicator
        {
            Id = Guid.NewGuid(),
            ProvinceId = provinceId,
            Name = CommonIndicator,
            Unit = "%",
            TargetRaw = "100%",
            TargetOp = "=",
            TargetValue = 100,
            Rhythm = IndicatorRhythms.Monthly,
            Numerator = "Số máy tính công vụ đã cài đặt phần mềm diệt virus có bản quyền",
            Denominator = "Tổng số máy tính công vụ của hệ thống chính trị xã",
            Aggregation = Aggregations.Ratio,
            PublishedAtUtc = published,
            PublishedBy = DemoSeeder.ProvinceUserName,
            Version = Guid.NewGuid(),
        };
        db.ProvinceIndicators.Add(indicator);
        var task = new ProvinceTask
        {
            Id = Guid.NewGuid(),
            ProvinceId = provinceId,
            Basis = "Kế hoạch mẫu của Ban Chỉ đạo tỉnh (dữ liệu minh họa)",
            Code = "II.3",
            Name = "Triển khai họp trực tuyến đến 100% thôn, xóm, khối phố",
            Output = "Hệ thống họp trực tuyến hoạt động ở các thôn, xóm",
            DeadlineRaw = $"30/9/{year}",
            DueOn = new DateOnly(year, 9, 30),
            Priority = true,
            PublishedAtUtc = published,
            PublishedBy = DemoSeeder.ProvinceUserName,
            Version = Guid.NewGuid(),
        };
        db.ProvinceTasks.Add(task);
        var rebuild = new List<Guid>();
        foreach (var (name, communeId) in communes)
        {
            var local = await (from i in db.Indicators
                               join p in db.Plans on i.PlanId equals p.Id
                               where p.CommuneId == communeId && p.Status == PlanStatuses.Active && i.Name.Contains("phần mềm diệt virus có bản quyền")
                               select i).FirstOrDefaultAsync(ct);
            var takes = local is not null && name != "Tân Kỳ";
            if (takes) local!.ProvinceIndicatorId = indicator.Id;
            db.PushedIndicators.Add(new PushedIndicator
            {
                Id = Guid.NewGuid(),
                CommuneId = communeId,
                ProvinceIndicatorId = indicator.Id,
                State = takes ? PushStates.Accepted : PushStates.Pending,
                LocalIndicatorId = takes ? local!.Id : null,
                DecidedAtUtc = takes ? published.AddDays(3) : null,
                DecidedBy = takes ? "thuongtruc" : null,
                Version = Guid.NewGuid(),
            });
            if (takes) rebuild.Add(communeId);
            var pushed = new PushedTask { Id = Guid.NewGuid(), CommuneId = communeId, ProvinceTaskId = task.Id, Version = Guid.NewGuid() };
            if (name == "Yên Thành")
                (pushed.State, pushed.Reason, pushed.DecidedAtUtc, pushed.DecidedBy) = (PushStates.Declined, "Đường truyền internet ở 6 xóm vùng núi chưa đáp ứng; đề nghị tỉnh hỗ trợ hạ tầng trước.", published.AddDays(5), "thuongtruc");
            db.PushedTasks.Add(pushed);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        // Đô Lương localised the task through the commune's own step, as its standing office would.
        if (communes.TryGetValue("Đô Lương", out var doLuong))
        {
            var pushed = await db.PushedTasks.AsNoTracking().SingleAsync(p => p.CommuneId == doLuong && p.ProvinceTaskId == task.Id, ct);
            var plan = await db.Plans.AsNoTracking().Where(p => p.CommuneId == doLuong && p.Status == PlanStatuses.Active).Select(p => p.Id).FirstAsync(ct);
            var unit = await db.Units.AsNoTracking().Where(u => u.CommuneId == doLuong && u.Key == "ubnd").Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct)
                ?? await db.Units.AsNoTracking().Where(u => u.CommuneId == doLuong && u.Active).Select(u => u.Id).FirstAsync(ct);
            var office = new Shared.Access.UserScope(Guid.Empty, "thuongtruc", null, new HashSet<string> { Roles.StandingOffice }, provinceId, doLuong, null);
            await Provinces.PushDown.AcceptTaskAsync(db, office, pushed.Id, plan, unit, $"31/8/{year}", null, published.AddDays(4), ct);
            db.ChangeTracker.Clear();
        }
        foreach (var communeId in rebuild)
        {
            var latest = await db.Periods.AsNoTracking().Where(p => p.CommuneId == communeId && p.Kind == PeriodKinds.Monthly && p.State == PeriodStates.Closed)
                .OrderByDescending(p => p.StartsOn).Take(2).ToListAsync(ct);
            foreach (var period in latest) await Figures.PeriodSnapshots.BuildAsync(db, period, clock, "Chỉ tiêu chung của tỉnh", "hệ thống", ct);
        }
    }

    /// <summary>
    /// The way up, as a running province has it: every closed month before the latest approved by the commune two days
    /// after its compile day and accepted by the province two days later; the latest closed month approved by the
    /// neighbours and awaiting the province, and not yet approved by the demo commune (its standing office has that to do).
    /// </summary>
    private async Task ApprovalsAsync(Guid provinceId, Guid demoCommuneId, CancellationToken ct)
    {
        var months = await (from p in db.Periods.AsNoTracking()
                            join c in db.Communes.AsNoTracking() on p.CommuneId equals c.Id
                            where c.ProvinceId == provinceId && p.Kind == PeriodKinds.Monthly && p.State == PeriodStates.Closed
                            select p).ToListAsync(ct);
        foreach (var commune in months.GroupBy(p => p.CommuneId))
        {
            var ordered = commune.OrderBy(p => p.StartsOn).ToList();
            foreach (var month in ordered)
            {
                var latest = month == ordered[^1];
                if (latest && commune.Key == demoCommuneId) continue;
                var approvedAt = DemoHistory.Utc(month.CompileDueOn.AddDays(2), 10);
                db.PeriodApprovals.Add(new PeriodApproval
                {
                    Id = Guid.NewGuid(),
                    CommuneId = month.CommuneId,
                    PeriodId = month.Id,
                    State = latest ? ApprovalStates.Approved : ApprovalStates.Accepted,
                    ApprovedAtUtc = approvedAt,
                    ApprovedBy = "thuongtruc",
                    AcceptedAtUtc = latest ? null : approvedAt.AddDays(2),
                    AcceptedBy = latest ? null : DemoSeeder.ProvinceUserName,
                    Version = Guid.NewGuid(),
                });
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var state in new[] { ApprovalStates.Approved, ApprovalStates.Accepted })
        {
            var periods = db.PeriodApprovals.Where(a => a.State == state).Select(a => a.PeriodId);
            await db.CommunePeriodSummaries.Where(s => periods.Contains(s.PeriodId)).ExecuteUpdateAsync(u => u.SetProperty(s => s.Approval, state), ct);
        }
    }

    private static string Slug(string name) => string.Join('-', VietnameseText.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
