using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Web.Features.Figures;
using RoViec.Web.Features.Periods;
using RoViec.Web.Features.Scheduling;

namespace RoViec.Web.Tests;

/// <summary>
/// Amending a plan in force (issue 16, "Plans that change"): the standing office stops a task or adds one, each with a
/// reason and the deciding document. A stopped task keeps its history, ends "đã dừng" (not failed, never overdue), leaves
/// the reports still being written and the key-task share; an added task enters the open month's reports. Bad input is
/// 400 with the reason in Vietnamese and nothing saved; a unit cannot amend; a task already stopped is no longer offered.
/// </summary>
public sealed class AmendmentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Document = "Quyết định số 12/QĐ-UBND ngày 01/12/2026";

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task A_task_is_stopped_and_another_added_with_reason_and_document_and_bad_input_changes_nothing(string provider)
    {
        await using var on = AppOn.Create(provider, clock: new TestClock(new DateOnly(2026, 12, 10), 10));
        var app = on.App;
        var police = await app.UnitIdAsync("cong-an");
        var (december, _, reports) = await app.OpenMonthAsync(12);
        var policeReport = reports.Single(r => r.Value == police).Key;
        var (planId, stopped) = await app.WithDbAsync(async db =>
        {
            var line = await db.ReportItems.Where(i => i.ReportId == policeReport && i.Kind == ReportItemKinds.Task).OrderBy(i => i.Order).FirstAsync(Ct);
            var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == line.TaskId, Ct);
            // A key task, overdue by now: stopping it must take it out of the troubled list and the key-task share.
            await db.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(u => u
                .SetProperty(t => t.Priority, true).SetProperty(t => t.DeadlineDue, new DateOnly(2026, 11, 30)).SetProperty(t => t.DeadlineKind, "Date"), Ct);
            return (task.PlanId, task);
        });
        var page = $"/ke-hoach/{planId}/dieu-chinh";
        var close = page + "?handler=Close";

        // A unit's reporter cannot amend the plan.
        using var reporter = await app.SignedInClientAsync("congan");
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync(new Uri(page, UriKind.Relative), Ct)).StatusCode);

        // Bad input: each field's reason, nothing saved.
        using var office = await app.SignedInClientAsync("thuongtruc");
        var bad = await office.PostFormAsync(page, close, ("TaskId", stopped.Id.ToString()), ("Reason", " "), ("Document", ""), ("EffectiveOn", "31/02/2026"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Hãy ghi lý do điều chỉnh.", badHtml, StringComparison.Ordinal);
        Assert.Contains("Hãy ghi văn bản quyết định việc điều chỉnh", badHtml, StringComparison.Ordinal);
        Assert.Contains("Ngày dừng “31/02/2026” không đọc được", badHtml, StringComparison.Ordinal);
        var future = await office.PostFormAsync(page, close, ("TaskId", stopped.Id.ToString()), ("Reason", "Không còn phù hợp"), ("Document", Document), ("EffectiveOn", "11/12/2026"));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("Ngày dừng không được sau hôm nay (10/12/2026).", WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal((null, 0), await app.WithDbAsync(async db =>
            ((await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == stopped.Id, Ct)).ClosedOn, await db.PlanAmendments.CountAsync(Ct))));

        // Stopped from the 1st: ended, not overdue; its line leaves the police's draft; its history stays.
        var done = await office.PostFormAsync(page, close, ("TaskId", stopped.Id.ToString()), ("Reason", "Tỉnh đã giao nhiệm vụ cho cơ quan khác"), ("Document", Document), ("EffectiveOn", "01/12/2026"));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.EndsWith(page, done.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var (closedOn, amendment, lines, health) = await app.WithDbAsync(async db => (
            (await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == stopped.Id, Ct)).ClosedOn,
            await db.PlanAmendments.AsNoTracking().SingleAsync(Ct),
            await db.ReportItems.CountAsync(i => i.ReportId == policeReport && i.TaskId == stopped.Id, Ct),
            (await PlanHealth.ComputeAsync(db, planId, new DateOnly(2026, 12, 10), Ct))[stopped.Id]));
        Assert.Equal(new DateOnly(2026, 12, 1), closedOn);
        Assert.Equal((AmendmentKinds.Closed, Document, "thuongtruc"), (amendment.Kind, amendment.Document, amendment.By));
        Assert.Equal(0, lines);
        Assert.Equal(TaskHealth.Closed, health);
        var taskPage = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/nhiem-vu/{stopped.Id}", UriKind.Relative), Ct));
        Assert.Contains("id=\"dieu-chinh-dung\"", taskPage, StringComparison.Ordinal);
        Assert.Contains(Document, taskPage, StringComparison.Ordinal);
        Assert.Contains("Đã dừng (điều chỉnh kế hoạch)", taskPage, StringComparison.Ordinal);
        var figures = await app.WithDbAsync(async db =>
        {
            var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == december, Ct);
            await PeriodSnapshots.MarkStaleAsync(db, december, Ct);
            return await PeriodSnapshots.ReadAsync(db, period, app.Services.GetRequiredService<TimeProvider>(), Ct);
        });
        Assert.Equal(TaskHealth.Closed, figures.Tasks.Single(t => t.Id == stopped.Id).Health);
        Assert.DoesNotContain(figures.Report.Troubled, t => t.Name == stopped.Name);
        Assert.Equal(figures.Tasks.Count(t => t.Priority && t.Health != TaskHealth.Closed), figures.Report.KeyTaskTotal);

        // Stopped twice: 409, one amendment still.
        var again = await office.PostAsync(new Uri(close, UriKind.Relative), new FormUrlEncodedContent([
            new("__RequestVerificationToken", RoViecApp.AntiforgeryToken(await office.GetStringAsync(new Uri(page, UriKind.Relative), Ct))),
            new("TaskId", stopped.Id.ToString()), new("Reason", "x"), new("Document", Document)]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.PlanAmendments.CountAsync(Ct)));

        // Added: a task of the plan, led by the police, due as written; an unreadable deadline is refused first.
        var add = page + "?handler=Add";
        var unreadable = await office.PostFormAsync(page, add, ("Name", "Lắp đặt wifi miễn phí tại nhà văn hóa các thôn"), ("LeadUnitId", police.ToString()),
            ("Deadline", "Quý 5/2026"), ("Reason", "Bổ sung theo chỉ đạo của tỉnh"), ("Document", Document));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("Thời hạn “Quý 5/2026” không đọc được", WebUtility.HtmlDecode(await unreadable.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var added = await office.PostFormAsync(page, add, ("Name", "Lắp đặt wifi miễn phí tại nhà văn hóa các thôn"), ("LeadUnitId", police.ToString()),
            ("Output", "Wifi hoạt động tại 12 thôn"), ("Deadline", "31/12/2026"), ("Reason", "Bổ sung theo chỉ đạo của tỉnh"), ("Document", Document));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var task = await app.WithDbAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Source == TaskSources.Amended, Ct));
        Assert.Equal((planId, police, new DateOnly(2026, 12, 31)), (task.PlanId, task.LeadUnitId, task.DeadlineDue));
        // The scheduler opens the month again: the police's draft now asks about the new task.
        await app.Services.GetRequiredService<ScheduledWork>().RunOnceAsync(Ct);
        Assert.Equal(1, await app.WithDbAsync(db => db.ReportItems.CountAsync(i => i.ReportId == policeReport && i.TaskId == task.Id && i.Kind == ReportItemKinds.Task, Ct)));
        var history = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri(page, UriKind.Relative), Ct));
        Assert.Contains("Lắp đặt wifi miễn phí tại nhà văn hóa các thôn", history, StringComparison.Ordinal);
        Assert.Contains("Tỉnh đã giao nhiệm vụ cho cơ quan khác", history, StringComparison.Ordinal);
    }

    /// <summary>
    /// The same work named in two plans in force is linked: the programme's task's line answers for the Đề án 06 plan's
    /// task, which leaves the police's December form and takes its status from that line; a second link or a task of the
    /// same plan is refused, with nothing changed.
    /// </summary>
    [Fact]
    public async Task A_task_named_in_two_plans_is_reported_once_and_its_status_follows_the_line_that_answers()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 10), 10) };
        var police = await app.UnitIdAsync("cong-an");
        var (december, _, reports) = await app.OpenMonthAsync(12);
        var policeReport = reports.Single(r => r.Value == police).Key;
        using var office = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, office);
        var second = await review.DraftAsync(SeveralPlansTests.SecondPlan(2026), "de-an-06.txt");
        Assert.Equal(HttpStatusCode.OK, (await review.PostAsync($"/nhap-ke-hoach/{second}?handler=Confirm", ("replace", "none"), ("knowingly", "true"),
            ("rhythm", PlanRhythms.Monthly), ("field", "Đề án 06"))).StatusCode);
        await app.Services.GetRequiredService<ScheduledWork>().RunOnceAsync(Ct);
        var (mine, answering, otherOfSame) = await app.WithDbAsync(async db =>
        {
            var own = await db.Tasks.AsNoTracking().Where(t => t.PlanId == second).OrderBy(t => t.Order).ToListAsync(Ct);
            var line = await db.ReportItems.Where(i => i.ReportId == policeReport && i.Kind == ReportItemKinds.Task && i.TaskId != null)
                .Join(db.Tasks.Where(t => t.PlanId != second), i => i.TaskId, t => t.Id, (i, t) => t.Id).FirstAsync(Ct);
            return (own[0].Id, line, own[1].Id);
        });
        Assert.Equal(1, await app.WithDbAsync(db => db.ReportItems.CountAsync(i => i.ReportId == policeReport && i.TaskId == mine, Ct)));
        var page = $"/ke-hoach/{second}/dieu-chinh";
        var link = page + "?handler=Link";

        // A task of the same plan is not the same work in another plan: 400, nothing linked.
        var same = await office.PostFormAsync(page, link, ("TaskId", mine.ToString()), ("SameAs", otherOfSame.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Null(await app.WithDbAsync(async db => (await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == mine, Ct)).SameAsTaskId));

        var linked = await office.PostFormAsync(page, link, ("TaskId", mine.ToString()), ("SameAs", answering.ToString()));
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(answering, await app.WithDbAsync(async db => (await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == mine, Ct)).SameAsTaskId));
        // Reported once: its own line left the police's form; the programme's line stays.
        Assert.Equal((0, 1), await app.WithDbAsync(async db => (
            await db.ReportItems.CountAsync(i => i.ReportId == policeReport && i.TaskId == mine, Ct),
            await db.ReportItems.CountAsync(i => i.ReportId == policeReport && i.TaskId == answering && i.Kind == ReportItemKinds.Task, Ct))));
        var taskPage = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/nhiem-vu/{mine}", UriKind.Relative), Ct));
        Assert.Contains("id=\"cung-noi-dung\"", taskPage, StringComparison.Ordinal);

        // Linked once only: 409, as it was.
        var twice = await office.PostFormAsync(page, link, ("TaskId", mine.ToString()), ("SameAs", answering.ToString()));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("mỗi nhiệm vụ chỉ liên kết một lần", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        // The police report the programme's task done: the linked task is done too.
        await app.WithDbAsync(async db =>
        {
            var line = await db.ReportItems.SingleAsync(i => i.ReportId == policeReport && i.TaskId == answering && i.Kind == ReportItemKinds.Task, Ct);
            line.TaskStatus = ReportedTaskStatuses.Done;
            line.Percent = 100;
            line.CompletedOn = new DateOnly(2026, 12, 5);
            var report = await db.Reports.SingleAsync(r => r.Id == policeReport, Ct);
            report.State = ReportStates.Verified;
            report.FirstSubmittedAtUtc = report.SubmittedAtUtc = app.UtcNow;
            return await db.SaveChangesAsync(Ct);
        });
        var health = await app.WithDbAsync(db => PlanHealth.ComputeAsync(db, second, new DateOnly(2026, 12, 10), Ct));
        Assert.Equal(TaskHealth.DoneOnTime, health[mine]);

    }
}
