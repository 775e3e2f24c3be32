using System.Security.Cryptography;
using RoViec.Web.Shared.Files;

namespace RoViec.Web.Tests;

/// <summary>The folder of uploaded files: named by the SHA-256 of their bytes, written whole or not at all.</summary>
public sealed class FileStoreTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _root = Directory.CreateTempSubdirectory("roviec-files-").FullName;

    private string[] Kept() => [.. Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public async Task A_file_is_kept_under_the_hash_of_its_bytes_and_the_same_bytes_twice_are_kept_once()
    {
        var store = new FileStore(_root);
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var expected = Convert.ToHexStringLower(SHA256.HashData(bytes));

        await using var first = new MemoryStream(bytes[10..]);
        var saved = await store.SaveAsync(bytes.AsMemory(0, 10), first, 1_000_000, Ct);
        var again = await store.SaveAsync(bytes, Ct);

        Assert.Equal(new FileStore.Saved(expected, bytes.Length), saved);
        Assert.Equal(saved, again);
        Assert.Equal([expected], Kept());
        Assert.Equal(Path.Combine(_root, expected[..2], expected), store.Find(expected));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(store.Find(expected)!, Ct));
        Assert.Equal([expected], store.All());
    }

    [Fact]
    public async Task Bytes_over_the_limit_are_refused_and_leave_nothing()
    {
        var store = new FileStore(_root);
        await using var large = new MemoryStream(new byte[5_000]);
        Assert.Null(await store.SaveAsync(new byte[] { 1, 2 }, large, 4_000, Ct));
        Assert.Empty(Kept());
        Assert.Empty(store.All());
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789")]
    [InlineData("abcdef0123456789abcdef0123456789abcdef0123456789abcdef012345678")]
    [InlineData("")]
    public void Nothing_but_a_lower_case_sha256_names_a_file(string name)
    {
        var store = new FileStore(_root);
        Assert.False(FileStore.IsName(name));
        Assert.Throws<ArgumentException>(() => store.PathOf(name));
    }

    [Fact]
    public async Task Deleting_forgets_the_file_and_a_store_that_cannot_be_written_says_so()
    {
        var store = new FileStore(_root);
        var saved = await store.SaveAsync([7, 7, 7], Ct);
        store.Delete(saved.Sha256);
        Assert.Null(store.Find(saved.Sha256));
        Assert.Null(store.Problem());

        // A folder where a file is: nothing can be written under it.
        var blocked = Path.Combine(_root, "khong-ghi-duoc");
        await File.WriteAllTextAsync(blocked, "x", Ct);
        Assert.Contains("Không ghi được vào thư mục tệp", new FileStore(blocked).Problem(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
