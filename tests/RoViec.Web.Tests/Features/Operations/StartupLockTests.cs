using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RoViec.Web.Tests;

/// <summary>
/// An instance starting while another holds the start-up lock (seeding the demo on a slow machine) waits for it however
/// long that takes, not only as long as a command may take: found when a second instance under faketime gave up after
/// the 30 s command timeout and exited. Here the command timeout is 2 s and the lock is held for 5 s.
/// </summary>
public sealed class StartupLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The lock's key as the application takes it (StartupLock).</summary>
    private const long Key = 0x526F56696563;

    [Fact]
    public async Task A_start_waits_for_the_lock_longer_than_the_command_timeout()
    {
        var baseConnection = Environment.GetEnvironmentVariable("ROVIEC_TEST_PG");
        if (string.IsNullOrEmpty(baseConnection))
            Assert.Fail("ROVIEC_TEST_PG is not set: run the tests through ./roviec test, which starts a throw-away PostgreSQL.");
        var name = $"roviec_lock_{Guid.NewGuid():N}";
        await using (var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(baseConnection) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await server.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            await create.ExecuteNonQueryAsync(Ct);
        }
        var connection = new NpgsqlConnectionStringBuilder(baseConnection) { Database = name, CommandTimeout = 2 }.ConnectionString;
        await using var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString);
        await holder.OpenAsync(Ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", holder))
            await take.ExecuteNonQueryAsync(Ct);
        var release = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), Ct);
            await using var free = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", holder);
            await free.ExecuteNonQueryAsync(Ct);
        }, Ct);

        using var app = new RoViecApp { ConnectionString = connection, FromTemplate = false };
        // The start migrates and seeds once the lock is free.
        _ = app.Services;
        await release;

        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "admin", Ct)));
    }
}
