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
        var moved = 0;
        while (true)
        {
            var rows = await db.Evidence.Where(e => e.Content != null).OrderBy(e => e.Id).Take(Batch).ToListAsync(ct);
            if (rows.Count == 0) break;
            foreach (var row in rows)
            {
                var saved = await store.SaveAsync(row.Content!, ct);
                row.ContentSha256 = saved.Sha256;
                row.Size = saved.Size;
                row.Content = null;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            moved += rows.Count;
        }
        // The plan documents uploaded for review, likewise.
        while (true)
        {
            var uploads = await db.Uploads.Where(u => u.Content != null).OrderBy(u => u.Id).Take(Batch).ToListAsync(ct);
            if (uploads.Count == 0) return moved;
            foreach (var upload in uploads)
            {
                upload.ContentSha256 = (await store.SaveAsync(upload.Content!, ct)).Sha256;
                upload.Content = null;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            moved += uploads.Count;
        }
    }
}
