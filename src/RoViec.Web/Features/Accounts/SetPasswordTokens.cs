using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Accounts;

/// <summary>
/// The tokens of <see cref="SetPasswordLink"/>, in place of Identity's data-protector provider because that one reads
/// the machine's clock for expiry: these expire on the application's clock (tests and the served process set it). A
/// token names the account, the purpose, the account's security stamp and the moment it expires, protected by ASP.NET
/// Core Data Protection; setting a password (or resetting it again) renews the stamp, so a token works once.
/// </summary>
public sealed class SetPasswordTokens(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "RoViecSetPassword";

    private readonly IDataProtector _protector = protection.CreateProtector("RoViec.Accounts.SetPassword");

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var stamp = await manager.GetSecurityStampAsync(user);
        var expires = clock.GetUtcNow().Add(SetPasswordLink.Lifespan).ToUnixTimeSeconds();
        var payload = string.Join('\n', user.Id.ToString("N"), purpose, stamp, expires.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token ?? ""))).Split('\n');
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
        return parts.Length == 4
            && parts[0] == user.Id.ToString("N")
            && parts[1] == purpose
            && parts[2] == await manager.GetSecurityStampAsync(user)
            && long.TryParse(parts[3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var expires)
            && clock.GetUtcNow().ToUnixTimeSeconds() <= expires;
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);
}
