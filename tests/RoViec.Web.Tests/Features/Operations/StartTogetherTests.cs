using Microsoft.EntityFrameworkCore;
using RoViec.Data;

namespace RoViec.Web.Tests;

/// <summary>
/// The review found that two instances starting together on one empty PostgreSQL database crashed one of them every
/// time (a migration race, or concurrency errors in the demo's seeding) and could leave a half-seeded year. Start-up
/// work now runs under a lock: both instances come up, and the database holds one demo, whole.
/// </summary>
public sealed class StartTogetherTests
{
    [Fact]
    public async Task Two_instances_starting_together_on_one_empty_postgresql_database_both_serve_one_whole_demo()
    {
        var baseConnection = Environment.GetEnvironmentVariable("ROVIEC_TEST_PG");
        if (string.IsNullOrEmpty(baseConnection))
            Assert.Fail("ROVIEC_TEST_PG is not set: run the tests through ./roviec test, which starts a throw-away PostgreSQL.");
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(baseConnection) { Database = $"roviec_together_{Guid.NewGuid():N}" }.ConnectionString;
        var folder = Directory.CreateTempSubdirectory("roviec-together-").FullName;
        var settings = new Dictionary<string, string> { ["ConnectionStrings__RoViec"] = cs, ["RoViec__Scheduler__Enabled"] = "false", ["RoViec__Files__Path"] = Path.Combine(folder, "files") };
        try
        {
            var first = ReportsServedProcess.StartAsync(Path.Combine(folder, "unused-1.db"), settings);
            var second = ReportsServedProcess.StartAsync(Path.Combine(folder, "unused-2.db"), settings);
            await using var one = await first;
            await using var two = await second;

            using var http = new HttpClient();
            foreach (var instance in new[] { one, two })
                Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri(instance.BaseAddress, "/health/ready"), TestContext.Current.CancellationToken)).StatusCode);
            await using var db = Db(cs);
            var ct = TestContext.Current.CancellationToken;
            Assert.Equal(["Diễn Châu"], await db.Communes.Select(c => c.Name).ToListAsync(ct));
            Assert.Equal(1, await db.Plans.CountAsync(ct));
            Assert.Equal(84, await db.Tasks.CountAsync(ct));
            // The administrator, one account per kind of work, the province office and the national office: once each.
            Assert.Equal(RoViec.Web.Features.Demo.DemoSeeder.DemoUsers.Count + 3, await db.Users.CountAsync(ct));
            Assert.Equal(RoViec.Data.Entities.Roles.All.Count, await db.Roles.CountAsync(ct));
        }
        finally
        {
            await using (var db = Db(cs)) await db.Database.EnsureDeletedAsync(CancellationToken.None);
            Npgsql.NpgsqlConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static RoViecDbContext Db(string cs)
    {
        var options = new DbContextOptionsBuilder<RoViecDbContext>();
        options.UseRoViecDatabase(cs);
        return new RoViecDbContext(options.Options);
    }
}
