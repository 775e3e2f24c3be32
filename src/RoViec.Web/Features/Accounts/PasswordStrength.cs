using System.Collections.Frozen;
using System.Text;
using Microsoft.AspNetCore.Identity;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Accounts;

/// <summary>
/// Identity's password validator beside the length and character rules, which <c>Password1!</c> passes: it refuses
/// (a) the most common passwords (<c>common-passwords.txt</c>: 10,000 from zxcvbn's list and a few Vietnamese ones),
/// also with digits or symbols before or after them, separators inside them or simple character swaps (<c>P@ssw0rd</c>),
/// compared without letter case or diacritics; (b) passwords holding the account's user name, a part of its full name
/// of 3 letters or more, or its e-mail's local part; (c) passwords holding "RoViec" or the name of the account's commune
/// or province. Every way of setting a password (the set-password link, the change-password page, <c>roviec admin
/// create</c>) goes through it.
/// </summary>
public sealed class PasswordStrength(RoViecDbContext db) : IPasswordValidator<AppUser>
{
    /// <summary>The embedded list's name (RoViec.Web.csproj).</summary>
    public const string ListResource = "common-passwords.txt";

    /// <summary>
    /// The two middle names that only say whether a name is a man's or a woman's ("Văn", "Thị"): they are in most names,
    /// tell nothing of the person, and would refuse every password with "van" or "thi" in it.
    /// </summary>
    private static readonly FrozenSet<string> GenderNames = new[] { "van", "thi" }.ToFrozenSet(StringComparer.Ordinal);

    private const int ShortestPart = 3;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadList);

    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password)) return IdentityResult.Success;
        var errors = new List<IdentityError>();
        if (IsCommon(password)) errors.Add(VietnameseIdentityErrors.PasswordTooCommon());
        if (ContainsAny(password, PersonalWords(user))) errors.Add(VietnameseIdentityErrors.PasswordContainsPersonalInfo());
        if (ContainsAny(password, await PlaceWordsAsync(user))) errors.Add(VietnameseIdentityErrors.PasswordContainsPlaceName());
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    /// <summary>Whether the password, or its core without digits and symbols around it (or swapped letters), is a common password.</summary>
    public static bool IsCommon(string password) => CommonForms(password).Any(Common.Value.Contains);

    /// <summary>The forms compared with the list: as typed (lower case, no diacritics), without digits and symbols around it, without separators, un-swapped.</summary>
    internal static IEnumerable<string> CommonForms(string password)
    {
        var lower = VietnameseFolding.StripMarks(password);
        yield return lower;
        yield return Around(lower, IsNotLetterOrDigit);
        var letters = Around(lower, IsNotLetter);
        yield return letters;
        yield return Keep(letters, char.IsLetterOrDigit);
        yield return Keep(Unswapped(letters), char.IsLetter);
    }

    /// <summary>Whether the password holds one of the words, ignoring case, diacritics, separators and simple swaps (<c>C0ngan</c>).</summary>
    public static bool ContainsAny(string password, IReadOnlyCollection<string> words)
    {
        if (words.Count == 0) return false;
        var plain = Compact(password);
        var unswapped = Keep(Unswapped(VietnameseFolding.StripMarks(password)), char.IsLetterOrDigit);
        return words.Any(w => plain.Contains(w, StringComparison.Ordinal) || unswapped.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>The user name, the e-mail's local part (each whole and by parts) and the full name's parts, folded.</summary>
    public static IReadOnlyCollection<string> PersonalWords(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { user.UserName, user.Email?.Split('@')[0] })
        {
            if (string.IsNullOrWhiteSpace(name)) continue;
            if (Compact(name) is { Length: >= ShortestPart } whole) words.Add(whole);
            words.UnionWith(Parts(name));
        }
        words.UnionWith(Parts(user.FullName));
        return words;
    }

    /// <summary>"roviec" and the names of the account's commune and province, folded and without spaces.</summary>
    private async Task<IReadOnlyCollection<string>> PlaceWordsAsync(AppUser user)
    {
        var words = new HashSet<string>(StringComparer.Ordinal) { "roviec" };
        // Find: a commune or province made in the same unit of work (roviec admin create) is found before it is saved.
        if (user.CommuneId is { } communeId && await db.Communes.FindAsync(communeId) is { } commune) words.Add(Compact(commune.Name));
        if (user.ProvinceId is { } provinceId && await db.Provinces.FindAsync(provinceId) is { } province) words.Add(Compact(province.Name));
        words.RemoveWhere(w => w.Length < ShortestPart);
        return words;
    }

    private static IEnumerable<string> Parts(string? text) =>
        VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.Length >= ShortestPart && p.Any(char.IsLetter) && !GenderNames.Contains(p));

    /// <summary>Folded (lower case, no diacritics) with everything but letters and digits left out: "Cong.An-2026!" → "congan2026".</summary>
    private static string Compact(string text) => VietnameseText.Fold(text).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The text without the characters to <paramref name="drop"/> at its start and end: "2026password1!" → "password".</summary>
    private static string Around(string text, Func<char, bool> drop)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && drop(text[start])) start++;
        while (end > start && drop(text[end - 1])) end--;
        return text[start..end];
    }

    private static string Keep(string text, Func<char, bool> keep) => string.Concat(text.Where(keep));

    /// <summary>The usual swaps of letters for digits and symbols, undone: "p@ssw0rd" → "password".</summary>
    private static string Unswapped(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '@' or '4' => 'a',
                '3' => 'e',
                '1' or '!' => 'i',
                '0' => 'o',
                '$' or '5' => 's',
                '7' => 't',
                _ => c,
            });
        }
        return sb.ToString();
    }

    private static bool IsNotLetterOrDigit(char c) => !char.IsLetterOrDigit(c);

    private static bool IsNotLetter(char c) => !char.IsLetter(c);

    private static FrozenSet<string> LoadList()
    {
        using var stream = typeof(PasswordStrength).Assembly.GetManifestResourceStream(ListResource)
            ?? throw new InvalidOperationException("The list of common passwords is not embedded: " + ListResource);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            words.Add(VietnameseFolding.StripMarks(line.Trim()));
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
