using Microsoft.EntityFrameworkCore;
using RoViec.Data;

namespace RoViec.Web.Features.ApiTokens;

/// <summary>A user's own API tokens: the list (never the secret) and revocation. Another user's token does not exist for them.</summary>
public static class OwnTokens
{
    public sealed record Row(Guid Id, string Name, string Prefix, DateTime CreatedAtUtc, DateTime? LastUsedAtUtc, DateTime? ExpiresAtUtc, DateTime? RevokedAtUtc);

    /// <summary>The user's tokens, newest first.</summary>
    public static async Task<IReadOnlyList<Row>> ListAsync(RoViecDbContext db, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAtUtc)
            .Select(t => new Row(t.Id, t.Name, t.Prefix, t.CreatedAtUtc, t.LastUsedAtUtc, t.ExpiresAtUtc, t.RevokedAtUtc))
            .ToListAsync(ct);
    }

    /// <summary>Revokes the user's token (once: the first revocation's time stays); false if the user has no such token.</summary>
    public static async Task<bool> RevokeAsync(RoViecDbContext db, Guid userId, Guid id, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct);
        if (token is null) return false;
        if (token.RevokedAtUtc is null)
        {
            token.RevokedAtUtc = nowUtc;
            await db.SaveChangesAsync(ct);
        }
        return true;
    }
}
