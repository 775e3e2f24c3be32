using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Features.Notifications;
using RoViec.Web.Features.Proposals;
using RoViec.Web.Features.Scores;

namespace RoViec.Web.Features.Scheduling;

/// <summary>
/// One tick of the scheduled work, done by the instance holding the "scheduler" lease: periods along the calendar
/// whenever one's day has come (<see cref="AdvancePeriods"/>); once per commune and Vietnam day (<see cref="DailyRuns"/>)
/// reminders (<see cref="Reminders"/>), task alerts (<see cref="TaskAlerts"/>) and proposal reminders; the period
/// snapshots reads no longer store (<see cref="SnapshotRefresh"/>: the stale ones, and once per commune and day those
/// not derived for today); then the e-mails (<see cref="NoticeMailer"/>): each notice's own, and from
/// 07:00 Vietnam time the day's digests for the users who chose one. "Today" is the Vietnam
/// date of the injected <see cref="TimeProvider"/>; the lease runs on the injected wall clock (keyed
/// <see cref="WallClock"/>), because it is about which process is alive, not about the calendar: a test that moves
/// the calendar a day ahead must not make a living instance's lease expire.
/// </summary>
public sealed class ScheduledWork(IServiceScopeFactory scopes, TimeProvider clock, [FromKeyedServices(ScheduledWork.WallClock)] TimeProvider wallClock,
    NoticeMailer mailer, Shared.Files.FileStore files, IConfiguration configuration, ILogger<ScheduledWork> log)
{
    /// <summary>How often this instance sweeps the file store of files no row names (<see cref="Shared.Files.FileSweep"/>).</summary>
    public static readonly TimeSpan SweepEvery = TimeSpan.FromHours(6);

    private DateTime lastSweepUtc = DateTime.MinValue;

    public const string LeaseName = "scheduler";

    /// <summary>The key of the clock that measures elapsed real time (leases), registered by the composition root.</summary>
    public const string WallClock = Shared.Time.AppClock.WallClock;

    /// <summary>This instance, as the lease names its holder.</summary>
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <param name="Days">How many communes had their day-level work (reminders, task alerts) done in this tick.</param>
    /// <param name="Rebuilt">How many period snapshots were built and stored in this tick.</param>
    public sealed record Outcome(bool Ran, int Opened, int Closed, int Notices, int Mails, int Days = 0, int Rebuilt = 0);

    /// <summary>At most this many snapshots are built a tick (<c>RoViec:Scheduler:SnapshotsPerTick</c>, 20 by default).</summary>
    public int SnapshotsPerTick => Math.Max(1, configuration.GetValue("RoViec:Scheduler:SnapshotsPerTick", 20));

    public TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("RoViec:Scheduler:IntervalSeconds", 60)));

    /// <summary>Long enough to outlive a few ticks; another instance takes over only when the holder stops renewing.</summary>
    public TimeSpan LeaseDuration => TimeSpan.FromTicks(Math.Max(Interval.Ticks * 3, TimeSpan.FromMinutes(1).Ticks));

    public async Task<Outcome> RunOnceAsync(CancellationToken ct)
    {
        // Each tick is a trace and a count; the work's duration is measured when this instance held the lease.
        using var activity = Shared.Telemetry.Telemetry.Source.StartActivity("scheduler.tick");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = await TickAsync(ct);
        Shared.Telemetry.Telemetry.SchedulerTicks.Add(1, new KeyValuePair<string, object?>("ran", outcome.Ran));
        if (outcome.Ran) Shared.Telemetry.Telemetry.SchedulerTickDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        activity?.SetTag("roviec.ran", outcome.Ran).SetTag("roviec.opened", outcome.Opened).SetTag("roviec.closed", outcome.Closed).SetTag("roviec.notices", outcome.Notices);
        return outcome;
    }

    private async Task<Outcome> TickAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        // The scheduler lists every commune's plans, then works on each inside that commune's boundary.
        var boundary = scope.ServiceProvider.GetRequiredService<CommuneBoundary>();
        boundary.CrossAll(Crossing.Scheduler);
        var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
        if (!await JobLeases.TryAcquireAsync(db, LeaseName, Holder, LeaseDuration, wallClock.GetUtcNow().UtcDateTime, ct)) return new Outcome(false, 0, 0, 0, 0);

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(VietnamTime.FromUtc(nowUtc));
        // One query a tick: the active plans of the communes whose day-level work is not done today, and the plans with
        // a period to open or close (indexed on the periods' state and days). Once every commune's day is done, it
        // returns nothing until a period's day comes or the day turns.
        var work = await db.Plans.AsNoTracking()
            .Where(p => p.Status == PlanStatuses.Active)
            .Select(p => new
            {
                Plan = p,
                DayDone = db.DailyRuns.Any(r => r.CommuneId == p.CommuneId && r.Job == DailyRuns.Notices && r.DoneOn == today),
                PeriodsDue = db.Periods.Any(x => x.PlanId == p.Id
                    && ((x.State == PeriodStates.Scheduled && x.OpensOn <= today) || (x.State == PeriodStates.Open && x.CompileDueOn < today)
                        || (x.State == PeriodStates.Open && x.OpenedAtUtc == null))),
            })
            .Where(x => !x.DayDone || x.PeriodsDue)
            .OrderBy(x => x.Plan.CommuneId).ToListAsync(ct);
        int opened = 0, closed = 0, notices = 0, days = 0;
        foreach (var commune in work.GroupBy(x => x.Plan.CommuneId))
        {
            boundary.Enclose([commune.Key]);
            var dayWork = !commune.First().DayDone;
            var failed = false;
            Recipients? people = null;
            foreach (var (plan, periodsDue) in commune.Select(x => (x.Plan, x.PeriodsDue)))
            {
                try
                {
                    // A commune whose day is done gets only its periods moved along; the day's first tick also lays out
                    // a plan's missing calendar (PeriodCalendar), which confirming a plan does already.
                    if (dayWork || periodsDue)
                    {
                        var periods = await AdvancePeriods.RunAsync(db, plan, today, nowUtc, ct);
                        opened += periods.Opened;
                        closed += periods.Closed;
                        // A month's scores become final when it closes: rescored once more, so a unit with no report by the
                        // closing day is deducted (a month without any verified report has no score and is left alone).
                        foreach (var month in periods.ClosedMonths)
                            await ScoreService.RecomputeAsync(db, month, "Khóa sổ tháng: điểm chính thức", "hệ thống", clock, ct);
                    }
                    if (dayWork)
                    {
                        people ??= await Recipients.LoadAsync(db, plan.CommuneId, ct);
                        var reminders = await Reminders.ComputeAsync(db, plan, people, today, ct);
                        var alerts = await TaskAlerts.RunAsync(db, plan, people, today, ct);
                        notices += await Notices.SendManyAsync(db, [.. reminders, .. alerts.Notices], nowUtc, ct);
                    }
                }
                catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
                {
                    // One commune's trouble (a concurrent edit, a bad row) must not stop the others; the next tick tries again.
                    failed = true;
                    log.LogError(ex, "Việc định kỳ của kế hoạch {Plan} bị lỗi (scheduled work failed for plan)", plan.Id);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
            if (dayWork)
            {
                try
                {
                    // Next year's proposals: a week before the commune's due day, the units that have not sent theirs are reminded.
                    people ??= await Recipients.LoadAsync(db, commune.Key, ct);
                    notices += await Notices.SendManyAsync(db, await ProposalNotices.RemindersAsync(db, commune.Key, people, today, ct), nowUtc, ct);
                    // A day with a failure is tried again at the next tick (notices are keyed, so none is given twice).
                    if (!failed)
                    {
                        await DailyRuns.MarkDoneAsync(db, commune.Key, DailyRuns.Notices, today, ct);
                        days++;
                    }
                }
                catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
                {
                    log.LogError(ex, "Nhắc gửi đề xuất năm sau của xã {Commune} bị lỗi (proposal reminders failed)", commune.Key);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
            if (!await JobLeases.TryAcquireAsync(db, LeaseName, Holder, LeaseDuration, wallClock.GetUtcNow().UtcDateTime, ct))
            {
                log.LogWarning("Mất quyền chạy việc định kỳ giữa chừng (scheduler lease lost); dừng lượt này");
                return new Outcome(true, opened, closed, notices, 0, days);
            }
        }
        boundary.CrossAll(Crossing.Scheduler);
        // Follow-ups of changes a request saved but did not finish (the process died, a handler failed), and the snapshots
        // to build, are listed across communes now; each is done inside its commune after the mail, the follow-ups first
        // (their scores before the snapshots that show them).
        var changes = scope.ServiceProvider.GetRequiredService<Evaluation.PeriodChanges>();
        var left = await changes.LeftAsync(ct);
        var stale = await SnapshotRefresh.StaleAsync(db, SnapshotsPerTick, ct);
        var ofTheDay = await SnapshotRefresh.OfTheDayAsync(db, today, ct);
        await SweepFilesAsync(db, ct);
        var mails = await mailer.SendPendingAsync(db, nowUtc, ct);
        mails += await mailer.SendDigestsAsync(db, nowUtc, ct);
        await changes.RunLeftAsync(left, boundary, ct);
        var rebuilt = await FreshenSnapshotsAsync(db, boundary, stale, ofTheDay, today, ct);
        return new Outcome(true, opened, closed, notices, mails, days, rebuilt);
    }

    /// <summary>Every <see cref="SweepEvery"/>, the files no row of any commune names are forgotten.</summary>
    private async Task SweepFilesAsync(RoViecDbContext db, CancellationToken ct)
    {
        var wallNow = wallClock.GetUtcNow().UtcDateTime;
        if (wallNow - lastSweepUtc < SweepEvery) return;
        lastSweepUtc = wallNow;
        try
        {
            await Shared.Files.FileSweep.RunAsync(db, files, wallNow, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.LogError(ex, "Dọn thư mục tệp bị lỗi (file sweep failed)");
        }
    }

    /// <summary>
    /// Builds and stores the stale snapshots, then the day's pass of the communes not done today, at most
    /// <see cref="SnapshotsPerTick"/> builds in all; a commune's day is done when all its periods were looked at without a failure.
    /// Each build runs inside its commune's boundary (the lists were read across communes).
    /// </summary>
    private async Task<int> FreshenSnapshotsAsync(RoViecDbContext db, CommuneBoundary boundary, IReadOnlyList<ReportingPeriod> stale,
        IReadOnlyList<ReportingPeriod> ofTheDay, DateOnly today, CancellationToken ct)
    {
        var budget = SnapshotsPerTick;
        var built = 0;
        foreach (var period in stale)
        {
            boundary.Enclose([period.CommuneId]);
            if (await TryFreshenAsync(db, period, ct) is true) built++;
        }
        if (built >= budget) return built;
        foreach (var commune in ofTheDay.GroupBy(p => p.CommuneId))
        {
            boundary.Enclose([commune.Key]);
            var complete = true;
            foreach (var period in commune)
            {
                if (built >= budget)
                {
                    complete = false;
                    break;
                }
                switch (await TryFreshenAsync(db, period, ct))
                {
                    case true: built++; break;
                    case null: complete = false; break;
                }
            }
            if (complete) await DailyRuns.MarkDoneAsync(db, commune.Key, DailyRuns.Snapshots, today, ct);
            if (built >= budget) break;
        }
        return built;
    }

    /// <summary>Freshens one period's snapshot: true when built, false when it was current, null when it failed (tried again later).</summary>
    private async Task<bool?> TryFreshenAsync(RoViecDbContext db, ReportingPeriod period, CancellationToken ct)
    {
        try
        {
            return await SnapshotRefresh.FreshenAsync(db, period, clock, ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            log.LogError(ex, "Lập lại số liệu kỳ {Period} bị lỗi (snapshot rebuild failed)", period.Id);
            return null;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Gives the lease up when the application stops.</summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        await JobLeases.ReleaseAsync(scope.ServiceProvider.GetRequiredService<RoViecDbContext>(), LeaseName, Holder, wallClock.GetUtcNow().UtcDateTime, ct);
    }
}
