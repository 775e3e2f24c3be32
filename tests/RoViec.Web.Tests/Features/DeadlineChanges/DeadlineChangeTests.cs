using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Tests;

/// <summary>
/// Deadline changes are requested, not typed over (issue 16): the lead unit asks for a new day with a reason, the
/// standing office approves or refuses; approval moves the deadline the status is judged by and keeps the plan's own.
/// </summary>
public sealed class DeadlineChangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Request_then_approval_moves_the_deadline_keeps_the_original_and_the_status_follows_it(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var original = app.Today.AddDays(-10);
        var moved = app.Today.AddDays(20);
        var task = await PoliceTaskDueAsync(app, original);
        using var reporter = await app.ClientAsync("congan");
        using var office = await app.ClientAsync("thuongtruc");
        Assert.Contains(">Quá hạn</span>", await reporter.GetStringAsync(new Uri($"/nhiem-vu/{task}", UriKind.Relative), Ct), StringComparison.Ordinal);

        var sent = await reporter.PostFormAsync(RequestPage(task), RequestPage(task), ("NewDue", Day(moved)), ("Reason", "Chờ kinh phí bổ sung của huyện"));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var request = await app.WithDbAsync(db => db.DeadlineChangeRequests.AsNoTracking().SingleAsync(r => r.TaskId == task, Ct));
        Assert.Equal(DeadlineChangeStates.Pending, request.State);
        Assert.Equal(moved, request.RequestedDue);
        Assert.Equal(original, request.CurrentDue);
        Assert.Equal("congan", request.RequestedBy);
        // Asking changes nothing yet: the deadline stays until the standing office decides.
        Assert.Equal(original, (await TaskAsync(app, task)).DeadlineDue);
        var waiting = await reporter.GetStringAsync(new Uri($"/nhiem-vu/{task}", UriKind.Relative), Ct);
        var police = await app.WithDbAsync(db => db.Units.Where(u => u.Key == "cong-an").Select(u => u.Name).SingleAsync(Ct));
        Assert.Contains($"Đề nghị điều chỉnh thời hạn đến {Day(moved)} của {police} đang chờ cơ quan thường trực duyệt.", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/nhiem-vu/{task}/dieu-chinh-han\"", waiting, StringComparison.Ordinal);
        var home = await office.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Contains("1 đề nghị điều chỉnh thời hạn nhiệm vụ chờ duyệt.", home, StringComparison.Ordinal);
        Assert.Contains($"/de-nghi-dieu-chinh-han/{request.Id}", await office.GetStringAsync(new Uri("/de-nghi-dieu-chinh-han", UriKind.Relative), Ct), StringComparison.Ordinal);

        var officeId = await app.UserIdAsync("thuongtruc");
        var asked = await app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == officeId && n.Kind == NoticeKinds.DeadlineChange, Ct));
        Assert.Contains($"từ {Day(original)} đến {Day(moved)}. Lý do: Chờ kinh phí bổ sung của huyện", asked.Body, StringComparison.Ordinal);
        Assert.Equal($"/de-nghi-dieu-chinh-han/{request.Id}", asked.Link);

        var approved = await office.PostFormAsync(DecidePage(request.Id), DecidePage(request.Id) + "?handler=Approve", ("Comment", ""));

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var row = await TaskAsync(app, task);
        Assert.Equal(moved, row.DeadlineDue);
        Assert.Equal(original, row.OriginalDeadlineDue);
        var decided = await app.WithDbAsync(db => db.DeadlineChangeRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id, Ct));
        Assert.Equal(DeadlineChangeStates.Approved, decided.State);
        Assert.Equal("thuongtruc", decided.DecidedBy);
        var reporterId = await app.UserIdAsync("congan");
        var told = await app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == reporterId && n.Kind == NoticeKinds.DeadlineChange, Ct));
        Assert.Contains("đã được duyệt", told.Title, StringComparison.Ordinal);
        Assert.Contains($"nay là {Day(moved)}", told.Body, StringComparison.Ordinal);
        // The status is judged against the approved day, the plan's own kept beside it.
        var facts = await app.WithDbAsync(async db => (await PlanHealth.FactsAsync(db, row.PlanId, app.Today, Ct))[task]);
        Assert.Equal(original, facts.Due);
        Assert.Equal(moved, facts.ApprovedDue);
        var api = await reporter.GetStringAsync(new Uri($"/api/tasks/{task}", UriKind.Relative), Ct);
        Assert.Contains($"\"deadlineDue\":\"{moved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\",\"originalDeadlineDue\":\"{original.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\"", api, StringComparison.Ordinal);
        var page = await reporter.GetStringAsync(new Uri($"/nhiem-vu/{task}", UriKind.Relative), Ct);
        Assert.DoesNotContain(">Quá hạn</span>", page, StringComparison.Ordinal);
        Assert.Contains($"Hạn ban đầu {Day(original)} · Hạn đã điều chỉnh {Day(moved)} (được duyệt ngày {Day(app.Today)}, lý do: Chờ kinh phí bổ sung của huyện)", page, StringComparison.Ordinal);
        Assert.Contains("Đã duyệt", page[page.IndexOf("id=\"lich-su-dieu-chinh-han\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("đề nghị điều chỉnh thời hạn nhiệm vụ chờ duyệt", await office.GetStringAsync(new Uri("/", UriKind.Relative), Ct), StringComparison.Ordinal);
        // A second approved change keeps the plan's deadline as the original, not the first change's.
        var again = await reporter.PostFormAsync(RequestPage(task), RequestPage(task), ("NewDue", Day(moved.AddDays(10))), ("Reason", "Thêm thời gian nghiệm thu"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var second = await app.WithDbAsync(db => db.DeadlineChangeRequests.AsNoTracking().SingleAsync(r => r.TaskId == task && r.State == DeadlineChangeStates.Pending, Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync(DecidePage(second.Id), DecidePage(second.Id) + "?handler=Approve", ("Comment", "Đồng ý"))).StatusCode);
        row = await TaskAsync(app, task);
        Assert.Equal(moved.AddDays(10), row.DeadlineDue);
        Assert.Equal(original, row.OriginalDeadlineDue);
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_and_leaves_the_deadline_as_it_was()
    {
        await using var app = new RoViecApp();
        var original = app.Today.AddDays(5);
        var task = await PoliceTaskDueAsync(app, original);
        using var head = await app.ClientAsync("truongcongan");
        using var office = await app.ClientAsync("thuongtruc");
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostFormAsync(RequestPage(task), RequestPage(task), ("NewDue", Day(original.AddDays(30))), ("Reason", "Đơn vị thiếu người"))).StatusCode);
        var request = await app.WithDbAsync(db => db.DeadlineChangeRequests.AsNoTracking().SingleAsync(r => r.TaskId == task, Ct));

        var bare = await office.PostFormAsync(DecidePage(request.Id), DecidePage(request.Id) + "?handler=Refuse", ("Comment", "  "));

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("Hãy ghi lý do từ chối, để đơn vị biết vì sao thời hạn không được điều chỉnh.", await bare.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(DeadlineChangeStates.Pending, (await RequestAsync(app, request.Id)).State);

        var refused = await office.PostFormAsync(DecidePage(request.Id), DecidePage(request.Id) + "?handler=Refuse", ("Comment", "Nhiệm vụ trọng tâm, không lùi hạn"));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var row = await TaskAsync(app, task);
        Assert.Equal(original, row.DeadlineDue);
        Assert.Null(row.OriginalDeadlineDue);
        var decided = await RequestAsync(app, request.Id);
        Assert.Equal(DeadlineChangeStates.Refused, decided.State);
        Assert.Equal("Nhiệm vụ trọng tâm, không lùi hạn", decided.DecisionComment);
        var page = await head.GetStringAsync(new Uri($"/nhiem-vu/{task}", UriKind.Relative), Ct);
        Assert.Contains("Bị từ chối", page, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ trọng tâm, không lùi hạn", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Hạn ban đầu", page, StringComparison.Ordinal);
        // Decided once: deciding again is refused, and the unit may ask anew.
        var twice = await office.PostFormAsync(DecidePage(request.Id), DecidePage(request.Id) + "?handler=Approve", ("Comment", ""));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("Đề nghị này đã bị từ chối trước đó", await twice.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(original, (await TaskAsync(app, task)).DeadlineDue);
        Assert.Contains($"href=\"/nhiem-vu/{task}/dieu-chinh-han\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30/04/2027", "", HttpStatusCode.BadRequest, "Hãy ghi lý do đề nghị điều chỉnh thời hạn.")]
    [InlineData("", "Lý do", HttpStatusCode.BadRequest, "Hãy nhập hạn mới đề nghị (dd/mm/yyyy).")]
    [InlineData("31/02/2027", "Lý do", HttpStatusCode.BadRequest, "Hạn mới phải là một ngày có thật, dạng dd/mm/yyyy, ví dụ 30/04/2026.")]
    [InlineData("sang năm", "Lý do", HttpStatusCode.BadRequest, "Hạn mới phải là một ngày có thật, dạng dd/mm/yyyy, ví dụ 30/04/2026.")]
    [InlineData("SAME", "Lý do", (HttpStatusCode)422, "Hạn mới trùng với thời hạn hiện tại (31/03/2027); hãy chọn một ngày khác.")]
    public async Task A_bad_request_is_refused_in_vietnamese_and_nothing_is_saved(string newDue, string reason, HttpStatusCode status, string message)
    {
        await using var app = new RoViecApp();
        var task = await PoliceTaskDueAsync(app, new DateOnly(2027, 3, 31));
        using var reporter = await app.ClientAsync("congan");

        var response = await reporter.PostFormAsync(RequestPage(task), RequestPage(task), ("NewDue", newDue == "SAME" ? "2027-03-31" : newDue), ("Reason", reason));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.DeadlineChangeRequests.CountAsync(Ct)));
        Assert.Equal(new DateOnly(2027, 3, 31), (await TaskAsync(app, task)).DeadlineDue);
    }

    [Fact]
    public async Task Only_the_lead_unit_asks_one_request_at_a_time_and_only_the_standing_office_decides()
    {
        await using var app = new RoViecApp();
        var task = await PoliceTaskDueAsync(app, app.Today.AddDays(5));
        var police = await app.UnitIdAsync("cong-an");
        var others = await app.WithDbAsync(db => db.Tasks.Where(t => t.LeadUnitId != null && t.LeadUnitId != police && t.DeadlineDue != null).Select(t => t.Id).FirstAsync(Ct));
        using var reporter = await app.ClientAsync("congan");
        using var head = await app.ClientAsync("truongcongan");
        using var office = await app.ClientAsync("thuongtruc");
        var form = await reporter.GetStringAsync(new Uri(RequestPage(task), UriKind.Relative), Ct);

        var foreign = await reporter.PostTokenFormAsync(form, RequestPage(others), ("NewDue", Day(app.Today.AddDays(40))), ("Reason", "Lý do"));
        var byOffice = await office.PostFormAsync($"/nhiem-vu/{task}", RequestPage(task), ("NewDue", Day(app.Today.AddDays(40))), ("Reason", "Lý do"));

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOffice.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.DeadlineChangeRequests.CountAsync(Ct)));

        Assert.Equal(HttpStatusCode.Redirect, (await head.PostFormAsync(RequestPage(task), RequestPage(task), ("NewDue", Day(app.Today.AddDays(40))), ("Reason", "Chờ ý kiến cấp trên"))).StatusCode);
        var second = await reporter.PostTokenFormAsync(form, RequestPage(task), ("NewDue", Day(app.Today.AddDays(60))), ("Reason", "Lý do khác"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains($"Nhiệm vụ này đã có một đề nghị điều chỉnh thời hạn (đến {Day(app.Today.AddDays(40))}) đang chờ cơ quan thường trực duyệt", await second.BodyAsync(), StringComparison.Ordinal);
        var request = await app.WithDbAsync(db => db.DeadlineChangeRequests.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(app.Today.AddDays(40), request.RequestedDue);

        // The unit reads its request but does not decide it.
        Assert.Contains("Chờ duyệt", await reporter.GetStringAsync(new Uri(DecidePage(request.Id), UriKind.Relative), Ct), StringComparison.Ordinal);
        var byUnit = await head.PostFormAsync(DecidePage(request.Id), DecidePage(request.Id) + "?handler=Approve", ("Comment", ""));
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        Assert.Equal(DeadlineChangeStates.Pending, (await RequestAsync(app, request.Id)).State);
        Assert.Equal(app.Today.AddDays(5), (await TaskAsync(app, task)).DeadlineDue);
    }

    [Fact]
    public async Task Retyping_the_deadline_on_the_edit_page_makes_it_the_tasks_own_and_is_in_the_history()
    {
        await using var app = new RoViecApp();
        var task = await PoliceTaskDueAsync(app, new DateOnly(2026, 12, 31));
        await app.WithDbAsync(async db =>
        {
            var row = await db.Tasks.SingleAsync(t => t.Id == task, Ct);
            row.OriginalDeadlineDue = row.DeadlineDue;
            row.DeadlineDue = new DateOnly(2027, 1, 31);
            return await db.SaveChangesAsync(Ct);
        });
        using var office = await app.ClientAsync("thuongtruc");
        var edit = $"/nhiem-vu/{task}/sua";
        var form = await office.GetStringAsync(new Uri(edit, UriKind.Relative), Ct);
        var name = System.Text.RegularExpressions.Regex.Match(form, @"<textarea[^>]*name=""Input.Name""[^>]*>([^<]*)</textarea>").Groups[1].Value;

        var saved = await office.PostTokenFormAsync(form, edit,
            ("Input.Name", WebUtility.HtmlDecode(name).Trim()), ("Input.Lead", FormPosts.InputValue(form, "Input.Lead")), ("Input.Support", FormPosts.InputValue(form, "Input.Support")),
            ("Input.Output", FormPosts.InputValue(form, "Input.Output")), ("Input.Deadline", "15/2/2027"), ("Input.Version", FormPosts.InputValue(form, "Input.Version")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = await TaskAsync(app, task);
        Assert.Equal(new DateOnly(2027, 2, 15), row.DeadlineDue);
        Assert.Null(row.OriginalDeadlineDue);
        var page = await office.GetStringAsync(new Uri($"/nhiem-vu/{task}", UriKind.Relative), Ct);
        Assert.DoesNotContain("Hạn đã điều chỉnh", page, StringComparison.Ordinal);
        Assert.Contains("(hạn cuối 15/02/2027)", page, StringComparison.Ordinal);
        var history = page[page.IndexOf("Lịch sử thay đổi", StringComparison.Ordinal)..];
        Assert.Contains("Hạn ban đầu", history, StringComparison.Ordinal);
        Assert.Contains("2027-02-15", history, StringComparison.Ordinal);
    }

    private static string RequestPage(Guid task) => $"/nhiem-vu/{task}/dieu-chinh-han";

    private static string DecidePage(Guid request) => $"/de-nghi-dieu-chinh-han/{request}";

    /// <summary>A task of the plan in force led by the police, due on <paramref name="due"/> with nothing reported on it.</summary>
    private static async Task<Guid> PoliceTaskDueAsync(RoViecApp app, DateOnly due)
    {
        var police = await app.UnitIdAsync("cong-an");
        return await app.WithDbAsync(async db =>
        {
            var task = await db.Tasks.Where(t => t.LeadUnitId == police && db.Plans.Any(p => p.Id == t.PlanId && p.Status == PlanStatuses.Active)
                    && !db.ReportItems.Any(i => i.TaskId == t.Id && i.TaskStatus != null))
                .OrderBy(t => t.Order).FirstAsync(Ct);
            task.DeadlineKind = "Date";
            task.DeadlineRaw = Day(due);
            task.DeadlineDue = due;
            task.Version = Guid.NewGuid();
            await db.SaveChangesAsync(Ct);
            return task.Id;
        });
    }

    private static Task<PlanTaskRow> TaskAsync(RoViecApp app, Guid id) =>
        app.WithDbAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == id, Ct));

    private static Task<DeadlineChangeRequest> RequestAsync(RoViecApp app, Guid id) =>
        app.WithDbAsync(db => db.DeadlineChangeRequests.AsNoTracking().SingleAsync(r => r.Id == id, Ct));
}
