using System.Data.Common;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// Backup and restore (issue 18) as the operator runs them, the built application as its own process: the demo's
/// simulated year, an uploaded file among its evidence, backed up and restored into a new database on SQLite and on
/// PostgreSQL with every row of every table equal; the refusals (a database that is not empty, a damaged archive, a
/// backup of the other provider) that leave the target as it was; a backup taken while a server writes; and health,
/// which must notice a SQLite file damaged on disk.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _directory = Directory.CreateTempSubdirectory("roviec-backup-").FullName;
    private readonly List<string> _databases = [];

    private string InDirectory(string name) => Path.Combine(_directory, name);

    /// <summary>The command's settings on a SQLite file, in production (a command needs only its database).</summary>
    private static Dictionary<string, string> On(string connectionString) => new() { ["ConnectionStrings__RoViec"] = connectionString };

    /// <summary>The command's settings on a database whose files are in <paramref name="files"/>.</summary>
    private static Dictionary<string, string> On(string connectionString, string files) => new() { ["ConnectionStrings__RoViec"] = connectionString, ["RoViec__Files__Path"] = files };

    private static string Sqlite(string file) => $"Data Source={file}";

    [Fact]
    public async Task A_sqlite_backup_of_the_demo_year_restores_into_a_new_file_with_every_row_and_every_uploaded_file()
    {
        var source = await DemoYearAsync("nguon.db");
        // One migration behind the application, as a backup made before an upgrade is: the restore says to migrate.
        string lastApplied;
        await using (var connection = await OpenSqliteAsync(source))
        {
            lastApplied = (string)(await Scalar(connection, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1 DESC LIMIT 1"))!;
            await Scalar(connection, $"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{lastApplied}'");
        }
        // On the demo's day by the application's clock, without --out: the archive is named after that day, here.
        var testing = On(Sqlite(source));
        testing["ASPNETCORE_ENVIRONMENT"] = "Testing";
        testing["RoViec__Clock__Now"] = "2026-11-24T10:00";
        var backup = await ProductionProcess.RunInAsync(_directory, testing, null, "backup");
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("Đã sao lưu", backup.Output, StringComparison.Ordinal);
        var archive = InDirectory("roviec-2026-11-24.rvbak");
        Assert.Equal(["nguon.db", "roviec-2026-11-24.rvbak"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var manifest = Manifest(archive);
        Assert.Equal(2, manifest.GetProperty("format").GetInt32());
        Assert.Equal("sqlite", manifest.GetProperty("provider").GetString());
        var migration = manifest.GetProperty("migration").GetString();
        Assert.NotEqual(lastApplied, migration);
        Assert.Equal("files/", manifest.GetProperty("evidenceFiles").GetString());
        // The demo's file is beside the database, in the store's default folder.
        var uploads = await UploadsAsync(source, InDirectory("files"));
        Assert.Single(uploads);
        var uploaded = uploads.Values.Single();
        var created = manifest.GetProperty("createdAt").GetDateTimeOffset();
        Assert.InRange(created, TestClock.At(ReportsServedProcess.Day, 10), TestClock.At(ReportsServedProcess.Day, 10).AddMinutes(5));
        Assert.True(manifest.GetProperty("tables").GetProperty("Evidence").GetInt64() > 0);
        using (var zip = ZipFile.OpenRead(archive))
        {
            Assert.Equal(["database.sqlite", $"files/{uploaded}", "manifest.json"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            await using var entry = await zip.GetEntry("database.sqlite")!.OpenAsync(Ct);
            Assert.Equal(manifest.GetProperty("sha256").GetProperty("database.sqlite").GetString(), Convert.ToHexStringLower(await SHA256.HashDataAsync(entry, Ct)));
        }

        // A second backup to the same name refuses and keeps the first.
        var before = await File.ReadAllBytesAsync(archive, Ct);
        var again = await ProductionProcess.RunAsync(On(Sqlite(source)), null, "backup", "--out", archive);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("đã có", again.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(archive, Ct));

        // Into another machine's folders: the database and a file store of its own.
        var target = InDirectory("khoi-phuc.db");
        var targetFiles = InDirectory("tep-khoi-phuc");
        var restore = await ProductionProcess.RunAsync(On(Sqlite(target), targetFiles), null, "restore", archive);
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Contains("Đã khôi phục", restore.Output, StringComparison.Ordinal);
        Assert.Contains("1 tệp minh chứng", restore.Output, StringComparison.Ordinal);
        Assert.Contains(migration!, restore.Output, StringComparison.Ordinal);
        Assert.Contains("roviec migrate", restore.Output, StringComparison.Ordinal);
        Assert.Equal(await TablesAsync(source), await TablesAsync(target));
        Assert.Equal(uploads, await UploadsAsync(target, targetFiles));

        // Into a database that is not empty (the one just restored): refused, nothing changed.
        var restored = await File.ReadAllBytesAsync(target, Ct);
        var twice = await ProductionProcess.RunAsync(On(Sqlite(target), targetFiles), null, "restore", archive);
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("Chỉ khôi phục vào cơ sở dữ liệu trống", twice.Error, StringComparison.Ordinal);
        Assert.Equal(restored, await File.ReadAllBytesAsync(target, Ct));

        // A damaged archive (bytes flipped inside the database's entry): refused before the target is created.
        var damaged = InDirectory("hong.rvbak");
        var bytes = before.ToArray();
        for (var i = bytes.Length / 2; i < bytes.Length / 2 + 64; i++) bytes[i] ^= 0x5A;
        await File.WriteAllBytesAsync(damaged, bytes, Ct);
        var fresh = InDirectory("moi.db");
        var refused = await ProductionProcess.RunAsync(On(Sqlite(fresh)), null, "restore", damaged);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("bị hỏng", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(fresh));
        Assert.Empty(Directory.GetFiles(_directory, ".*"));

        var missing = await ProductionProcess.RunAsync(On(Sqlite(fresh)), null, "restore", InDirectory("khong-co.rvbak"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("Không tìm thấy tệp sao lưu", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postgres_backup_of_the_demo_year_restores_into_a_new_database_and_a_sqlite_backup_is_refused_there()
    {
        var server = Environment.GetEnvironmentVariable("ROVIEC_TEST_PG");
        if (string.IsNullOrEmpty(server))
            Assert.Fail("ROVIEC_TEST_PG is not set: run the tests through ./roviec test, which starts a throw-away PostgreSQL.");
        var source = Postgres(server, $"roviec_backup_{Guid.NewGuid():N}");
        var target = Postgres(server, $"roviec_backup_{Guid.NewGuid():N}");
        var other = Postgres(server, $"roviec_backup_{Guid.NewGuid():N}");
        try
        {
            using (var app = new RoViecApp { ConnectionString = source, Settings = new Dictionary<string, string> { ["RoViec:Demo:History"] = "true" } })
                _ = app.Services;
            var sourceFiles = InDirectory("tep-nguon");
            var targetFiles = InDirectory("tep-dich");
            await using (var db = Db(source))
                await AddUploadAsync(db, sourceFiles);

            // Without its client programs the backup says so and writes nothing.
            var archive = InDirectory("roviec-pg.rvbak");
            var noTools = On(source, sourceFiles);
            noTools["RoViec__Backup__PostgresTools"] = InDirectory("khong-co");
            var without = await ProductionProcess.RunAsync(noTools, null, "backup", "--out", archive);
            Assert.Equal(2, without.ExitCode);
            Assert.Contains("Không tìm thấy chương trình pg_dump", without.Error, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(_directory));

            // On PostgreSQL a command is told where the files are.
            var unnamed = await ProductionProcess.RunAsync(On(source), null, "backup", "--out", archive);
            Assert.Equal(2, unnamed.ExitCode);
            Assert.Contains("RoViec__Files__Path", unnamed.Error, StringComparison.Ordinal);

            var backup = await ProductionProcess.RunAsync(On(source, sourceFiles), null, "backup", "--out", archive);
            Assert.True(backup.ExitCode == 0, backup.Error);
            Assert.Equal("postgres", Manifest(archive).GetProperty("provider").GetString());
            var restore = await ProductionProcess.RunAsync(On(target, targetFiles), null, "restore", archive);
            Assert.True(restore.ExitCode == 0, restore.Error);
            Assert.Contains("Đã khôi phục", restore.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("roviec migrate", restore.Output, StringComparison.Ordinal);
            Assert.Equal(await TablesAsync(source), await TablesAsync(target));
            var uploads = await UploadsAsync(source, sourceFiles);
            Assert.NotEmpty(uploads);
            Assert.Equal(uploads, await UploadsAsync(target, targetFiles));

            // A SQLite backup into PostgreSQL: refused, and the database it names is not even created.
            var sqlite = await DemoYearAsync("nguon.db");
            var sqliteArchive = InDirectory("roviec-sqlite.rvbak");
            var sqliteBackup = await ProductionProcess.RunAsync(On(Sqlite(sqlite)), null, "backup", "--out", sqliteArchive);
            Assert.True(sqliteBackup.ExitCode == 0, sqliteBackup.Error);
            var mismatch = await ProductionProcess.RunAsync(On(other, targetFiles), null, "restore", sqliteArchive);
            Assert.Equal(2, mismatch.ExitCode);
            Assert.Contains("Tệp sao lưu là của SQLite, còn cơ sở dữ liệu đích là PostgreSQL", mismatch.Error, StringComparison.Ordinal);
            Assert.False(await ExistsAsync(other));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var database in new[] { source, target, other })
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Database = "postgres", Pooling = false }.ConnectionString);
                await connection.OpenAsync(Ct);
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(database).Database}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync(Ct);
            }
        }
    }

    [Fact]
    public async Task A_backup_taken_while_the_server_runs_and_writes_restores_to_a_whole_database()
    {
        var source = await DemoYearAsync("dang-chay.db");
        await using var served = await ReportsServedProcess.StartAsync(source);
        // Another writer on the same file the whole time, a transaction after another, as the server's requests are.
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            await using var connection = new SqliteConnection($"Data Source={source};Pooling=False;Default Timeout=60");
            await connection.OpenAsync(Ct);
            var padding = new string('x', 3000);
            while (!stop.IsCancellationRequested)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO \"JobLeases\" (\"Name\", \"Holder\", \"ExpiresAtUtc\") VALUES ($name, $holder, '2026-01-01 00:00:00')";
                insert.Parameters.AddWithValue("$name", $"backup-test-{written}");
                insert.Parameters.AddWithValue("$holder", padding);
                await insert.ExecuteNonQueryAsync(Ct);
                Interlocked.Increment(ref written);
            }
        }, Ct);
        while (Volatile.Read(ref written) < 20) await Task.Delay(20, Ct);

        var archive = InDirectory("trong-khi-chay.rvbak");
        var backup = await ProductionProcess.RunAsync(On(Sqlite(source)), null, "backup", "--out", archive);
        var after = Volatile.Read(ref written);
        await stop.CancelAsync();
        await writer;
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.True(after > 20 + 5, $"the writer did not go on writing during the backup ({after} rows)");

        var target = InDirectory("khoi-phuc.db");
        var restore = await ProductionProcess.RunAsync(On(Sqlite(target)), null, "restore", archive);
        Assert.True(restore.ExitCode == 0, restore.Error);
        await using var restored = await OpenSqliteAsync(target);
        Assert.Equal("ok", await Scalar(restored, "PRAGMA integrity_check"));
        var rows = Convert.ToInt32(await Scalar(restored, "SELECT COUNT(*) FROM \"JobLeases\" WHERE \"Name\" LIKE 'backup-test-%'"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(rows, 20, after);
    }

    [Fact]
    public async Task Health_answers_503_on_a_sqlite_file_whose_pages_were_overwritten()
    {
        var file = await DemoYearAsync("hong.db");
        var settings = ProductionProcess.Settings(Sqlite(file));
        settings["RoViec__Scheduler__Enabled"] = "false";
        await using (var whole = await ProductionProcess.Instance.StartAsync(settings))
            Assert.False(whole.HasExited, whole.Output);

        // Garbage over sixteen pages in the middle of the file, as a failing disk leaves it.
        await using (var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite))
        {
            var header = new byte[100];
            await stream.ReadExactlyAsync(header, Ct);
            var pageSize = header[16] << 8 | header[17];
            var middle = stream.Length / pageSize / 2;
            stream.Position = (middle - 8) * pageSize;
            await stream.WriteAsync(RandomNumberGenerator.GetBytes(16 * pageSize), Ct);
        }

        await using var damaged = await ProductionProcess.Instance.StartAsync(settings, until: "/health/live");
        Assert.False(damaged.HasExited, damaged.Output);
        using var http = new HttpClient { BaseAddress = damaged.BaseAddress };
        var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);
        var body = await ready.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var database = JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Migrate_moves_files_kept_in_the_database_into_the_store_and_health_notices_a_store_without_them()
    {
        var file = await DemoYearAsync("cu.db");
        // A file attached before files left the database: its bytes in the row.
        var legacy = RandomNumberGenerator.GetBytes(50_000);
        var document = "KẾ HOẠCH\nThực hiện chuyển đổi số năm 2026"u8.ToArray();
        var id = Guid.NewGuid();
        await using (var db = Db($"{Sqlite(file)};Pooling=False"))
        {
            var item = await db.ReportItems.OrderByDescending(i => i.Id).Select(i => new { i.Id, i.CommuneId }).FirstAsync(Ct);
            db.Evidence.Add(new Evidence
            {
                Id = id,
                CommuneId = item.CommuneId,
                ItemId = item.Id,
                Kind = EvidenceKinds.File,
                Title = "anh-chup.png",
                ContentType = "image/png",
                Size = legacy.Length,
                Content = legacy,
                AddedAtUtc = TestClock.At(ReportsServedProcess.Day, 8).UtcDateTime,
            });
            // And a plan document uploaded for review then.
            db.Uploads.Add(new PlanUpload { Id = id, CommuneId = item.CommuneId, FileName = "ke-hoach.txt", Content = document, UploadedAtUtc = TestClock.At(ReportsServedProcess.Day, 8).UtcDateTime });
            await db.SaveChangesAsync(Ct);
        }

        var migrated = await ProductionProcess.RunAsync(On(Sqlite(file)), null, "migrate");
        Assert.True(migrated.ExitCode == 0, migrated.Error);
        Assert.Contains("Đã chuyển 2 tệp", migrated.Output, StringComparison.Ordinal);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(legacy));
        await using (var db = Db($"{Sqlite(file)};Pooling=False"))
        {
            var row = await db.Evidence.SingleAsync(e => e.Id == id, Ct);
            Assert.Equal((sha256, (byte[]?)null, (long)legacy.Length), (row.ContentSha256, row.Content, row.Size));
            var upload = await db.Uploads.SingleAsync(u => u.Id == id, Ct);
            Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(document)), (byte[]?)null), (upload.ContentSha256, upload.Content));
        }
        Assert.Equal(legacy, await File.ReadAllBytesAsync(Path.Combine(InDirectory("files"), sha256[..2], sha256), Ct));
        var again = await ProductionProcess.RunAsync(On(Sqlite(file)), null, "migrate");
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.DoesNotContain("Đã chuyển", again.Output, StringComparison.Ordinal);

        // A server pointed at another (empty) folder would fail every download: not ready, and it says why.
        var settings = ProductionProcess.Settings(Sqlite(file));
        settings["RoViec__Scheduler__Enabled"] = "false";
        settings["RoViec__Files__Path"] = InDirectory("thu-muc-khac");
        await using var server = await ProductionProcess.Instance.StartAsync(settings, until: "/health/live");
        Assert.False(server.HasExited, server.Output);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var files = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("checks").GetProperty("files");
        Assert.Equal("Unhealthy", files.GetProperty("status").GetString());
        Assert.Contains("RoViec__Files__Path", files.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The demo commune with its simulated year (the run's template), copied here, with an uploaded file among its evidence.</summary>
    private async Task<string> DemoYearAsync(string name)
    {
        string template;
        using (var app = new RoViecApp { Settings = new Dictionary<string, string> { ["RoViec:Demo:History"] = "true" } })
            template = app.SqliteTemplateFile();
        var file = InDirectory(name);
        File.Copy(template, file);
        _databases.Add(file);
        await using var db = Db($"{Sqlite(file)};Pooling=False");
        // The store's folder when none is named: "files" beside the database file.
        await AddUploadAsync(db, InDirectory("files"));
        return file;
    }

    /// <summary>A scanned minutes file attached to a report line: its bytes in the file store, its hash in the database.</summary>
    private static async Task AddUploadAsync(RoViecDbContext db, string files)
    {
        var item = await db.ReportItems.OrderBy(i => i.Id).Select(i => new { i.Id, i.CommuneId }).FirstAsync(Ct);
        var content = RandomNumberGenerator.GetBytes(200_000);
        var saved = await new RoViec.Web.Shared.Files.FileStore(files).SaveAsync(content, Ct);
        db.Evidence.Add(new Evidence
        {
            Id = Guid.NewGuid(),
            CommuneId = item.CommuneId,
            ItemId = item.Id,
            Kind = EvidenceKinds.File,
            Title = "bien-ban-hop.pdf",
            ContentType = "application/pdf",
            Size = saved.Size,
            ContentSha256 = saved.Sha256,
            AddedAtUtc = TestClock.At(ReportsServedProcess.Day, 9).UtcDateTime,
            AddedBy = "admin",
        });
        await db.SaveChangesAsync(Ct);
    }

    private static RoViecDbContext Db(string connectionString)
    {
        var options = new DbContextOptionsBuilder<RoViecDbContext>();
        options.UseRoViecDatabase(connectionString);
        return new RoViecDbContext(options.Options);
    }

    private static string Postgres(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    private static async Task<bool> ExistsAsync(string postgres)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", new NpgsqlConnectionStringBuilder(postgres).Database!);
        return await exists.ExecuteScalarAsync(Ct) is not null;
    }

    private static async Task<SqliteConnection> OpenSqliteAsync(string file)
    {
        var connection = new SqliteConnection($"{Sqlite(file)};Pooling=False");
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task<DbConnection> OpenAsync(string database)
    {
        if (!database.Contains("Host=", StringComparison.OrdinalIgnoreCase)) return await OpenSqliteAsync(database);
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task<object?> Scalar(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    /// <summary>Every table (a SQLite file or a PostgreSQL connection string) with its rows and a hash of all of them, every column, in a fixed order.</summary>
    private static async Task<SortedDictionary<string, string>> TablesAsync(string database)
    {
        await using var connection = await OpenAsync(database);
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = connection is SqliteConnection
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT tablename FROM pg_tables WHERE schemaname = 'public'";
            await using var reader = await list.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct)) names.Add(reader.GetString(0));
        }
        var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var rows = new List<string>();
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{name}\"";
            await using var reader = await select.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
                rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Text(reader.GetValue(i)))));
            rows.Sort(StringComparer.Ordinal);
            var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001e', rows))));
            tables[name] = $"{rows.Count} rows, {hash}";
        }
        Assert.True(tables.Count > 30, $"only {tables.Count} tables");
        return tables;
    }

    private static string Text(object value) => value switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list and not string => string.Join(',', list.Cast<object>().Select(Text)),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The SHA-256 of every uploaded file's bytes as read from the folder <paramref name="files"/>, by evidence id.</summary>
    private static async Task<Dictionary<Guid, string>> UploadsAsync(string database, string files)
    {
        await using var db = Db(database.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString : $"{Sqlite(database)};Pooling=False");
        var rows = await db.Evidence.Where(e => e.ContentSha256 != null).Select(e => new { e.Id, e.ContentSha256 }).ToListAsync(Ct);
        var read = new Dictionary<Guid, string>();
        foreach (var row in rows)
        {
            var path = Path.Combine(files, row.ContentSha256![..2], row.ContentSha256);
            read[row.Id] = File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, Ct))) : "missing";
        }
        return read;
    }

    private static JsonElement Manifest(string archive)
    {
        using var zip = ZipFile.OpenRead(archive);
        using var stream = zip.GetEntry("manifest.json")!.Open();
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    public void Dispose()
    {
        foreach (var file in _databases) RoViecApp.ReleaseSqlite(Sqlite(file));
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
