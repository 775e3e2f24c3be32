namespace RoViec.Web.Features.Operations;

/// <summary>
/// What a production instance needs before it may start, checked before anything else runs: each wrong or missing
/// setting is one Vietnamese line (with English), and the process ends with <see cref="ExitCode"/>. Secrets have no
/// built-in default in production; the demo's settings are refused there.
/// </summary>
public static class StartChecks
{
    /// <summary>The exit code of a start refused for its configuration (as for any bad input).</summary>
    public const int ExitCode = 2;

    /// <summary>The shortest feedback salt accepted in production.</summary>
    public const int MinimumSaltLength = 16;

    private static readonly string[] DemoSettings = ["RoViec:Demo:History", "RoViec:Demo:Province"];

    /// <summary>A command run on a production server (migrate, admin, backup, report) needs only to be told its database and, on PostgreSQL, its file folder.</summary>
    public static IReadOnlyList<string> ForCommands(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. new[] { DatabaseProblem(configuration), FilesProblem(configuration) }.OfType<string>()];
    }

    private static string? DatabaseProblem(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString("RoViec"))
            ? "Chưa khai báo cơ sở dữ liệu: hãy đặt ConnectionStrings__RoViec (ví dụ \"Host=127.0.0.1;Database=roviec;Username=roviec;Password=…\"). (a production start needs ConnectionStrings:RoViec)"
            : null;

    /// <summary>
    /// On PostgreSQL the uploaded files' folder is named, never guessed: every instance and every command must reach the
    /// same one. On SQLite it is the folder "files" beside the database file unless named.
    /// </summary>
    private static string? FilesProblem(IConfiguration configuration) =>
        configuration.GetConnectionString("RoViec") is { } database && database.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrWhiteSpace(configuration[RoViec.Web.Shared.Files.FileStore.Setting])
            ? "Chưa khai báo thư mục lưu tệp minh chứng: hãy đặt RoViec__Files__Path là một thư mục mà mọi phiên bản ứng dụng cùng đọc, ghi được (ví dụ /var/lib/roviec/files). (RoViec:Files:Path must name the folder of uploaded files)"
            : null;

    /// <summary>The problems of a production start's configuration; empty when it may start.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        if (DatabaseProblem(configuration) is { } database) problems.Add(database);
        if (FilesProblem(configuration) is { } files) problems.Add(files);
        foreach (var setting in DemoSettings)
        {
            if (configuration.GetValue<bool>(setting))
                problems.Add($"Thiết lập {setting} chỉ dùng cho bản trình diễn, không dùng khi vận hành thật; hãy bỏ thiết lập này. ({setting} is a demo setting, refused in production)");
        }
        if (!string.IsNullOrEmpty(configuration["ROVIEC_ADMIN_PASSWORD"]))
            problems.Add("Biến ROVIEC_ADMIN_PASSWORD chỉ dùng cho bản trình diễn; khi vận hành thật, tài khoản được tạo bằng \"roviec admin create\". (ROVIEC_ADMIN_PASSWORD is a demo setting, refused in production)");
        if (configuration["RoViec:Feedback:Salt"] is not { Length: >= MinimumSaltLength })
            problems.Add($"Chưa có khóa bí mật cho ý kiến người dân: hãy đặt RoViec__Feedback__Salt là một chuỗi ngẫu nhiên ít nhất {MinimumSaltLength} ký tự (ví dụ: openssl rand -hex 32). (RoViec:Feedback:Salt must be a secret of at least {MinimumSaltLength} characters)");
        // Present here; its form (an absolute http(s) address) is SettingsCheck's, as for every setting.
        if (string.IsNullOrWhiteSpace(configuration["RoViec:PublicUrl"]))
            problems.Add("Chưa khai báo địa chỉ công khai: hãy đặt RoViec__PublicUrl, ví dụ \"https://roviec.nghean.gov.vn\" (dùng trong thư và đường dẫn đặt mật khẩu). (RoViec:PublicUrl must be the site's absolute address)");
        return problems;
    }
}
