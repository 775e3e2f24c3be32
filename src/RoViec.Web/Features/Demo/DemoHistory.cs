using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Reporting;
using RoViec.Domain.Text;
using RoViec.Web.Features.CrossChecks;
using RoViec.Web.Features.Figures;
using RoViec.Web.Features.Notifications;
using RoViec.Web.Features.Plans;
using RoViec.Web.Features.Public;
using RoViec.Web.Features.Periods;
using RoViec.Web.Features.Reports;
using RoViec.Web.Features.Scheduling;
using RoViec.Web.Features.Scores;

namespace RoViec.Web.Features.Demo;

/// <summary>
/// A simulated year for the demo commune (`RoViec:Demo:History=true`, which `./roviec serve` sets): every monthly
/// period whose compile day has passed is opened, each unit's report filled (progress month by month, indicators
/// moving toward their targets, texts a commune would write, some evidence), submitted — most on time, some late,
/// now and then one never sent — some returned once and resubmitted, verified by the standing office (the latest
/// month keeps two awaiting verification), then closed, scored and snapshotted. A few tasks slip, so the dashboards
/// show tasks at risk and overdue. Deterministic: the same data on every run (seeded random numbers).
/// </summary>
public sealed partial class DemoHistory(RoViecDbContext db, TimeProvider clock, ILogger<DemoHistory> log)
{
    public const string Setting = "RoViec:Demo:History";

    /// <summary>
    /// How a commune's units work through the year: the seed of its random numbers, the share of reports sent late, one
    /// unit in <see cref="SkipEvery"/> never sending a month's report, one dated task in <see cref="SlipEvery"/> slipping.
    /// </summary>
    public sealed record Pace(int Seed, int LatePercent, int SkipEvery, int SlipEvery)
    {
        /// <summary>The demo commune's own pace (the data every demo test knows).</summary>
        public static readonly Pace Demo = new(0, 15, 13, 6);
    }

    private static readonly string[] Work =
    [
        "Đã triển khai tới các thôn, xóm và tổ chức họp quán triệt",
        "Đã rà soát, cập nhật dữ liệu và đối chiếu với cơ sở dữ liệu quốc gia về dân cư",
        "Hướng dẫn người dân cài đặt, kích hoạt tài khoản định danh điện tử mức độ 2",
        "Tổ chức tuyên truyền trên hệ thống loa truyền thanh và nhóm Zalo của thôn",
        "Hoàn thiện dự thảo, xin ý kiến các đơn vị liên quan",
        "Cấp chữ ký số cho cán bộ, công chức và hướng dẫn ký số văn bản",
        "Tiếp nhận, giải quyết hồ sơ trực tuyến trên Cổng dịch vụ công",
        "Phối hợp với doanh nghiệp viễn thông khảo sát hạ tầng",
    ];

    private static readonly string[] Difficulties =
    [
        "Một bộ phận người dân cao tuổi chưa sử dụng thành thạo điện thoại thông minh",
        "Kinh phí thực hiện còn hạn chế",
        "Đường truyền internet ở một số thôn còn chậm",
        "Nhân lực làm công tác chuyển đổi số còn kiêm nhiệm",
    ];

    private static readonly string[] Requests =
    [
        "Đề nghị UBND xã bổ sung kinh phí mua sắm thiết bị",
        "Đề nghị tỉnh tổ chức tập huấn kỹ năng số cho cán bộ",
        "Đề nghị doanh nghiệp viễn thông nâng cấp đường truyền",
    ];

    private static readonly string[] Returns =
    [
        "Bổ sung minh chứng cho nhiệm vụ đã hoàn thành",
        "Số liệu chỉ tiêu chưa khớp với sổ theo dõi, đề nghị kiểm tra lại",
    ];

    /// <summary>
    /// Seeds the history of the commune's plan in force up to today; returns the periods seeded. Before the year's
    /// first month has closed (early January), last year's plan comes first: the same sample moved to last year, its
    /// whole year reported, scored and closed with its annual report, then replaced by this year's plan — so the demo
    /// never shows an empty or a dead year.
    /// </summary>
    public async Task<int> SeedAsync(Guid communeId, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var today = clock.VietnamToday();
        var plan = await db.Plans.AsNoTracking().Where(p => p.CommuneId == communeId && p.Status == PlanStatuses.Active).FirstOrDefaultAsync(ct);
        if (plan is null) return 0;
        var seeded = (Periods: 0, Reports: 0);
        if (!await db.Periods.AnyAsync(p => p.PlanId == plan.Id && p.Kind == PeriodKinds.Monthly && p.CompileDueOn < today, ct))
        {
            var previous = await PlanDrafts.CreateConfirmedAsync(db, communeId, DemoPlan.For(plan.Year - 1), DemoPlan.FileName, "hệ thống",
                Utc(new DateOnly(plan.Year - 1, 1, 5), 9), ct);
            db.ChangeTracker.Clear();
            await AssignCultureOfficeAsync(communeId, previous.Id, ct);
            seeded = Add(seeded, await SeedPlanAsync(communeId, previous, today, inForce: false, Pace.Demo, ct));
            await db.Plans.Where(p => p.Id == previous.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PlanStatuses.Replaced), ct);
            await db.Plans.Where(p => p.Id == plan.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.ReplacesPlanId, previous.Id), ct);
        }
        await AssignCultureOfficeAsync(communeId, plan.Id, ct);
        // The money before the months are scored, so each month's disbursement criterion reads it.
        await DemoBudgets.SeedAsync(db, communeId, plan.Id, today, ct);
        seeded = Add(seeded, await SeedPlanAsync(communeId, plan, today, inForce: true, Pace.Demo, ct));
        // The unit head approves before the standing office receives: the police, the one unit with a head's account.
        await db.ReportingRules.Where(r => r.PlanId == plan.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.RequireHeadApproval, true), ct);
        await KeepSomethingOpenAsync(communeId, plan, today, ct);
        await ReplayTaskAlertsAsync(communeId, plan.Id, today, ct);
        await DrawCrossCheckAsync(communeId, ct);
        // A second plan in force beside the programme: a campaign reporting weekly.
        await DemoCampaign.SeedAsync(db, communeId, today, ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id).ToListAsync(ct);
        // The demo publishes its page, with the ranking, so a newcomer sees it at /cong-khai/{slug}.
        var page = await PublicFigures.EnsureAsync(db, communeId, ct);
        page.Enabled = true;
        page.ShowRanking = true;
        // The indicators the units report on (the others have no owner yet, hence no figure to show).
        page.IndicatorIds = string.Join('|', indicators.Where(i => i.OwnerUnitId is not null).OrderBy(i => i.Order).Select(i => i.Id));
        page.Intro = "Ban Chỉ đạo xã công khai kết quả thực hiện Chương trình công tác năm " + plan.Year + " để người dân, doanh nghiệp theo dõi và góp ý.";
        page.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        LogSeeded(log, seeded.Periods, seeded.Reports, watch.ElapsedMilliseconds);
        return seeded.Periods;
    }

    /// <summary>
    /// A neighbouring commune's year (the demo province's other communes): its plan in force's months up to today
    /// reported, verified, scored, snapshotted and closed at its own pace; the latest month left with the province, approved
    /// by the commune. Returns the periods seeded.
    /// </summary>
    public async Task<int> SeedNeighbourAsync(Guid communeId, Pace pace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pace);
        var today = clock.VietnamToday();
        var plan = await db.Plans.AsNoTracking().Where(p => p.CommuneId == communeId && p.Status == PlanStatuses.Active).FirstOrDefaultAsync(ct);
        if (plan is null) return 0;
        await DemoBudgets.SeedAsync(db, communeId, plan.Id, today, ct);
        var (periods, _) = await SeedPlanAsync(communeId, plan, today, inForce: false, pace, ct);
        return periods;
    }

    /// <summary>
    /// The scheduler's daily look at the tasks, replayed once a week over the last four weeks, so the demo's reporters,
    /// heads and steering members have the at-risk and overdue alerts a running commune would have given them.
    /// </summary>
    private async Task ReplayTaskAlertsAsync(Guid communeId, Guid planId, DateOnly today, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId, ct);
        var people = await Recipients.LoadAsync(db, communeId, ct);
        for (var day = today.AddDays(-28); day <= today; day = day.AddDays(7))
        {
            var outcome = await TaskAlerts.RunAsync(db, plan, people, day, ct);
            await Notices.SendManyAsync(db, outcome.Notices, Utc(day, 0), ct);
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The standing office's first assignment, so that the second reporter's unit has work: the plan itself says the
    /// culture and social affairs office "chủ trì tổ chức các lớp tập huấn kỹ năng số, AI cho cán bộ và nhân dân"
    /// (section III), so the training tasks the plan left without a lead go to it, with the cultural-heritage one.
    /// </summary>
    private async Task AssignCultureOfficeAsync(Guid communeId, Guid planId, CancellationToken ct)
    {
        var office = await db.Units.Where(u => u.CommuneId == communeId && u.Key == "phong-van-hoa-xa-hoi").Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (office is null) return;
        var tasks = await db.Tasks.Where(t => t.PlanId == planId && t.LeadUnitId == null).ToListAsync(ct);
        foreach (var task in tasks.Where(t => CultureOfficeWork().IsMatch(t.Name)))
        {
            task.LeadUnitId = office;
            task.Version = Guid.NewGuid();
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    [GeneratedRegex("kỹ năng số|tập huấn|bồi dưỡng|văn hóa số", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CultureOfficeWork();

    /// <summary>
    /// After a month's compile day (the 23rd to the month's end) no month is open by the calendar. So that the demo has
    /// reports due on every day, the standing office has opened next month ahead of its day, as it may; in December,
    /// whose next month belongs to next year's plan, it has asked every unit for an ad-hoc year-end report instead.
    /// </summary>
    private async Task KeepSomethingOpenAsync(Guid communeId, Plan plan, DateOnly today, CancellationToken ct)
    {
        var months = await db.Periods.Where(p => p.PlanId == plan.Id && p.Kind == PeriodKinds.Monthly).OrderBy(p => p.StartsOn).ToListAsync(ct);
        var current = months.FirstOrDefault(p => p.StartsOn <= today && today <= p.EndsOn);
        if (current is null || current.CompileDueOn >= today) return;
        var at = Utc(current.CompileDueOn.AddDays(1), 8);
        if (months.FirstOrDefault(p => p.StartsOn > current.EndsOn) is { State: PeriodStates.Scheduled } next)
        {
            await OpenPeriod.OpenAsync(db, next, at, ct);
            return;
        }
        var input = new PeriodAdmin.AdHocInput(
            $"Báo cáo nhanh kết quả thực hiện Chương trình công tác năm {plan.Year}",
            "Đề nghị các đơn vị báo cáo nhanh kết quả thực hiện các nhiệm vụ được giao trong năm để Ban Chỉ đạo tổng kết.",
            DayText.Show(current.EndsOn.AddDays(-1)), DayText.Show(current.EndsOn), []);
        await PeriodAdmin.CreateAdHocAsync(db, communeId, plan.Id, input, at, ct);
    }

    private static (int Periods, int Reports) Add((int Periods, int Reports) a, (int Periods, int Reports) b) => (a.Periods + b.Periods, a.Reports + b.Reports);

    /// <summary>
    /// One plan's periods whose compile day has passed, reported, verified, scored and closed: (periods, verified
    /// reports). The plan in force keeps two reports of its latest month awaiting verification.
    /// </summary>
    private async Task<(int Periods, int Reports)> SeedPlanAsync(Guid communeId, Plan plan, DateOnly today, bool inForce, Pace pace, CancellationToken ct)
    {
        // The months, and the year's own report (due in November) once its compile day has passed, in the order they closed.
        var months = await db.Periods.AsNoTracking()
            .Where(p => p.PlanId == plan.Id && (p.Kind == PeriodKinds.Monthly || p.Kind == PeriodKinds.Annual) && p.CompileDueOn < today)
            .OrderBy(p => p.CompileDueOn).ThenBy(p => p.Number).ToListAsync(ct);
        var lastMonth = months.LastOrDefault(p => p.Kind == PeriodKinds.Monthly)?.Id;
        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == communeId).ToDictionaryAsync(u => u.Id, ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == plan.Id).ToDictionaryAsync(t => t.Id, ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id).ToDictionaryAsync(i => i.Id, ct);
        var progress = new Dictionary<Guid, int>();
        var latestSent = today.AddDays(-5);
        var reportsSeeded = 0;
        var lastNumber = months.LastOrDefault(p => p.Kind == PeriodKinds.Monthly)?.Number ?? 1;
        var behind = inForce ? FallingBehind(tasks.Values, units.Values, plan.Year, today) : null;

        foreach (var period in months)
        {
            var random = new Random(2026 * 100 + period.Number + pace.Seed * 1000);
            var opened = Utc(period.OpensOn, 8);
            await OpenPeriod.OpenAsync(db, await db.Periods.SingleAsync(p => p.Id == period.Id, ct), opened, ct);
            var reports = await db.Reports.Include(r => r.Items).ThenInclude(i => i.Evidence).AsSplitQuery()
                .Where(r => r.PeriodId == period.Id).ToListAsync(ct);
            var ordered = reports.OrderBy(r => units[r.UnitId].Key, StringComparer.Ordinal).ToList();
            var awaiting = inForce && period.Id == lastMonth ? 2 : 0;
            for (var i = 0; i < ordered.Count; i++)
            {
                var report = ordered[i];
                var unitKey = units[report.UnitId].Key;
                // One unit in a while never sends its report.
                if ((i + period.Number) % pace.SkipEvery == 5 % pace.SkipEvery) continue;
                foreach (var item in report.Items.OrderBy(x => x.Order))
                {
                    if (Fill(item, period, tasks, indicators, progress, random, behind, lastNumber, pace.SlipEvery) is { } evidence) db.Evidence.Add(evidence);
                }
                report.Summary = "Đơn vị báo cáo kết quả thực hiện " + period.Label.ToLowerInvariant() + ".";
                var late = random.Next(100) < pace.LatePercent ? random.Next(1, 6) : 0;
                var sentOn = late > 0 ? period.UnitDueOn.AddDays(late) : period.UnitDueOn.AddDays(-random.Next(0, 7));
                // Nothing happens after today: a return, a resubmission and the verification take up to five days after sending.
                if (sentOn > latestSent) sentOn = latestSent < period.OpensOn ? period.OpensOn : latestSent;
                var sentAt = Utc(sentOn, 9 + random.Next(0, 7));
                ReportFlow.Submit(report, unitKey, sentAt, requireHeadApproval: false);
                if (random.Next(100) < 12)
                {
                    var returnedAt = sentAt.AddDays(1);
                    ReportFlow.Return(report, "thuongtruc", returnedAt, Returns[random.Next(Returns.Length)], new Dictionary<Guid, string>(), byHead: false);
                    ReportFlow.Submit(report, unitKey, returnedAt.AddDays(1), requireHeadApproval: false);
                }
                if (awaiting > 0 && i >= ordered.Count - awaiting) continue;
                ReportFlow.Verify(report, "thuongtruc", (report.SubmittedAtUtc ?? sentAt).AddDays(1 + random.Next(0, 2)));
                reportsSeeded++;
            }
            if (period.Kind == PeriodKinds.Monthly) Inputs(period, ordered, units, random);
            var row = await db.Periods.SingleAsync(p => p.Id == period.Id, ct);
            row.State = PeriodStates.Closed;
            // Closed the day after the compile day, or after the last report was dealt with when that came later.
            var lastEvent = ordered.SelectMany(r => new[] { r.SubmittedAtUtc, r.VerifiedAtUtc }).OfType<DateTime>().DefaultIfEmpty(DateTime.MinValue).Max();
            var closedAt = Utc(period.CompileDueOn.AddDays(1), 0);
            row.ClosedAtUtc = lastEvent >= closedAt ? lastEvent.AddHours(1) : closedAt;
            row.Version = Guid.NewGuid();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            if (period.Kind == PeriodKinds.Monthly) await ScoreService.RecomputeAsync(db, period.Id, "Chấm điểm dữ liệu mô phỏng", "hệ thống", clock, ct);
            await PeriodSnapshots.BuildAsync(db, row, clock, "Dữ liệu mô phỏng", "hệ thống", ct);
        }
        return (months.Count, reportsSeeded);
    }

    /// <summary>
    /// The police's task that falls behind (the police being the unit with a reporter's and a head's account): of the
    /// dated tasks it leads that are due after today, the one due first whose progress can trail the time spent by more
    /// than <see cref="TaskStatusRules.BehindMargin"/> points. Its progress is held at a percent that the time spent
    /// overtakes by that margin two weeks before today, so the weekly replay of the scheduler's look at the tasks sees it
    /// turn at risk and alerts the police's reporter and head. Null when no such task (early in the year).
    /// </summary>
    private static (Guid TaskId, int Percent)? FallingBehind(IEnumerable<PlanTaskRow> tasks, IEnumerable<OrgUnit> units, int year, DateOnly today)
    {
        if (units.FirstOrDefault(u => u.Key == "cong-an") is not { } police) return null;
        var start = new DateOnly(year, 1, 1);
        var twoWeeksAgo = today.AddDays(-14);
        foreach (var task in tasks.Where(t => t.LeadUnitId == police.Id && t.DeadlineDue > today).OrderBy(t => t.DeadlineDue).ThenBy(t => t.Order))
        {
            if (!Enum.TryParse<DeadlineKind>(task.DeadlineKind, out var kind) || !TaskStatusRules.IsDated(kind)) continue;
            var total = task.DeadlineDue!.Value.DayNumber - start.DayNumber;
            var spent = (int)Math.Floor((twoWeeksAgo.DayNumber - start.DayNumber) * 100.0 / total);
            var percent = spent - TaskStatusRules.BehindMargin - 1;
            if (percent >= 0) return (task.Id, percent);
        }
        return null;
    }

    /// <summary>
    /// The inspection committee's monthly cross-check of the latest closed month: a sample of its verified lines of the
    /// default size (<see cref="DrawSample.DefaultSize"/>), drawn by the inspector the day the month closed and not yet
    /// checked, so the inspector's landing page has work. Drawn with seeded random numbers, not the feature's
    /// cryptographic draw, so the demo is the same on every run.
    /// </summary>
    private async Task DrawCrossCheckAsync(Guid communeId, CancellationToken ct)
    {
        var month = await db.Periods.AsNoTracking()
            .Where(p => p.CommuneId == communeId && p.Kind == PeriodKinds.Monthly && p.State == PeriodStates.Closed)
            .OrderByDescending(p => p.StartsOn).FirstOrDefaultAsync(ct);
        if (month is null || await db.CrossChecks.AnyAsync(c => c.PeriodId == month.Id, ct)) return;
        var lines = await (from item in DrawSample.Eligible(db, month.Id)
                           join report in db.Reports on item.ReportId equals report.Id
                           join unit in db.Units on report.UnitId equals unit.Id
                           orderby unit.Key, item.Order
                           select new { item.Id, report.UnitId }).ToListAsync(ct);
        if (lines.Count == 0) return;
        var random = new Random(2026 * 100 + month.Number + 50);
        var drawnAt = month.ClosedAtUtc ?? Utc(month.CompileDueOn.AddDays(1), 0);
        foreach (var line in lines.OrderBy(_ => random.Next()).Take(DrawSample.DefaultSize(lines.Count)).ToList())
        {
            db.CrossChecks.Add(new CrossCheck
            {
                Id = Guid.NewGuid(),
                CommuneId = communeId,
                PeriodId = month.Id,
                ItemId = line.Id,
                UnitId = line.UnitId,
                DrawnAtUtc = drawnAt,
                DrawnBy = "ubkt",
                Version = Guid.NewGuid(),
            });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Fills a line; returns the evidence to add with it, if any.</summary>
    private static Evidence? Fill(ReportItem item, ReportingPeriod period, Dictionary<Guid, PlanTaskRow> tasks,
        Dictionary<Guid, IndicatorRow> indicators, Dictionary<Guid, int> progress, Random random, (Guid TaskId, int Percent)? behind, int lastNumber, int slipEvery)
    {
        item.Version = Guid.NewGuid();
        if (item.Kind == ReportItemKinds.Indicator && item.IndicatorId is { } indicatorId && indicators.TryGetValue(indicatorId, out var indicator))
        {
            // Moving toward the target over the year, some a little short of it.
            var share = Math.Min(1.05m, 0.45m + 0.055m * period.Number + (decimal)(random.NextDouble() * 0.1 - 0.05));
            if (indicator.TargetUnit == "%")
            {
                var denominator = 40 + indicator.Order * 37 % 400;
                var target = indicator.TargetOp == "<=" ? 100 - indicator.TargetValue : indicator.TargetValue;
                var percent = Math.Clamp(target * share, 0, 100);
                item.Denominator = denominator;
                item.Numerator = Math.Round(denominator * percent / 100m);
                item.Value = LineRules.RatioValue(item.Numerator, item.Denominator);
            }
            else item.Value = Math.Max(0, Math.Round(indicator.TargetValue * share * period.Number / 12m, 0));
            item.DataSource = "Sổ theo dõi của đơn vị";
            return null;
        }
        if (item.TaskId is not { } taskId || !tasks.TryGetValue(taskId, out var task)) return null;
        if (item.Kind == ReportItemKinds.Contribution)
        {
            if (random.Next(100) < 40) item.WorkDone = "Phối hợp: " + Work[random.Next(Work.Length)].ToLowerInvariant();
            return null;
        }
        var kind = Enum.TryParse<DeadlineKind>(task.DeadlineKind, out var k) ? k : DeadlineKind.None;
        item.WorkDone = Work[random.Next(Work.Length)];
        if (random.Next(100) < 20) item.Difficulties = Difficulties[random.Next(Difficulties.Length)];
        if (random.Next(100) < 12) item.Requests = Requests[random.Next(Requests.Length)];
        if (kind is DeadlineKind.Recurring or DeadlineKind.External or DeadlineKind.None)
        {
            item.TaskStatus = ReportedTaskStatuses.InProgress;
            item.Percent = null;
            return null;
        }
        var evidence = Progress(item, period, task, progress, random, slipEvery);
        if (behind is { } b && b.TaskId == taskId)
        {
            // Drawn as any other task first, so every later line's random numbers are what they were; then moving toward
            // the held percent and resting there over the last three months.
            var share = period.Kind == PeriodKinds.Monthly ? Math.Min(1.0, period.Number / (double)Math.Max(1, lastNumber - 2)) : 1.0;
            var held = (int)(b.Percent * share);
            item.TaskStatus = held == 0 ? ReportedTaskStatuses.NotStarted : ReportedTaskStatuses.InProgress;
            item.Percent = held;
            item.CompletedOn = null;
            return null;
        }
        return evidence;
    }

    /// <summary>A dated task's progress: a few tasks slip, the others move on and are done by their due day.</summary>
    private static Evidence? Progress(ReportItem item, ReportingPeriod period, PlanTaskRow task, Dictionary<Guid, int> progress, Random random, int slipEvery)
    {
        var taskId = task.Id;
        // A few tasks slip: they barely move, so they turn at risk and then overdue.
        var slipping = task.Order % slipEvery == 0;
        var before = progress.GetValueOrDefault(taskId);
        var step = slipping ? random.Next(0, 6) : random.Next(12, 30);
        var now = Math.Min(100, before + step);
        var due = task.DeadlineDue;
        if (!slipping && due is { } d && d <= period.EndsOn) now = 100;
        progress[taskId] = now;
        if (now >= 100)
        {
            item.TaskStatus = ReportedTaskStatuses.Done;
            item.Percent = 100;
            var done = period.StartsOn.AddDays(random.Next(0, 18));
            item.CompletedOn = due is { } last && done > last ? last : done;
            if (random.Next(100) < 70)
                return new Evidence
                {
                    Id = Guid.NewGuid(),
                    CommuneId = item.CommuneId,
                    ItemId = item.Id,
                    Kind = EvidenceKinds.Document,
                    Title = $"Báo cáo số {random.Next(10, 250)}/BC-UBND",
                    DocumentDate = item.CompletedOn,
                    AddedAtUtc = Utc(item.CompletedOn.Value, 10),
                    AddedBy = "hệ thống",
                };
        }
        else
        {
            item.TaskStatus = now == 0 ? ReportedTaskStatuses.NotStarted : ReportedTaskStatuses.InProgress;
            item.Percent = now;
        }
        return null;
    }

    /// <summary>Budget for the units that hold one, a training score, and now and then a recognised initiative.</summary>
    private void Inputs(ReportingPeriod period, IReadOnlyList<UnitReport> reports, Dictionary<Guid, OrgUnit> units, Random random)
    {
        foreach (var (report, index) in reports.Select((r, i) => (r, i)))
        {
            var at = Utc(period.CompileDueOn, 8);
            if (index % 3 == 0)
            {
                var allocated = 120_000_000m + index * 40_000_000m;
                db.BudgetEntries.Add(new BudgetEntry
                {
                    Id = Guid.NewGuid(),
                    CommuneId = period.CommuneId,
                    PlanId = period.PlanId,
                    PeriodId = period.Id,
                    UnitId = report.UnitId,
                    Allocated = allocated,
                    Disbursed = Math.Round(allocated * Math.Min(1m, period.Number / 12m * (0.7m + index % 4 * 0.1m)) / 1_000_000m) * 1_000_000m,
                    Source = "Sổ theo dõi giải ngân của Văn phòng HĐND và UBND xã",
                    EnteredBy = "thuongtruc",
                    EnteredAtUtc = at,
                    Version = Guid.NewGuid(),
                });
            }
            db.ScoreInputs.Add(new ScoreInput
            {
                Id = Guid.NewGuid(),
                CommuneId = period.CommuneId,
                PeriodId = period.Id,
                UnitId = report.UnitId,
                Code = "B5",
                Value = 2 + random.Next(0, 4),
                Basis = $"Tổ chức {1 + random.Next(0, 3)} buổi tuyên truyền, tập huấn trong tháng",
                EnteredBy = "thuongtruc",
                EnteredAtUtc = at,
                Version = Guid.NewGuid(),
            });
            if ((index + period.Number) % 11 == 3)
                db.ScoreInputs.Add(new ScoreInput
                {
                    Id = Guid.NewGuid(),
                    CommuneId = period.CommuneId,
                    PeriodId = period.Id,
                    UnitId = report.UnitId,
                    Code = "initiative",
                    Value = 1,
                    Basis = $"Sáng kiến \"Số hóa sổ theo dõi của {units[report.UnitId].Name}\" được Hội đồng sáng kiến xã công nhận",
                    EnteredBy = "thuongtruc",
                    EnteredAtUtc = at,
                    Version = Guid.NewGuid(),
                });
        }
    }

    /// <summary>A Vietnam day and hour as UTC (the demo's events happen at whole hours, Vietnam time).</summary>
    internal static DateTime Utc(DateOnly vietnamDay, int hour) => vietnamDay.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc).AddHours(-7);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo history seeded: {Months} periods, {Reports} verified reports in {Ms} ms")]
    private static partial void LogSeeded(ILogger logger, int months, int reports, long ms);
}
