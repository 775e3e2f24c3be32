using System.Buffers.Binary;
using System.Security.Cryptography;

namespace RoViec.Web.Tests;

/// <summary>
/// Time-based one-time passwords as an authenticator app computes them (RFC 6238 over RFC 4226:
/// HMAC-SHA1, 30-second steps, 6 digits), from the base32 key the enrolment page shows.
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        // HMAC-SHA1 is what RFC 6238 and every authenticator app use; it is not chosen here.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The code the app shows now by the application's clock.</summary>
    public static string Now(string base32Key, TimeProvider clock) => Code(base32Key, clock.GetUtcNow());

    /// <summary>A code that is certainly wrong now (differs from every code in the ±2-step window).</summary>
    public static string Wrong(string base32Key, TimeProvider clock)
    {
        var valid = Enumerable.Range(-3, 7).Select(i => Code(base32Key, clock.GetUtcNow().AddSeconds(30 * i))).ToHashSet();
        for (var n = 0; ; n++)
        {
            var candidate = n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            if (!valid.Contains(candidate)) return candidate;
        }
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"not base32: {c}");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
