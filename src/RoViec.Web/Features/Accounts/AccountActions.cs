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

    /// <summary>A new generated password (returned to be shown once); the old one and all sessions stop working.</summary>
    public static async Task<string> ResetPasswordAsync(UserManager<AppUser> users, AppUser user)
    {
        var password = PasswordGenerator.Create();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded) throw new InvalidOperationException("generated password refused: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        return password;
    }

    /// <summary>Turns two-factor sign-in off and forgets the authenticator key and recovery codes (a lost phone); the person enrols again.</summary>
    public static async Task ResetTwoFactorAsync(UserManager<AppUser> users, AppUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, StoreProvider, RecoveryCodes);
        await users.ResetAuthenticatorKeyAsync(user);
    }
}
