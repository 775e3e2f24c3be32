using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Web.Features.Figures;

namespace RoViec.Web.Tests;

/// <summary>A period's snapshot: stored once, read back equal to a fresh compilation, computed (not stored) by a read when marked stale and stored by the scheduler's rebuild.</summary>
public sealed class SnapshotTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The scope's database and the arranged December period.</summary>
    private static async Task<(RoViecDbContext Db, RoViec.Data.Entities.ReportingPeriod Period)> DecemberAsync(IServiceScope scope, MonthlyReportArrange.December december)
    {
        var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
        return (db, await db.Periods.AsNoTracking().SingleAsync(p => p.Id == december.PeriodId, Ct));
    }

    [Fact]
    public async Task A_snapshot_reads_back_the_figures_a_fresh_compilation_gives_and_is_rebuilt_by_the_scheduler_when_stale()
    {
        await using var app = new RoViecApp();
        var december = await app.ReportedDecemberAsync();
        using var scope = app.Services.CreateScope();
        var (db, period) = await DecemberAsync(scope, december);
        var today = MonthlyReportArrange.ReportDay;

        var built = await PeriodSnapshots.BuildAsync(db, period, new TestClock(today, 10), "Xác minh", "thuongtruc", Ct);
        var stored = await db.PeriodSnapshots.AsNoTracking().SingleAsync(s => s.PeriodId == period.Id, Ct);
        var fresh = await MonthlyReportQuery.CompileAsync(db, period, today, Ct);

        var read = await PeriodSnapshots.ReadAsync(db, period, new TestClock(today, 10), Ct);
        Assert.Equal(stored.BuiltAtUtc, (await db.PeriodSnapshots.AsNoTracking().SingleAsync(s => s.PeriodId == period.Id, Ct)).BuiltAtUtc);
        Assert.Equal(fresh.Rate, read.Report.Rate);
        Assert.Equal(fresh.TaskTotal, read.Report.TaskTotal);
        Assert.Equal(fresh.ByStatus, read.Report.ByStatus);
        Assert.Equal(fresh.Units, read.Report.Units);
        Assert.Equal(fresh.Indicators, read.Report.Indicators);
        Assert.Equal(fresh.Troubled.Count, read.Report.Troubled.Count);
        Assert.Equal(fresh.KeyTaskShare, read.Report.KeyTaskShare);
        Assert.Equal(built.Report.Rate, read.Report.Rate);
        // The police (15/12, verified) and the returned report (18/12) first reached the office by the 20th; the late one on the 21st.
        Assert.Equal(2, read.Report.Rate.OnTime);

        // Marked stale: a read computes the figures and leaves the row as it is; the scheduler's rebuild stores them.
        await PeriodSnapshots.MarkStaleAsync(db, period.Id, Ct);
        Assert.True(await db.PeriodSnapshots.AsNoTracking().Where(s => s.PeriodId == period.Id).Select(s => s.Stale).SingleAsync(Ct));
        var whileStale = await PeriodSnapshots.ReadAsync(db, period, new TestClock(today, 10), Ct);
        Assert.Equal(fresh.Rate, whileStale.Report.Rate);
        Assert.True(await db.PeriodSnapshots.AsNoTracking().Where(s => s.PeriodId == period.Id).Select(s => s.Stale).SingleAsync(Ct));
        Assert.True(await RoViec.Web.Features.Scheduling.SnapshotRefresh.FreshenAsync(db, period, new TestClock(today, 10), Ct));
        Assert.False(await db.PeriodSnapshots.AsNoTracking().Where(s => s.PeriodId == period.Id).Select(s => s.Stale).SingleAsync(Ct));
    }

    [Fact]
    public void A_full_cache_of_parsed_snapshots_still_keeps_the_newest()
    {
        // The cache is shared by every commune of the process: filled past its size in one go (many communes' pages at
        // once), each newly parsed snapshot is still kept — before, a full cache refused it until it compacted itself later.
        var figures = PeriodSnapshots.Deserialize("{\"periodId\":\"" + Guid.NewGuid() + "\",\"kind\":\"Monthly\",\"year\":2026,\"number\":1,\"label\":\"Tháng 1/2026\",\"asOf\":\"2026-01-22\",\"report\":null}");
        var kept = Enumerable.Range(0, 200).Select(_ => PeriodSnapshots.Remember(Guid.NewGuid(), figures!)).ToList();
        Assert.All(kept, Assert.True);
    }

    [Fact]
    public async Task An_unchanged_snapshot_is_parsed_once_and_a_rebuilt_one_is_read_anew()
    {
        await using var app = new RoViecApp();
        var december = await app.ReportedDecemberAsync();
        using var scope = app.Services.CreateScope();
        var (db, period) = await DecemberAsync(scope, december);
        var today = MonthlyReportArrange.ReportDay;
        await PeriodSnapshots.BuildAsync(db, period, new TestClock(today, 10), "Xác minh", "thuongtruc", Ct);

        var first = await PeriodSnapshots.ReadAsync(db, period, new TestClock(today, 10), Ct);
        var second = await PeriodSnapshots.ReadAsync(db, period, new TestClock(today, 10), Ct);
        Assert.Same(first, second);

        // The late unit's report is verified: the rebuilt snapshot is read, not the one parsed before.
        var verifiedBefore = first.Report.Units.Count(u => u.State == RoViec.Data.Entities.ReportStates.Verified);
        await db.Reports.Where(r => r.PeriodId == period.Id && r.UnitId == december.Late)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, RoViec.Data.Entities.ReportStates.Verified), Ct);
        await PeriodSnapshots.BuildAsync(db, period, new TestClock(today, 10), "Xác minh", "thuongtruc", Ct);
        var after = await PeriodSnapshots.ReadAsync(db, period, new TestClock(today, 10), Ct);
        Assert.NotSame(first, after);
        Assert.Equal(verifiedBefore + 1, after.Report.Units.Count(u => u.State == RoViec.Data.Entities.ReportStates.Verified));
    }
}
