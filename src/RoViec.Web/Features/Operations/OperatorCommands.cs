using System.CommandLine;

namespace RoViec.Web.Features.Operations;

/// <summary>
/// The server operator's verbs, run by the web application's host without listening (README: "Triển khai cho tỉnh"):
/// <c>migrate</c> (apply the schema and create the roles), <c>admin create</c> (an account, with a password typed on
/// standard input or a one-time set-password link), <c>backup</c> (the database in one archive) and <c>restore</c> (an
/// archive into an empty database). Settings for the host (<c>--ConnectionStrings:RoViec …</c>,
/// <c>--DataDirectory …</c>, <c>--environment …</c>) pass through. Exit codes: 0 done, 1 a bug, 2 bad input.
/// </summary>
public static class OperatorCommands
{
    public const int Ok = 0;
    public const int Bug = 1;
    public const int BadInput = 2;

    public abstract record Request;

    public sealed record Migrate : Request;

    /// <param name="Role">One of <see cref="AdminCommand.RoleNames"/>.</param>
    public sealed record CreateAdmin(string UserName, string? Commune, string? Province, string Role, string? FullName, string? Email, bool Link) : Request;

    /// <param name="Out">The archive to write; null: <see cref="Backup.DefaultName"/> in the working folder.</param>
    public sealed record MakeBackup(string? Out) : Request;

    public sealed record RestoreBackup(string File) : Request;

    private static readonly string[] Verbs = ["migrate", "admin", "backup", "restore"];

    public static bool Requested(string[] args) => args is [var verb, ..] && Verbs.Contains(verb);

    /// <summary>The request, or null with an exit code (help asked, or the line is wrong: told on <paramref name="error"/>).</summary>
    public static Request? Parse(string[] args, TextWriter output, TextWriter error, out string[] hostArgs, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        var (own, host) = Shared.Hosting.HostArguments.Split(args);
        hostArgs = host;
        var user = new Option<string>("--user") { Description = "Tên đăng nhập (the user name)", Required = true };
        var commune = new Option<string?>("--commune") { Description = "Tên xã, phường (tạo mới khi chưa có, cùng --province) (the commune; created with --province when missing)" };
        var province = new Option<string?>("--province") { Description = "Tên tỉnh, thành phố (the province)" };
        var role = new Option<string>("--role") { Description = $"Vai trò: {string.Join(", ", AdminCommand.RoleNames.Keys)} (the role)", DefaultValueFactory = _ => "quan-tri" };
        var fullName = new Option<string?>("--full-name") { Description = "Họ và tên (the person's name)" };
        var email = new Option<string?>("--email") { Description = "Địa chỉ thư điện tử (e-mail address)" };
        var link = new Option<bool>("--link") { Description = "In đường dẫn đặt mật khẩu dùng một lần thay vì nhập mật khẩu (print a one-time set-password link)" };
        var create = new Command("create", "Tạo một tài khoản (create an account)") { user, commune, province, role, fullName, email, link };
        var admin = new Command("admin", "Quản lý tài khoản (accounts)") { create };
        var migrate = new Command("migrate", "Tạo hoặc nâng cấp cơ sở dữ liệu (apply the schema)");
        var archive = new Option<string?>("--out") { Description = "Tệp sao lưu sẽ ghi, mặc định roviec-NĂM-THÁNG-NGÀY.rvbak (the archive to write)" };
        var backup = new Command("backup", "Sao lưu toàn bộ cơ sở dữ liệu vào một tệp (back up the database)") { archive };
        var file = new Argument<string>("tệp-sao-lưu") { Description = "Tệp do roviec backup ghi (the archive)" };
        var restore = new Command("restore", "Khôi phục một tệp sao lưu vào cơ sở dữ liệu trống (restore into an empty database)") { file };
        var root = new RootCommand("roviec: lệnh vận hành máy chủ (server operator commands)") { migrate, admin, backup, restore };
        var parsed = root.Parse(own);
        if (own.Any(a => a is "-h" or "--help" or "-?"))
        {
            parsed.Invoke(new InvocationConfiguration { Output = output, EnableDefaultExceptionHandler = false });
            exitCode = Ok;
            return null;
        }
        exitCode = BadInput;
        if (parsed.Errors.Count > 0)
        {
            var example = own[0] switch
            {
                "backup" => "roviec backup --out /var/backups/roviec/roviec-2026-12-07.rvbak",
                "restore" => "roviec restore roviec-2026-12-07.rvbak",
                _ => "roviec admin create --user quantri --commune \"Diễn Châu\" --province \"Nghệ An\"",
            };
            error.WriteLine("Câu lệnh không hợp lệ: " + string.Join("; ", parsed.Errors.Select(e => Schema.OneLine(e.Message)))
                + " (invalid command line). Ví dụ: " + example);
            return null;
        }
        if (parsed.CommandResult.Command == migrate)
        {
            exitCode = Ok;
            return new Migrate();
        }
        if (parsed.CommandResult.Command == backup)
        {
            exitCode = Ok;
            return new MakeBackup(Trimmed(parsed.GetValue(archive)));
        }
        if (parsed.CommandResult.Command == restore)
        {
            exitCode = Ok;
            return new RestoreBackup(parsed.GetValue(file)!.Trim());
        }
        if (parsed.CommandResult.Command != create)
        {
            error.WriteLine("Hãy ghi rõ lệnh: roviec admin create --user … (name the command).");
            return null;
        }
        var roleName = parsed.GetValue(role)!.Trim().ToLowerInvariant();
        if (!AdminCommand.RoleNames.ContainsKey(roleName))
        {
            error.WriteLine($"Vai trò \"{roleName}\" không có; hãy dùng {string.Join(", ", AdminCommand.RoleNames.Keys)} (unknown role).");
            return null;
        }
        exitCode = Ok;
        return new CreateAdmin(parsed.GetValue(user)!.Trim(), Trimmed(parsed.GetValue(commune)), Trimmed(parsed.GetValue(province)), roleName,
            Trimmed(parsed.GetValue(fullName)), Trimmed(parsed.GetValue(email)), parsed.GetValue(link));
    }

    /// <summary>Runs the command on the built host; a bug is told in one line with <see cref="Bug"/>.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<RoViec.Data.CommuneBoundary>().CrossAll(RoViec.Data.Crossing.ServerCommand);
        try
        {
            switch (request)
            {
                case Migrate:
                    var db = scope.ServiceProvider.GetRequiredService<RoViec.Data.RoViecDbContext>();
                    var applied = await Schema.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole<Guid>>>(), ct);
                    Console.Out.WriteLine(applied.Count == 0
                        ? "Cơ sở dữ liệu đã ở phiên bản mới nhất; không có gì để nâng cấp. (the schema is current)"
                        : $"Đã nâng cấp cơ sở dữ liệu: {applied.Count} bản nâng cấp, đến \"{applied[^1]}\". (migrations applied)");
                    var store = scope.ServiceProvider.GetRequiredService<RoViec.Web.Shared.Files.FileStore>();
                    if (await RoViec.Web.Shared.Files.FilesOutOfDatabase.MoveAsync(db, store, ct) is > 0 and var moved)
                        Console.Out.WriteLine($"Đã chuyển {moved} tệp (minh chứng, văn bản kế hoạch tải lên) từ cơ sở dữ liệu sang thư mục tệp \"{store.Root}\". (files moved to the file store)");
                    return Ok;
                case CreateAdmin create:
                    return await AdminCommand.RunAsync(scope.ServiceProvider, create, Console.In, !Console.IsInputRedirected, Console.Out, Console.Error, ct);
                case MakeBackup backup:
                    return await Backup.RunAsync(scope.ServiceProvider, backup, Console.Out, Console.Error, ct);
                case RestoreBackup restore:
                    return await Restore.RunAsync(scope.ServiceProvider, restore, Console.Out, Console.Error, ct);
                default:
                    throw new InvalidOperationException($"Unknown request {request.GetType().Name}");
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException)
        {
            Console.Error.WriteLine($"Không làm việc được với cơ sở dữ liệu: {Schema.OneLine(e.Message)} (database error)");
            return BadInput;
        }
#pragma warning disable CA1031 // The one place a bug of a command is told in one line, with its exit code.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine($"Lỗi không mong muốn, vui lòng báo cho quản trị viên: {e.GetType().Name}: {Schema.OneLine(e.Message)} (unexpected error; please report it)");
            return Bug;
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
