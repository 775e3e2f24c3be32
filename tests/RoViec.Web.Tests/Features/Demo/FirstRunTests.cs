using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>`./roviec serve` on an empty database: a living demo commune at once, and a health endpoint.</summary>
public sealed class FirstRunTests
{
    [Fact]
    public async Task Health_answers_200_when_the_database_is_usable()
    {
        await using var app = new RoViecApp();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_answers_503_when_the_database_is_gone()
    {
        await using var app = new RoViecApp();
        using var client = app.CreateClient();
        using (var scope = app.Services.CreateScope())
        {
            // Make the database unusable under the running application.
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            await db.Database.EnsureDeletedAsync(TestContext.Current.CancellationToken);
            var path = db.Database.GetDbConnection().DataSource;
            Directory.CreateDirectory(path);
        }

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task First_run_creates_the_demo_commune_with_its_imported_plan_and_an_administrator()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("Diễn Châu", html, StringComparison.Ordinal);
        Assert.Contains("nhiệm vụ", html, StringComparison.Ordinal);
        Assert.Contains("Đảm bảo hạ tầng mạng Wi-Fi tốc độ cao", html, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
        Assert.Equal(84, await db.Tasks.CountAsync(TestContext.Current.CancellationToken));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByNameAsync("admin");
        Assert.NotNull(admin);
        Assert.True(await users.CheckPasswordAsync(admin, "Test-password-123"));
    }

    [Fact]
    public async Task Same_application_runs_on_postgresql()
    {
        var baseConnection = Environment.GetEnvironmentVariable("ROVIEC_TEST_PG");
        if (string.IsNullOrEmpty(baseConnection))
            Assert.Fail("ROVIEC_TEST_PG is not set: run the tests through ./roviec test, which starts a throw-away PostgreSQL.");
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(baseConnection) { Database = $"roviec_web_{Guid.NewGuid():N}" }.ConnectionString;
        await using var app = new RoViecApp { ConnectionString = cs, FromTemplate = false };
        try
        {
            using var client = await app.SignedInClientAsync();

            var html = await client.GetStringAsync(new Uri("/?q=wi-fi", UriKind.Relative), TestContext.Current.CancellationToken);
            var health = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

            Assert.Contains("Đảm bảo hạ tầng mạng Wi-Fi tốc độ cao", html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<RoViecDbContext>().Database.EnsureDeletedAsync(TestContext.Current.CancellationToken);
            Npgsql.NpgsqlConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task Second_start_on_the_same_database_does_not_seed_twice()
    {
        var dir = Path.Combine(Path.GetTempPath(), "roviec-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var cs = $"Data Source={Path.Combine(dir, "roviec.db")}";
        try
        {
            await using (var first = new RoViecApp { ConnectionString = cs }) first.CreateClient().Dispose();
            await using var second = new RoViecApp { ConnectionString = cs };
            second.CreateClient().Dispose();
            using var scope = second.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();

            Assert.Equal(1, await db.Communes.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(1, await db.Plans.CountAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            RoViecApp.ReleaseSqlite(cs);
            Directory.Delete(dir, recursive: true);
        }
    }
}
