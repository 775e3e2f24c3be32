using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RoViec.Data.Entities;

namespace RoViec.Data.Tests;

/// <summary>
/// On PostgreSQL the append-only logs (the audit trail, the scores' change log) are partitioned by year: the rows a
/// database had are kept with their ids, each lands in its year's partition (a year outside 2020–2040 in the default
/// one), the application keeps writing and reading them, and the migration can be undone.
/// </summary>
public sealed class PartitionByYearTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_audit_trail_and_score_changes_are_partitioned_by_year_on_postgresql_keeping_their_rows()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Postgres);
        await using var db = database.Context();
        var migrations = db.Database.GetMigrations().ToList();
        var mine = migrations.FindIndex(m => m.EndsWith("_PartitionAuditByYear", StringComparison.Ordinal));
        Assert.True(mine > 0);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[mine - 1], cancellationToken: Ct);
        Assert.Equal("r", await KindAsync(db, "AuditEntries"));

        // Rows of three years written before the migration (straight in SQL, as the table stood then).
        foreach (var (entity, at) in new[] { ("A", new DateTime(2025, 12, 31, 23, 59, 0, DateTimeKind.Utc)), ("B", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)), ("C", new DateTime(2045, 6, 1, 0, 0, 0, DateTimeKind.Utc)) })
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"AuditEntries\" (\"Entity\", \"EntityId\", \"Action\", \"AtUtc\") VALUES ({entity}, 'x', 'create', {at})", Ct);
        var before = await RowsAsync(db);

        await migrator.MigrateAsync(cancellationToken: Ct);
        Assert.Equal("p", await KindAsync(db, "AuditEntries"));
        Assert.Equal("p", await KindAsync(db, "ScoreChanges"));
        var after = await RowsAsync(db);
        Assert.Equal(before.Select(r => (r.Id, r.Entity)), after.Select(r => (r.Id, r.Entity)));
        Assert.Equal(["AuditEntries_2025", "AuditEntries_2026", "AuditEntries_default"], after.Select(r => r.Partition));

        // The application writes its audit rows as before: new ids after the old ones, in this year's partition.
        await using (var app = database.Context())
        {
            app.Provinces.Add(new Province { Id = Guid.NewGuid(), Name = "Nghệ An" });
            await app.SaveChangesAsync(Ct);
        }
        var written = (await RowsAsync(db)).Where(r => r.Entity == nameof(Province)).ToList();
        Assert.NotEmpty(written);
        Assert.All(written, r => Assert.True(r.Id > before.Max(b => b.Id), $"id {r.Id}"));
        Assert.All(written, r => Assert.Equal("AuditEntries_2026", r.Partition));
        await using (var read = database.Context())
            Assert.Equal(written.Count, await read.Audit.CountAsync(a => a.Entity == nameof(Province), Ct));

        // Undone, the tables are plain again with every row.
        await migrator.MigrateAsync(migrations[mine - 1], cancellationToken: Ct);
        Assert.Equal("r", await KindAsync(db, "AuditEntries"));
        Assert.Equal("r", await KindAsync(db, "ScoreChanges"));
        Assert.Equal(after.Count + written.Count, (await RowsAsync(db)).Count);
    }

    private static async Task<string> KindAsync(RoViecDbContext db, string table) =>
        await db.Database.SqlQuery<string>($"SELECT relkind::text AS \"Value\" FROM pg_class WHERE relname = {table}").SingleAsync(Ct);

    private sealed record Row(long Id, string Entity, string Partition);

    private static async Task<List<Row>> RowsAsync(RoViecDbContext db) =>
        await db.Database.SqlQuery<Row>($"SELECT a.\"Id\", a.\"Entity\", c.relname::text AS \"Partition\" FROM \"AuditEntries\" a JOIN pg_class c ON c.oid = a.tableoid ORDER BY a.\"Id\"").ToListAsync(Ct);
}
