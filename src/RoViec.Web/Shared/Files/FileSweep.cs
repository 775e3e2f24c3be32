using Microsoft.EntityFrameworkCore;
using RoViec.Data;

namespace RoViec.Web.Shared.Files;

/// <summary>
/// Forgets the files no row names any longer: evidence removed, or an upload whose row was never saved. Only files
/// older than <see cref="Age"/> (by the wall clock) are looked at, so a file being uploaded now, whose row is not saved
/// yet, is never taken. Run by the scheduler, whose unit of work sees every commune: the same bytes may be evidence in
/// several communes, and a file goes only when none names it.
/// </summary>
public static class FileSweep
{
    public static readonly TimeSpan Age = TimeSpan.FromDays(1);

    private const int Batch = 500;

    /// <summary>Deletes the unnamed files older than <see cref="Age"/>; returns how many.</summary>
    public static async Task<int> RunAsync(RoViecDbContext db, FileStore store, DateTime wallNowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        var old = store.All().Where(name => File.GetLastWriteTimeUtc(store.PathOf(name)) < wallNowUtc - Age).ToList();
        var deleted = 0;
        foreach (var batch in old.Chunk(Batch))
        {
            var named = (await db.Evidence.AsNoTracking().Where(e => e.ContentSha256 != null && batch.Contains(e.ContentSha256))
                .Select(e => e.ContentSha256!).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            named.UnionWith(await db.Uploads.AsNoTracking().Where(u => u.ContentSha256 != null && batch.Contains(u.ContentSha256)).Select(u => u.ContentSha256!).ToListAsync(ct));
            foreach (var name in batch.Where(n => !named.Contains(n)))
            {
                store.Delete(name);
                deleted++;
            }
        }
        return deleted;
    }
}
