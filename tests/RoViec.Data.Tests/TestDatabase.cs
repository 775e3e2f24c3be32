using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RoViec.Data.Tests;

/// <summary>
/// A fresh, migrated database per test, on SQLite or on PostgreSQL (bitwarden's DatabaseTheory idea).
/// PostgreSQL comes from ROVIEC_TEST_PG, which `./roviec test` sets after starting a throw-away server.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly string? _sqliteFile;

    public string Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The clock the audit trail reads: a fixed day, so no test depends on the machine's date.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));

    private TestDatabase(string provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
    }

    public static TheoryData<string> Providers => [Sqlite, Postgres];

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        TestDatabase database;
        if (provider == Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"roviec-{Guid.NewGuid():N}.db");
            database = new TestDatabase(Sqlite, $"Data Source={file}", file);
        }
        else
        {
            var baseConnection = Environment.GetEnvironmentVariable("ROVIEC_TEST_PG");
            if (string.IsNullOrEmpty(baseConnection))
                Assert.Fail("ROVIEC_TEST_PG is not set: run the tests through ./roviec test, which starts a throw-away PostgreSQL.");
            var builder = new NpgsqlConnectionStringBuilder(baseConnection) { Database = $"roviec_{Guid.NewGuid():N}" };
            database = new TestDatabase(Postgres, builder.ConnectionString, null);
        }
        await using var db = database.Context();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

    public RoViecDbContext Context()
    {
        var options = new DbContextOptionsBuilder<RoViecDbContext>();
        if (Provider == Sqlite) options.UseSqliteDatabase(ConnectionString);
        else options.UsePostgresDatabase(ConnectionString);
        options.AddInterceptors(new Interceptors.AuditInterceptor(Clock, new TestActor()));
        return new RoViecDbContext(options.Options);
    }

    private sealed class TestActor : Interceptors.IAuditActor
    {
        public string? Name => "nguyen.van.a";
    }

    public async ValueTask DisposeAsync()
    {
        await using (var db = Context()) await db.Database.EnsureDeletedAsync();
        if (_sqliteFile is not null)
        {
            // This database's pool only: ClearAllPools would dispose idle connections another test is opening.
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString))
                Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
            File.Delete(_sqliteFile);
        }
        NpgsqlConnection.ClearAllPools();
    }
}
