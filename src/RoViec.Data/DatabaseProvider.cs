using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RoViec.Data;

/// <summary>
/// One EF model on SQLite (a laptop, `./roviec serve`) and PostgreSQL (a province or the country),
/// each with its own migrations assembly (bitwarden's util/SqliteMigrations and util/PostgresMigrations).
/// </summary>
public static class DatabaseProvider
{
    public const string SqliteMigrations = "RoViec.Data.Migrations.Sqlite";
    public const string PostgresMigrations = "RoViec.Data.Migrations.Postgres";

    /// <remarks>
    /// SQLite alters a table by rebuilding it, which EF runs outside the migration's transaction with
    /// "PRAGMA foreign_keys = 0" and warns about on every fresh database; that is how SQLite migrations work, so
    /// the warning is not shown to someone running `./roviec serve` for the first time.
    /// </remarks>
    public static DbContextOptionsBuilder UseSqliteDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));

    public static DbContextOptionsBuilder UsePostgresDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations));

    /// <summary>"Host=…" is PostgreSQL, anything else a SQLite connection string or file.</summary>
    public static DbContextOptionsBuilder UseRoViecDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? options.UsePostgresDatabase(connectionString)
            : options.UseSqliteDatabase(connectionString.Contains('=', StringComparison.Ordinal) ? connectionString : $"Data Source={connectionString}");
}
