using Microsoft.AspNetCore.Identity;
using OtpNet;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Accounts;

/// <summary>
/// Checks an authenticator app's code (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, accepted two steps either
/// side, as Identity's own provider does) against the application's clock. It takes the place of Identity's
/// AuthenticatorTokenProvider, which reads the machine's clock, so that sign-in follows the one clock like
/// everything else. The codes are computed by Otp.NET.
/// </summary>
internal sealed class AuthenticatorCodes(TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the code, never the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit)) return false;
        var totp = new Totp(Base32Encoding.ToBytes(key));
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out _, new VerificationWindow(previous: 2, future: 2));
    }
}
