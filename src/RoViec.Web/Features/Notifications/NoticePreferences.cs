using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Notifications;

/// <summary>
/// How a user receives each kind of notice: in the application, by e-mail, both or neither (both unless chosen); and
/// how the e-mails reach them (<see cref="NoticeDeliveryModes"/>): each at once, or one digest a day.
/// </summary>
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

    /// <summary>The user's e-mail address, saved choices by kind and how e-mails reach them (<see cref="NoticeDeliveryModes"/>).</summary>
    public static async Task<(string? Address, IReadOnlyDictionary<string, NoticePreference> Rows, string Delivery)> ReadAsync(RoViecDbContext db, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var address = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var rows = await db.NoticePreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, ct);
        var delivery = await db.NoticeDeliveries.Where(d => d.UserId == userId).Select(d => d.Mode).FirstOrDefaultAsync(ct);
        return (address, rows, delivery ?? NoticeDeliveryModes.Immediate);
    }

    /// <summary>
    /// Saves a choice for every kind: in the application for those in <paramref name="inApp"/>, by e-mail for those in
    /// <paramref name="email"/>; and how e-mails reach the user (<paramref name="delivery"/>, one of <see cref="NoticeDeliveryModes"/>).
    /// Back to one mail per notice, the notices held for the next digest are sent at the next tick, each on its own.
    /// </summary>
    public static async Task<Outcome> SaveAsync(RoViecDbContext db, Guid userId, IReadOnlyCollection<string> inApp, IReadOnlyCollection<string> email, string delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(inApp);
        ArgumentNullException.ThrowIfNull(email);
        if (!NoticeDeliveryModes.All.Contains(delivery)) throw new ArgumentOutOfRangeException(nameof(delivery), delivery, "Not a delivery mode");
        var mode = await db.NoticeDeliveries.FirstOrDefaultAsync(d => d.UserId == userId, ct);
        if (mode is null) db.NoticeDeliveries.Add(new NoticeDelivery { UserId = userId, Mode = delivery });
        else mode.Mode = delivery;
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
            if (delivery == NoticeDeliveryModes.Immediate)
                await db.Notifications.Where(n => n.UserId == userId && n.EmailState == EmailStates.Held)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailStates.Pending), ct);
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
