using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Scores;

namespace RoViec.Web.Tests;

/// <summary>
/// Replacing the plan in force by a new version in December (issue 16): the closed months keep their reports and their
/// scores, identical, and are still listed; the open month moves to the new version, so no unit has two reports for it;
/// a task the new version continues keeps its lines, a task it drops is superseded; the question says all this first.
/// </summary>
public sealed class MidYearReplacementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_version_in_december_keeps_every_closed_month_and_moves_the_open_one()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 10), 10) };
        var police = await app.UnitIdAsync("cong-an");
        var old = await app.WithDbAsync(db => db.Plans.AsNoTracking().Include(p => p.Source).SingleAsync(p => p.Status == PlanStatuses.Active, Ct));
        var closed = new Dictionary<Guid, List<(Guid Unit, decimal Total)>>();
        foreach (var month in new[] { 10, 11 })
        {
            var (periodId, _, reports) = await app.OpenMonthAsync(month);
            await app.FillAsync(reports.Single(r => r.Value == police).Key, ReportStates.Verified);
            await app.WithDbAsync(db => db.Periods.Where(p => p.Id == periodId).ExecuteUpdateAsync(u => u.SetProperty(p => p.State, PeriodStates.Closed), Ct));
            using var scope = app.Services.CreateScope();
            await ScoreService.RecomputeAsync(scope.ServiceProvider.GetRequiredService<RoViecDbContext>(), periodId, "Khóa sổ", "kiểm thử", scope.ServiceProvider.GetRequiredService<TimeProvider>(), Ct);
            closed[periodId] = await ScoresAsync(app, periodId);
            Assert.NotEmpty(closed[periodId]);
        }
        var (december, _, decemberReports) = await app.OpenMonthAsync(12);
        var policeDecember = decemberReports.Single(r => r.Value == police).Key;
        // What the police reporter typed in December on its first task line, before the new version arrives.
        var typed = await app.WithDbAsync(async db =>
        {
            var line = await db.ReportItems.Where(i => i.ReportId == policeDecember && i.Kind == ReportItemKinds.Task).OrderBy(i => i.Order).FirstAsync(Ct);
            line.WorkDone = "Đã nhập trong tháng 12 trước khi có kế hoạch mới";
            await db.SaveChangesAsync(Ct);
            return (line.Id, line.TaskId!.Value);
        });

        // The new version: the same document, one task reworded, one task dropped.
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var draft = await review.DraftAsync(Encoding.UTF8.GetBytes(old.Source!.Text), "ke-hoach-sua-doi.txt");
        var draftTasks = await review.TasksAsync(draft);
        var oldTasks = await app.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.PlanId == old.Id).OrderBy(t => t.Order).ToListAsync(Ct));
        Assert.Equal(oldTasks.Count, draftTasks.Count);
        var reworded = draftTasks[2];
        var dropped = oldTasks[5];
        await app.WithDbAsync(async db =>
        {
            await db.Tasks.Where(t => t.Id == reworded.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.Name, reworded.Name + " trên địa bàn toàn xã"), Ct);
            return await db.Tasks.Where(t => t.Id == draftTasks[5].Id).ExecuteDeleteAsync(Ct);
        });

        var asked = WebUtility.HtmlDecode(await (await review.PostAsync($"/nhap-ke-hoach/{draft}?handler=Confirm", ("knowingly", "true"))).Content.ReadAsStringAsync(Ct));
        var effect = asked[asked.IndexOf($"id=\"thay-the-{old.Id}\"", StringComparison.Ordinal)..];
        effect = effect[..effect.IndexOf("</ul>", StringComparison.Ordinal)];
        Assert.Contains("2 kỳ đã khóa sổ (Tháng 10/2026, Tháng 11/2026) giữ nguyên báo cáo, điểm", effect, StringComparison.Ordinal);
        Assert.Contains("Kỳ đang mở Tháng 12/2026", effect, StringComparison.Ordinal);
        Assert.Contains($"{oldTasks.Count - 1} nhiệm vụ của kế hoạch mới tiếp nối nhiệm vụ cũ (giữ lịch sử báo cáo); 0 nhiệm vụ mới; 1 nhiệm vụ cũ không được tiếp nối", effect, StringComparison.Ordinal);

        var confirmed = await review.PostAsync($"/nhap-ke-hoach/{draft}?handler=Confirm", ("replace", old.Id.ToString()), ("knowingly", "true"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        // The closed months: still the old version's, their scores identical.
        foreach (var (periodId, before) in closed)
        {
            Assert.Equal(old.Id, await app.WithDbAsync(db => db.Periods.Where(p => p.Id == periodId).Select(p => p.PlanId).SingleAsync(Ct)));
            Assert.Equal(before, await ScoresAsync(app, periodId));
        }
        using var chair = await app.SignedInClientAsync("truongban");
        var scores = WebUtility.HtmlDecode(await chair.GetStringAsync(new Uri($"/diem?ky={closed.Keys.Last()}", UriKind.Relative), Ct));
        Assert.Contains("id=\"ranking\"", scores, StringComparison.Ordinal);
        Assert.Contains($"data-unit=\"{police}\"", scores, StringComparison.Ordinal);

        // The open month moved: one December for the commune, one report per unit in it, lines on the new version's tasks.
        var decemberPeriods = await app.WithDbAsync(db => db.Periods.AsNoTracking().Where(p => p.Kind == PeriodKinds.Monthly && p.Number == 12 && p.Year == 2026).ToListAsync(Ct));
        var moved = Assert.Single(decemberPeriods);
        Assert.Equal((december, draft), (moved.Id, moved.PlanId));
        Assert.Equal(1, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.UnitId == police && r.PeriodId == december, Ct)));
        var newTasks = await app.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.PlanId == draft).ToListAsync(Ct));
        var lines = await app.WithDbAsync(db => db.ReportItems.AsNoTracking().Where(i => i.ReportId == policeDecember && i.TaskId != null).ToListAsync(Ct));
        Assert.All(lines, l => Assert.Contains(newTasks, t => t.Id == l.TaskId));
        var kept = Assert.Single(lines, l => l.Id == typed.Item1);
        Assert.Equal("Đã nhập trong tháng 12 trước khi có kế hoạch mới", kept.WorkDone);
        Assert.Equal(typed.Item2, newTasks.Single(t => t.Id == kept.TaskId).ReplacesTaskId);

        // Every task but the dropped one is continued; the reworded one too.
        Assert.Equal(oldTasks[2].Id, newTasks.Single(t => t.Id == reworded.Id).ReplacesTaskId);
        Assert.Equal(oldTasks.Where(t => t.Id != dropped.Id).Select(t => t.Id).Order(), newTasks.Select(t => t.ReplacesTaskId).OfType<Guid>().Order());
        var droppedPage = await client.GetStringAsync(new Uri($"/nhiem-vu/{dropped.Id}", UriKind.Relative), Ct);
        Assert.Contains("id=\"da-thay-the\"", droppedPage, StringComparison.Ordinal);
        var rewordedPage = await client.GetStringAsync(new Uri($"/nhiem-vu/{reworded.Id}", UriKind.Relative), Ct);
        Assert.Contains($"href=\"/nhiem-vu/{oldTasks[2].Id}\"", rewordedPage, StringComparison.Ordinal);

        // The old version's months not yet opened are gone; the new version has the rest of its year, the year report included.
        var periods = await app.WithDbAsync(db => db.Periods.AsNoTracking().ToListAsync(Ct));
        Assert.DoesNotContain(periods, p => p.PlanId == old.Id && p.State != PeriodStates.Closed);
        Assert.Single(periods, p => p.PlanId == draft && p.Kind == PeriodKinds.Annual);

        // The scheduler's next look opens December for the new version, and still one report per unit.
        await app.Services.GetRequiredService<RoViec.Web.Features.Scheduling.ScheduledWork>().RunOnceAsync(Ct);
        Assert.NotNull(await app.WithDbAsync(db => db.Periods.Where(p => p.Id == december).Select(p => p.OpenedAtUtc).SingleAsync(Ct)));
        var perUnit = await app.WithDbAsync(db => db.Reports.Where(r => r.PeriodId == december).GroupBy(r => r.UnitId).Select(g => g.Count()).ToListAsync(Ct));
        Assert.All(perUnit, n => Assert.Equal(1, n));
        Assert.Single(await app.WithDbAsync(db => db.Periods.Where(p => p.Kind == PeriodKinds.Monthly && p.Number == 12 && p.Year == 2026).ToListAsync(Ct)));
    }

    [Fact]
    public async Task The_officer_confirms_the_pairing_and_a_wrong_pairing_is_refused_with_nothing_changed()
    {
        await using var app = new RoViecApp();
        var old = await app.WithDbAsync(db => db.Plans.AsNoTracking().Include(p => p.Source).SingleAsync(p => p.Status == PlanStatuses.Active, Ct));
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var draft = await review.DraftAsync(Encoding.UTF8.GetBytes(old.Source!.Text), "ke-hoach-sua-doi.txt");
        var oldTasks = await app.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.PlanId == old.Id).OrderBy(t => t.Order).ToListAsync(Ct));
        var newTasks = await review.TasksAsync(draft);

        // The question proposes each task continued by its copy, ticked, for the officer to keep or untick.
        var asked = await (await review.PostAsync($"/nhap-ke-hoach/{draft}?handler=Confirm", ("knowingly", "true"))).Content.ReadAsStringAsync(Ct);
        Assert.Contains($"name=\"pairs\" value=\"{oldTasks[0].Id}:{newTasks[0].Id}\" checked", asked, StringComparison.Ordinal);

        // Refused, nothing changed: a pair that is not two tasks of these plans, and a malformed one.
        var foreign = await review.PostAsync($"/nhap-ke-hoach/{draft}?handler=Confirm", ("replace", old.Id.ToString()), ("knowingly", "true"),
            ("pairing", "true"), ("pairs", $"{newTasks[0].Id}:{oldTasks[0].Id}"));
        var malformed = await review.PostAsync($"/nhap-ke-hoach/{draft}?handler=Confirm", ("replace", old.Id.ToString()), ("knowingly", "true"),
            ("pairing", "true"), ("pairs", "mot-cap"));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("không thuộc kế hoạch bị thay thế và bản nháp này", WebUtility.HtmlDecode(await foreign.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal((PlanStatuses.Active, PlanStatuses.Draft), await app.WithDbAsync(async db =>
            (await db.Plans.Where(p => p.Id == old.Id).Select(p => p.Status).SingleAsync(Ct), await db.Plans.Where(p => p.Id == draft).Select(p => p.Status).SingleAsync(Ct))));

        // Confirmed with two pairs only, one of them not the proposed one: exactly those are recorded.
        var confirmed = await review.PostAsync($"/nhap-ke-hoach/{draft}?handler=Confirm", ("replace", old.Id.ToString()), ("knowingly", "true"),
            ("pairing", "true"), ("pairs", $"{oldTasks[0].Id}:{newTasks[0].Id}"), ("pairs", $"{oldTasks[1].Id}:{newTasks[3].Id}"), ("pairs", ""));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var links = await app.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.PlanId == draft && t.ReplacesTaskId != null)
            .ToDictionaryAsync(t => t.Id, t => t.ReplacesTaskId!.Value, Ct));
        Assert.Equal(new Dictionary<Guid, Guid> { [newTasks[0].Id] = oldTasks[0].Id, [newTasks[3].Id] = oldTasks[1].Id }, links);
    }

    private static Task<List<(Guid Unit, decimal Total)>> ScoresAsync(RoViecApp app, Guid periodId) =>
        app.WithDbAsync(async db => (await db.UnitScores.AsNoTracking().Where(s => s.PeriodId == periodId).ToListAsync(Ct))
            .Select(s => (s.UnitId, s.Total)).OrderBy(s => s.UnitId).ToList());

    /// <summary>
    /// A task continued by a new version of the same year keeps what was decided about it: the deadline change the standing
    /// office approved (the original kept beside it) and its money — so `/kinh-phi` shows the same figures after the
    /// replacement as before.
    /// </summary>
    [Fact]
    public async Task A_continued_task_keeps_its_approved_deadline_and_its_money()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 10), 10) };
        var old = await app.WithDbAsync(db => db.Plans.AsNoTracking().Include(p => p.Source).SingleAsync(p => p.Status == PlanStatuses.Active, Ct));
        var (task, original, moved) = await app.WithDbAsync(async db =>
        {
            var t = await db.Tasks.Where(t => t.PlanId == old.Id && t.DeadlineKind == "Date" && t.DeadlineDue != null).OrderBy(t => t.Order).FirstAsync(Ct);
            var due = t.DeadlineDue!.Value;
            t.OriginalDeadlineDue = due;
            t.DeadlineDue = due.AddDays(30);
            db.TaskBudgetLines.Add(new TaskBudgetLine { Id = Guid.NewGuid(), CommuneId = t.CommuneId, TaskId = t.Id, Source = BudgetSources.Commune, Allocated = 50_000_000m, EnteredAtUtc = app.UtcNow, Version = Guid.NewGuid() });
            db.TaskDisbursements.Add(new TaskDisbursement
            {
                Id = Guid.NewGuid(),
                CommuneId = t.CommuneId,
                TaskId = t.Id,
                Source = BudgetSources.Commune,
                Year = 2026,
                Month = 11,
                Amount = 20_000_000m,
                Basis = "Chứng từ chi",
                RecordedBy = "thuongtruc",
                RecordedAtUtc = app.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
            return (t.Id, due, due.AddDays(30));
        });

        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var draft = await review.DraftAsync(Encoding.UTF8.GetBytes(old.Source!.Text), "ke-hoach-sua-doi.txt");
        var confirmed = await review.PostAsync($"/nhap-ke-hoach/{draft}?handler=Confirm", ("replace", old.Id.ToString()), ("knowingly", "true"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var (continued, lines, paid) = await app.WithDbAsync(async db => (
            await db.Tasks.AsNoTracking().SingleAsync(t => t.ReplacesTaskId == task, Ct),
            await db.TaskBudgetLines.AsNoTracking().Select(l => l.TaskId).ToListAsync(Ct),
            await db.TaskDisbursements.AsNoTracking().Select(d => d.TaskId).ToListAsync(Ct)));
        Assert.Equal(draft, continued.PlanId);
        Assert.Equal((original, moved), (continued.OriginalDeadlineDue, continued.DeadlineDue));
        Assert.Equal([continued.Id], lines);
        Assert.Equal([continued.Id], paid);
        var money = await app.WithDbAsync(db => RoViec.Web.Features.Budgets.BudgetFigures.ReadAsync(db, continued.CommuneId, [draft], null, 12, Ct));
        Assert.Equal((50_000_000m, 20_000_000m), (money.All.Allocated, money.All.Disbursed));
    }
}
