using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RoViec.Data;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Operations;

/// <summary>
/// <c>roviec backup [--out FILE]</c>: the whole database in one archive (a zip, <c>.rvbak</c>) that
/// <c>roviec restore</c> puts back into an empty database. The archive holds <c>manifest.json</c> (format, provider, the
/// last migration, when, the rows of every table and the SHA-256 of every other entry) and the database: a SQLite
/// file copied through SQLite's online backup API (consistent while the server writes, unlike a file copy), or
/// PostgreSQL's <c>pg_dump --format=custom</c> taken on the same snapshot the rows were counted on; and every uploaded
/// file the database names, from the file store, as <c>files/&lt;sha256&gt;</c> (format 2; in format 1 the files were
/// inside the database). A file the database names but the store lacks, or whose bytes no longer match their name, is
/// left out and told, and the backup goes on: a damaged store is when a backup matters most. The archive is written
/// beside its name and moved there when whole: a failed backup leaves nothing.
/// </summary>
public static class Backup
{
    /// <summary>The archive's format; <c>restore</c> refuses a newer one.</summary>
    public const int Format = 2;

    public const string ManifestEntry = "manifest.json";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>Where evidence files were in format 1: inside the database.</summary>
    public const string EvidenceInDatabase = "in-database";

    /// <summary>Where evidence files are from format 2: entries <c>files/&lt;sha256&gt;</c> of the archive.</summary>
    public const string EvidenceInFolder = "files/";

    /// <summary>The archive's entry holding the database of a provider.</summary>
    public static string DatabaseEntry(string provider) => provider == Sqlite ? "database.sqlite" : "database.pgdump";

    /// <summary>The archive's own description of what it holds.</summary>
    /// <param name="Tables">Rows per table, the migrations' history table included.</param>
    /// <param name="Sha256">The SHA-256 (hex) of every entry but the manifest.</param>
    /// <param name="EvidenceFiles">Where uploaded evidence files are: <see cref="EvidenceInFolder"/> (<see cref="EvidenceInDatabase"/> in format 1).</param>
    /// <param name="MissingFiles">Files the database names that the store did not have whole when the backup was made.</param>
    public sealed record Manifest(int Format, string Provider, string Migration, DateTimeOffset CreatedAt,
        IReadOnlyDictionary<string, long> Tables, IReadOnlyDictionary<string, string> Sha256, string EvidenceFiles, IReadOnlyList<string>? MissingFiles = null);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The name of a backup made today (Vietnam's day) when <c>--out</c> names none.</summary>
    public static string DefaultName(TimeProvider clock) =>
        $"roviec-{clock.VietnamToday().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.rvbak";

    public static async Task<int> RunAsync(IServiceProvider services, OperatorCommands.MakeBackup request, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var db = services.GetRequiredService<RoViecDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var store = services.GetRequiredService<Shared.Files.FileStore>();
        var target = Path.GetFullPath(request.Out ?? DefaultName(clock));
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            error.WriteLine($"Không có thư mục \"{folder}\" để ghi tệp sao lưu. (the folder does not exist)");
            return OperatorCommands.BadInput;
        }
        if (File.Exists(target))
        {
            error.WriteLine($"Tệp \"{target}\" đã có; hãy chọn tên khác bằng --out, bản sao lưu cũ được giữ nguyên. (the file exists)");
            return OperatorCommands.BadInput;
        }
        // The work files beside the archive: same disk, and the operator chose it for its space.
        var work = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}");
        var databaseFile = work + ".db";
        var archiveFile = work + ".tmp";
        try
        {
            var provider = db.Database.IsSqlite() ? Sqlite : Postgres;
            var connectionString = db.Database.GetConnectionString()!;
            var content = provider == Sqlite
                ? await SqliteSnapshotAsync(connectionString, databaseFile, ct)
                : await PostgresSnapshotAsync(configuration, connectionString, databaseFile, ct);
            if (content.Migration is null)
            {
                error.WriteLine("Cơ sở dữ liệu còn trống (chưa chạy \"roviec migrate\"): không có gì để sao lưu. (the database is empty)");
                return OperatorCommands.BadInput;
            }
            var entry = DatabaseEntry(provider);
            var sha256 = new SortedDictionary<string, string>(StringComparer.Ordinal) { [entry] = await Sha256Async(databaseFile, ct) };
            var missing = new List<string>();
            var files = new List<(string Entry, string Path)>();
            foreach (var name in content.Files)
            {
                // The name is the hash of the bytes it was given: bytes that no longer match it are damaged, not backed up.
                if (store.Find(name) is { } path && await Sha256Async(path, ct) == name)
                {
                    files.Add((EvidenceInFolder + name, path));
                    sha256[EvidenceInFolder + name] = name;
                }
                else missing.Add(name);
            }
            var manifest = new Manifest(Format, provider, content.Migration, clock.GetUtcNow(), content.Tables, sha256, EvidenceInFolder, missing.Count == 0 ? null : missing);
            await WriteArchiveAsync(archiveFile, manifest, entry, databaseFile, files, ct);
            File.Move(archiveFile, target, overwrite: false);
            output.WriteLine($"Đã sao lưu {content.Tables.Count} bảng, {content.Tables.Values.Sum()} dòng (bản nâng cấp \"{content.Migration}\") và {files.Count} tệp minh chứng vào \"{target}\", {Size(new FileInfo(target).Length)}. (backup written)");
            if (missing.Count > 0)
                error.WriteLine($"Cảnh báo: {missing.Count} tệp minh chứng có trong cơ sở dữ liệu nhưng không còn (hoặc đã hỏng) trong thư mục tệp \"{store.Root}\", nên không có trong bản sao lưu; tệp đầu tiên: {missing[0]}. (files missing from the store)");
            return OperatorCommands.Ok;
        }
        catch (Refusal refusal)
        {
            error.WriteLine(refusal.Message);
            return OperatorCommands.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Không ghi được tệp sao lưu: {Schema.OneLine(e.Message)}; không có tệp nào được ghi. (the backup could not be written)");
            return OperatorCommands.BadInput;
        }
        finally
        {
            File.Delete(databaseFile);
            File.Delete(archiveFile);
        }
    }

    /// <summary>The database's content as counted: rows per table and the last migration (null: no schema yet).</summary>
    /// <param name="Files">The SHA-256 of every file in the store the database names.</param>
    internal sealed record Content(SortedDictionary<string, long> Tables, string? Migration, IReadOnlyList<string> Files);

    /// <summary>
    /// The live SQLite database copied into <paramref name="file"/> by the online backup API: a reader's consistent view
    /// of one moment (in WAL mode, which EF gives the files it creates, the server writes on meanwhile; in rollback mode
    /// the copy waits up to 30 s for a writer holding the file), then counted on the copy, so the counts are the copy's.
    /// </summary>
    /// <remarks>
    /// Opened read-write (never created) though it only reads: a read-only connection to a database in WAL mode, as EF
    /// creates them, would leave its <c>-shm</c> file behind.
    /// </remarks>
    private static async Task<Content> SqliteSnapshotAsync(string connectionString, string file, CancellationToken ct)
    {
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (!File.Exists(source.DataSource))
            throw new Refusal($"Không có tệp cơ sở dữ liệu \"{source.DataSource}\": không có gì để sao lưu. (the database file does not exist)");
        await using var from = new SqliteConnection(source.ToString());
        await from.OpenAsync(ct);
        await ExecuteAsync(from, "PRAGMA busy_timeout = 30000", ct);
        await using var to = new SqliteConnection(SqliteFile(file));
        await to.OpenAsync(ct);
        from.BackupDatabase(to);
        return await CountAsync(to, SqliteTables, ct);
    }

    /// <summary>
    /// The PostgreSQL database dumped by <c>pg_dump --format=custom</c> on the snapshot of a repeatable-read transaction
    /// in which the rows were counted, so the counts are the dump's while the server goes on writing.
    /// </summary>
    private static async Task<Content> PostgresSnapshotAsync(IConfiguration configuration, string connectionString, string file, CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        string snapshot;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
            snapshot = (string)(await export.ExecuteScalarAsync(ct))!;
        var content = await CountAsync(connection, PostgresTables, ct);
        if (content.Migration is null) return content;
        await PostgresTools.RunAsync(configuration, "pg_dump", settings,
            ["--format=custom", "--no-password", $"--snapshot={snapshot}", $"--file={file}", $"--dbname={settings.Database}"], ct);
        await transaction.CommitAsync(ct);
        return content;
    }

    internal const string SqliteTables = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
    internal const string PostgresTables = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename";
    internal const string MigrationsTable = "__EFMigrationsHistory";

    /// <summary>Rows per table (of <paramref name="tablesQuery"/>) and the last migration applied, on the connection's current transaction.</summary>
    internal static async Task<Content> CountAsync(DbConnection connection, string tablesQuery, CancellationToken ct)
    {
        var names = new List<string>();
        await using (var list = Command(connection, tablesQuery))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        }
        var tables = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            await using var count = Command(connection, $"SELECT COUNT(*) FROM {Quoted(name)}");
            tables[name] = Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        if (!tables.ContainsKey(MigrationsTable)) return new Content(tables, null, []);
        string? migration;
        await using (var last = Command(connection, $"SELECT {Quoted("MigrationId")} FROM {Quoted(MigrationsTable)} ORDER BY {Quoted("MigrationId")} DESC LIMIT 1"))
            migration = await last.ExecuteScalarAsync(ct) as string;
        return new Content(tables, migration, await FilesAsync(connection, ct));
    }

    /// <summary>The files the database names (none before the column existed).</summary>
    private static async Task<IReadOnlyList<string>> FilesAsync(DbConnection connection, CancellationToken ct)
    {
        if (!await HasColumnAsync(connection, "Evidence", ct)) return [];
        var uploads = await HasColumnAsync(connection, "PlanUploads", ct)
            ? $" UNION SELECT {Quoted("ContentSha256")} FROM {Quoted("PlanUploads")} WHERE {Quoted("ContentSha256")} IS NOT NULL"
            : "";
        var names = new List<string>();
        await using var list = Command(connection, $"SELECT {Quoted("ContentSha256")} FROM {Quoted("Evidence")} WHERE {Quoted("ContentSha256")} IS NOT NULL{uploads} ORDER BY 1");
        await using var reader = await list.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(0);
            if (Shared.Files.FileStore.IsName(name)) names.Add(name);
        }
        return names;
    }

    /// <summary>Whether a table has the files' hash column (a database from before files left it has not).</summary>
    private static async Task<bool> HasColumnAsync(DbConnection connection, string table, CancellationToken ct)
    {
        await using var column = Command(connection, connection is SqliteConnection
            ? $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = 'ContentSha256'"
            : $"SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}' AND column_name = 'ContentSha256'");
        return Convert.ToInt64(await column.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>A command on the connection (Npgsql runs it in the connection's open transaction).</summary>
    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Table names read from the database's own catalogue, quoted.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    internal static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    internal static string Quoted(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A private, unpooled connection to a SQLite file (created when missing).</summary>
    internal static string SqliteFile(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();

    internal static async Task<string> Sha256Async(string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    /// <summary>Writes the archive and forces it to disk before it may be moved to its name.</summary>
    private static async Task WriteArchiveAsync(string file, Manifest manifest, string entryName, string databaseFile, IReadOnlyList<(string Entry, string Path)> files, CancellationToken ct)
    {
        await using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.ReadWrite);
        await using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var manifestEntry = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal);
            manifestEntry.LastWriteTime = manifest.CreatedAt;
            await using (var json = await manifestEntry.OpenAsync(ct))
                await JsonSerializer.SerializeAsync(json, manifest, Json, ct);
            await AddAsync(zip, entryName, databaseFile, CompressionLevel.Optimal, manifest.CreatedAt, ct);
            // Scans and pictures are compressed already.
            foreach (var (entry, path) in files) await AddAsync(zip, entry, path, CompressionLevel.Fastest, manifest.CreatedAt, ct);
        }
        stream.Flush(flushToDisk: true);
    }

    private static async Task AddAsync(ZipArchive zip, string name, string path, CompressionLevel level, DateTimeOffset when, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = when;
        await using var into = await entry.OpenAsync(ct);
        await using var from = File.OpenRead(path);
        await from.CopyToAsync(into, ct);
    }

    internal static string Size(long bytes) => bytes >= 1 << 20
        ? $"{bytes / (double)(1 << 20):0.#} MB"
        : $"{Math.Max(1, bytes / 1024)} KB";

    /// <summary>A backup or restore refused for a reason the operator can act on, told in one line (exit code 2).</summary>
    internal sealed class Refusal(string message) : Exception(message);
}

/// <summary>PostgreSQL's client programs (<c>pg_dump</c>, <c>pg_restore</c>), given the connection by environment (the password never on the command line).</summary>
internal static class PostgresTools
{
    /// <summary>The folder of the client programs when they are not on PATH or are older than the server (e.g. /usr/lib/postgresql/17/bin).</summary>
    public const string FolderSetting = "RoViec:Backup:PostgresTools";

    public static async Task RunAsync(IConfiguration configuration, string tool, NpgsqlConnectionStringBuilder settings, IEnumerable<string> args, CancellationToken ct)
    {
        var folder = configuration[FolderSetting];
        var start = new ProcessStartInfo(string.IsNullOrWhiteSpace(folder) ? tool : Path.Combine(folder, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal)).ToList()) start.Environment.Remove(key);
        start.Environment["PGHOST"] = settings.Host;
        start.Environment["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = settings.Username;
        if (!string.IsNullOrEmpty(settings.Password)) start.Environment["PGPASSWORD"] = settings.Password;
        start.Environment["PGSSLMODE"] = settings.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        start.Environment["PGAPPNAME"] = "roviec " + tool;
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            process = null;
        }
        if (process is null)
            throw new Backup.Refusal($"Không tìm thấy chương trình {tool}: hãy cài gói postgresql-client cùng phiên bản với máy chủ, hoặc đặt {FolderSetting.Replace(":", "__", StringComparison.Ordinal)} là thư mục chứa nó. ({tool} not found)");
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync(ct);
            var output = process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            var said = await error;
            await output;
            if (process.ExitCode != 0)
            {
                var first = said.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {process.ExitCode}";
                throw new Backup.Refusal($"{tool} không chạy được: {first} ({tool} failed)");
            }
        }
    }
}
