using Microsoft.AspNetCore.Identity;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Organisation;

namespace RoViec.Web.Features.Accounts;

/// <summary>What an administrator does to another person's access: lock, unlock, a new password, a fresh two-factor set-up.</summary>
public static class AccountActions
{
    /// <summary>The store's own names for the recovery codes, so a reset removes them too.</summary>
    private const string StoreProvider = "[AspNetUserStore]";
    private const string RecoveryCodes = "RecoveryCodes";

    /// <summary>Locks the account until unlocked and ends its sessions (new security stamp).</summary>
    public static async Task<AdminError?> LockAsync(UserManager<AppUser> users, UserScope admin, AppUser user)
    {
        if (user.Id == admin.UserId) return new CannotLockSelf();
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        return null;
    }

    public static async Task UnlockAsync(UserManager<AppUser> users, AppUser user)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    /// <summary>
    /// Takes the password away (every session of the account ends with its renewed security stamp) and hands over a
    /// one-time link to set a new one; the administrator never learns a password.
    /// </summary>
    public static async Task<SetPasswordLink.HandOver> ResetPasswordAsync(UserManager<AppUser> users, AppUser user, Notifications.NoticeMailer.Settings mail, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        var removed = await users.RemovePasswordAsync(user);
        if (!removed.Succeeded) throw new InvalidOperationException("password not removed: " + string.Join("; ", removed.Errors.Select(e => e.Code)));
        return await SetPasswordLink.HandOverAsync(users, user, mail, baseUrl, newAccount: false, ct);
    }

    /// <summary>Turns two-factor sign-in off and forgets the authenticator key and recovery codes (a lost phone); the person enrols again.</summary>
    public static async Task ResetTwoFactorAsync(UserManager<AppUser> users, AppUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, StoreProvider, RecoveryCodes);
        await users.ResetAuthenticatorKeyAsync(user);
    }
}
