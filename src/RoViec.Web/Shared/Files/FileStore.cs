using System.Security.Cryptography;

namespace RoViec.Web.Shared.Files;

/// <summary>
/// Uploaded files kept outside the database, in a folder, each under the SHA-256 of its bytes
/// (<c>ab/abcdef…</c>): the database keeps the hash, the name, the type and the size. A file is written to a work file
/// in the same folder while its hash is computed, forced to disk, then moved to its name, so a name always holds the whole
/// file it names and the same bytes uploaded twice are kept once. Several instances on one machine (or sharing the folder
/// over the network) may write at once: a name is written by a move, never opened for writing.
/// </summary>
public sealed class FileStore
{
    /// <summary>The folder (<c>RoViec:Files:Path</c>); required in production, beside the SQLite file or under the data folder otherwise.</summary>
    public const string Setting = "RoViec:Files:Path";

    private const string WorkFolder = ".dang-ghi";

    public FileStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    /// <summary>The store a process uses: the setting, else a folder "files" beside the SQLite database or under the data folder.</summary>
    public static FileStore From(IConfiguration configuration, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[Setting] is { Length: > 0 } configured) return new FileStore(configured);
        if (!connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:")
                return new FileStore(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", "files"));
        }
        return new FileStore(Path.Combine(configuration["DataDirectory"] ?? "data", "files"));
    }

    /// <summary>A file kept: the SHA-256 of its bytes (hex, lower case) and their number.</summary>
    public sealed record Saved(string Sha256, long Size);

    /// <summary>
    /// Keeps <paramref name="head"/> followed by the rest of <paramref name="rest"/>, streamed (never whole in memory),
    /// or returns null without keeping anything when the bytes pass <paramref name="maxBytes"/>.
    /// </summary>
    public async Task<Saved?> SaveAsync(ReadOnlyMemory<byte> head, Stream rest, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rest);
        var work = Path.Combine(Root, WorkFolder);
        Directory.CreateDirectory(work);
        var temporary = Path.Combine(work, Guid.NewGuid().ToString("N"));
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var into = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                hash.AppendData(head.Span);
                await into.WriteAsync(head, ct);
                size = head.Length;
                var buffer = new byte[81920];
                int read;
                while ((read = await rest.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes) return null;
                    hash.AppendData(buffer, 0, read);
                    await into.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                if (size > maxBytes) return null;
                await into.FlushAsync(ct);
                into.Flush(flushToDisk: true);
            }
            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            var final = PathOf(sha256);
            if (!File.Exists(final))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(final)!);
                try
                {
                    File.Move(temporary, final, overwrite: false);
                }
                catch (IOException) when (File.Exists(final))
                {
                    // Another request kept the same bytes meanwhile: theirs is the same file.
                }
            }
            return new Saved(sha256, size);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Keeps bytes already in memory.</summary>
    public async Task<Saved> SaveAsync(byte[] content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var empty = new MemoryStream([], writable: false);
        return (await SaveAsync(content, empty, long.MaxValue, ct))!;
    }

    /// <summary>Whether the text is a SHA-256 as the store names files (64 hex digits, lower case): nothing else reaches the disk.</summary>
    public static bool IsName(string? sha256) =>
        sha256 is { Length: 64 } && sha256.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    /// <summary>Where the file of a hash is (whether or not it is there).</summary>
    public string PathOf(string sha256)
    {
        if (!IsName(sha256)) throw new ArgumentException("not a SHA-256 in hex", nameof(sha256));
        return Path.Combine(Root, sha256[..2], sha256);
    }

    /// <summary>The file of a hash, or null when the store does not have it.</summary>
    public string? Find(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Forgets a file no row names any longer (nothing when it is not there).</summary>
    public void Delete(string sha256) => File.Delete(PathOf(sha256));

    /// <summary>Every file kept, by hash.</summary>
    public IEnumerable<string> All() =>
        !Directory.Exists(Root)
            ? []
            : Directory.EnumerateDirectories(Root, "??").SelectMany(Directory.EnumerateFiles).Select(f => Path.GetFileName(f)).Where(IsName);

    /// <summary>Null when files can be written and read back here; else why not, in one line.</summary>
    public string? Problem()
    {
        try
        {
            var work = Path.Combine(Root, WorkFolder);
            Directory.CreateDirectory(work);
            var probe = Path.Combine(work, "kiem-tra-" + Guid.NewGuid().ToString("N"));
            File.WriteAllBytes(probe, [1, 2, 3]);
            var back = File.ReadAllBytes(probe);
            File.Delete(probe);
            return back is [1, 2, 3] ? null : $"Thư mục tệp \"{Root}\" không đọc lại được tệp vừa ghi.";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"Không ghi được vào thư mục tệp \"{Root}\": {e.Message}";
        }
    }
}
