using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// The year turns (issue 16): in mid-January the demo commune has last year's plan, reported all year, and this year's.
/// The standing office carries chosen unfinished tasks over: they become tasks of this year's plan marked "chuyển tiếp",
/// linked both ways, last year's history untouched, and this month's reports still being written ask about them; a task
/// already carried, or no choice, is refused with nothing saved.
/// </summary>
public sealed class CarryOverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unfinished_tasks_of_last_year_are_carried_over_linked_and_refused_twice()
    {
        await using var app = new RoViecApp
        {
            Clock = new TestClock(new DateOnly(2027, 1, 15), 10),
            Settings = new Dictionary<string, string> { ["RoViec:Demo:History"] = "true" },
        };
        // The scheduler's first look opens January.
        await app.Services.GetRequiredService<RoViec.Web.Features.Scheduling.ScheduledWork>().RunOnceAsync(Ct);
        var (current, last) = await app.WithDbAsync(async db =>
            (await db.Plans.AsNoTracking().SingleAsync(p => p.Status == PlanStatuses.Active && p.Year == 2027 && p.Rhythm == PlanRhythms.Monthly, Ct),
             await db.Plans.AsNoTracking().SingleAsync(p => p.Year == 2026 && p.Rhythm == PlanRhythms.Monthly, Ct)));
        using var office = await app.SignedInClientAsync("thuongtruc");
        var plan = await office.GetStringAsync(new Uri($"/ke-hoach/{current.Id}", UriKind.Relative), Ct);
        Assert.Contains($"href=\"/ke-hoach/{current.Id}/chuyen-tiep\"", plan, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/ke-hoach/{current.Id}/chuyen-tiep", UriKind.Relative), Ct));
        var police = await app.UnitIdAsync("cong-an");
        var oldTasks = await app.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.PlanId == last.Id).OrderBy(t => t.Order).ToListAsync(Ct));
        var offered = oldTasks.Where(t => page.Contains($"value=\"{t.Id}\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(offered);
        var chosen = new[] { offered.First(t => t.LeadUnitId == police), offered.First(t => t.LeadUnitId != police) };
        var oldLines = await app.WithDbAsync(db => db.ReportItems.CountAsync(i => i.TaskId == chosen[0].Id, Ct));
        Assert.True(oldLines > 0, "the police's task of last year has its reports");
        var tasksBefore = await app.WithDbAsync(db => db.Tasks.CountAsync(t => t.PlanId == current.Id, Ct));

        // No choice, then a task not of last year (this year's own): 400, nothing saved.
        var none = await office.PostFormAsync($"/ke-hoach/{current.Id}/chuyen-tiep", $"/ke-hoach/{current.Id}/chuyen-tiep", []);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Hãy chọn ít nhất một nhiệm vụ để chuyển tiếp.", WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var ownTask = await app.WithDbAsync(db => db.Tasks.Where(t => t.PlanId == current.Id).Select(t => t.Id).FirstAsync(Ct));
        var foreign = await office.PostFormAsync($"/ke-hoach/{current.Id}/chuyen-tiep", $"/ke-hoach/{current.Id}/chuyen-tiep", [("carry", chosen[0].Id.ToString()), ("carry", ownTask.ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(tasksBefore, await app.WithDbAsync(db => db.Tasks.CountAsync(t => t.PlanId == current.Id, Ct)));

        var carried = await office.PostFormAsync($"/ke-hoach/{current.Id}/chuyen-tiep", $"/ke-hoach/{current.Id}/chuyen-tiep", [.. chosen.Select(t => ("carry", t.Id.ToString()))]);
        Assert.Equal(HttpStatusCode.OK, carried.StatusCode);
        Assert.EndsWith($"/ke-hoach/{current.Id}", carried.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var added = await app.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.PlanId == current.Id && t.Source == TaskSources.CarriedOver).OrderBy(t => t.Order).ToListAsync(Ct));
        Assert.Equal(chosen.Select(t => t.Id).Order(), added.Select(t => t.ReplacesTaskId!.Value).Order());
        Assert.All(added, t => Assert.Equal(("Nhiệm vụ chuyển tiếp từ năm 2026", new DateOnly(2027, 12, 31)), (t.Section, t.DeadlineDue!.Value)));
        var policeTask = added.Single(t => t.ReplacesTaskId == chosen[0].Id);
        Assert.Equal((chosen[0].Name, police), (policeTask.Name, policeTask.LeadUnitId!.Value));

        // Linked both ways; last year's lines untouched.
        var newPage = await office.GetStringAsync(new Uri($"/nhiem-vu/{policeTask.Id}", UriKind.Relative), Ct);
        Assert.Contains("id=\"chuyen-tiep-tu\"", newPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/nhiem-vu/{chosen[0].Id}\"", newPage, StringComparison.Ordinal);
        var oldPage = await office.GetStringAsync(new Uri($"/nhiem-vu/{chosen[0].Id}", UriKind.Relative), Ct);
        Assert.Contains("id=\"chuyen-tiep-sang\"", oldPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/nhiem-vu/{policeTask.Id}\"", oldPage, StringComparison.Ordinal);
        Assert.Equal(oldLines, await app.WithDbAsync(db => db.ReportItems.CountAsync(i => i.TaskId == chosen[0].Id, Ct)));

        // This month's police report, still being written, asks about the carried task.
        var january = await app.WithDbAsync(db => db.Periods.AsNoTracking().SingleAsync(p => p.PlanId == current.Id && p.Kind == PeriodKinds.Monthly && p.Number == 1, Ct));
        Assert.Equal(PeriodStates.Open, january.State);
        Assert.True(await app.WithDbAsync(db => db.ReportItems.AnyAsync(i => i.TaskId == policeTask.Id
            && db.Reports.Any(r => r.Id == i.ReportId && r.PeriodId == january.Id && r.UnitId == police), Ct)), "the police's January report has the carried task");

        // Carried once: no longer offered, and carrying it again is refused with nothing saved.
        var again = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/ke-hoach/{current.Id}/chuyen-tiep", UriKind.Relative), Ct));
        Assert.DoesNotContain($"value=\"{chosen[0].Id}\"", again, StringComparison.Ordinal);
        var twice = await office.PostFormAsync($"/ke-hoach/{current.Id}/chuyen-tiep", $"/ke-hoach/{current.Id}/chuyen-tiep", [("carry", chosen[0].Id.ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Tasks.CountAsync(t => t.PlanId == current.Id && t.Source == TaskSources.CarriedOver, Ct)));

        // Last year stays readable: its dashboard by ?nam=, December 2026 as it closed; a year without a programme is not found.
        var lastYear = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri("/bang-dieu-khien?nam=2026", UriKind.Relative), Ct));
        Assert.Contains("<option value=\"2026\" selected=\"selected\">2026</option>", lastYear, StringComparison.Ordinal);
        var december = await app.WithDbAsync(db => db.Periods.Where(p => p.PlanId == last.Id && p.Kind == PeriodKinds.Monthly && p.Number == 12).Select(p => p.Id).SingleAsync(Ct));
        Assert.Contains($"<option value=\"{december}\" selected=\"selected\">", lastYear, StringComparison.Ordinal);
        using var noYear = await office.GetAsync(new Uri("/bang-dieu-khien?nam=2019", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, noYear.StatusCode);

        // A reporter cannot carry tasks over.
        using var reporter = await app.SignedInClientAsync("congan");
        using var refused = await reporter.GetAsync(new Uri($"/ke-hoach/{current.Id}/chuyen-tiep", UriKind.Relative), Ct);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}
