using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using RoViec.Data.Entities;
using RoViec.Web.Features.Proposals;

namespace RoViec.Web.Tests;

/// <summary>
/// Next year's proposals (issue 16): each unit sends its tasks, indicators and budget for next year by the commune's
/// due day (30/11 by default); the standing office compiles them, accepts or declines each line, and puts accepted ones
/// into next year's plan. On 24/11/2026 the demo has the culture office's proposal sent, the service centre's sent and
/// the police's in draft.
/// </summary>
public sealed class ProposalTests
{
    private const string UnitPage = "/de-xuat-nam-sau";
    private const string Compiled = "/de-xuat-nam-sau/tong-hop";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task A_unit_submits_its_proposal_and_the_standing_office_sees_it_compiled(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var police = await app.UnitIdAsync("cong-an");
        using var reporter = await app.ClientAsync("congan");
        var page = WebUtility.HtmlDecode(await reporter.GetStringAsync(new Uri(UnitPage, UriKind.Relative), Ct));
        Assert.Contains("Đề xuất nhiệm vụ, chỉ tiêu năm 2027", page, StringComparison.Ordinal);
        Assert.Contains("Đang soạn", page, StringComparison.Ordinal);
        var before = await ProposalAsync(app, police);
        Assert.Equal(2, before.Items.Count);

        var sent = await reporter.PostFormAsync(UnitPage, UnitPage + "?handler=Submit", With(page,
            ("Rows[0].Kind", ProposalItemKinds.Task), ("Rows[0].Name", "Xây dựng mô hình camera an ninh ở thôn"), ("Rows[0].Output", "Mô hình được nghiệm thu"),
            ("Rows[0].Deadline", "Quý II/2027"), ("Rows[0].Budget", "1.500.000"), ("Rows[0].Note", "Theo đề nghị của nhân dân")));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var after = await ProposalAsync(app, police);
        Assert.Equal((ProposalStates.Submitted, new DateOnly(2026, 11, 24), "congan"), (after.State, after.SubmittedOn!.Value, after.SubmittedBy!));
        var added = Assert.Single(after.Items, i => i.Name == "Xây dựng mô hình camera an ninh ở thôn");
        Assert.Equal((1_500_000m, "Quý II/2027", "Mô hình được nghiệm thu", ProposalDecisions.Pending), (added.Budget!.Value, added.Deadline!, added.Output!, added.Decision));
        Assert.Equal(3, after.Items.Count);
        var officeId = await app.UserIdAsync("thuongtruc");
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == officeId && n.Link == Compiled, Ct)), "the standing office is told");

        // Read-only for the unit now: another save is refused and nothing changes.
        var again = await reporter.PostFormAsync(UnitPage, UnitPage + "?handler=Save", ("Version", after.Version.ToString()), ("Rows[0].Kind", ProposalItemKinds.Task), ("Rows[0].Name", "Thêm"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(3, (await ProposalAsync(app, police)).Items.Count);

        using var office = await app.ClientAsync("thuongtruc");
        var compiled = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri(Compiled, UriKind.Relative), Ct));
        var row = Row(compiled, police);
        Assert.Contains("Đã gửi đúng hạn", row, StringComparison.Ordinal);
        Assert.Contains("24/11/2026", row, StringComparison.Ordinal);
        Assert.Contains("Xây dựng mô hình camera an ninh ở thôn", compiled, StringComparison.Ordinal);
        var total = (await app.WithDbAsync(db => db.ProposalItems.Where(i => db.YearProposals.Any(p => p.Id == i.ProposalId && p.State == ProposalStates.Submitted)).Select(i => i.Budget).ToListAsync(Ct))).Sum() ?? 0;
        Assert.Contains($"id=\"tong-kinh-phi\">{total.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} · ", compiled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_lines_are_refused_line_by_line_and_nothing_is_saved()
    {
        await using var app = new RoViecApp();
        var police = await app.UnitIdAsync("cong-an");
        using var reporter = await app.ClientAsync("congan");
        var page = await reporter.GetStringAsync(new Uri(UnitPage, UriKind.Relative), Ct);
        var before = await ProposalAsync(app, police);

        var bad = await reporter.PostFormAsync(UnitPage, UnitPage + "?handler=Submit", With(page,
            ("Rows[0].Kind", ProposalItemKinds.Task), ("Rows[0].Name", "Một dòng đúng"), ("Rows[0].Budget", "2.000.000"),
            ("Rows[1].Kind", ProposalItemKinds.Task), ("Rows[1].Name", "  "), ("Rows[1].Budget", "hai triệu"),
            ("Rows[2].Kind", ProposalItemKinds.Task), ("Rows[2].Name", "Kinh phí âm"), ("Rows[2].Budget", "-500.000"),
            ("Rows[3].Kind", "Bogus"), ("Rows[3].Name", "Loại lạ"),
            ("Rows[4].Kind", ProposalItemKinds.Task), ("Rows[4].Name", new string('x', EditProposal.MaxName + 1))));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = WebUtility.HtmlDecode(await bad.BodyAsync());
        Assert.Contains("Dòng 2: hãy ghi nội dung nhiệm vụ hoặc tên chỉ tiêu.", body, StringComparison.Ordinal);
        Assert.Contains("Dòng 2: kinh phí “hai triệu” không phải là một số tiền; hãy ghi số đồng, ví dụ 1.500.000.", body, StringComparison.Ordinal);
        Assert.Contains("Dòng 3: kinh phí không được âm.", body, StringComparison.Ordinal);
        Assert.Contains("Dòng 4: loại “Bogus” không có; hãy chọn “Nhiệm vụ” hoặc “Chỉ tiêu”.", body, StringComparison.Ordinal);
        Assert.Contains("Dòng 5: nội dung dài quá 2.000 ký tự.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Dòng 1:", body, StringComparison.Ordinal);
        var after = await ProposalAsync(app, police);
        Assert.Equal((ProposalStates.Draft, before.Version), (after.State, after.Version));
        Assert.Equal(before.Items.Select(i => i.Name).Order(), after.Items.Select(i => i.Name).Order());

        // A unit with nothing proposed cannot submit an empty proposal; no proposal is created.
        var ubnd = await app.UnitIdAsync("ubnd");
        await app.UserAsync("ubndbaocao", Roles.UnitReporter, await app.WithDbAsync(db => db.Units.Where(u => u.Id == ubnd).Select(u => u.CommuneId).SingleAsync(Ct)), unitId: ubnd);
        using var other = await app.ClientAsync("ubndbaocao");
        var empty = await other.PostFormAsync(UnitPage, UnitPage + "?handler=Submit", ("Rows[0].Kind", ProposalItemKinds.Task), ("Rows[0].Name", ""));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Đề xuất chưa có nhiệm vụ hoặc chỉ tiêu nào; hãy thêm ít nhất một dòng rồi gửi.", WebUtility.HtmlDecode(await empty.BodyAsync()), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.YearProposals.AnyAsync(p => p.UnitId == ubnd, Ct)));
    }

    [Theory]
    [InlineData("1.500.000", 1_500_000)]
    [InlineData("1500000", 1_500_000)]
    [InlineData("1 500 000 đồng", 1_500_000)]
    [InlineData("2,000,000 VND", 2_000_000)]
    [InlineData("0", 0)]
    [InlineData("-200.000", -200_000)]
    public void Budgets_read_as_people_write_them(string text, long expected) =>
        Assert.Equal(expected, EditProposal.ReadBudget(text));

    [Theory]
    [InlineData("1,5")]
    [InlineData("1.50.000")]
    [InlineData("hai triệu")]
    [InlineData("1.500.000,50")]
    public void Not_an_amount_is_not_read(string text) => Assert.Null(EditProposal.ReadBudget(text));

    [Fact]
    public async Task A_unit_cannot_touch_another_units_proposal()
    {
        await using var app = new RoViecApp();
        var culture = await app.UnitIdAsync("phong-van-hoa-xa-hoi");
        var theirs = await ProposalAsync(app, culture);
        using var reporter = await app.ClientAsync("congan");

        using var look = await reporter.GetAsync(new Uri($"{UnitPage}/{culture}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, look.StatusCode);
        var post = await reporter.PostFormAsync(UnitPage, $"{UnitPage}/{culture}?handler=Save", ("Rows[0].Kind", ProposalItemKinds.Task), ("Rows[0].Name", "Chen vào"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        // Their line's id sent from the police's own page.
        var page = await reporter.GetStringAsync(new Uri(UnitPage, UriKind.Relative), Ct);
        var smuggled = await reporter.PostFormAsync(UnitPage, UnitPage + "?handler=Save", With(page,
            ("Rows[0].Id", theirs.Items[0].Id.ToString()), ("Rows[0].Kind", ProposalItemKinds.Task), ("Rows[0].Name", "Đổi nội dung của đơn vị khác")));
        Assert.Equal(HttpStatusCode.Forbidden, smuggled.StatusCode);
        var unchanged = await ProposalAsync(app, culture);
        Assert.Equal(theirs.Items.Select(i => i.Name), unchanged.Items.Select(i => i.Name));
        Assert.Equal(theirs.Version, unchanged.Version);
        // The standing office reads any unit's; a unit head reads its own and writes nothing.
        using var office = await app.ClientAsync("thuongtruc");
        Assert.Contains(theirs.Items[0].Name, WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"{UnitPage}/{culture}", UriKind.Relative), Ct)), StringComparison.Ordinal);
        using var head = await app.ClientAsync("truongcongan");
        var headPage = await head.GetStringAsync(new Uri(UnitPage, UriKind.Relative), Ct);
        Assert.DoesNotContain("handler=Submit", headPage, StringComparison.Ordinal);
        var headPost = await head.PostFormAsync(UnitPage, UnitPage + "?handler=Save", ("Rows[0].Kind", ProposalItemKinds.Task), ("Rows[0].Name", "Thủ trưởng ghi"));
        Assert.Equal(HttpStatusCode.Forbidden, headPost.StatusCode);
    }

    [Fact]
    public async Task A_proposal_sent_after_the_due_day_is_marked_late_and_the_due_day_is_the_communes()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 3), 10) };
        var police = await app.UnitIdAsync("cong-an");
        using var reporter = await app.ClientAsync("congan");
        var page = await reporter.GetStringAsync(new Uri(UnitPage, UriKind.Relative), Ct);

        var sent = await reporter.PostFormAsync(UnitPage, UnitPage + "?handler=Submit", With(page));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var notice = WebUtility.HtmlDecode(await reporter.GetStringAsync(new Uri(UnitPage, UriKind.Relative), Ct));
        Assert.Contains("Đã gửi đề xuất năm 2027 sau hạn 30/11/2026: đề xuất được ghi là nộp muộn.", notice, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 12, 3), (await ProposalAsync(app, police)).SubmittedOn);
        using var office = await app.ClientAsync("thuongtruc");
        Assert.Contains("Gửi muộn", Row(WebUtility.HtmlDecode(await office.GetStringAsync(new Uri(Compiled, UriKind.Relative), Ct)), police), StringComparison.Ordinal);

        // The commune's due day is its own: a day that is not one is refused, then 05/12 makes the police on time.
        var wrong = await office.PostFormAsync(Compiled, Compiled + "?handler=Due", ("due", "31/02"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var moved = await office.PostFormAsync(Compiled, Compiled + "?handler=Due", ("due", "05/12"));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var compiled = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri(Compiled, UriKind.Relative), Ct));
        Assert.Contains("Hạn gửi đề xuất: 05/12/2026.", compiled, StringComparison.Ordinal);
        Assert.Contains("Đã gửi đúng hạn", Row(compiled, police), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Declining_needs_a_reason_and_an_accepted_line_becomes_a_task_of_next_years_plan(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var culture = await app.UnitIdAsync("phong-van-hoa-xa-hoi");
        var proposal = await ProposalAsync(app, culture);
        var task = proposal.Items.First(i => i.Kind == ProposalItemKinds.Task && i.Deadline == "Quý III/2027");
        var indicator = proposal.Items.First(i => i.Kind == ProposalItemKinds.Indicator);
        var other = proposal.Items.First(i => i.Id != task.Id && i.Id != indicator.Id);
        using var office = await app.ClientAsync("thuongtruc");

        var bare = await office.PostFormAsync(Compiled, Compiled + "?handler=Decline", ("itemId", other.Id.ToString()), ("reason", " "));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("Hãy ghi lý do không chấp nhận, để đơn vị biết vì sao.", WebUtility.HtmlDecode(await bare.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(ProposalDecisions.Pending, (await ItemAsync(app, other.Id)).Decision);
        var declined = await office.PostFormAsync(Compiled, Compiled + "?handler=Decline", ("itemId", other.Id.ToString()), ("reason", "Trùng nhiệm vụ của huyện"));
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal((ProposalDecisions.Declined, "Trùng nhiệm vụ của huyện"), ((await ItemAsync(app, other.Id)).Decision, (await ItemAsync(app, other.Id)).DeclineReason));

        foreach (var item in new[] { task, indicator })
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync(Compiled, Compiled + "?handler=Accept", ("itemId", item.Id.ToString()))).StatusCode);
        // No plan of 2027 yet: the accepted lines wait for it.
        var waiting = await office.GetStringAsync(new Uri(Compiled, UriKind.Relative), Ct);
        Assert.Contains("id=\"cho-ke-hoach\"", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=AddToPlan", waiting, StringComparison.Ordinal);
        var early = await office.PostFormAsync(Compiled, Compiled + "?handler=AddToPlan", ("itemId", task.Id.ToString()));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        var plan = await NextYearPlanAsync(app);
        var page = await office.GetStringAsync(new Uri(Compiled, UriKind.Relative), Ct);
        Assert.Contains("Đưa vào kế hoạch năm 2027", page, StringComparison.Ordinal);
        foreach (var item in new[] { task, indicator })
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync(Compiled, Compiled + "?handler=AddToPlan", ("itemId", item.Id.ToString()))).StatusCode);

        var linked = await ItemAsync(app, task.Id);
        var row = await app.WithDbAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == linked.TaskId, Ct));
        Assert.Equal((plan, TaskSources.Proposed, culture, task.Name, task.Output), (row.PlanId, row.Source, row.LeadUnitId!.Value, row.Name, row.Output));
        Assert.Equal(("Quý III/2027", new DateOnly(2027, 9, 30)), (row.DeadlineRaw!, row.DeadlineDue!.Value));
        var measured = await app.WithDbAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Id == db.ProposalItems.Where(p => p.Id == indicator.Id).Select(p => p.IndicatorId).Single(), Ct));
        Assert.Equal((plan, culture, 80m, "%"), (measured.PlanId, measured.OwnerUnitId!.Value, measured.TargetValue, measured.TargetUnit));
        // Once in the plan: not added twice, not declined afterwards.
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostFormAsync(Compiled, Compiled + "?handler=AddToPlan", ("itemId", task.Id.ToString()))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostFormAsync(Compiled, Compiled + "?handler=Decline", ("itemId", task.Id.ToString()), ("reason", "Đổi ý"))).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Tasks.CountAsync(t => t.PlanId == plan && t.Source == TaskSources.Proposed, Ct)));
        Assert.Contains($"href=\"/nhiem-vu/{row.Id}\"", await office.GetStringAsync(new Uri(Compiled, UriKind.Relative), Ct), StringComparison.Ordinal);

        // A chair reads the compiled page and decides nothing.
        using var chair = await app.ClientAsync("truongban");
        Assert.DoesNotContain("handler=Accept", await chair.GetStringAsync(new Uri(Compiled, UriKind.Relative), Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.PostFormAsync(Compiled, Compiled + "?handler=Accept", ("itemId", other.Id.ToString()))).StatusCode);
    }

    [Fact]
    public async Task A_returned_proposal_is_the_units_to_change_again()
    {
        await using var app = new RoViecApp();
        var culture = await app.UnitIdAsync("phong-van-hoa-xa-hoi");
        var proposal = await ProposalAsync(app, culture);
        using var office = await app.ClientAsync("thuongtruc");
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync(Compiled, Compiled + "?handler=Accept", ("itemId", proposal.Items[0].Id.ToString()))).StatusCode);

        var bare = await office.PostFormAsync(Compiled, Compiled + "?handler=Return", ("proposalId", proposal.Id.ToString()), ("note", ""));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(ProposalStates.Submitted, (await ProposalAsync(app, culture)).State);
        var returned = await office.PostFormAsync(Compiled, Compiled + "?handler=Return", ("proposalId", proposal.Id.ToString()), ("note", "Bổ sung dự toán chi tiết"));

        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var after = await ProposalAsync(app, culture);
        Assert.Equal((ProposalStates.Draft, "Bổ sung dự toán chi tiết"), (after.State, after.ReturnNote!));
        Assert.All(after.Items, i => Assert.Equal(ProposalDecisions.Pending, i.Decision));
        using var reporter = await app.ClientAsync("vhxh");
        var page = await reporter.GetStringAsync(new Uri(UnitPage, UriKind.Relative), Ct);
        Assert.Contains("Bổ sung dự toán chi tiết", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var edited = await reporter.PostFormAsync(UnitPage, UnitPage + "?handler=Submit", With(page,
            ("Rows[0].Id", after.Items[0].Id.ToString()), ("Rows[0].Kind", ProposalItemKinds.Task), ("Rows[0].Name", after.Items[0].Name), ("Rows[0].Budget", "95.000.000")));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var again = await ProposalAsync(app, culture);
        Assert.Equal((ProposalStates.Submitted, 95_000_000m), (again.State, again.Items[0].Budget!.Value));
    }

    [Fact]
    public async Task Units_that_have_not_sent_are_reminded_in_the_week_before_the_due_day()
    {
        await using var app = new RoViecApp();
        var congan = await app.UserIdAsync("congan");
        var vhxh = await app.UserIdAsync("vhxh");
        var communeId = await app.WithDbAsync(db => db.Communes.Select(c => c.Id).SingleAsync(Ct));

        async Task<IReadOnlyList<RoViec.Web.Features.Notifications.NoticeDraft>> On(DateOnly day) => await app.WithDbAsync(async db =>
            await ProposalNotices.RemindersAsync(db, communeId, await RoViec.Web.Features.Notifications.Recipients.LoadAsync(db, communeId, Ct), day, Ct));

        Assert.Empty(await On(new DateOnly(2026, 11, 22)));
        var due = await On(new DateOnly(2026, 11, 24));
        // The police's proposal is a draft: its reporter is reminded; the culture office sent its own.
        var police = Assert.Single(due, d => d.UserId == congan);
        Assert.Equal((NoticeKinds.DueSoon, "/de-xuat-nam-sau"), (police.Kind, police.Link!));
        Assert.Contains("30/11/2026", police.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(due, d => d.UserId == vhxh);
        Assert.Empty(await On(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public async Task The_workbook_is_the_draft_of_next_years_plan()
    {
        await using var app = new RoViecApp();
        // The demo in late November: two units have sent their proposals for 2027, the police are writing theirs.
        var states = await app.WithDbAsync(db => db.YearProposals.Where(p => p.Year == 2027).Select(p => p.State).ToListAsync(Ct));
        Assert.Equal([ProposalStates.Draft, ProposalStates.Submitted, ProposalStates.Submitted], states.Order());
        var culture = await app.UnitIdAsync("phong-van-hoa-xa-hoi");
        var proposal = await ProposalAsync(app, culture);
        var cultureName = await app.WithDbAsync(db => db.Units.Where(u => u.Id == culture).Select(u => u.Name).SingleAsync(Ct));
        using var office = await app.ClientAsync("thuongtruc");
        var declined = proposal.Items[1];
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync(Compiled, Compiled + "?handler=Decline", ("itemId", declined.Id.ToString()), ("reason", "Chưa cần thiết"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync(Compiled, Compiled + "?handler=Accept", ("itemId", proposal.Items[0].Id.ToString()))).StatusCode);

        using var response = await office.GetAsync(new Uri(Compiled + "?handler=Excel", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("du-thao-ke-hoach-2027.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["STT", "Nội dung", "Đơn vị chủ trì", "Sản phẩm", "Thời hạn", "Kinh phí đề xuất", "Trạng thái"], rows[0].Keys);
        var submitted = await app.WithDbAsync(db => db.ProposalItems.CountAsync(i => i.Decision != ProposalDecisions.Declined && db.YearProposals.Any(p => p.Id == i.ProposalId && p.State == ProposalStates.Submitted), Ct));
        Assert.Equal(submitted, rows.Count);
        var first = Assert.Single(rows, r => (string?)r["Nội dung"] == proposal.Items[0].Name);
        Assert.Equal((cultureName, proposal.Items[0].Output, proposal.Items[0].Deadline, "Đã chấp nhận"), ((string?)first["Đơn vị chủ trì"], (string?)first["Sản phẩm"], (string?)first["Thời hạn"], (string?)first["Trạng thái"]));
        Assert.Equal(proposal.Items[0].Budget, Convert.ToDecimal(first["Kinh phí đề xuất"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(rows, r => (string?)r["Nội dung"] == declined.Name);
        // Drafts are not compiled.
        var draft = await ProposalAsync(app, await app.UnitIdAsync("cong-an"));
        Assert.DoesNotContain(rows, r => (string?)r["Nội dung"] == draft.Items[0].Name);
    }

    private static (string, string)[] With(string page, params (string, string)[] fields) =>
        [("Version", FormPosts.InputValue(page, "Version")), .. fields];

    private static Task<YearProposal> ProposalAsync(RoViecApp app, Guid unit) =>
        app.WithDbAsync(async db =>
        {
            var p = await db.YearProposals.AsNoTracking().Include(x => x.Items).SingleAsync(x => x.UnitId == unit && x.Year == 2027, Ct);
            var items = p.Items.OrderBy(i => i.Order).ToList();
            p.Items.Clear();
            p.Items.AddRange(items);
            return p;
        });

    private static Task<ProposalItem> ItemAsync(RoViecApp app, Guid id) =>
        app.WithDbAsync(db => db.ProposalItems.AsNoTracking().SingleAsync(i => i.Id == id, Ct));

    /// <summary>The commune's work programme of 2027, confirmed beside this year's (as the standing office would by December).</summary>
    private static Task<Guid> NextYearPlanAsync(RoViecApp app) =>
        app.WithDbAsync(async db =>
        {
            var current = await db.Plans.AsNoTracking().FirstAsync(p => p.Status == PlanStatuses.Active && p.Rhythm == PlanRhythms.Monthly && p.ReportsWithPlanId == null, Ct);
            var plan = new Plan
            {
                Id = Guid.NewGuid(),
                CommuneId = current.CommuneId,
                Kind = current.Kind,
                Title = "Chương trình công tác năm 2027",
                Year = 2027,
                Status = PlanStatuses.Active,
                ConfirmedAtUtc = app.UtcNow,
                ConfirmedBy = "thuongtruc",
                SourceFileName = "ctr-2027.txt",
                Source = new PlanSource { Text = "" },
                ImportedAtUtc = app.UtcNow,
            };
            db.Plans.Add(plan);
            await db.SaveChangesAsync(Ct);
            return plan.Id;
        });

    /// <summary>The compiled page's row of one unit.</summary>
    private static string Row(string html, Guid unit)
    {
        var start = html.IndexOf($"data-unit=\"{unit}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the unit's row");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
