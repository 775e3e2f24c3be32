using System.Globalization;
using System.Net;

namespace RoViec.Web.Features.Operations;

/// <summary>
/// Every "RoViec:…" setting checked at start-up, in every mode, before anything runs: a value of the wrong kind or out of
/// range, or a name RoViec does not know (a typo that would otherwise be ignored in silence), is one Vietnamese line, and
/// the process ends with <see cref="StartChecks.ExitCode"/>. Settings are read where they are used; this is the one list
/// of what exists.
/// </summary>
public static class SettingsCheck
{
    private enum Kind
    {
        Text,
        Bool,
        Whole,
        Url,
        Addresses,
        /// <summary>An absolute path to a folder.</summary>
        Folder,
    }

    private sealed record Setting(Kind Kind, int Min = 0, int Max = int.MaxValue);

    private static readonly Dictionary<string, Setting> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RoViec:RequireTwoFactor"] = new(Kind.Bool),
        ["RoViec:PublicUrl"] = new(Kind.Url),
        ["RoViec:Clock:Now"] = new(Kind.Text),
        ["RoViec:Demo:History"] = new(Kind.Bool),
        ["RoViec:Demo:Province"] = new(Kind.Bool),
        ["RoViec:Scheduler:Enabled"] = new(Kind.Bool),
        ["RoViec:Scheduler:IntervalSeconds"] = new(Kind.Whole, 1, 86_400),
        ["RoViec:Scheduler:SnapshotsPerTick"] = new(Kind.Whole, 1, 100_000),
        ["RoViec:Feedback:Salt"] = new(Kind.Text),
        ["RoViec:Feedback:PerWindow"] = new(Kind.Whole, 1, 100_000),
        ["RoViec:Feedback:WindowSeconds"] = new(Kind.Whole, 1, 86_400),
        ["RoViec:Feedback:PerDay"] = new(Kind.Whole, 1, 1_000_000),
        ["RoViec:Feedback:MinSeconds"] = new(Kind.Whole, 0, 3_600),
        ["RoViec:SignIn:PerMinute"] = new(Kind.Whole, 1, int.MaxValue),
        ["RoViec:Smtp:Host"] = new(Kind.Text),
        ["RoViec:Smtp:Port"] = new(Kind.Whole, 1, 65_535),
        ["RoViec:Smtp:UseTls"] = new(Kind.Bool),
        ["RoViec:Smtp:From"] = new(Kind.Text),
        ["RoViec:Smtp:UserName"] = new(Kind.Text),
        ["RoViec:Smtp:Password"] = new(Kind.Text),
        ["RoViec:Proxy:Addresses"] = new(Kind.Addresses),
        ["RoViec:Metrics:Addresses"] = new(Kind.Addresses),
        ["RoViec:Backup:PostgresTools"] = new(Kind.Text),
        ["RoViec:Files:Path"] = new(Kind.Folder),
    };

    /// <summary>Settings the tests use to reach inside a request (never set on a server).</summary>
    private const string TestingPrefix = "RoViec:Testing:";

    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        // An empty value is an unset setting (and how some sources list a section itself).
        foreach (var (key, value) in configuration.GetSection("RoViec").AsEnumerable().Where(p => !string.IsNullOrWhiteSpace(p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (key.StartsWith(TestingPrefix, StringComparison.OrdinalIgnoreCase)) continue;
            if (!Known.TryGetValue(key, out var setting))
            {
                problems.Add($"Thiết lập {key} không có trong RoViec (viết sai tên?); hãy sửa hoặc bỏ nó. Các thiết lập có: README, mục \"Triển khai cho tỉnh\". (unknown setting {key})");
                continue;
            }
            var text = value!.Trim();
            var wrong = setting.Kind switch
            {
                Kind.Bool when !bool.TryParse(text, out _) => "phải là true hoặc false",
                Kind.Whole when !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < setting.Min || n > setting.Max =>
                    $"phải là một số nguyên từ {setting.Min.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} đến {setting.Max.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))}",
                Kind.Url when text.Length > 0 && (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) =>
                    "phải là một địa chỉ đầy đủ, ví dụ https://roviec.nghean.gov.vn",
                Kind.Addresses when text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(a => !IPAddress.TryParse(a, out _)) =>
                    "phải là các địa chỉ IP cách nhau bằng dấu phẩy, ví dụ 10.0.0.5,10.0.0.6",
                Kind.Folder when !Path.IsPathFullyQualified(text) => "phải là đường dẫn tuyệt đối đến một thư mục, ví dụ /var/lib/roviec/files",
                _ => null,
            };
            if (wrong is not null) problems.Add($"Thiết lập {key}=\"{value}\" không hợp lệ: {wrong}. ({key} is not valid)");
        }
        return problems;
    }
}
