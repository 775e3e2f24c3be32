using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using RoViec.Data;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Operations;

/// <summary>
/// <c>roviec restore FILE</c>: a backup of <see cref="Backup"/> put back into an empty database of the same provider
/// (a SQLite file that is missing or has no table; a PostgreSQL database, created when missing, with no table in schema
/// public). Before the target is touched, the archive is read whole and every entry checked against the SHA-256 its
/// manifest gives; afterwards the rows of every table are counted against the manifest, and the archive's files are
/// put into the file store (<c>RoViec:Files:Path</c>; a folder that already holds files is fine, as files are named by
/// their bytes). It does not migrate: a backup older than the application is followed by <c>roviec migrate</c>, as the
/// command says (which also moves a format-1 backup's files out of the database).
/// </summary>
public static class Restore
{
    public static async Task<int> RunAsync(IServiceProvider services, OperatorCommands.RestoreBackup request, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var db = services.GetRequiredService<RoViecDbContext>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var store = services.GetRequiredService<Shared.Files.FileStore>();
        var file = Path.GetFullPath(request.File);
        var provider = db.Database.IsSqlite() ? Backup.Sqlite : Backup.Postgres;
        var connectionString = db.Database.GetConnectionString()!;
        var sqliteTarget = provider == Backup.Sqlite ? Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource) : null;
        // The database's copy from the archive: beside a SQLite target (same disk), else in the temporary folder.
        var extracted = Path.Combine(sqliteTarget is null ? Path.GetTempPath() : Path.GetDirectoryName(sqliteTarget)!, $".roviec-restore-{Guid.NewGuid():N}");
        var damaged = $"Tệp sao lưu \"{Path.GetFileName(file)}\" bị hỏng hoặc không phải tệp sao lưu của RoViec";
        try
        {
            if (!File.Exists(file))
                throw new Backup.Refusal($"Không tìm thấy tệp sao lưu \"{file}\". (the backup file does not exist)");
            Backup.Manifest manifest;
            try
            {
                await using var zip = await ZipFile.OpenReadAsync(file, ct);
                manifest = await ManifestAsync(zip, provider, damaged, ct);
                // Read-only checks of the target first, then the archive whole; only then is the target written.
                if (provider == Backup.Sqlite) await SqliteEmptyAsync(sqliteTarget!, ct);
                else await PostgresEmptyAsync(db, connectionString, ct);
                await VerifyAsync(zip, manifest, Backup.DatabaseEntry(provider), extracted, damaged, ct);
            }
            catch (Exception e) when (e is InvalidDataException or JsonException or NotSupportedException)
            {
                throw new Backup.Refusal($"{damaged}: {Schema.OneLine(e.Message)}; không khôi phục gì. (damaged archive)");
            }
            // The files first: a file the database does not name yet harms nothing, a row without its file would.
            var files = await FilesIntoStoreAsync(file, store, damaged, ct);
            if (provider == Backup.Sqlite)
                await IntoSqliteAsync(sqliteTarget!, extracted, ct);
            else
                await IntoPostgresAsync(db, configuration, connectionString, extracted, ct);
            var restored = provider == Backup.Sqlite ? await SqliteCountAsync(sqliteTarget!, ct) : await PostgresCountAsync(connectionString, ct);
            if (Difference(manifest.Tables, restored.Tables) is { } difference)
            {
                error.WriteLine($"Dữ liệu sau khi khôi phục không khớp tệp sao lưu: {difference}. Hãy xoá cơ sở dữ liệu vừa khôi phục và thử lại. (row counts differ from the manifest)");
                return OperatorCommands.BadInput;
            }
            var when = VietnamTime.FromUtc(manifest.CreatedAt.UtcDateTime).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            output.WriteLine($"Đã khôi phục {restored.Tables.Count} bảng, {restored.Tables.Values.Sum()} dòng và {files} tệp minh chứng (vào \"{store.Root}\") từ bản sao lưu lúc {when} (giờ Việt Nam), bản nâng cấp \"{manifest.Migration}\". (restored)");
            if (manifest.MissingFiles is { Count: > 0 } missing)
                output.WriteLine($"Lưu ý: khi sao lưu đã thiếu {missing.Count} tệp minh chứng (tệp đầu tiên: {missing[0]}); các dòng đó sẽ không tải được tệp. (files were missing at backup time)");
            var known = db.Database.GetMigrations().ToList();
            var index = known.IndexOf(manifest.Migration);
            if (index < 0)
                output.WriteLine($"Bản sao lưu đến từ phiên bản RoViec mới hơn ứng dụng này (bản nâng cấp \"{manifest.Migration}\" không có ở đây): hãy cài phiên bản đó trước khi khởi động. (the backup is from a newer version)");
            else if (index < known.Count - 1)
                output.WriteLine($"Bản sao lưu cũ hơn ứng dụng ({known.Count - 1 - index} bản nâng cấp chưa áp dụng): hãy chạy \"roviec migrate\" trước khi khởi động. (run roviec migrate)");
            return OperatorCommands.Ok;
        }
        catch (Backup.Refusal refusal)
        {
            error.WriteLine(refusal.Message);
            return OperatorCommands.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Không đọc hoặc ghi được tệp: {Schema.OneLine(e.Message)} (file error)");
            return OperatorCommands.BadInput;
        }
        finally
        {
            File.Delete(extracted);
        }
    }

    /// <summary>The archive's manifest, refused when incomplete, of a newer format, or of the other provider.</summary>
    private static async Task<Backup.Manifest> ManifestAsync(ZipArchive zip, string provider, string damaged, CancellationToken ct)
    {
        var manifestEntry = zip.GetEntry(Backup.ManifestEntry) ?? throw new Backup.Refusal($"{damaged}: thiếu {Backup.ManifestEntry}; không khôi phục gì. (not a backup)");
        Backup.Manifest? manifest;
        await using (var json = await manifestEntry.OpenAsync(ct))
            manifest = await JsonSerializer.DeserializeAsync<Backup.Manifest>(json, Backup.Json, ct);
        if (manifest is null || manifest.Tables is null || manifest.Sha256 is null || manifest.Migration is null || manifest.Provider is null)
            throw new Backup.Refusal($"{damaged}: {Backup.ManifestEntry} không đầy đủ; không khôi phục gì. (incomplete manifest)");
        if (manifest.Format > Backup.Format)
            throw new Backup.Refusal($"Tệp sao lưu được tạo bởi phiên bản RoViec mới hơn (định dạng {manifest.Format}): hãy khôi phục bằng phiên bản đó. (a newer backup format)");
        if (manifest.Provider != provider)
            throw new Backup.Refusal($"Tệp sao lưu là của {Name(manifest.Provider)}, còn cơ sở dữ liệu đích là {Name(provider)}: không khôi phục được từ loại này sang loại kia. Không có gì bị thay đổi. (provider mismatch: a {manifest.Provider} backup cannot be restored into {provider})");
        return manifest;
    }

    /// <summary>
    /// Checks every entry against the SHA-256 the manifest gives (an entry it does not list is refused too), copying
    /// the database's entry to <paramref name="into"/> on the way.
    /// </summary>
    private static async Task VerifyAsync(ZipArchive zip, Backup.Manifest manifest, string databaseEntry, string into, string damaged, CancellationToken ct)
    {
        if (!manifest.Sha256.ContainsKey(databaseEntry))
            throw new Backup.Refusal($"{damaged}: thiếu phần {databaseEntry}; không khôi phục gì. (no database in the archive)");
        var unlisted = zip.Entries.Select(e => e.FullName).Where(n => n != Backup.ManifestEntry && !manifest.Sha256.ContainsKey(n)).ToList();
        if (unlisted.Count > 0)
            throw new Backup.Refusal($"{damaged}: phần \"{unlisted[0]}\" không có trong {Backup.ManifestEntry}; không khôi phục gì. (an entry the manifest does not list)");
        foreach (var (name, expected) in manifest.Sha256)
        {
            // A file's entry is named by the hash of its bytes.
            if (name.StartsWith(Backup.EvidenceInFolder, StringComparison.Ordinal) && (name[Backup.EvidenceInFolder.Length..] != expected || !Shared.Files.FileStore.IsName(expected)))
                throw new Backup.Refusal($"{damaged}: phần \"{name}\" không mang tên theo mã SHA-256 của nó; không khôi phục gì. (a file entry misnamed)");
            var entry = zip.GetEntry(name) ?? throw new Backup.Refusal($"{damaged}: thiếu phần \"{name}\"; không khôi phục gì. (a listed entry is missing)");
            var actual = await CopyAndHashAsync(entry, name == databaseEntry ? into : null, ct);
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
                throw new Backup.Refusal($"{damaged}: phần \"{name}\" không khớp mã kiểm tra SHA-256 ghi trong {Backup.ManifestEntry}; không khôi phục gì. (checksum mismatch)");
        }
    }

    /// <summary>The archive's files into the store, each checked again on the way in; returns how many.</summary>
    private static async Task<int> FilesIntoStoreAsync(string archive, Shared.Files.FileStore store, string damaged, CancellationToken ct)
    {
        await using var zip = await ZipFile.OpenReadAsync(archive, ct);
        var count = 0;
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(Backup.EvidenceInFolder, StringComparison.Ordinal)))
        {
            await using var from = await entry.OpenAsync(ct);
            var saved = await store.SaveAsync(ReadOnlyMemory<byte>.Empty, from, long.MaxValue, ct);
            if (saved!.Sha256 != entry.FullName[Backup.EvidenceInFolder.Length..])
                throw new Backup.Refusal($"{damaged}: phần \"{entry.FullName}\" đổi nội dung trong lúc khôi phục. (a file changed while restored)");
            count++;
        }
        return count;
    }

    private static string Name(string provider) => provider == Backup.Sqlite ? "SQLite" : "PostgreSQL";

    /// <summary>The entry's SHA-256, copying it to <paramref name="into"/> when given.</summary>
    private static async Task<string> CopyAndHashAsync(ZipArchiveEntry entry, string? into, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var from = await entry.OpenAsync(ct);
        await using var to = into is null ? null : new FileStream(into, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await from.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            if (to is not null) await to.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string NotEmpty(string what) =>
        $"Chỉ khôi phục vào cơ sở dữ liệu trống, mà {what} đã có bảng: hãy dùng một cơ sở dữ liệu mới (hoặc xoá cái này sau khi chắc chắn không cần). Không có gì bị thay đổi. (the target database is not empty)";

    /// <summary>Refuses a SQLite file that has a table; a missing file is empty (and is not created here).</summary>
    private static async Task SqliteEmptyAsync(string target, CancellationToken ct)
    {
        if (!File.Exists(target)) return;
        await using var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await check.OpenAsync(ct);
        await using var count = check.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'";
        if (Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
            throw new Backup.Refusal(NotEmpty($"tệp \"{target}\""));
    }

    /// <summary>Refuses a PostgreSQL database with a table in schema public; a missing database is empty (created later).</summary>
    private static async Task PostgresEmptyAsync(RoViecDbContext db, string connectionString, CancellationToken ct)
    {
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct)) return;
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'", connection);
        if ((long)(await count.ExecuteScalarAsync(ct))! > 0)
            throw new Backup.Refusal(NotEmpty($"cơ sở dữ liệu \"{settings.Database}\""));
    }

    /// <summary>Into the SQLite file by the backup API from the extracted copy.</summary>
    private static async Task IntoSqliteAsync(string target, string extracted, CancellationToken ct)
    {
        await using var from = new SqliteConnection(Backup.SqliteFile(extracted));
        await from.OpenAsync(ct);
        await using var to = new SqliteConnection(Backup.SqliteFile(target));
        await to.OpenAsync(ct);
        await Backup.ExecuteAsync(to, "PRAGMA busy_timeout = 30000", ct);
        from.BackupDatabase(to);
    }

    /// <summary>Into the PostgreSQL database (created when missing) by <c>pg_restore</c> in one transaction, without the dump's owners and grants.</summary>
    private static async Task IntoPostgresAsync(RoViecDbContext db, IConfiguration configuration, string connectionString, string extracted, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct)) await creator.CreateAsync(ct);
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await PostgresTools.RunAsync(configuration, "pg_restore", settings,
            ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", "--no-password", $"--dbname={settings.Database}", extracted], ct);
    }

    private static async Task<Backup.Content> SqliteCountAsync(string target, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        return await Backup.CountAsync(connection, Backup.SqliteTables, ct);
    }

    private static async Task<Backup.Content> PostgresCountAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        return await Backup.CountAsync(connection, Backup.PostgresTables, ct);
    }

    /// <summary>The first table whose rows differ from the manifest's, said in Vietnamese; null when all agree.</summary>
    private static string? Difference(IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> actual)
    {
        foreach (var (table, rows) in expected)
        {
            var found = actual.GetValueOrDefault(table, -1);
            if (found != rows) return found < 0 ? $"thiếu bảng \"{table}\"" : $"bảng \"{table}\" có {found} dòng, tệp sao lưu ghi {rows}";
        }
        return actual.Keys.FirstOrDefault(t => !expected.ContainsKey(t)) is { } extra ? $"thừa bảng \"{extra}\"" : null;
    }
}
