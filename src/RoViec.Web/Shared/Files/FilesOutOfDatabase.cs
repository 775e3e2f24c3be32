using Microsoft.EntityFrameworkCore;
using RoViec.Data;

namespace RoViec.Web.Shared.Files;

/// <summary>
/// Evidence files attached (and plan documents uploaded) before files left the database still have their bytes in
/// <c>Evidence.Content</c> (<c>PlanUploads.Content</c>): each is
/// written to the store, then its row names it by hash and forgets the bytes, a few rows per transaction, so an
/// interrupted move resumes where it stopped. Run by <c>roviec migrate</c> and by a demo start.
/// </summary>
public static class FilesOutOfDatabase
{
    private const int Batch = 20;

    /// <summary>Moves every file still in the database into the store (the caller's unit of work sees every commune); returns how many.</summary>
    public static async Task<int> MoveAsync(RoViecDbContext db, FileStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        var moved = await MoveAsync(db, store, db.Evidence.Where(e => e.Content != null).OrderBy(e => e.Id), e => e.Content!, (e, saved) =>
        {
            e.ContentSha256 = saved.Sha256;
            e.Size = saved.Size;
            e.Content = null;
        }, ct);
        // The plan documents uploaded for review, likewise.
        return moved + await MoveAsync(db, store, db.Uploads.Where(u => u.Content != null).OrderBy(u => u.Id), u => u.Content!, (u, saved) =>
        {
            u.ContentSha256 = saved.Sha256;
            u.Content = null;
        }, ct);
    }

    /// <summary>The rows of <paramref name="pending"/> a batch at a time: their bytes into the store, the row told where they went.</summary>
    private static async Task<int> MoveAsync<T>(RoViecDbContext db, FileStore store, IQueryable<T> pending, Func<T, byte[]> bytes, Action<T, FileStore.Saved> keep, CancellationToken ct)
        where T : class
    {
        var moved = 0;
        while (true)
        {
            var rows = await pending.Take(Batch).ToListAsync(ct);
            if (rows.Count == 0) return moved;
            foreach (var row in rows) keep(row, await store.SaveAsync(bytes(row), ct));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            moved += rows.Count;
        }
    }
}
