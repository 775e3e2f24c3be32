using System.Security.Cryptography;

namespace RoViec.Web.Features.Accounts;

/// <summary>Initial and reset passwords, shown once to the administrator; they meet the password policy.</summary>
public static class PasswordGenerator
{
    // No look-alikes (0/O, 1/l/I): the password is read off a screen and typed on a phone.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "-!@#";

    public static string Create()
    {
        var all = Upper + Lower + Digits;
        var chars = new List<char>
        {
            Upper[RandomNumberGenerator.GetInt32(Upper.Length)],
            Lower[RandomNumberGenerator.GetInt32(Lower.Length)],
            Digits[RandomNumberGenerator.GetInt32(Digits.Length)],
            Symbols[RandomNumberGenerator.GetInt32(Symbols.Length)],
        };
        while (chars.Count < 14) chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        // Shuffle so the required classes are not always in front.
        for (var i = chars.Count - 1; i > 0; i--)
        {
            var j = RandomNumberGenerator.GetInt32(i + 1);
            (chars[i], chars[j]) = (chars[j], chars[i]);
        }
        return new string([.. chars]);
    }
}
