using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

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
        options.UseNpgsql(PostgresConnectionString(connectionString), o => o.MigrationsAssembly(PostgresMigrations));

    /// <summary>
    /// The connection string with RoViec's defaults for a busy server (issue 17: 3,300 communes on one PostgreSQL) where
    /// the given string does not set them: the same few hundred queries run all day, so each pooled connection prepares
    /// up to 64 of them once used twice ("Max Auto Prepare=64;Auto Prepare Min Usages=2"), and a connection going back to
    /// the pool is not reset with DISCARD ALL ("No Reset On Close=true"), which would drop those prepared statements. The
    /// application sets no session state that a reset would have to clear.
    /// </summary>
    public static string PostgresConnectionString(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().Select(Keyword).ToHashSet(StringComparer.Ordinal);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!keys.Contains(Keyword("Max Auto Prepare"))) builder.MaxAutoPrepare = 64;
        if (!keys.Contains(Keyword("Auto Prepare Min Usages"))) builder.AutoPrepareMinUsages = 2;
        if (!keys.Contains(Keyword("No Reset On Close"))) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    // Npgsql takes a keyword with or without its spaces, in any case ("Max Auto Prepare", "MaxAutoPrepare").
    private static string Keyword(string key) => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>"Host=…" is PostgreSQL, anything else a SQLite connection string or file.</summary>
    public static DbContextOptionsBuilder UseRoViecDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? options.UsePostgresDatabase(connectionString)
            : options.UseSqliteDatabase(connectionString.Contains('=', StringComparison.Ordinal) ? connectionString : $"Data Source={connectionString}");
}
