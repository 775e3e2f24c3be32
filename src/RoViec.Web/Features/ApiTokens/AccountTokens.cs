using Microsoft.EntityFrameworkCore;
using RoViec.Data;

namespace RoViec.Web.Features.ApiTokens;

/// <summary>
/// An account's active API tokens as whoever manages the account sees them (never the secret), and their revocation
/// all at once: when the account's password changes or is reset, when it signs out everywhere or is locked, and when
/// an administrator revokes them. Who may do that is the caller's to check.
/// </summary>
public static class AccountTokens
{
    public sealed record Row(Guid Id, string Name, string Prefix, DateTime CreatedAtUtc, DateTime? LastUsedAtUtc, DateTime? ExpiresAtUtc);

    /// <summary>The account's tokens that still work (neither revoked nor expired), newest first.</summary>
    public static async Task<IReadOnlyList<Row>> ActiveAsync(RoViecDbContext db, Guid userId, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.RevokedAtUtc == null && (t.ExpiresAtUtc == null || t.ExpiresAtUtc > nowUtc))
            .OrderByDescending(t => t.CreatedAtUtc)
            .Select(t => new Row(t.Id, t.Name, t.Prefix, t.CreatedAtUtc, t.LastUsedAtUtc, t.ExpiresAtUtc))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Revokes every token of the account not revoked yet (an expired one too: it can never come back), at
    /// <paramref name="nowUtc"/>, in the caller's unit of work and transaction; returns how many were still active.
    /// </summary>
    public static async Task<int> RevokeAllAsync(RoViecDbContext db, Guid userId, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tokens = await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAtUtc == null).ToListAsync(ct);
        foreach (var token in tokens) token.RevokedAtUtc = nowUtc;
        if (tokens.Count > 0) await db.SaveChangesAsync(ct);
        return tokens.Count(t => t.ExpiresAtUtc is null || t.ExpiresAtUtc > nowUtc);
    }
}
