using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Web.Features.Periods;
using RoViec.Web.Features.Workspace;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Tests;

/// <summary>The demo's simulated year: months closed with reports, some late, returned, missing; slipping tasks; scores; the same every run.</summary>
public sealed class DemoHistoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static RoViecApp App(string? connection = null) => new()
    {
        Clock = new TestClock(Today, 10),
        ConnectionString = connection,
        Settings = new Dictionary<string, string> { ["RoViec:Demo:History"] = "true" },
    };

    [Fact]
    public async Task The_demo_commune_has_a_living_year_of_reports()
    {
        await using var app = App();
        using var client = app.CreateClient();
        var periods = await app.WithDbAsync(db => db.Periods.AsNoTracking().Where(p => p.Kind == PeriodKinds.Monthly).OrderBy(p => p.Number).ToListAsync(Ct));
        Assert.All(periods.Where(p => p.Number <= 11), p => Assert.Equal(PeriodStates.Closed, p.State));
        // November's compile day (the 22nd) has passed: the office has opened December ahead of its day, so reports are due.
        Assert.Equal(PeriodStates.Open, periods.Single(p => p.Number == 12).State);

        var reports = await app.WithDbAsync(db => db.Reports.AsNoTracking().Join(db.Periods, r => r.PeriodId, p => p.Id, (r, p) => new { r, p }).ToListAsync(Ct));
        Assert.All(periods.Where(p => p.Number <= 11), p => Assert.Contains(reports, x => x.p.Id == p.Id));
        var verified = reports.Count(x => x.r.State == ReportStates.Verified);
        Assert.True(verified > reports.Count * 3 / 4, $"{verified} of {reports.Count} verified");
        Assert.Contains(reports, x => x.r.FirstSubmittedAtUtc is { } at && DateOnly.FromDateTime(at.AddHours(7)) > x.p.UnitDueOn);
        Assert.Contains(reports, x => x.r.ReturnedAtUtc is not null && x.r.State == ReportStates.Verified);
        Assert.Contains(reports, x => x.r.State == ReportStates.Draft);
        Assert.Equal(2, reports.Count(x => x.p.Number == 11 && x.r.State == ReportStates.Submitted));
        // Nothing in the history happens after today.
        var now = Today.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc).AddHours(-7);
        Assert.All(reports, x => Assert.True(new[] { x.r.FirstSubmittedAtUtc, x.r.SubmittedAtUtc, x.r.ReturnedAtUtc, x.r.VerifiedAtUtc }.All(at => at is null || at < now),
            $"{x.p.Label}: sent {x.r.SubmittedAtUtc:u}, verified {x.r.VerifiedAtUtc:u}, after {now:u}"));
        // A month is closed after the last of its reports was sent and verified, and before today.
        Assert.All(reports.Where(x => x.p.State == PeriodStates.Closed), x => Assert.True(x.p.ClosedAtUtc is { } closed && closed < now
            && new[] { x.r.SubmittedAtUtc, x.r.VerifiedAtUtc }.All(at => at is null || at < closed), $"{x.p.Label} closed {x.p.ClosedAtUtc:u}, report sent {x.r.SubmittedAtUtc:u}, verified {x.r.VerifiedAtUtc:u}"));

        var planId = periods[0].PlanId;
        var health = await app.WithDbAsync(db => PlanHealth.ComputeAsync(db, planId, Today, Ct));
        Assert.Contains(TaskHealth.Overdue, health.Values);
        Assert.Contains(TaskHealth.AtRisk, health.Values);
        Assert.Contains(TaskHealth.DoneOnTime, health.Values);

        // Every closed month is scored and has its snapshot.
        var scored = await app.WithDbAsync(db => db.UnitScores.Select(s => s.PeriodId).Distinct().CountAsync(Ct));
        var snapshots = await app.WithDbAsync(db => db.PeriodSnapshots.CountAsync(Ct));
        Assert.Equal(11, scored);
        // The eleven months and the year's own report (due in November), verified and closed.
        Assert.Equal(12, snapshots);
        var year = await app.WithDbAsync(db => db.Periods.AsNoTracking().SingleAsync(p => p.Kind == PeriodKinds.Annual, Ct));
        Assert.Equal(PeriodStates.Closed, year.State);
        Assert.Contains(reports, x => x.p.Id == year.Id && x.r.State == ReportStates.Verified);
        Assert.True(await app.WithDbAsync(db => db.BudgetEntries.AnyAsync(Ct)));
        // Money (Budgets): tasks allocated and disbursed month by month before today, one information system below the threshold.
        var disbursed = await app.WithDbAsync(db => db.TaskDisbursements.AsNoTracking().Select(d => new { d.Year, d.Month }).ToListAsync(Ct));
        Assert.True(disbursed.Count > 10, $"{disbursed.Count} disbursements");
        Assert.All(disbursed, d => Assert.True(d.Year == Today.Year && d.Month < Today.Month, $"{d.Month}/{d.Year}"));
        var below = await app.WithDbAsync(db => RoViec.Web.Features.Budgets.BudgetFigures.BelowThresholdAsync(db, periods[0].CommuneId, periods[0].PlanId, Ct));
        Assert.Equal(1, below.Count);

        // Every demo account has work: the second reporter's unit (culture and social affairs) leads the plan's training
        // tasks and reports in the open month; the police head approves, the police being the unit with a head's account.
        var culture = await app.UnitIdAsync("phong-van-hoa-xa-hoi");
        Assert.True(await app.WithDbAsync(db => db.Tasks.CountAsync(t => t.PlanId == planId && t.LeadUnitId == culture, Ct)) >= 3);
        Assert.Contains(reports, x => x.p.Number == 12 && x.p.Kind == PeriodKinds.Monthly && x.r.UnitId == culture);
        Assert.True(await app.WithDbAsync(db => db.ReportingRules.Where(r => r.PlanId == planId).Select(r => r.RequireHeadApproval).SingleAsync(Ct)));
        // The weeks before today gave at-risk and overdue alerts to the steering members over the units (the units whose
        // tasks turned have no accounts in the demo).
        var alerted = await app.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NoticeKinds.TaskAlert).Select(n => n.UserId).Distinct().ToListAsync(Ct));
        var steering = await app.WithDbAsync(db => db.SteeringMembers.Where(m => m.UserId != null).Select(m => m.UserId!.Value).ToListAsync(Ct));
        Assert.Contains(alerted, steering.Contains);
    }

    [Fact]
    public async Task The_police_reporter_and_head_have_a_task_alert_and_the_inspector_a_pending_cross_check()
    {
        await using var app = App();
        using var _ = app.CreateClient();
        var police = await app.UnitIdAsync("cong-an");

        // A task the police lead fell behind in the weeks before today: its reporter and its head were alerted.
        foreach (var userName in new[] { "congan", "truongcongan" })
        {
            var user = await app.UserIdAsync(userName);
            var alerts = await app.WithDbAsync(db => (from n in db.Notifications
                                                      where n.UserId == user && n.Kind == NoticeKinds.TaskAlert
                                                      select n.Link).ToListAsync(Ct));
            Assert.NotEmpty(alerts);
            var tasks = alerts.Select(l => Guid.Parse(l!["/nhiem-vu/".Length..])).ToList();
            Assert.True(await app.WithDbAsync(db => db.Tasks.AnyAsync(t => tasks.Contains(t.Id) && t.LeadUnitId == police, Ct)), $"{userName} is alerted of a police task");
        }

        // The inspection committee drew its sample of the latest closed month (November; December is open ahead of its day) and has it to check.
        var checks = await app.WithDbAsync(db => (from c in db.CrossChecks
                                                  join p in db.Periods on c.PeriodId equals p.Id
                                                  select new { c.Result, p.Number, p.Kind }).ToListAsync(Ct));
        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.Equal((CrossCheckResults.Pending, 11, PeriodKinds.Monthly), (c.Result, c.Number, c.Kind)));
        var inspector = await app.UserIdAsync("ubkt");
        var todo = await app.WithDbAsync(async db =>
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, inspector.ToString())], "test"));
            var scope = await new CurrentUser(db).ScopeAsync(principal, Ct);
            var plan = await db.Plans.SingleAsync(p => p.Status == PlanStatuses.Active && p.Rhythm == PlanRhythms.Monthly, Ct);
            return await ToDo.ForAsync(db, scope, plan.CommuneId, plan.Id, Today, Ct);
        });
        var item = Assert.Single(todo, t => t.Link == "/kiem-tra-cheo");
        Assert.Equal($"{checks.Count} dòng báo cáo được chọn kiểm tra chéo chưa kiểm tra.", item.Text.ToString());
    }

    [Fact]
    public async Task The_history_is_the_same_on_every_run_and_on_postgresql()
    {
        var pg = Environment.GetEnvironmentVariable("ROVIEC_TEST_PG");
        Assert.False(string.IsNullOrEmpty(pg), "ROVIEC_TEST_PG is not set");
        var database = SchedulingApp.NewPostgresDatabase();
        try
        {
            string first, second;
            await using (var app = App())
            {
                using var _ = app.CreateClient();
                first = await DigestAsync(app);
            }
            await using (var app = App(database))
            {
                using var _ = app.CreateClient();
                second = await DigestAsync(app);
            }
            Assert.Equal(first, second);
        }
        finally
        {
            await SchedulingApp.DropPostgresDatabaseAsync(database);
        }
    }

    /// <summary>
    /// On any day of any year the demo lives in that year: the plan in force is this year's, the month is open after the
    /// scheduler's first tick with reports due, a closed month has its scores and its official report, and some reports
    /// came late. Early in January (nothing of the year closed yet) last year's plan is shown closed with its year.
    /// </summary>
    [Theory]
    // Early January (last year's plan), a leap day, late December (the year-end report), and a day after the compile
    // day of a month (the next month opened ahead): the day most demo tests run on, whose demo the run has made already.
    [InlineData("2027-01-15")]
    [InlineData("2028-02-29")]
    [InlineData("2029-12-31")]
    [InlineData("2026-11-24")]
    public async Task The_demo_lives_in_the_current_year_on_any_date(string date)
    {
        var today = DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await using var app = new RoViecApp
        {
            Clock = new TestClock(today, 10),
            Settings = new Dictionary<string, string> { ["RoViec:Demo:History"] = "true" },
        };
        await app.Services.GetRequiredService<RoViec.Web.Features.Scheduling.ScheduledWork>().RunOnceAsync(Ct);
        var plans = await app.WithDbAsync(db => db.Plans.AsNoTracking().Where(p => p.Status != PlanStatuses.Draft).ToListAsync(Ct));
        var inForce = Assert.Single(plans, p => p.Status == PlanStatuses.Active && p.Rhythm == PlanRhythms.Monthly);
        Assert.Equal(today.Year, inForce.Year);
        // Beside it, a campaign of this year reporting weekly: its weeks before this one reported and closed, this week open.
        var campaign = Assert.Single(plans, p => p.Status == PlanStatuses.Active && p.Rhythm == PlanRhythms.Weekly);
        Assert.Equal(today.Year, campaign.Year);
        var weeks = await app.WithDbAsync(db => db.Periods.AsNoTracking().Where(p => p.PlanId == campaign.Id).OrderBy(p => p.StartsOn).ToListAsync(Ct));
        Assert.All(weeks, w => Assert.Equal(PeriodKinds.Weekly, w.Kind));
        var thisWeek = Assert.Single(weeks, w => w.StartsOn <= today && today <= w.EndsOn);
        Assert.Equal(PeriodStates.Open, thisWeek.State);
        // Until its Friday this week's reports are being written; after it (the weekend) they are in.
        var writing = today <= thisWeek.UnitDueOn ? ReportStates.Draft : ReportStates.Verified;
        Assert.True(await app.WithDbAsync(db => db.Reports.AnyAsync(r => r.PeriodId == thisWeek.Id && r.State == writing, Ct)), $"this week's reports are {writing}");
        var reported = weeks.Where(w => w.UnitDueOn < today).Select(w => w.Id).ToList();
        Assert.All(await app.WithDbAsync(db => db.Reports.Where(r => reported.Contains(r.PeriodId)).Select(r => r.State).ToListAsync(Ct)),
            s => Assert.Equal(ReportStates.Verified, s));
        Assert.All(weeks.Where(w => w.CompileDueOn < today), w => Assert.Equal(PeriodStates.Closed, w.State));
        var periods = await app.WithDbAsync(db => db.Periods.AsNoTracking().ToListAsync(Ct));
        // This month is open; after its compile day (the 23rd on) next month has been opened ahead of its day, and in
        // late December, whose next month is next year's, every unit has been asked for an ad-hoc year-end report.
        var open = Assert.Single(periods, p => p.PlanId == inForce.Id && p.State == PeriodStates.Open && p.UnitDueOn >= today.AddDays(-2));
        if (today.Day <= 22) Assert.Equal((PeriodKinds.Monthly, today.Month), (open.Kind, open.Number));
        else if (today.Month < 12) Assert.Equal((PeriodKinds.Monthly, today.Month + 1), (open.Kind, open.Number));
        else Assert.Equal(PeriodKinds.AdHoc, open.Kind);
        Assert.True(await app.WithDbAsync(db => db.Reports.AnyAsync(r => r.PeriodId == open.Id, Ct)), "the open period has reports due");
        Assert.All(periods.Where(p => p.PlanId == inForce.Id && p.Id != open.Id && p.StartsOn > today), p => Assert.Equal(PeriodStates.Scheduled, p.State));

        // The latest closed month, of this year or (early in January) of last year, is scored and has its report.
        var closed = periods.Where(p => p.Kind == PeriodKinds.Monthly && p.State == PeriodStates.Closed).MaxBy(p => p.StartsOn);
        Assert.NotNull(closed);
        Assert.True(closed.CompileDueOn < today);
        Assert.True(await app.WithDbAsync(db => db.UnitScores.AnyAsync(s => s.PeriodId == closed.Id, Ct)), $"{closed.Label} is scored");
        using var office = await app.SignedInClientAsync("thuongtruc");
        using var report = await office.GetAsync(new Uri($"/ky-bao-cao/{closed.Id}/bao-cao.docx", UriKind.Relative), Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, report.StatusCode);
        var late = await app.WithDbAsync(db => (from r in db.Reports
                                                join p in db.Periods on r.PeriodId equals p.Id
                                                where r.FirstSubmittedAtUtc != null
                                                select new { r.FirstSubmittedAtUtc, p.UnitDueOn }).ToListAsync(Ct));
        Assert.Contains(late, r => DateOnly.FromDateTime(r.FirstSubmittedAtUtc!.Value.AddHours(7)) > r.UnitDueOn);

        if (today.Month == 1 && today.Day <= 22)
        {
            // Nothing of the year has closed: last year's plan is there, replaced, its whole year closed with its annual report.
            var last = Assert.Single(plans, p => p.Status == PlanStatuses.Replaced);
            Assert.Equal(today.Year - 1, last.Year);
            Assert.Equal(last.Id, inForce.ReplacesPlanId);
            Assert.All(periods.Where(p => p.PlanId == last.Id), p => Assert.Equal(PeriodStates.Closed, p.State));
            var year = Assert.Single(periods, p => p.PlanId == last.Id && p.Kind == PeriodKinds.Annual);
            Assert.True(await app.WithDbAsync(db => db.PeriodSnapshots.AnyAsync(s => s.PeriodId == year.Id, Ct)), "last year's annual figures");
        }
        else Assert.DoesNotContain(plans, p => p.Status == PlanStatuses.Replaced);
    }

    [Fact]
    public async Task Without_the_setting_the_demo_has_no_reports()
    {
        await using var app = new RoViecApp();
        using var _ = app.CreateClient();
        Assert.Equal(0, await app.WithDbAsync(db => db.Reports.CountAsync(Ct)));
    }

    /// <summary>Every report's unit, month, state, times and line values, as one hash (ids differ between databases).</summary>
    private static Task<string> DigestAsync(RoViecApp app) => app.WithDbAsync(async db =>
    {
        var rows = await (
            from item in db.ReportItems.AsNoTracking()
            join report in db.Reports.AsNoTracking() on item.ReportId equals report.Id
            join period in db.Periods.AsNoTracking() on report.PeriodId equals period.Id
            join unit in db.Units.AsNoTracking() on report.UnitId equals unit.Id
            select new { unit.Key, period.Kind, period.StartsOn, period.Number, report.State, report.FirstSubmittedAtUtc, item.Order, item.TaskStatus, item.Percent, item.Value, item.Numerator, item.CompletedOn, item.WorkDone })
            .ToListAsync(Ct);
        var text = string.Join("\n", rows
            // A total order: a unit has a month and a campaign week with the same number.
            .OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.StartsOn).ThenBy(r => r.Order)
            .Select(r => FormattableString.Invariant($"{r.Key}|{r.Kind}|{r.Number}|{r.State}|{r.FirstSubmittedAtUtc:yyyy-MM-dd HH:mm}|{r.Order}|{r.TaskStatus}|{r.Percent}|{r.Value:0.####}|{r.Numerator:0.####}|{r.CompletedOn}|{r.WorkDone}")));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    });
}
