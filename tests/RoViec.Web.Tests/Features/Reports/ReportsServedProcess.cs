using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;

namespace RoViec.Web.Tests;

/// <summary>
/// The web application as its own process (<c>dotnet RoViec.Web.dll</c>, as <c>./roviec serve</c> runs it) on a
/// SQLite file the test names, so the test can kill it at a moment of its choosing and read the file afterwards.
/// </summary>
public sealed class ReportsServedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public Uri BaseAddress { get; }

    private ReportsServedProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The day the served process runs on (RoViec:Clock:Now, 10:00 Vietnam time), and a clock set to it for arranging data.</summary>
    public static readonly DateOnly Day = RoViecApp.DefaultDay;

    public static TestClock Clock => new(Day, 10);

    /// <summary>The SQLite connection string of a database file.</summary>
    public static string Sqlite(string file) => $"Data Source={file}";

    public static RoViecDbContext Db(string file)
    {
        var options = new DbContextOptionsBuilder<RoViecDbContext>();
        options.UseRoViecDatabase(Sqlite(file));
        return new RoViecDbContext(options.Options);
    }

    /// <param name="settings">More configuration, as environment variables ("RoViec__Testing__…").</param>
    public static async Task<ReportsServedProcess> StartAsync(string databaseFile, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(databaseFile)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RoViec.Web.dll"));
        // The content root is the application's folder, as `./roviec serve` sets it: its appsettings.json (log levels) is read.
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(AppContext.BaseDirectory);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ConnectionStrings__RoViec"] = Sqlite(databaseFile);
        start.Environment["ROVIEC_ADMIN_PASSWORD"] = RoViecApp.AdminPassword;
        // Not Production, so that the process runs on the test's day (RoViec:Clock:Now) and not on the machine's.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["RoViec__Clock__Now"] = Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T10:00";
        start.Environment["RoViec__RequireTwoFactor"] = "false";
        start.Environment["RoViec__SignIn__PerMinute"] = "100000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start)!;
        var served = new ReportsServedProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) served._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) served._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 240 && !process.HasExited; i++)
        {
            try
            {
                if ((await http.GetAsync(new Uri(served.BaseAddress, "/health"))).StatusCode == HttpStatusCode.OK) return served;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        var output = string.Join('\n', served._output);
        await served.DisposeAsync();
        throw new InvalidOperationException("the web application did not start:\n" + output);
    }

    /// <summary>Waits until the process writes a line containing the text; false after the timeout.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (_output.Any(l => l.Contains(text, StringComparison.Ordinal))) return true;
            if (_process.HasExited) return false;
            await Task.Delay(50);
        }
        return false;
    }

    public string Output => string.Join('\n', _output);

    /// <summary>Ends the process at once, as a power cut or an out-of-memory kill would: nothing is flushed or committed.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>A client signed in through the sign-in form, not following redirects.</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        var response = await RoViecApp.SignInAsync(client, userName, RoViecApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
