using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data.Entities;
using RoViec.Web.Features.Evaluation;
using RoViec.Web.Features.Scheduling;

namespace RoViec.Web.Tests;

/// <summary>
/// The follow-up of a verification (rescoring, the snapshot) is crash-safe: a pending mark commits with the change, so a
/// process that dies between the commit and the rescoring leaves the month marked, and the scheduler rescoring it.
/// The death is played by the test-only switch <see cref="PeriodChanges.TestingSkipSetting"/>: the request commits and
/// returns without its follow-up.
/// </summary>
public sealed class FollowUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_verification_whose_rescoring_never_ran_is_marked_pending_and_rescored_by_the_scheduler()
    {
        await using var app = new RoViecApp { Settings = new Dictionary<string, string> { [PeriodChanges.TestingSkipSetting] = "true" } };
        var periodId = await app.OpenPeriodAsync();
        var reportId = await app.ReportIdAsync(periodId);
        using var reporter = await app.ClientAsync("congan");
        using var office = await app.ClientAsync("thuongtruc");
        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "Submit", await app.CompleteFieldsAsync(reportId)), reportId);
        ReportsArrange.IsRedirectBack(await office.PostReportAsync(reportId, "Verify"), reportId);

        // Verified, but not rescored: the month is marked, not silently stale.
        Assert.Equal(ReportStates.Verified, (await app.ReportAsync(reportId)).State);
        Assert.Equal(0, await app.WithDbAsync(db => db.UnitScores.CountAsync(s => s.PeriodId == periodId, Ct)));
        Assert.Equal(["Received", "Verified"], await app.WithDbAsync(db => db.PendingChanges.Where(p => p.PeriodId == periodId).OrderBy(p => p.RecordedAtUtc).Select(p => p.Kind).ToListAsync(Ct)));

        // Within its grace the change is the request's own: the scheduler leaves it.
        var scheduler = app.Services.GetRequiredService<ScheduledWork>();
        await scheduler.RunOnceAsync(Ct);
        Assert.Equal(2, await app.WithDbAsync(db => db.PendingChanges.CountAsync(Ct)));

        // Later, it is the scheduler's: rescored, the snapshot rebuilt, the marks gone.
        var longAgo = app.Services.GetRequiredKeyedService<TimeProvider>(ScheduledWork.WallClock).GetUtcNow().UtcDateTime - PeriodChanges.Grace - TimeSpan.FromSeconds(1);
        await app.WithDbAsync(db => db.PendingChanges.ExecuteUpdateAsync(u => u.SetProperty(p => p.RecordedAtUtc, longAgo), Ct));
        await scheduler.RunOnceAsync(Ct);
        Assert.Equal(0, await app.WithDbAsync(db => db.PendingChanges.CountAsync(Ct)));
        Assert.True(await app.WithDbAsync(db => db.UnitScores.CountAsync(s => s.PeriodId == periodId, Ct)) > 0);
        var snapshot = await app.WithDbAsync(db => db.PeriodSnapshots.AsNoTracking().SingleAsync(s => s.PeriodId == periodId, Ct));
        Assert.False(snapshot.Stale);
        Assert.Contains("Xác minh", snapshot.Reason, StringComparison.Ordinal);
    }
}
