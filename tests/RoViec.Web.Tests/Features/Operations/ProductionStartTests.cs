using System.Net;
using Microsoft.EntityFrameworkCore;

namespace RoViec.Web.Tests;

/// <summary>
/// A province installs RoViec for real (issue: "A province runs it for real"): a production start refuses to run
/// without its settings or with the demo's, `migrate` makes the schema once, `admin create` makes the first account,
/// and the instance that then starts holds no demo data, answers ready, and keeps its users signed in across a restart.
/// </summary>
public sealed class ProductionStartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("roviec-production-").FullName;

    private string Database => Path.Combine(_directory, "roviec.db");

    [Fact]
    public async Task A_production_start_without_its_settings_refuses_and_says_each_missing_one()
    {
        var result = await ProductionProcess.RunAsync(new Dictionary<string, string>(), null);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ConnectionStrings__RoViec", result.Error, StringComparison.Ordinal);
        Assert.Contains("RoViec__Feedback__Salt", result.Error, StringComparison.Ordinal);
        Assert.Contains("RoViec__PublicUrl", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task A_production_start_on_postgres_without_a_files_folder_refuses_and_says_so()
    {
        var settings = ProductionProcess.Settings("Host=127.0.0.1;Port=1;Database=roviec;Username=roviec");
        settings.Remove("RoViec__Files__Path");

        var start = await ProductionProcess.RunAsync(settings, null);
        var backup = await ProductionProcess.RunAsync(settings, null, "backup");

        Assert.Equal((2, 2), (start.ExitCode, backup.ExitCode));
        Assert.Equal(["Chưa khai báo thư mục lưu tệp minh chứng: hãy đặt RoViec__Files__Path là một thư mục mà mọi phiên bản ứng dụng cùng đọc, ghi được (ví dụ /var/lib/roviec/files). (RoViec:Files:Path must name the folder of uploaded files)"],
            start.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("RoViec__Files__Path", backup.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setting_of_the_wrong_kind_or_with_a_misspelt_name_stops_the_start_with_one_line_each()
    {
        var settings = ProductionProcess.Settings(ReportsServedProcess.Sqlite(Database));
        settings["RoViec__Scheduler__IntervalSeconds"] = "mot phut";
        settings["RoViec__RequireTwoFator"] = "false";
        settings["RoViec__Smtp__Port"] = "70000";
        settings["RoViec__Proxy__Addresses"] = "10.0.0.5, may-chu-proxy";
        settings["RoViec__Files__Path"] = "tep-minh-chung";

        var result = await ProductionProcess.RunAsync(settings, null);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("Thiết lập RoViec:Files:Path=\"tep-minh-chung\" không hợp lệ: phải là đường dẫn tuyệt đối", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Thiết lập RoViec:Scheduler:IntervalSeconds=\"mot phut\" không hợp lệ: phải là một số nguyên", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Thiết lập RoViec:RequireTwoFator không có trong RoViec (viết sai tên?)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("RoViec:Smtp:Port=\"70000\" không hợp lệ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("RoViec:Proxy:Addresses", StringComparison.Ordinal) && l.Contains("địa chỉ IP", StringComparison.Ordinal));
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task A_production_start_with_the_demos_settings_refuses()
    {
        var settings = ProductionProcess.Settings(ReportsServedProcess.Sqlite(Database));
        settings["RoViec__Demo__History"] = "true";
        settings["ROVIEC_ADMIN_PASSWORD"] = "Demo!2026pass";

        var result = await ProductionProcess.RunAsync(settings, null);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("RoViec:Demo:History chỉ dùng cho bản trình diễn", result.Error, StringComparison.Ordinal);
        Assert.Contains("ROVIEC_ADMIN_PASSWORD chỉ dùng cho bản trình diễn", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_then_admin_create_then_an_instance_without_demo_data_that_keeps_sign_ins_across_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = ProductionProcess.Settings(ReportsServedProcess.Sqlite(Database));

        // Before `migrate`, an instance does not start on the empty database, and does not create it.
        await using (var early = await ProductionProcess.Instance.StartAsync(settings))
        {
            Assert.True(early.HasExited);
            Assert.Equal(2, early.ExitCode);
            Assert.Contains("roviec migrate", early.Output, StringComparison.Ordinal);
        }

        var migrated = await ProductionProcess.RunAsync(settings, null, "migrate");
        Assert.True(migrated.ExitCode == 0, migrated.Error);
        Assert.Contains("Đã nâng cấp cơ sở dữ liệu", migrated.Output, StringComparison.Ordinal);
        var again = await ProductionProcess.RunAsync(settings, null, "migrate");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("không có gì để nâng cấp", again.Output, StringComparison.Ordinal);

        // A password the rules refuse creates nothing, not even the commune it named.
        var weak = await ProductionProcess.RunAsync(settings, "ngan", "admin", "create", "--user", "quantri", "--commune", "Quỳnh Lưu", "--province", "Nghệ An");
        Assert.Equal(2, weak.ExitCode);
        Assert.Contains("Không tạo được tài khoản", weak.Error, StringComparison.Ordinal);
        var unknown = await ProductionProcess.RunAsync(settings, "Ban-chi-dao-2026-an-toan", "admin", "create", "--user", "quantri", "--commune", "Quỳnh Lưu");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--province", unknown.Error, StringComparison.Ordinal);
        await using (var db = ReportsServedProcess.Db(Database))
        {
            Assert.Equal(0, await db.Communes.CountAsync(ct));
            Assert.Equal(0, await db.Provinces.CountAsync(ct));
            Assert.Equal(0, await db.Users.CountAsync(ct));
        }

        const string Password = "Ban-chi-dao-2026-an-toan";
        var created = await ProductionProcess.RunAsync(settings, Password, "admin", "create", "--user", "quantri", "--commune", "Quỳnh Lưu", "--province", "Nghệ An", "--full-name", "Hồ Văn Quản");
        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Contains("Đã tạo xã \"Quỳnh Lưu\" thuộc tỉnh \"Nghệ An\"", created.Output, StringComparison.Ordinal);
        var taken = await ProductionProcess.RunAsync(settings, Password, "admin", "create", "--user", "quantri", "--province", "Nghệ An");
        Assert.Equal(2, taken.ExitCode);
        Assert.Contains("đã có người dùng", taken.Error, StringComparison.Ordinal);
        var link = await ProductionProcess.RunAsync(settings, null, "admin", "create", "--user", "vanphongtinh", "--province", "nghe an", "--role", "van-phong-tinh", "--link");
        Assert.True(link.ExitCode == 0, link.Error);
        Assert.Contains(ProductionProcess.PublicUrl + "/dat-mat-khau?tk=", link.Output, StringComparison.Ordinal);

        HttpResponseMessage page;
        var proxy = new BehindProxy();
        await using (var instance = await ProductionProcess.Instance.StartAsync(settings))
        {
            Assert.False(instance.HasExited, instance.Output);
            using var client = new HttpClient(proxy, disposeHandler: false) { BaseAddress = instance.BaseAddress };
            var signIn = await RoViecApp.SignInAsync(client, "quantri", Password);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.DoesNotContain("/dang-nhap", signIn.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
            // Every cookie over the proxy's https is Secure, and HttpOnly where a script has no business with it.
            Assert.All(proxy.SetCookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
            Assert.Contains(proxy.SetCookies, c => c.StartsWith("roviec=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
            page = await client.GetAsync(new Uri("/", UriKind.Relative), ct);
            Assert.False(page.Headers.Contains("Server"));

            // Prometheus scrapes /metrics from the machine itself; through the proxy, for anyone else, there is none.
            using var local = new HttpClient { BaseAddress = instance.BaseAddress };
            var metrics = await local.GetStringAsync(new Uri("/metrics", UriKind.Relative), ct);
            Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
            Assert.Contains("roviec_scheduler_ticks", metrics, StringComparison.Ordinal);
            using var outside = new HttpRequestMessage(HttpMethod.Get, new Uri(instance.BaseAddress, "/metrics"));
            outside.Headers.Add("X-Forwarded-For", "203.0.113.7");
            Assert.Equal(HttpStatusCode.Forbidden, (await local.SendAsync(outside, ct)).StatusCode);
            // Logs are JSON lines; a request's line carries its trace id and path, never the query string.
            await local.GetAsync(new Uri("/dat-mat-khau?tk=1&ma=bi-mat-trong-lien-ket", UriKind.Relative), ct);
            await Task.Delay(500, ct);
            var requestLine = instance.Output.Split('\n').FirstOrDefault(l => l.Contains("/dat-mat-khau", StringComparison.Ordinal));
            Assert.NotNull(requestLine);
            Assert.Contains("\"TraceId\"", requestLine, StringComparison.Ordinal);
            Assert.DoesNotContain("bi-mat-trong-lien-ket", instance.Output, StringComparison.Ordinal);
        }
        // No demo: only what the operator made.
        await using (var db = ReportsServedProcess.Db(Database))
        {
            Assert.Equal(["Quỳnh Lưu"], await db.Communes.Select(c => c.Name).ToListAsync(ct));
            Assert.Equal(["quantri", "vanphongtinh"], (await db.Users.Select(u => u.UserName!).ToListAsync(ct)).Order(StringComparer.Ordinal));
            Assert.Equal(0, await db.Plans.CountAsync(ct));
            Assert.True(await db.DataProtectionKeys.AnyAsync(ct));
        }

        // A restarted instance reads the cookie it issued before: its keys are in the database.
        await using (var restarted = await ProductionProcess.Instance.StartAsync(settings))
        {
            using var client = new HttpClient(proxy, disposeHandler: false) { BaseAddress = restarted.BaseAddress };
            var after = await client.GetAsync(new Uri("/", UriKind.Relative), ct);
            Assert.Equal(page.StatusCode, after.StatusCode);
            Assert.Equal(page.Headers.Location, after.Headers.Location);
            Assert.DoesNotContain("/dang-nhap", after.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }
        proxy.Dispose();
    }

    public void Dispose()
    {
        if (File.Exists(Database))
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection(ReportsServedProcess.Sqlite(Database));
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
