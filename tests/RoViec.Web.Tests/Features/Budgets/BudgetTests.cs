using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data.Entities;
using RoViec.Domain.Scoring;
using RoViec.Web.Features.Budgets;
using RoViec.Web.Features.Scores;

namespace RoViec.Web.Tests;

/// <summary>
/// Money (issue 16): tasks are allocated money by source, disbursements are recorded month by month, and the rates read
/// by task, unit, plan, field and source come out as counted by hand; an information system whose security share is
/// below the commune's threshold is flagged; bad input is refused with nothing saved; the scores read the tasks' money.
/// </summary>
public sealed class BudgetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Money(Guid task) => $"/nhiem-vu/{task}/kinh-phi";

    private static string TaskPage(Guid task) => $"/nhiem-vu/{task}";

    /// <summary>The page's messages, for a failure to say why.</summary>
    private static string Alert(string html)
    {
        var at = html.IndexOf("role=\"alert\"", StringComparison.Ordinal);
        return at < 0 ? "" : WebUtility.HtmlDecode(html.Substring(at, Math.Min(600, html.Length - at)));
    }

    /// <summary>Two tasks the police lead and one another unit leads, of the plan in force, and the plan.</summary>
    private static Task<(Guid Police1, Guid Police2, Guid Other, Guid Plan)> TasksAsync(RoViecApp app) => app.WithDbAsync(async db =>
    {
        var plan = await db.Plans.Where(p => p.Status == PlanStatuses.Active).Select(p => p.Id).SingleAsync(Ct);
        var police = await db.Units.Where(u => u.Key == "cong-an").Select(u => u.Id).SingleAsync(Ct);
        var mine = await db.Tasks.Where(t => t.PlanId == plan && t.LeadUnitId == police).OrderBy(t => t.Order).Select(t => t.Id).Take(2).ToListAsync(Ct);
        var other = await db.Tasks.Where(t => t.PlanId == plan && t.LeadUnitId != null && t.LeadUnitId != police).OrderBy(t => t.Order).Select(t => t.Id).FirstAsync(Ct);
        return (mine[0], mine[1], other, plan);
    });

    private static async Task PostOkAsync(HttpClient client, Guid task, string handler, params (string, string)[] fields)
    {
        var response = await client.PostFormAsync(TaskPage(task), $"{Money(task)}?handler={handler}", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler} → {(int)response.StatusCode}: {Alert(await response.BodyAsync())}");
    }

    /// <summary>Allocates through the task page's form, with the fingerprint the form shows.</summary>
    private static async Task AllocateSeenAsync(HttpClient office, Guid task, string source, string amount)
    {
        var page = await office.GetStringAsync(new Uri(TaskPage(task), UriKind.Relative), Ct);
        var seen = FormPosts.InputValue(page, "Seen");
        var response = await office.PostTokenFormAsync(page, $"{Money(task)}?handler=Allocate", ("Source", source), ("Amount", amount), ("Seen", seen));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"allocate → {(int)response.StatusCode}");
    }

    private static async Task MarkAsync(HttpClient office, Guid task, string security)
    {
        var page = await office.GetStringAsync(new Uri(TaskPage(task), UriKind.Relative), Ct);
        var response = await office.PostTokenFormAsync(page, $"{Money(task)}?handler=InformationSystem",
            ("InformationSystem", "true"), ("Security", security), ("Seen", FormPosts.InputValue(page, "Seen")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Task DisburseAsync(HttpClient client, Guid task, string source, int month, string amount) =>
        PostOkAsync(client, task, "Disburse", ("Source", source), ("Month", month.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Amount", amount), ("Basis", $"Chứng từ số {month}/CT"));

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Rates_by_task_unit_plan_field_and_source_are_the_hand_counted_ones(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var (t1, t2, t3, plan) = await TasksAsync(app);
        await app.WithDbAsync(db => db.Plans.Where(p => p.Id == plan).ExecuteUpdateAsync(u => u.SetProperty(p => p.Field, "KHCN, ĐMST và CĐS"), Ct));
        using var office = await app.ClientAsync("thuongtruc");
        using var police = await app.ClientAsync("congan");

        // Thousands with dots and plain digits are both read.
        await AllocateSeenAsync(office, t1, BudgetSources.Commune, "100.000.000");
        await AllocateSeenAsync(office, t1, BudgetSources.Province, "50000000");
        await AllocateSeenAsync(office, t2, BudgetSources.Socialised, "20.000.000 đ");
        await AllocateSeenAsync(office, t3, BudgetSources.Commune, "40.000.000");
        await DisburseAsync(office, t1, BudgetSources.Commune, 3, "30.000.000");
        await DisburseAsync(police, t1, BudgetSources.Commune, 9, "20000000");
        await DisburseAsync(police, t1, BudgetSources.Province, 10, "10.000.000");
        await DisburseAsync(office, t2, BudgetSources.Socialised, 11, "5.000.000");
        await DisburseAsync(office, t3, BudgetSources.Commune, 6, "40.000.000");

        var (commune, policeUnit) = await app.WithDbAsync(async db => (await db.Plans.Where(p => p.Id == plan).Select(p => p.CommuneId).SingleAsync(Ct),
            await db.Units.Where(u => u.Key == "cong-an").Select(u => u.Name).SingleAsync(Ct)));
        var november = await app.WithDbAsync(db => BudgetFigures.ReadAsync(db, commune, [plan], null, 11, Ct));
        var september = await app.WithDbAsync(db => BudgetFigures.ReadAsync(db, commune, [plan], null, 9, Ct));

        // By hand, to the end of November: T1 60/150 = 40 %, T2 5/20 = 25 %, T3 40/40 = 100 %; the police 65/170 = 38.24 %;
        // the plan and its field 105/210 = 50 %; commune budget 90/140 = 64.29 %, province 10/50 = 20 %, socialised 5/20 = 25 %.
        var task = november.Tasks.ToDictionary(t => t.Id);
        Assert.Equal((150_000_000m, 60_000_000m, 40m), (task[t1].Allocated, task[t1].Disbursed, task[t1].Rate!.Value));
        Assert.Equal(25m, task[t2].Rate);
        Assert.Equal(100m, task[t3].Rate);
        var unit = november.ByUnit.Single(u => u.Label == policeUnit);
        Assert.Equal((170_000_000m, 65_000_000m, 38.24m), (unit.Allocated, unit.Disbursed, unit.Rate!.Value));
        Assert.Equal((210_000_000m, 105_000_000m, 50m), (november.ByPlan.Single().Allocated, november.ByPlan.Single().Disbursed, november.ByPlan.Single().Rate!.Value));
        Assert.Equal(("KHCN, ĐMST và CĐS", 50m), (november.ByField.Single().Label, november.ByField.Single().Rate!.Value));
        var source = november.BySource.ToDictionary(s => s.Label, s => s.Rate);
        Assert.Equal(64.29m, source[BudgetSources.Commune]);
        Assert.Equal(20m, source[BudgetSources.Province]);
        Assert.Equal(25m, source[BudgetSources.Socialised]);
        Assert.False(source.ContainsKey(BudgetSources.Other));
        // To the end of September: T1 50/150 = 33.33 %, T2 nothing yet, the plan 90/210 = 42.86 %.
        Assert.Equal(33.33m, september.Tasks.Single(t => t.Id == t1).Rate);
        Assert.Equal(0m, september.Tasks.Single(t => t.Id == t2).Rate);
        Assert.Equal(42.86m, september.ByPlan.Single().Rate);

        // The page says which plan it shows and the month's totals.
        var page = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri("/kinh-phi?thang=9", UriKind.Relative), Ct));
        var title = await app.WithDbAsync(db => db.Plans.Where(p => p.Id == plan).Select(p => p.Title).SingleAsync(Ct));
        Assert.Contains("Các kế hoạch đang thực hiện:", page, StringComparison.Ordinal);
        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.Contains("Tổng cộng: được giao 210.000.000 đồng, đã giải ngân 90.000.000 đồng đến hết tháng 9, tỷ lệ giải ngân 42,9%.", page, StringComparison.Ordinal);
        // The police see their own tasks only; the task page shows the lines and the payments.
        var theirs = WebUtility.HtmlDecode(await police.GetStringAsync(new Uri("/kinh-phi?thang=11", UriKind.Relative), Ct));
        Assert.Contains("Tổng cộng: được giao 170.000.000 đồng, đã giải ngân 65.000.000 đồng đến hết tháng 11, tỷ lệ giải ngân 38,2%.", theirs, StringComparison.Ordinal);
        var taskPage = WebUtility.HtmlDecode(await police.GetStringAsync(new Uri(TaskPage(t1), UriKind.Relative), Ct));
        Assert.Contains("id=\"giai-ngan\"", taskPage, StringComparison.Ordinal);
        Assert.Contains("Chứng từ số 9/CT", taskPage, StringComparison.Ordinal);
        Assert.Contains("id=\"form-giai-ngan\"", taskPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"form-giao-kinh-phi\"", taskPage, StringComparison.Ordinal);
        var one = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/kinh-phi?ke-hoach={plan}&thang=11", UriKind.Relative), Ct));
        Assert.Contains("Kế hoạch:", one, StringComparison.Ordinal);
        Assert.Contains("Tổng cộng: được giao 210.000.000 đồng, đã giải ngân 105.000.000 đồng đến hết tháng 11, tỷ lệ giải ngân 50%.", one, StringComparison.Ordinal);
        var month13 = await office.GetAsync(new Uri("/kinh-phi?thang=13", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, month13.StatusCode);
        Assert.Contains("Tháng phải là một số từ 1 đến 12.", WebUtility.HtmlDecode(await month13.BodyAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Information_systems_below_the_threshold_are_flagged_on_the_money_page_and_the_plan_page()
    {
        await using var app = new RoViecApp();
        var (t1, t2, _, plan) = await TasksAsync(app);
        using var office = await app.ClientAsync("thuongtruc");
        await AllocateSeenAsync(office, t1, BudgetSources.Commune, "100.000.000");
        await AllocateSeenAsync(office, t2, BudgetSources.Province, "20.000.000");
        await MarkAsync(office, t1, "10.000.000");
        await MarkAsync(office, t2, "4.000.000");

        // 10 % is below 15 %, 20 % is not.
        var page = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri("/kinh-phi", UriKind.Relative), Ct));
        var flagged = page[page.IndexOf("id=\"bang-duoi-nguong\"", StringComparison.Ordinal)..page.IndexOf("id=\"theo-ke-hoach\"", StringComparison.Ordinal)];
        Assert.Contains($"/nhiem-vu/{t1}#kinh-phi", flagged, StringComparison.Ordinal);
        Assert.DoesNotContain($"/nhiem-vu/{t2}#kinh-phi", flagged, StringComparison.Ordinal);
        Assert.Contains("Ngưỡng tối thiểu cho an toàn thông tin (mặc định 15 %): 15% tổng kinh phí của nhiệm vụ.", page, StringComparison.Ordinal);
        var planPage = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/ke-hoach/{plan}", UriKind.Relative), Ct));
        Assert.Contains("1 nhiệm vụ đầu tư hệ thống thông tin có kinh phí an toàn thông tin dưới ngưỡng tối thiểu (15%).", planPage, StringComparison.Ordinal);
        Assert.Contains($"/kinh-phi?ke-hoach={plan}#duoi-nguong", planPage, StringComparison.Ordinal);
        Assert.Contains("Dưới ngưỡng tối thiểu cho an toàn thông tin (15%).", WebUtility.HtmlDecode(await office.GetStringAsync(new Uri(TaskPage(t1), UriKind.Relative), Ct)), StringComparison.Ordinal);

        // The commune raises its threshold to 25 %: both are below it.
        var raised = await office.PostFormAsync("/kinh-phi", "/kinh-phi?handler=Threshold", ("Threshold", "25"), ("Version", FormPosts.InputValue(page, "Version")));
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        planPage = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/ke-hoach/{plan}", UriKind.Relative), Ct));
        Assert.Contains("2 nhiệm vụ đầu tư hệ thống thông tin có kinh phí an toàn thông tin dưới ngưỡng tối thiểu (25%).", planPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_its_message_and_nothing_is_saved()
    {
        await using var app = new RoViecApp();
        var (t1, _, _, _) = await TasksAsync(app);
        using var office = await app.ClientAsync("thuongtruc");
        await AllocateSeenAsync(office, t1, BudgetSources.Commune, "100.000.000");
        await DisburseAsync(office, t1, BudgetSources.Commune, 3, "80.000.000");
        await MarkAsync(office, t1, "20.000.000");
        var before = await SnapshotAsync(app);
        var page = await office.GetStringAsync(new Uri(TaskPage(t1), UriKind.Relative), Ct);
        var seen = FormPosts.InputValue(page, "Seen");
        (string Handler, (string, string)[] Fields, string Message)[] cases =
        [
            ("Disburse", [("Source", "Commune"), ("Month", "4"), ("Amount", "-5.000"), ("Basis", "CT 1")], "Số tiền không được âm."),
            ("Disburse", [("Source", "Commune"), ("Month", "4"), ("Amount", "năm triệu"), ("Basis", "CT 1")], "Số tiền phải là số đồng, viết liền hoặc có dấu chấm ngăn cách hàng nghìn, ví dụ 1.500.000."),
            ("Disburse", [("Source", "Commune"), ("Month", "4"), ("Amount", "1,5"), ("Basis", "CT 1")], "Số tiền phải là số đồng, viết liền hoặc có dấu chấm ngăn cách hàng nghìn, ví dụ 1.500.000."),
            ("Disburse", [("Source", "Ngân hàng"), ("Month", "4"), ("Amount", "1.000"), ("Basis", "CT 1")], "Nguồn kinh phí không hợp lệ: hãy chọn Ngân sách xã, Ngân sách tỉnh, Xã hội hóa hoặc Khác."),
            ("Disburse", [("Source", "Commune"), ("Month", "13"), ("Amount", "1.000"), ("Basis", "CT 1")], "Tháng phải là một số từ 1 đến 12."),
            ("Disburse", [("Source", "Commune"), ("Month", "0"), ("Amount", "1.000"), ("Basis", "CT 1")], "Tháng phải là một số từ 1 đến 12."),
            ("Disburse", [("Source", "Commune"), ("Month", "12"), ("Amount", "1.000"), ("Basis", "CT 1")], "Tháng 12/2026 chưa đến: chưa ghi được giải ngân cho tháng này."),
            ("Disburse", [("Source", "Commune"), ("Month", "4"), ("Amount", "30.000.000"), ("Basis", "CT 1")], "Tổng giải ngân từ nguồn Ngân sách xã sẽ là 110.000.000 đồng, vượt kinh phí được giao 100.000.000 đồng (đã giải ngân 80.000.000 đồng)."),
            ("Disburse", [("Source", "Province"), ("Month", "4"), ("Amount", "1.000"), ("Basis", "CT 1")], "Nhiệm vụ chưa được giao kinh phí từ nguồn Ngân sách tỉnh, nên chưa ghi được giải ngân từ nguồn này."),
            ("Disburse", [("Source", "Commune"), ("Month", "4"), ("Amount", "1.000"), ("Basis", " ")], "Hãy ghi căn cứ giải ngân (số, ngày của chứng từ hoặc quyết định)."),
            ("Allocate", [("Source", "Commune"), ("Amount", "-1"), ("Seen", seen)], "Số tiền không được âm."),
            ("Allocate", [("Source", "Ngân hàng"), ("Amount", "1.000"), ("Seen", seen)], "Nguồn kinh phí không hợp lệ: hãy chọn Ngân sách xã, Ngân sách tỉnh, Xã hội hóa hoặc Khác."),
            ("Allocate", [("Source", "Commune"), ("Amount", "50.000.000"), ("Seen", seen)], "Kinh phí giao từ nguồn Ngân sách xã không được thấp hơn số đã giải ngân (80.000.000 đồng)."),
            ("InformationSystem", [("InformationSystem", "true"), ("Security", "200.000.000"), ("Seen", seen)], "Kinh phí cho an toàn thông tin (200.000.000 đồng) vượt tổng kinh phí được giao của nhiệm vụ (100.000.000 đồng)."),
        ];
        foreach (var (handler, fields, message) in cases)
        {
            var response = await office.PostTokenFormAsync(page, $"{Money(t1)}?handler={handler}", fields);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{handler} {string.Join(", ", fields)} → {(int)response.StatusCode}");
            Assert.Contains(message, WebUtility.HtmlDecode(await response.BodyAsync()), StringComparison.Ordinal);
        }
        var threshold = await office.PostTokenFormAsync(page, "/kinh-phi?handler=Threshold", ("Threshold", "150"), ("Version", Guid.Empty.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, threshold.StatusCode);
        Assert.Contains("Ngưỡng phải là một tỷ lệ phần trăm từ 0 đến 100, ví dụ 15.", WebUtility.HtmlDecode(await threshold.BodyAsync()), StringComparison.Ordinal);
        // A form shown before someone else changed the allocation: 409.
        var stale = await office.PostTokenFormAsync(page, $"{Money(t1)}?handler=Allocate", ("Source", "Commune"), ("Amount", "120.000.000"), ("Seen", "cu"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Kinh phí của nhiệm vụ vừa được người khác thay đổi", WebUtility.HtmlDecode(await stale.BodyAsync()), StringComparison.Ordinal);

        Assert.Equal(before, await SnapshotAsync(app));
    }

    /// <summary>Every budget row as it stands.</summary>
    private static Task<string> SnapshotAsync(RoViecApp app) => app.WithDbAsync(async db =>
        string.Join(";", (await db.TaskBudgetLines.AsNoTracking().OrderBy(l => l.Source).Select(l => l.Source + "=" + l.Allocated + "@" + l.Version).ToListAsync(Ct))
            .Concat(await db.TaskDisbursements.AsNoTracking().OrderBy(d => d.Month).Select(d => d.Source + "/" + d.Month + "=" + d.Amount).ToListAsync(Ct))
            .Concat(await db.TaskInformationSystems.AsNoTracking().Select(s => "is=" + s.SecurityAllocated + "@" + s.Version).ToListAsync(Ct))
            .Concat(await db.BudgetSettings.AsNoTracking().Select(s => "t=" + s.SecurityThresholdPercent).ToListAsync(Ct))));

    [Fact]
    public async Task A_unit_records_disbursements_only_for_the_tasks_it_leads_and_its_head_not_at_all()
    {
        await using var app = new RoViecApp();
        var (t1, _, other, _) = await TasksAsync(app);
        using var office = await app.ClientAsync("thuongtruc");
        await AllocateSeenAsync(office, t1, BudgetSources.Commune, "10.000.000");
        await AllocateSeenAsync(office, other, BudgetSources.Commune, "10.000.000");
        using var police = await app.ClientAsync("congan");
        using var head = await app.ClientAsync("truongcongan");
        var form = await police.GetStringAsync(new Uri(TaskPage(t1), UriKind.Relative), Ct);
        (string, string)[] fields = [("Source", "Commune"), ("Month", "5"), ("Amount", "1.000.000"), ("Basis", "CT 5")];

        var foreign = await police.PostTokenFormAsync(form, $"{Money(other)}?handler=Disburse", fields);
        var allocate = await police.PostTokenFormAsync(form, $"{Money(t1)}?handler=Allocate", ("Source", "Commune"), ("Amount", "1"), ("Seen", FormPosts.InputValue(await office.GetStringAsync(new Uri(TaskPage(t1), UriKind.Relative), Ct), "Seen")));
        var byHead = await head.PostFormAsync(TaskPage(t1), $"{Money(t1)}?handler=Disburse", fields);

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, allocate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byHead.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.TaskDisbursements.CountAsync(Ct)));
        Assert.Equal(10_000_000m, await app.WithDbAsync(db => db.TaskBudgetLines.Where(l => l.TaskId == t1).Select(l => l.Allocated).SingleAsync(Ct)));
        var version = await app.WithDbAsync(db => db.TaskBudgetLines.Where(l => l.TaskId == t1).Select(l => l.Version).SingleAsync(Ct));
        var own = await police.PostTokenFormAsync(form, $"{Money(t1)}?handler=Disburse", fields);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        // The source's line changed version with the disbursement: another recorded at the same moment would conflict.
        Assert.NotEqual(version, await app.WithDbAsync(db => db.TaskBudgetLines.Where(l => l.TaskId == t1).Select(l => l.Version).SingleAsync(Ct)));
        var row = await app.WithDbAsync(db => db.TaskDisbursements.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(("congan", 2026, 5, 1_000_000m, "CT 5"), (row.RecordedBy, row.Year, row.Month, row.Amount, row.Basis));
    }

    [Fact]
    public async Task The_disbursement_measure_reads_the_tasks_the_unit_leads_unless_a_figure_was_typed_for_the_month()
    {
        await using var app = new RoViecApp();
        var (t1, t2, _, _) = await TasksAsync(app);
        var (periodId, _, _) = await app.OpenMonthAsync(10);
        using var office = await app.ClientAsync("thuongtruc");
        await AllocateSeenAsync(office, t1, BudgetSources.Commune, "100.000.000");
        await AllocateSeenAsync(office, t2, BudgetSources.Province, "60.000.000");
        await DisburseAsync(office, t1, BudgetSources.Commune, 4, "30.000.000");
        await DisburseAsync(office, t2, BudgetSources.Province, 10, "18.000.000");
        // November's money is after October's end: not counted for October.
        await DisburseAsync(office, t1, BudgetSources.Commune, 11, "50.000.000");
        var police = await app.UnitIdAsync("cong-an");

        async Task<MeasureValue> MeasureAsync() => await app.WithDbAsync(async db =>
        {
            var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == periodId, Ct);
            var facts = await UnitMeasures.ForPeriodAsync(db, period, period.EndsOn, false, Ct);
            return facts.Single(f => f.UnitId == police).Measures[Measures.BudgetDisbursed];
        });

        // (30 + 18) / (100 + 60) = 30 %.
        var read = await MeasureAsync();
        Assert.Equal(30m, read.Value);
        Assert.Contains("48.000.000/160.000.000", read.Data, StringComparison.Ordinal);

        // A figure the office typed for the police and October takes precedence.
        await app.WithDbAsync(async db =>
        {
            var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == periodId, Ct);
            db.BudgetEntries.Add(new BudgetEntry { Id = Guid.NewGuid(), CommuneId = period.CommuneId, PlanId = period.PlanId, PeriodId = period.Id, UnitId = police, Allocated = 200m, Disbursed = 170m, EnteredAtUtc = app.UtcNow, Version = Guid.NewGuid() });
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(85m, (await MeasureAsync()).Value);
    }

    [Fact]
    public async Task Refusals_follow_the_language_toggle_with_the_source_named_in_english()
    {
        await using var app = new RoViecApp();
        var (t1, _, _, _) = await TasksAsync(app);
        using var office = await app.ClientAsync("thuongtruc");
        await AllocateSeenAsync(office, t1, BudgetSources.Province, "10.000.000");
        await office.GetAsync(new Uri("/ngon-ngu?culture=en&returnUrl=%2F", UriKind.Relative), Ct);

        var over = await office.PostFormAsync(TaskPage(t1), $"{Money(t1)}?handler=Disburse", ("Source", "Province"), ("Month", "2"), ("Amount", "12.000.000"), ("Basis", "CT 2"));

        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Contains("Disbursements from Province budget would total 12,000,000 VND", WebUtility.HtmlDecode(await over.BodyAsync()), StringComparison.Ordinal);
    }

    /// <summary>
    /// Without figures typed per unit, the month's snapshot (dashboard tile, official report) counts the tasks' own money up to
    /// the month's end: allocated 40 + 60 million, disbursed 10 (October) + 20 (November) + 5 (December, not yet counted).
    /// </summary>
    [Fact]
    public async Task The_month_figures_count_the_tasks_money_when_nothing_was_typed_per_unit()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 10), 10) };
        var (november, _, _) = await app.OpenMonthAsync(11);
        var figures = await app.WithDbAsync(async db =>
        {
            var tasks = await db.Tasks.OrderBy(t => t.Order).Take(2).ToListAsync(Ct);
            var at = app.UtcNow;
            foreach (var (task, allocated) in tasks.Zip(new[] { 40_000_000m, 60_000_000m }))
                db.TaskBudgetLines.Add(new TaskBudgetLine { Id = Guid.NewGuid(), CommuneId = task.CommuneId, TaskId = task.Id, Source = BudgetSources.Commune, Allocated = allocated, EnteredAtUtc = at, Version = Guid.NewGuid() });
            foreach (var (month, amount) in new[] { (10, 10_000_000m), (11, 20_000_000m), (12, 5_000_000m) })
                db.TaskDisbursements.Add(new TaskDisbursement
                {
                    Id = Guid.NewGuid(),
                    CommuneId = tasks[0].CommuneId,
                    TaskId = tasks[month == 11 ? 1 : 0].Id,
                    Source = BudgetSources.Commune,
                    Year = 2026,
                    Month = month,
                    Amount = amount,
                    Basis = "Chứng từ chi",
                    RecordedBy = "thuongtruc",
                    RecordedAtUtc = at,
                });
            await db.SaveChangesAsync(Ct);
            Assert.Equal(0, await db.BudgetEntries.CountAsync(Ct));
            var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == november, Ct);
            return await RoViec.Web.Features.Figures.PeriodSnapshots.BuildAsync(db, period, app.Services.GetRequiredService<TimeProvider>(), "kiểm thử", null, Ct);
        });
        Assert.Equal((100_000_000m, 30_000_000m, 30m), (figures.BudgetAllocated, figures.BudgetDisbursed, figures.BudgetShare!.Value));
    }
}
