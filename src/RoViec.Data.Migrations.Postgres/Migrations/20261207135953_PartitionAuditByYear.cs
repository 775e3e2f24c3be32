using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RoViec.Data.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The append-only logs partitioned by year on PostgreSQL: the audit trail (<c>AuditEntries</c>, by <c>AtUtc</c>) and
    /// the scores' change log (<c>ScoreChanges</c>, by <c>ChangedAtUtc</c>). Each becomes a table partitioned by range with
    /// one partition per year from 2020 to 2040 and a default partition for any other year, its rows copied over; an old
    /// year can then be detached and archived (<c>ALTER TABLE … DETACH PARTITION</c>) without touching the others, and a
    /// commune's history of a year is read from its year's partition alone. The key becomes (Id, time) — PostgreSQL needs the
    /// partition key in it — and the Id comes from a sequence, as PostgreSQL 15 has no identity column on a partitioned
    /// table; the application's model is unchanged (it inserts without an Id and reads the one given back).
    /// </summary>
    public partial class PartitionAuditByYear : Migration
    {
        private const int FirstYear = 2020;
        private const int LastYear = 2040;

        private static readonly string[] AuditColumns = ["Id", "CommuneId", "Entity", "EntityId", "Action", "Actor", "AtUtc", "Before", "After"];
        private static readonly string[] ScoreChangeColumns = ["Id", "CommuneId", "PeriodId", "UnitId", "Before", "After", "Reason", "ChangedAtUtc", "ChangedBy"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Partition(migrationBuilder, "AuditEntries", "AtUtc", AuditColumns,
                ["CREATE INDEX \"IX_AuditEntries_CommuneId_AtUtc\" ON \"AuditEntries\" (\"CommuneId\", \"AtUtc\")",
                 "CREATE INDEX \"IX_AuditEntries_Entity_EntityId\" ON \"AuditEntries\" (\"Entity\", \"EntityId\")"]);
            Partition(migrationBuilder, "ScoreChanges", "ChangedAtUtc", ScoreChangeColumns,
                ["CREATE INDEX \"IX_ScoreChanges_PeriodId_UnitId\" ON \"ScoreChanges\" (\"PeriodId\", \"UnitId\")",
                 "ALTER TABLE \"ScoreChanges\" ADD CONSTRAINT \"FK_ScoreChanges_ReportingPeriods_PeriodId\" FOREIGN KEY (\"PeriodId\") REFERENCES \"ReportingPeriods\" (\"Id\") ON DELETE CASCADE"]);
        }

        /// <summary>
        /// Replaces <paramref name="table"/> by a table partitioned by year on <paramref name="time"/>: the same columns, the key
        /// (Id, time), one partition per year and a default one, the rows copied with their ids, the id sequence set past them.
        /// </summary>
        private static void Partition(MigrationBuilder m, string table, string time, string[] columns, string[] after)
        {
            var old = table + "_unpartitioned";
            var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
            m.Sql($"ALTER TABLE \"{table}\" RENAME TO \"{old}\"");
            // Index and constraint names are per schema: the old ones make room for the new table's.
            m.Sql($"""
                DO $$ DECLARE r record; BEGIN
                  FOR r IN SELECT conname FROM pg_constraint WHERE conrelid = '"{old}"'::regclass LOOP
                    EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', '{old}', r.conname, r.conname || '_unpartitioned');
                  END LOOP;
                  FOR r IN SELECT indexname FROM pg_indexes WHERE tablename = '{old}' AND indexname NOT LIKE '%\_unpartitioned' LOOP
                    EXECUTE format('ALTER INDEX %I RENAME TO %I', r.indexname, r.indexname || '_unpartitioned');
                  END LOOP;
                END $$;
                """);
            m.Sql($"CREATE TABLE \"{table}\" (LIKE \"{old}\" INCLUDING DEFAULTS INCLUDING STORAGE) PARTITION BY RANGE (\"{time}\")");
            m.Sql($"CREATE SEQUENCE \"{table}_Id_seq_by_year\" OWNED BY \"{table}\".\"Id\"");
            m.Sql($"ALTER TABLE \"{table}\" ALTER COLUMN \"Id\" SET DEFAULT nextval('\"{table}_Id_seq_by_year\"')");
            m.Sql($"ALTER TABLE \"{table}\" ADD CONSTRAINT \"PK_{table}\" PRIMARY KEY (\"Id\", \"{time}\")");
            for (var year = FirstYear; year <= LastYear; year++)
                m.Sql($"CREATE TABLE \"{table}_{year}\" PARTITION OF \"{table}\" FOR VALUES FROM ('{year}-01-01 00:00:00+00') TO ('{year + 1}-01-01 00:00:00+00')");
            m.Sql($"CREATE TABLE \"{table}_default\" PARTITION OF \"{table}\" DEFAULT");
            foreach (var statement in after) m.Sql(statement);
            m.Sql($"INSERT INTO \"{table}\" ({list}) SELECT {list} FROM \"{old}\"");
            m.Sql($"SELECT setval('\"{table}_Id_seq_by_year\"', COALESCE((SELECT max(\"Id\") FROM \"{table}\"), 0) + 1, false)");
            m.Sql($"DROP TABLE \"{old}\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Unpartition(migrationBuilder, "AuditEntries", AuditColumns,
                ["CREATE INDEX \"IX_AuditEntries_CommuneId_AtUtc\" ON \"AuditEntries\" (\"CommuneId\", \"AtUtc\")",
                 "CREATE INDEX \"IX_AuditEntries_Entity_EntityId\" ON \"AuditEntries\" (\"Entity\", \"EntityId\")"]);
            Unpartition(migrationBuilder, "ScoreChanges", ScoreChangeColumns,
                ["CREATE INDEX \"IX_ScoreChanges_PeriodId_UnitId\" ON \"ScoreChanges\" (\"PeriodId\", \"UnitId\")",
                 "ALTER TABLE \"ScoreChanges\" ADD CONSTRAINT \"FK_ScoreChanges_ReportingPeriods_PeriodId\" FOREIGN KEY (\"PeriodId\") REFERENCES \"ReportingPeriods\" (\"Id\") ON DELETE CASCADE"]);
        }

        /// <summary>The table as it was: one table, an identity key on Id, the rows copied back.</summary>
        private static void Unpartition(MigrationBuilder m, string table, string[] columns, string[] after)
        {
            var old = table + "_partitioned";
            var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
            m.Sql($"ALTER TABLE \"{table}\" RENAME TO \"{old}\"");
            m.Sql($"""
                DO $$ DECLARE r record; BEGIN
                  FOR r IN SELECT conname FROM pg_constraint WHERE conrelid = '"{old}"'::regclass LOOP
                    EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', '{old}', r.conname, r.conname || '_partitioned');
                  END LOOP;
                  FOR r IN SELECT indexname FROM pg_indexes WHERE tablename = '{old}' LOOP
                    EXECUTE format('ALTER INDEX %I RENAME TO %I', r.indexname, r.indexname || '_partitioned');
                  END LOOP;
                END $$;
                """);
            m.Sql($"CREATE TABLE \"{table}\" (LIKE \"{old}\" INCLUDING STORAGE)");
            m.Sql($"ALTER TABLE \"{table}\" ALTER COLUMN \"Id\" ADD GENERATED BY DEFAULT AS IDENTITY");
            m.Sql($"ALTER TABLE \"{table}\" ADD CONSTRAINT \"PK_{table}\" PRIMARY KEY (\"Id\")");
            foreach (var statement in after) m.Sql(statement);
            m.Sql($"INSERT INTO \"{table}\" ({list}) OVERRIDING SYSTEM VALUE SELECT {list} FROM \"{old}\"");
            m.Sql($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), COALESCE((SELECT max(\"Id\") FROM \"{table}\"), 0) + 1, false)");
            m.Sql($"DROP TABLE \"{old}\" CASCADE");
        }
    }
}
