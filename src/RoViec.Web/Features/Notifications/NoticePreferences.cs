using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Notifications;

/// <summary>How a user receives each kind of notice: in the application, by e-mail, both or neither (both unless chosen).</summary>
public static class NoticePreferences
{
    public abstract record Outcome
    {
        private Outcome() { }

        public sealed record Saved : Outcome;

        /// <summary>The same account saved from elsewhere at the same moment; nothing saved.</summary>
        public sealed record Conflict : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.Conflict;
            public string Message => "Lựa chọn vừa được lưu ở nơi khác cùng lúc; hãy xem lại và lưu lần nữa.";
        }
    }

    /// <summary>The user's e-mail address and saved choices by kind.</summary>
    public static async Task<(string? Address, IReadOnlyDictionary<string, NoticePreference> Rows)> ReadAsync(RoViecDbContext db, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var address = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var rows = await db.NoticePreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, ct);
        return (address, rows);
    }

    /// <summary>Saves a choice for every kind: in the application for those in <paramref name="inApp"/>, by e-mail for those in <paramref name="email"/>.</summary>
    public static async Task<Outcome> SaveAsync(RoViecDbContext db, Guid userId, IReadOnlyCollection<string> inApp, IReadOnlyCollection<string> email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(inApp);
        ArgumentNullException.ThrowIfNull(email);
        var rows = await db.NoticePreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var kind in NoticeKinds.All)
        {
            if (!rows.TryGetValue(kind, out var row))
            {
                row = new NoticePreference { Id = Guid.NewGuid(), UserId = userId, Kind = kind };
                db.NoticePreferences.Add(row);
            }
            row.InApp = inApp.Contains(kind);
            row.Email = email.Contains(kind);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return new Outcome.Saved();
        }
        catch (DbUpdateException)
        {
            // The same account saved from another tab at the same moment: its rows were created first.
            db.ChangeTracker.Clear();
            return new Outcome.Conflict();
        }
    }
}
