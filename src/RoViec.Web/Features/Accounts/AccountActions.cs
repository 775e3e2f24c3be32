using Microsoft.AspNetCore.Identity;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.ApiTokens;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Organisation;

namespace RoViec.Web.Features.Accounts;

/// <summary>
/// What changes a person's access: an administrator's lock, unlock, password reset, fresh two-factor set-up and
/// revocation of the API tokens; the person's own password change and "sign out everywhere"; a password set through the
/// one-time link. Whatever ends the sessions (a new password, a lock, signing out everywhere) also revokes every API
/// token of the account, in the same transaction: a token must not outlive the password it was made under.
/// </summary>
public static class AccountActions
{
    /// <summary>The store's own names for the recovery codes, so a reset removes them too.</summary>
    private const string StoreProvider = "[AspNetUserStore]";
    private const string RecoveryCodes = "RecoveryCodes";

    /// <summary>Locks the account until unlocked, ends its sessions (new security stamp) and revokes its API tokens.</summary>
    public static async Task<AdminError?> LockAsync(RoViecDbContext db, UserManager<AppUser> users, UserScope admin, AppUser user, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(user);
        if (user.Id == admin.UserId) return new CannotLockSelf();
        var result = await EndingTokensAsync(db, user, clock, async () =>
        {
            var done = await users.SetLockoutEnabledAsync(user, true);
            if (done.Succeeded) done = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            if (done.Succeeded) done = await users.UpdateSecurityStampAsync(user);
            return done;
        }, ct);
        Require(result, "account not locked");
        return null;
    }

    public static async Task UnlockAsync(UserManager<AppUser> users, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    /// <summary>
    /// Takes the password away (every session of the account ends with its renewed security stamp, every API token is
    /// revoked) and hands over a one-time link to set a new one; the administrator never learns a password.
    /// </summary>
    public static async Task<SetPasswordLink.HandOver> ResetPasswordAsync(
        RoViecDbContext db, UserManager<AppUser> users, AppUser user, Notifications.NoticeMailer.Settings mail, string baseUrl, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        Require(await EndingTokensAsync(db, user, clock, () => users.RemovePasswordAsync(user), ct), "password not removed");
        return await SetPasswordLink.HandOverAsync(users, user, mail, baseUrl, newAccount: false, ct);
    }

    /// <summary>One's own new password, checked against the current one; on success every API token of the account is revoked.</summary>
    public static Task<IdentityResult> ChangePasswordAsync(
        RoViecDbContext db, UserManager<AppUser> users, AppUser user, string current, string next, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        return EndingTokensAsync(db, user, clock, () => users.ChangePasswordAsync(user, current, next), ct);
    }

    /// <summary>
    /// The password chosen through a one-time link (the link's token is checked first); a locked-out account may sign
    /// in with it at once. Every API token of the account is revoked.
    /// </summary>
    public static Task<IdentityResult> SetPasswordAsync(
        RoViecDbContext db, UserManager<AppUser> users, AppUser user, string token, string password, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        return EndingTokensAsync(db, user, clock, async () =>
        {
            var done = await users.ResetPasswordAsync(user, token, password);
            if (done.Succeeded) done = await users.SetLockoutEndDateAsync(user, null);
            if (done.Succeeded) done = await users.ResetAccessFailedCountAsync(user);
            return done;
        }, ct);
    }

    /// <summary>"Sign out everywhere": a new security stamp ends every other session, and every API token is revoked.</summary>
    public static async Task SignOutEverywhereAsync(RoViecDbContext db, UserManager<AppUser> users, AppUser user, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        Require(await EndingTokensAsync(db, user, clock, () => users.UpdateSecurityStampAsync(user), ct), "security stamp not renewed");
    }

    /// <summary>An administrator revokes every API token of an account they manage; returns how many were still active.</summary>
    public static Task<int> RevokeTokensAsync(RoViecDbContext db, AppUser user, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(clock);
        return AccountTokens.RevokeAllAsync(db, user.Id, clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>Turns two-factor sign-in off and forgets the authenticator key and recovery codes (a lost phone); the person enrols again.</summary>
    public static async Task ResetTwoFactorAsync(UserManager<AppUser> users, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, StoreProvider, RecoveryCodes);
        await users.ResetAuthenticatorKeyAsync(user);
    }

    /// <summary>
    /// The change and the revocation of the account's API tokens in one transaction (Identity saves through the same unit
    /// of work): both happen, or, when the change is refused, neither.
    /// </summary>
    private static async Task<IdentityResult> EndingTokensAsync(RoViecDbContext db, AppUser user, TimeProvider clock, Func<Task<IdentityResult>> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(clock);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await change();
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            return result;
        }
        await AccountTokens.RevokeAllAsync(db, user.Id, clock.GetUtcNow().UtcDateTime, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    private static void Require(IdentityResult result, string what)
    {
        if (!result.Succeeded) throw new InvalidOperationException(what + ": " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
