using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RoViec.Web.BrowserTests;

/// <summary>The web application as a real process on a free loopback port with a throw-away SQLite file.</summary>
public sealed class ServedApp : IAsyncDisposable
{
    public const string AdminPassword = "Browser-test-pass-1";

    private readonly Process _process;
    private readonly string _directory;

    public Uri BaseAddress { get; }

    /// <summary>The application's SQLite file (its default "data/roviec.db" under the working directory), for tests that arrange data directly.</summary>
    public string DatabaseFile => Path.Combine(_directory, "data", "roviec.db");

    private ServedApp(Process process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    /// <param name="requireTwoFactor">Whether administrators and the standing office must use an authenticator code (off unless a test is about it).</param>
    public static async Task<ServedApp> StartAsync(bool requireTwoFactor = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "roviec-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RoViec.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ROVIEC_ADMIN_PASSWORD"] = AdminPassword;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["RoViec__RequireTwoFactor"] = requireTwoFactor ? "true" : "false";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new ServedApp(process, directory, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient();
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await http.GetAsync(new Uri(app.BaseAddress, "/health"))).StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException)
            {
            }
            if (process.HasExited) break;
            await Task.Delay(250);
        }
        await app.DisposeAsync();
        throw new InvalidOperationException("the web application did not start");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
