using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Accounts;

/// <summary>
/// A password sign-in whose failures all look alike. Identity answers an unknown user name, and a locked account, without
/// hashing anything (about 2 ms) while a wrong password costs a hash verification (about 125 ms with 100,000 PBKDF2
/// iterations): the time told which accounts exist. Here those two verify the typed password against a hash of nobody's
/// password too, with the same hasher and cost. The page then gives every failure the same status and sentence.
/// </summary>
public static class SignInAttempt
{
    public static async Task<SignInResult> RunAsync(SignInManager<AppUser> signIn, UnknownUserHash nobody, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(nobody);
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(userName);
        // Identity refuses these before it looks at the password: spend the verification it would have spent.
        if (user is null || await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
            _ = users.PasswordHasher.VerifyHashedPassword(user ?? new AppUser(), nobody.Hash(users.PasswordHasher), password);
        if (user is null) return SignInResult.Failed;
        return await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
    }
}

/// <summary>
/// A hash of a random password nobody knows, made once per process by the application's hasher (so with its iteration
/// count), for <see cref="SignInAttempt"/> to verify against when there is no account's hash to verify.
/// </summary>
public sealed class UnknownUserHash
{
    private string? _hash;

    public string Hash(IPasswordHasher<AppUser> hasher)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        return _hash ??= hasher.HashPassword(new AppUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
    }
}
