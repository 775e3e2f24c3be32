using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Figures;
using RoViec.Web.Features.Scheduling;

namespace RoViec.Web.Tests;

/// <summary>
/// No GET writes: a period snapshot that is stale or derived for an earlier day is computed for the reader (the
/// commune's dashboard, the anonymous public page) and left as it is; the scheduler's next tick stores it, with its
/// summary row. A change marked while a build runs keeps the snapshot stale.
/// </summary>
public sealed class ReadsDoNotWriteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A field name no real task has: the stored figures were tampered with, so showing it means showing them.</summary>
    private const string OldField = "Lĩnh vực của số liệu cũ";

    private static RoViecApp App(string? connection = null) => new()
    {
        ConnectionString = connection,
        Clock = new TestClock(new DateOnly(2026, 11, 24), 10),
        Settings = new Dictionary<string, string>
        {
            ["RoViec:Demo:History"] = "true",
            ["RoViec:Scheduler:SnapshotsPerTick"] = "500",
        },
    };

    /// <summary>Everything a read could have written: the snapshots, the summary rows, the common values and the audit.</summary>
    private static Task<string> WrittenAsync(RoViecApp app) => app.WithDbAsync(async db =>
    {
        var snapshots = await db.PeriodSnapshots.AsNoTracking().OrderBy(s => s.PeriodId)
            .Select(s => s.PeriodId + ":" + s.Version + ":" + s.Stale + ":" + s.BuiltAtUtc.Ticks + ":" + s.Figures.Length).ToListAsync(Ct);
        var summaries = await db.CommunePeriodSummaries.AsNoTracking().OrderBy(s => s.PeriodId)
            .Select(s => s.Id + ":" + s.BuiltAtUtc.Ticks + ":" + s.AsOf).ToListAsync(Ct);
        var values = await db.CommuneIndicatorValues.AsNoTracking().OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(Ct);
        var audit = await db.Audit.AsNoTracking().CountAsync(Ct);
        return string.Join("\n", [.. snapshots, .. summaries, .. values.Select(v => v.ToString()), audit.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    });

    /// <summary>
    /// October (the month the public page shows) as if built earlier: every task in a field no task has, and either
    /// marked stale or derived for a day before its compile day (its summary row too).
    /// </summary>
    private static async Task<ReportingPeriod> OutdatedOctoberAsync(RoViecApp app, bool stale)
    {
        var october = await app.WithDbAsync(db => db.Periods.AsNoTracking().SingleAsync(p => p.Kind == PeriodKinds.Monthly && p.Year == 2026 && p.Number == 10, Ct));
        await app.WithDbAsync(async db =>
        {
            var row = await db.PeriodSnapshots.SingleAsync(s => s.PeriodId == october.Id, Ct);
            var figures = PeriodSnapshots.Deserialize(row.Figures)!;
            Assert.Equal(october.CompileDueOn, figures.AsOf);
            var earlier = october.CompileDueOn.AddDays(-3);
            figures = figures with
            {
                AsOf = stale ? figures.AsOf : earlier,
                Tasks = [.. figures.Tasks.Select(t => t with { Field = OldField })],
            };
            row.Figures = PeriodSnapshots.Serialize(figures);
            row.Stale = stale;
            row.Version = Guid.NewGuid();
            if (!stale)
                await db.CommunePeriodSummaries.Where(s => s.PeriodId == october.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.AsOf, earlier), Ct);
            return await db.SaveChangesAsync(Ct);
        });
        return october;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_get_shows_fresh_figures_and_writes_nothing_and_the_next_tick_stores_them(bool stale)
    {
        await using var app = App();
        using var office = await app.SignedInClientAsync("thuongtruc");
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var slug = await app.WithDbAsync(db => db.PublicPages.Select(p => p.Slug).SingleAsync(Ct));
        var october = await OutdatedOctoberAsync(app, stale);
        var before = await WrittenAsync(app);

        var dashboard = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/bang-dieu-khien?ky={october.Id}", UriKind.Relative), Ct));
        var chart = await office.GetAsync(new Uri($"/bang-dieu-khien/{october.Id}/trang-thai.svg", UriKind.Relative), Ct);
        var response = await anonymous.GetAsync(new Uri($"/cong-khai/{slug}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        // The figures shown are those of the data now, not the stored ones.
        var fresh = await app.WithDbAsync(db => PeriodSnapshots.ComputeAsync(db, october, app.Clock, Ct));
        Assert.DoesNotContain(OldField, dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain(OldField, page, StringComparison.Ordinal);
        foreach (var field in fresh.Tasks.Select(t => t.Field).Distinct())
            Assert.Contains(field, dashboard, StringComparison.Ordinal);
        foreach (var f in Features.Public.PublicFigures.Fields(fresh))
            Assert.Contains($"<td>{f.Field}</td><td class=\"num\">{f.Done}/{f.Total}</td>", page, StringComparison.Ordinal);
        // … and nothing was written.
        Assert.Equal(before, await WrittenAsync(app));

        var tick = await app.Services.GetRequiredService<ScheduledWork>().RunOnceAsync(Ct);

        Assert.True(tick.Ran);
        Assert.True(tick.Rebuilt >= 1);
        var stored = await app.WithDbAsync(db => db.PeriodSnapshots.AsNoTracking().SingleAsync(s => s.PeriodId == october.Id, Ct));
        Assert.False(stored.Stale);
        Assert.Equal(SnapshotRefresh.Reason, stored.Reason);
        var figures = PeriodSnapshots.Deserialize(stored.Figures)!;
        Assert.Equal(october.CompileDueOn, figures.AsOf);
        Assert.DoesNotContain(figures.Tasks, t => t.Field == OldField);
        var summary = await app.WithDbAsync(db => db.CommunePeriodSummaries.AsNoTracking().SingleAsync(s => s.PeriodId == october.Id, Ct));
        Assert.Equal(october.CompileDueOn, summary.AsOf);
        Assert.Equal(stored.BuiltAtUtc, summary.BuiltAtUtc, TimeSpan.FromSeconds(5));
        Assert.True(summary.BuiltAtUtc >= app.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task A_snapshot_of_yesterday_is_stored_by_the_days_first_tick_not_by_a_read()
    {
        await using var app = App();
        var clock = (TestClock)app.Clock;
        // December opens on the 2nd and runs until its compile day: its figures are of the day they are built.
        var scheduler = app.Services.GetRequiredService<ScheduledWork>();
        clock.Set(new DateOnly(2026, 12, 2), 10);
        await scheduler.RunOnceAsync(Ct);
        var december = await app.WithDbAsync(db => db.Periods.AsNoTracking().SingleAsync(p => p.Kind == PeriodKinds.Monthly && p.Year == 2026 && p.Number == 12, Ct));
        Assert.Equal(PeriodStates.Open, december.State);
        Assert.True(december.CompileDueOn > new DateOnly(2026, 12, 3));
        Assert.Equal(new DateOnly(2026, 12, 2), PeriodSnapshots.Deserialize(await app.WithDbAsync(db =>
            db.PeriodSnapshots.AsNoTracking().Where(s => s.PeriodId == december.Id).Select(s => s.Figures).SingleAsync(Ct)))!.AsOf);

        clock.Set(new DateOnly(2026, 12, 3), 10);
        using var office = await app.SignedInClientAsync("thuongtruc");
        var before = await WrittenAsync(app);
        var html = await office.GetStringAsync(new Uri($"/bang-dieu-khien?ky={december.Id}", UriKind.Relative), Ct);
        Assert.Contains("bang-dieu-khien", html, StringComparison.Ordinal);
        Assert.Equal(before, await WrittenAsync(app));
        var read = await app.WithDbAsync(db => PeriodSnapshots.ReadAsync(db, december, clock, Ct));
        Assert.Equal(new DateOnly(2026, 12, 3), read.AsOf);
        Assert.Equal(before, await WrittenAsync(app));

        await scheduler.RunOnceAsync(Ct);

        var stored = await app.WithDbAsync(db => db.PeriodSnapshots.AsNoTracking().SingleAsync(s => s.PeriodId == december.Id, Ct));
        Assert.Equal(new DateOnly(2026, 12, 3), PeriodSnapshots.Deserialize(stored.Figures)!.AsOf);
        Assert.Equal(new DateOnly(2026, 12, 3), await app.WithDbAsync(db =>
            db.CommunePeriodSummaries.AsNoTracking().Where(s => s.PeriodId == december.Id).Select(s => s.AsOf).SingleAsync(Ct)));
        // The day's pass is done: a second tick the same day builds nothing that is current.
        Assert.Equal(0, (await scheduler.RunOnceAsync(Ct)).Rebuilt);
    }

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task A_change_marked_while_a_build_runs_keeps_the_snapshot_stale_until_the_next_tick(string provider)
    {
        var connection = provider == AppOn.Postgres ? SchedulingApp.NewPostgresDatabase() : null;
        try
        {
            await using var app = App(connection);
            await MarkedDuringABuildAsync(app);
        }
        finally
        {
            if (connection is not null) await SchedulingApp.DropPostgresDatabaseAsync(connection);
        }
    }

    private static async Task MarkedDuringABuildAsync(RoViecApp app)
    {
        var scheduler = app.Services.GetRequiredService<ScheduledWork>();
        await scheduler.RunOnceAsync(Ct);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
        var november = await db.Periods.AsNoTracking().SingleAsync(p => p.Kind == PeriodKinds.Monthly && p.Year == 2026 && p.Number == 11, Ct);
        Task<bool> StaleAsync() => db.PeriodSnapshots.AsNoTracking().Where(s => s.PeriodId == november.Id).Select(s => s.Stale).SingleAsync(Ct);

        // A build computes; meanwhile a change marks the snapshot stale; the build then stores what it computed.
        var build = await PeriodSnapshots.PrepareAsync(db, november, app.Clock, Ct);
        await PeriodSnapshots.MarkStaleAsync(db, november.Id, Ct);
        Assert.False(await PeriodSnapshots.StoreAsync(db, november, build, app.Clock, "Xác minh", "thuongtruc", Ct));
        Assert.True(await StaleAsync());
        Assert.Null(await PeriodSnapshots.CurrentAsync(db, november, app.Clock, Ct));

        // Two builds from the same version (two instances, or a write and a tick): the second stored is kept stale, harmlessly.
        Assert.True((await scheduler.RunOnceAsync(Ct)).Rebuilt >= 1);
        Assert.False(await StaleAsync());
        var first = await PeriodSnapshots.PrepareAsync(db, november, app.Clock, Ct);
        var second = await PeriodSnapshots.PrepareAsync(db, november, app.Clock, Ct);
        Assert.True(await PeriodSnapshots.StoreAsync(db, november, first, app.Clock, SnapshotRefresh.Reason, "hệ thống", Ct));
        Assert.False(await PeriodSnapshots.StoreAsync(db, november, second, app.Clock, SnapshotRefresh.Reason, "hệ thống", Ct));
        Assert.True(await StaleAsync());
        Assert.Equal(1, await db.PeriodSnapshots.CountAsync(s => s.PeriodId == november.Id, Ct));

        await scheduler.RunOnceAsync(Ct);
        Assert.False(await StaleAsync());
        Assert.NotNull(await PeriodSnapshots.CurrentAsync(db, november, app.Clock, Ct));
    }
}
