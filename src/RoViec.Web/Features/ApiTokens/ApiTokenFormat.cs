using System.Security.Cryptography;
using System.Text;

namespace RoViec.Web.Features.ApiTokens;

/// <summary>
/// A personal API token reads "rv_" and 43 URL-safe characters (32 random bytes). Only its SHA-256
/// (hex) is stored; a fast hash is enough because the token is random, not a chosen password.
/// </summary>
public static class ApiTokenFormat
{
    public const string Marker = "rv_";

    /// <summary>How many leading characters the lists show so the owner can tell tokens apart ("rv_AbC1234").</summary>
    public const int PrefixLength = 10;

    public static string NewToken() => Marker + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Prefix(string token) => token[..Math.Min(PrefixLength, token.Length)];

    /// <summary>Whether the text can be a token at all, so garbage is refused without a database read.</summary>
    public static bool LooksLikeToken(string? text) =>
        text is { Length: > 3 and <= 200 } && text.StartsWith(Marker, StringComparison.Ordinal)
        && text.AsSpan(Marker.Length).IndexOfAnyExcept(Base64UrlCharacters) < 0;

    private static readonly System.Buffers.SearchValues<char> Base64UrlCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
