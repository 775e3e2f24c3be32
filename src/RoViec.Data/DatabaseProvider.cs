using Microsoft.EntityFrameworkCore;

namespace RoViec.Data;

/// <summary>
/// One EF model on SQLite (a laptop, `./roviec serve`) and PostgreSQL (a province or the country),
/// each with its own migrations assembly (bitwarden's util/SqliteMigrations and util/PostgresMigrations).
/// </summary>
public static class DatabaseProvider
{
    public const string SqliteMigrations = "RoViec.Data.Migrations.Sqlite";
    public const string PostgresMigrations = "RoViec.Data.Migrations.Postgres";

    public static DbContextOptionsBuilder UseSqliteDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations));

    public static DbContextOptionsBuilder UsePostgresDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations));

    /// <summary>"Host=…" is PostgreSQL, anything else a SQLite connection string or file.</summary>
    public static DbContextOptionsBuilder UseRoViecDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? options.UsePostgresDatabase(connectionString)
            : options.UseSqliteDatabase(connectionString.Contains('=', StringComparison.Ordinal) ? connectionString : $"Data Source={connectionString}");
}
