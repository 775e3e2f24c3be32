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

    /// <summary>
    /// The day the served process runs on, whatever the machine's date: it starts at 10:00 (Vietnam time) of this
    /// day (RoViec:Clock:Now) and runs on in real time. The day the browser tests were written for.
    /// </summary>
    public static readonly DateOnly Day = new(2026, 11, 24);

    private static readonly DateTimeOffset Start = new(Day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(7));

    private readonly Stopwatch _running = Stopwatch.StartNew();

    /// <summary>The served process's "now", within the second or two it took to start: for an authenticator code.</summary>
    public DateTimeOffset Now => Start + _running.Elapsed;

    /// <summary>A clock fixed at the served process's start, for arranging data directly in its database.</summary>
    public static TimeProvider ArrangeClock => new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start);

    /// <summary>The application's SQLite file (its default "data/roviec.db" under the working directory), for tests that arrange data directly.</summary>
    public string DatabaseFile => Path.Combine(_directory, "data", "roviec.db");

    private ServedApp(Process process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;

    /// <param name="requireTwoFactor">Whether administrators and the standing office must use an authenticator code (off unless a test is about it).</param>
    /// <remarks>
    /// The first start of a run migrates and seeds the demo as a fresh installation does; its database is then copied
    /// (SQLite's online backup, consistent while the process runs) and every later start begins from a copy of it, as a
    /// restart of the same installation would, skipping the migration and the seeding (about 4 s of a 7 s start).
    /// </remarks>
    public static async Task<ServedApp> StartAsync(bool requireTwoFactor = false)
    {
        var template = Volatile.Read(ref _template);
        if (template is null)
        {
            await TemplateGate.WaitAsync();
            try
            {
                template = _template;
                if (template is null)
                {
                    // The first start of the run; the others wait for its database.
                    var first = await LaunchAsync(requireTwoFactor, null);
                    Volatile.Write(ref _template, Backup(first.DatabaseFile));
                    return first;
                }
            }
            finally
            {
                TemplateGate.Release();
            }
        }
        return await LaunchAsync(requireTwoFactor, template);
    }

    private static string Backup(string database)
    {
        var file = Path.Combine(Path.GetTempPath(), $"roviec-browser-template-{Environment.ProcessId}.db");
        using (var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        using (var target = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
        return file;
    }

    private static async Task<ServedApp> LaunchAsync(bool requireTwoFactor, string? template)
    {
        var directory = Path.Combine(Path.GetTempPath(), "roviec-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if (template is not null)
        {
            Directory.CreateDirectory(Path.Combine(directory, "data"));
            File.Copy(template, Path.Combine(directory, "data", "roviec.db"));
        }
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RoViec.Web.dll"));
        // The content root is the application's folder, as `./roviec serve` sets it: its appsettings.json (log levels) is read.
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(AppContext.BaseDirectory);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ROVIEC_ADMIN_PASSWORD"] = AdminPassword;
        // Not Production, so that the process runs on the test's day (RoViec:Clock:Now) and not on the machine's.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["RoViec__Clock__Now"] = Start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RoViec__RequireTwoFactor"] = requireTwoFactor ? "true" : "false";
        // Every browser of the tests comes from 127.0.0.1: no limit of sign-ins per address.
        start.Environment["RoViec__SignIn__PerMinute"] = "100000";
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
