using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Notifications;

/// <summary>A notice about to be given to one user.</summary>
/// <param name="Kind">One of <see cref="NoticeKinds"/>.</param>
/// <param name="Key">Unique per notice (see <see cref="NoticeKeys"/>): the same key is given once, whoever asks and however often.</param>
/// <param name="Link">The page it is about, as a path ("/bao-cao/…").</param>
public sealed record NoticeDraft(Guid UserId, string Kind, string Key, string Title, string Body, string? Link, Guid? CommuneId = null);

/// <summary>
/// Gives notices to users, once per key, as each user chose for the kind (<see cref="NoticePreference"/>, no row:
/// both channels on): in the application, and by e-mail when they have an address (the scheduler's lease holder
/// sends it, at once or, for a user who chose the daily digest, held for the next digest). With both channels off
/// nothing is created; with the application off and e-mail on the row exists for the e-mail but the notices page does
/// not show it.
/// </summary>
/// <remarks>
/// Other features call <see cref="SendAsync"/> for "your report was returned / verified / awaits approval".
/// It saves the context: call it after your own changes are saved. A key already given (by this or another
/// instance, even at the same moment) is not given again; the unique index on the key decides the race.
/// </remarks>
public static class Notices
{
    /// <summary>Gives one notice now; true when it was created (false: already given, or the user wants neither channel).</summary>
    public static async Task<bool> SendAsync(RoViecDbContext db, Guid userId, string kind, string key, string title, string body, string? link, DateTime nowUtc, CancellationToken ct) =>
        await SendManyAsync(db, [new NoticeDraft(userId, kind, key, title, body, link)], nowUtc, ct) == 1;

    /// <summary>Gives the notices not given yet; returns how many were created.</summary>
    public static async Task<int> SendManyAsync(RoViecDbContext db, IReadOnlyCollection<NoticeDraft> drafts, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(drafts);
        var unique = drafts.DistinctBy(d => d.Key, StringComparer.Ordinal).ToList();
        if (unique.Count == 0) return 0;

        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in unique.Select(d => d.Key).Chunk(500))
            given.UnionWith(await db.Notifications.Where(n => chunk.Contains(n.Key)).Select(n => n.Key).ToListAsync(ct));
        var fresh = unique.Where(d => !given.Contains(d.Key)).ToList();
        if (fresh.Count == 0) return 0;

        var userIds = fresh.Select(d => d.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.CommuneId }).ToDictionaryAsync(u => u.Id, ct);
        var preferences = await db.NoticePreferences.AsNoTracking().Where(p => userIds.Contains(p.UserId))
            .ToDictionaryAsync(p => (p.UserId, p.Kind), ct);
        var digest = (await db.NoticeDeliveries.AsNoTracking().Where(d => userIds.Contains(d.UserId) && d.Mode == NoticeDeliveryModes.DailyDigest)
            .Select(d => d.UserId).ToListAsync(ct)).ToHashSet();

        var rows = new List<Notification>();
        foreach (var draft in fresh)
        {
            if (!users.TryGetValue(draft.UserId, out var user)) continue;
            var choice = preferences.GetValueOrDefault((draft.UserId, draft.Kind));
            var inApp = choice?.InApp ?? true;
            var email = (choice?.Email ?? true) && !string.IsNullOrWhiteSpace(user.Email);
            if (!inApp && !email) continue;
            rows.Add(new Notification
            {
                Id = Guid.NewGuid(),
                CommuneId = draft.CommuneId ?? user.CommuneId,
                UserId = draft.UserId,
                Kind = draft.Kind,
                Key = draft.Key,
                Title = Clip(draft.Title, 500),
                Body = Clip(draft.Body, 4000),
                Link = draft.Link,
                CreatedAtUtc = nowUtc,
                EmailState = !email ? null : digest.Contains(draft.UserId) ? EmailStates.Held : EmailStates.Pending,
            });
        }
        if (rows.Count == 0) return 0;

        db.Notifications.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
            return rows.Count;
        }
        catch (Exception ex) when (IsInsertConflict(ex))
        {
            // Another instance gave some of them meanwhile (PostgreSQL may even call two such batches a
            // deadlock): give the rest one by one, each in its own statement, which cannot deadlock.
            foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
        }
        var created = 0;
        foreach (var row in rows)
        {
            db.Notifications.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                created++;
            }
            catch (Exception ex) when (IsInsertConflict(ex))
            {
                db.Entry(row).State = EntityState.Detached;
                if (!await db.Notifications.AnyAsync(n => n.Key == row.Key, ct)) throw;
            }
        }
        return created;
    }

    /// <summary>The notices a user sees in the application: their own, of the kinds they have not turned off there.</summary>
    public static IQueryable<Notification> VisibleTo(RoViecDbContext db, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var hidden = db.NoticePreferences.Where(p => p.UserId == userId && !p.InApp).Select(p => p.Kind);
        return db.Notifications.Where(n => n.UserId == userId && !hidden.Contains(n.Kind));
    }

    /// <summary>How many of the notices the user sees are unread (the count beside "Thông báo" in the navigation).</summary>
    /// <summary>Marks the user's notice read (once: the first reading's time stays); false if the user has no such notice.</summary>
    public static async Task<bool> MarkReadAsync(RoViecDbContext db, Guid userId, Guid id, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var notice = await db.Notifications.Where(n => n.Id == id && n.UserId == userId).Select(n => new { n.Id, n.ReadAtUtc }).FirstOrDefaultAsync(ct);
        if (notice is null) return false;
        if (notice.ReadAtUtc is null)
            await db.Notifications.Where(n => n.Id == id && n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, nowUtc), ct);
        return true;
    }

    /// <summary>Marks all the user's unread notices read.</summary>
    public static Task<int> MarkAllReadAsync(RoViecDbContext db, Guid userId, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, nowUtc), ct);
    }

    public static Task<int> UnreadCountAsync(RoViecDbContext db, Guid userId, CancellationToken ct) =>
        VisibleTo(db, userId).CountAsync(n => n.ReadAtUtc == null, ct);

    /// <summary>A failed insert, raw or wrapped by EF as a transient failure (a PostgreSQL deadlock between racing inserts).</summary>
    internal static bool IsInsertConflict(Exception ex) =>
        ex is DbUpdateException || (ex is InvalidOperationException && ex.InnerException is DbUpdateException);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
