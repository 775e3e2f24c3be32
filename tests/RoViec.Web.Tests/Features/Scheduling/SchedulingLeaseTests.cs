using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Web.Features.Scheduling;

namespace RoViec.Web.Tests;

/// <summary>The job lease in the database: one holder at a time, taken over only after it expires, the first insert raced safely.</summary>
public sealed class SchedulingLeaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly DateTime Noon = new(2026, 3, 16, 5, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task A_lease_has_one_holder_until_it_expires_or_is_released(string provider)
    {
        await using var on = AppOn.Create(provider);
        await on.App.WithDbAsync(async db =>
        {
            Assert.True(await JobLeases.TryAcquireAsync(db, "thu", "A", Minute, Noon, Ct));
            Assert.False(await JobLeases.TryAcquireAsync(db, "thu", "B", Minute, Noon.AddSeconds(30), Ct));
            // The holder renews before expiry and keeps it.
            Assert.True(await JobLeases.TryAcquireAsync(db, "thu", "A", Minute, Noon.AddSeconds(50), Ct));
            Assert.False(await JobLeases.TryAcquireAsync(db, "thu", "B", Minute, Noon.AddSeconds(100), Ct));
            // A stops renewing: B takes over once A's lease has run out.
            Assert.True(await JobLeases.TryAcquireAsync(db, "thu", "B", Minute, Noon.AddSeconds(111), Ct));
            Assert.False(await JobLeases.TryAcquireAsync(db, "thu", "A", Minute, Noon.AddSeconds(120), Ct));
            // Another job's lease is separate.
            Assert.True(await JobLeases.TryAcquireAsync(db, "khac", "A", Minute, Noon.AddSeconds(120), Ct));
            // Released, it is free at once.
            Assert.Equal(1, await JobLeases.ReleaseAsync(db, "thu", "B", Noon.AddSeconds(125), Ct));
            Assert.True(await JobLeases.TryAcquireAsync(db, "thu", "A", Minute, Noon.AddSeconds(126), Ct));
            var row = await db.JobLeases.AsNoTracking().SingleAsync(l => l.Name == "thu", Ct);
            Assert.Equal("A", row.Holder);
            return 0;
        });
    }

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Instances_racing_for_a_new_lease_get_exactly_one_holder(string provider)
    {
        await using var on = AppOn.Create(provider);
        _ = on.App.Services;

        for (var round = 0; round < 5; round++)
        {
            var name = $"dua-{round}";
            var attempts = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
            {
                using var scope = on.App.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
                return await JobLeases.TryAcquireAsync(db, name, $"instance-{i}", Minute, Noon, Ct);
            }, Ct)).ToList();
            var results = await Task.WhenAll(attempts);

            Assert.Equal(1, results.Count(taken => taken));
            var holder = await on.App.WithDbAsync(db => db.JobLeases.Where(l => l.Name == name).Select(l => l.Holder).SingleAsync(Ct));
            Assert.Equal($"instance-{Array.IndexOf(results, true)}", holder);
        }
    }

    [Fact]
    public async Task A_tick_without_the_lease_does_nothing()
    {
        await using var s = SchedulingApp.Create(AppOn.Sqlite, new DateOnly(2026, 3, 17));
        await s.App.WithDbAsync(db => JobLeases.TryAcquireAsync(db, ScheduledWork.LeaseName, "another-instance", TimeSpan.FromMinutes(5), s.App.Services.GetRequiredKeyedService<TimeProvider>(ScheduledWork.WallClock).GetUtcNow().UtcDateTime, Ct));

        var outcome = await s.TickAsync();

        Assert.False(outcome.Ran);
        Assert.Equal(0, await s.App.WithDbAsync(db => db.Reports.CountAsync(Ct)));
        Assert.All(await s.App.WithDbAsync(db => db.Periods.Select(p => p.State).ToListAsync(Ct)), state => Assert.Equal("Scheduled", state));
    }
}
