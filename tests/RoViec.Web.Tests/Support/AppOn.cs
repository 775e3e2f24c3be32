using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;

namespace RoViec.Web.Tests;

/// <summary>
/// The application on SQLite or on a fresh PostgreSQL database (dropped afterwards), for the tests
/// whose data must behave the same on both (STYLE.md: every data test runs on both providers).
/// </summary>
public sealed class AppOn : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public RoViecApp App { get; }
    private readonly bool _postgres;

    private AppOn(RoViecApp app, bool postgres)
    {
        App = app;
        _postgres = postgres;
    }

    public static AppOn Create(string provider, bool requireTwoFactor = false, TimeProvider? clock = null)
    {
        clock ??= new TestClock(RoViecApp.DefaultDay, 10);
        if (provider != Postgres) return new AppOn(new RoViecApp { RequireTwoFactor = requireTwoFactor, Clock = clock }, false);
        var baseConnection = Environment.GetEnvironmentVariable("ROVIEC_TEST_PG");
        if (string.IsNullOrEmpty(baseConnection))
            Assert.Fail("ROVIEC_TEST_PG is not set: run the tests through ./roviec test, which starts a throw-away PostgreSQL.");
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(baseConnection) { Database = $"roviec_web_{Guid.NewGuid():N}" }.ConnectionString;
        return new AppOn(new RoViecApp { ConnectionString = cs, RequireTwoFactor = requireTwoFactor, Clock = clock }, true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres)
        {
            try
            {
                using var scope = App.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<RoViecDbContext>().Database.EnsureDeletedAsync();
            }
            finally
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
            }
        }
        await App.DisposeAsync();
    }
}
