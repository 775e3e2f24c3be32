using System.Diagnostics;
using System.Net;

namespace RoViec.Web.Tests;

/// <summary>
/// The deployment kit (deploy/) brought up on loopback as a province runs it: PostgreSQL, `migrate` and `admin create`,
/// two production instances, and Debian's nginx terminating TLS in front of them with deploy/nginx/roviec.conf (its
/// ports and paths replaced, nothing else). A person signs in through nginx; each instance reads the same cookie; one
/// instance is killed and the site keeps working; the stylesheet is cached by the proxy; everything stops cleanly.
/// </summary>
public sealed class DeploymentTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("roviec-deploy-").FullName;

    [Fact]
    public async Task Nginx_in_front_of_two_instances_signs_in_shares_the_cookie_survives_one_instance_and_stops_cleanly()
    {
        var ct = TestContext.Current.CancellationToken;
        var baseConnection = Environment.GetEnvironmentVariable("ROVIEC_TEST_PG");
        if (string.IsNullOrEmpty(baseConnection))
            Assert.Fail("ROVIEC_TEST_PG is not set: run the tests through ./roviec test, which starts a throw-away PostgreSQL.");
        var database = $"roviec_deploy_{Guid.NewGuid():N}";
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(baseConnection) { Database = database }.ConnectionString;
        var (https, http, first, second) = (ProductionProcess.FreePort(), ProductionProcess.FreePort(), ProductionProcess.FreePort(), ProductionProcess.FreePort());
        var settings = ProductionProcess.Settings(cs);
        settings["RoViec__PublicUrl"] = $"https://127.0.0.1:{https}";
        try
        {
            await CreateDatabaseAsync(baseConnection, database);
            var migrated = await ProductionProcess.RunAsync(settings, null, "migrate");
            Assert.True(migrated.ExitCode == 0, migrated.Error);
            const string Password = "Ban-chi-dao-2026-an-toan";
            var created = await ProductionProcess.RunAsync(settings, Password, "admin", "create", "--user", "vanphong", "--province", "Nghệ An", "--role", "van-phong-tinh");
            Assert.True(created.ExitCode == 0, created.Error);

            await using var one = await ProductionProcess.Instance.StartAsync(settings, first);
            await using var two = await ProductionProcess.Instance.StartAsync(settings, second);
            Assert.False(one.HasExited, one.Output);
            Assert.False(two.HasExited, two.Output);
            using var nginx = StartNginx(https, http, first, second);

            var cookies = new CookieContainer();
            using var handler = new HttpClientHandler
            {
                CookieContainer = cookies,
                AllowAutoRedirect = false,
                // The test's self-signed certificate.
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            };
            using var site = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{https}") };
            await WaitForAsync(site, ct);

            var signIn = await RoViecApp.SignInAsync(site, "vanphong", Password);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.DoesNotContain("/dang-nhap", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Contains(cookies.GetCookies(site.BaseAddress).Cast<Cookie>(), c => c.Name == "roviec" && c.Secure && c.HttpOnly);
            for (var i = 0; i < 4; i++)
            {
                var page = await site.GetAsync(new Uri("/tinh", UriKind.Relative), ct);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.DoesNotContain(page.Headers.Server, s => s.Product?.Name == "Kestrel" || s.Product?.Version is not null);
            }
            // Each instance, asked directly as the proxy would ask it, reads the same cookie.
            var cookieHeader = cookies.GetCookieHeader(site.BaseAddress);
            foreach (var port in new[] { first, second })
            {
                using var direct = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
                using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/tinh");
                request.Headers.Add("Cookie", cookieHeader);
                request.Headers.Add("X-Forwarded-Proto", "https");
                Assert.Equal(HttpStatusCode.OK, (await direct.SendAsync(request, ct)).StatusCode);
            }
            // The stylesheet: the second request is answered by the proxy's cache.
            var login = await site.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative), ct);
            var stylesheet = System.Text.RegularExpressions.Regex.Match(login, "href=\"(/css/[^\"]+)\"").Groups[1].Value;
            Assert.NotEmpty(stylesheet);
            await site.GetAsync(new Uri(stylesheet, UriKind.Relative), ct);
            var cached = await site.GetAsync(new Uri(stylesheet, UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.Equal("HIT", cached.Headers.GetValues("X-Cache-Status").Single());
            // Plain http is sent to https.
            using (var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
            {
                var moved = await plain.GetAsync(new Uri($"http://127.0.0.1:{http}/tinh"), ct);
                Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
                Assert.StartsWith("https://", moved.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }

            // One instance dies: the site goes on, the person still signed in.
            await one.KillAsync();
            for (var i = 0; i < 4; i++)
                Assert.Equal(HttpStatusCode.OK, (await site.GetAsync(new Uri("/tinh", UriKind.Relative), ct)).StatusCode);

            // A clean stop: nginx on SIGQUIT, the instance on SIGTERM (as systemd stops it), both exit 0.
            Assert.Equal(0, await SignalAsync(nginx, "QUIT"));
            Assert.Equal(0, await two.StopAsync());
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await DropDatabaseAsync(baseConnection!, database);
        }
    }

    /// <summary>deploy/nginx/roviec.conf with the test's ports, certificate and cache folder, inside a main file of the test's own.</summary>
    private Process StartNginx(int https, int http, int first, int second)
    {
        var tls = Path.Combine(_directory, "tls");
        Directory.CreateDirectory(tls);
        Run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-keyout", Path.Combine(tls, "roviec.key"), "-out", Path.Combine(tls, "roviec.crt"));
        var site = File.ReadAllText(Path.Combine(SourceTree.Root, "deploy", "nginx", "roviec.conf"))
            .Replace("127.0.0.1:5081", $"127.0.0.1:{first}", StringComparison.Ordinal)
            .Replace("127.0.0.1:5082", $"127.0.0.1:{second}", StringComparison.Ordinal)
            .Replace("    listen [::]:80;\n", "", StringComparison.Ordinal)
            .Replace("    listen [::]:443 ssl http2;\n", "", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{http};", StringComparison.Ordinal)
            .Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{https} ssl http2;", StringComparison.Ordinal)
            .Replace("/etc/roviec/tls", tls, StringComparison.Ordinal)
            .Replace("/var/cache/nginx/roviec", Path.Combine(_directory, "cache"), StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{first}", site, StringComparison.Ordinal);
        Assert.Contains($"listen 127.0.0.1:{https} ssl", site, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_directory, "roviec.conf"), site);
        var d = _directory;
        File.WriteAllText(Path.Combine(d, "nginx.conf"), $$"""
            user root;
            worker_processes 1;
            daemon off;
            pid {{d}}/nginx.pid;
            error_log {{d}}/error.log warn;
            events { worker_connections 128; }
            http {
                access_log {{d}}/access.log;
                client_body_temp_path {{d}}/body;
                proxy_temp_path {{d}}/proxy;
                fastcgi_temp_path {{d}}/fastcgi;
                uwsgi_temp_path {{d}}/uwsgi;
                scgi_temp_path {{d}}/scgi;
                include {{d}}/roviec.conf;
            }
            """);
        // Debian's nginx, installed by ./roviec test.
        var start = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", d, "-c", Path.Combine(d, "nginx.conf") }) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    private async Task WaitForAsync(HttpClient site, CancellationToken ct)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                if ((await site.GetAsync(new Uri("/health/ready", UriKind.Relative), ct)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100, ct);
        }
        var log = Path.Combine(_directory, "error.log");
        Assert.Fail("nginx did not answer: " + (File.Exists(log) ? await File.ReadAllTextAsync(log, ct) : "(no log)"));
    }

    private static async Task<int> SignalAsync(Process process, string signal)
    {
        Run("kill", $"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} failed: {error}");
    }

    private static async Task CreateDatabaseAsync(string baseConnection, string database)
    {
        await using var connection = new Npgsql.NpgsqlConnection(baseConnection);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task DropDatabaseAsync(string baseConnection, string database)
    {
        await using var connection = new Npgsql.NpgsqlConnection(baseConnection);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_systemd_unit_verifies_clean_and_lets_the_instance_write_where_the_settings_put_files()
    {
        var ct = TestContext.Current.CancellationToken;
        // systemd's own check of the unit, as an instance on port 5081 (a warning, e.g. a misspelt key, fails too).
        var unit = Path.Combine(_directory, "roviec@5081.service");
        File.Copy(Path.Combine(SourceTree.Root, "deploy", "systemd", "roviec@.service"), unit);
        var verify = new System.Diagnostics.ProcessStartInfo("systemd-analyze") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _directory };
        verify.ArgumentList.Add("verify");
        verify.ArgumentList.Add(unit);
        using var process = System.Diagnostics.Process.Start(verify)!;
        var said = await process.StandardError.ReadToEndAsync(ct) + await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0 && said.Trim().Length == 0, said);

        // What it runs is what the deployment test runs: the published application in production on a loopback port.
        var lines = File.ReadAllLines(unit).Select(l => l.Trim()).ToList();
        Assert.Contains("ExecStart=/usr/bin/dotnet /opt/roviec/app/RoViec.Web.dll --urls http://127.0.0.1:%i", lines);
        Assert.Contains("Environment=ASPNETCORE_ENVIRONMENT=Production", lines);
        Assert.Contains("ProtectSystem=strict", lines);
        // The whole file system is read-only to it but for ReadWritePaths: the files folder of the example settings must be one.
        var settings = File.ReadAllLines(Path.Combine(SourceTree.Root, "deploy", "roviec.env.example"));
        var files = settings.Single(l => l.StartsWith("RoViec__Files__Path=", StringComparison.Ordinal)).Split('=', 2)[1];
        var writable = lines.Where(l => l.StartsWith("ReadWritePaths=", StringComparison.Ordinal)).SelectMany(l => l.Split('=', 2)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Contains(writable, w => files == w || files.StartsWith(w.TrimEnd('/') + "/", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
