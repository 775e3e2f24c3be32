using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace RoViec.Web.Features.Public;

/// <summary>
/// The checks a citizen's feedback passes before it is kept: a rating 1–5, a message of at most 2 000 characters with no
/// markup or script, optional name and contact of at most 200 characters each. Feedback is plain text: anything
/// that looks like HTML or a script is refused rather than cleaned, so nothing is stored that a page could run.
/// </summary>
public static partial class FeedbackRules
{
    public const int MaxMessage = 2000;
    public const int MaxName = 200;
    public const string ScriptRefused = "Nội dung không được chứa mã HTML hay mã lệnh (như <script>, javascript:). Hãy viết bằng văn bản thường. / Markup and scripts are not accepted.";

    public static IReadOnlyList<string> Check(int? rating, string? message, string? name, string? contact)
    {
        var errors = new List<string>();
        if (rating is not (>= 1 and <= 5)) errors.Add("Hãy chọn mức hài lòng từ 1 (rất không hài lòng) đến 5 (rất hài lòng).");
        var text = message?.Trim() ?? "";
        if (text.Length == 0) errors.Add("Hãy viết nội dung góp ý.");
        if (text.Length > MaxMessage) errors.Add($"Nội dung góp ý dài {text.Length} ký tự, quá {MaxMessage} ký tự cho phép.");
        if ((name?.Length ?? 0) > MaxName || (contact?.Length ?? 0) > MaxName) errors.Add($"Họ tên và cách liên hệ mỗi mục không quá {MaxName} ký tự.");
        if (new[] { message, name, contact }.Any(LooksLikeCode)) errors.Add(ScriptRefused);
        return errors;
    }

    public static bool LooksLikeCode(string? text) => text is not null && Markup().IsMatch(text);

    /// <summary>
    /// The sender's address hashed for flood limits and one vote per address; the address itself is never kept. The key
    /// is the month's, derived from the secret salt (<c>RoViec:Feedback:Salt</c>): HMAC(HMAC(salt, "yyyy-MM"), address).
    /// Without the salt, trying every address reverses nothing; and the key turns over every month (Vietnam's calendar),
    /// so even with it, one sender's hashes link only within a month. An operator who changes the salt starts afresh.
    /// </summary>
    public static string ClientHash(string? address, string salt, DateOnly day)
    {
        var month = HMACSHA256.HashData(Encoding.UTF8.GetBytes(salt), Encoding.UTF8.GetBytes(day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));
        return Convert.ToHexString(HMACSHA256.HashData(month, Encoding.UTF8.GetBytes(address ?? "?")))[..32];
    }

    [GeneratedRegex(@"<\s*[a-zA-Z!/?]|javascript\s*:|vbscript\s*:|data\s*:\s*text/html|\bon[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Markup();
}
