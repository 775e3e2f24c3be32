using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RoViec.Web.Tests;

/// <summary>
/// The built web application run as an operator runs it on a server: a process in the Production environment (what a
/// process gets when nobody names one), configured by environment variables as systemd's EnvironmentFile gives them.
/// </summary>
internal static class ProductionProcess
{
    public const string Salt = "a3f1c9e07b5d2486a3f1c9e07b5d2486";
    public const string PublicUrl = "https://roviec.example.vn";

    /// <summary>The settings of a correct production start on this database (on PostgreSQL, with a folder for its files named after it).</summary>
    public static Dictionary<string, string> Settings(string connectionString)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__RoViec"] = connectionString,
            ["RoViec__Feedback__Salt"] = Salt,
            ["RoViec__PublicUrl"] = PublicUrl,
        };
        if (connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            settings["RoViec__Files__Path"] = FilesOf(connectionString);
        return settings;
    }

    /// <summary>A folder for the files of a PostgreSQL database in the tests, under the temporary folder.</summary>
    public static string FilesOf(string postgres) =>
        Path.Combine(Path.GetTempPath(), "roviec-test-files", new Npgsql.NpgsqlConnectionStringBuilder(postgres).Database ?? "postgres");

    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs a command (migrate, admin create …) to its end, with <paramref name="input"/> on standard input.</summary>
    public static Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, string? input, params string[] args) =>
        RunInAsync(AppContext.BaseDirectory, environment, input, args);

    /// <summary>Runs a command to its end in <paramref name="workingDirectory"/> (where relative paths and default file names land).</summary>
    public static async Task<Result> RunInAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, string? input, params string[] args)
    {
        var start = Start(environment, args);
        start.WorkingDirectory = workingDirectory;
        using var process = Process.Start(start)!;
        if (input is not null) await process.StandardInput.WriteLineAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo Start(IReadOnlyDictionary<string, string> environment, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RoViec.Web.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        // Whatever the test runner's environment says, this is a production process.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal) || k.StartsWith("RoViec__", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return start;
    }

    /// <summary>A serving instance; disposing kills it.</summary>
    public sealed class Instance : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _output = new();

        public Uri BaseAddress { get; }

        private Instance(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
        }

        public string Output => string.Join('\n', _output);

        public bool HasExited => _process.HasExited;

        public int ExitCode => _process.ExitCode;

        /// <summary>Starts an instance and waits until it is ready (<paramref name="until"/> answers 200) or has exited.</summary>
        /// <param name="until">The address that must answer 200: <c>/health/ready</c>, or <c>/health/live</c> for an instance expected not to be ready.</param>
        public static async Task<Instance> StartAsync(IReadOnlyDictionary<string, string> environment, int? port = null, string until = "/health/ready")
        {
            var chosen = port ?? FreePort();
            var process = Process.Start(Start(environment, ["--urls", $"http://127.0.0.1:{chosen}"]))!;
            var instance = new Instance(process, new Uri($"http://127.0.0.1:{chosen}"));
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) instance._output.Enqueue(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) instance._output.Enqueue(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var http = new HttpClient();
            for (var i = 0; i < 480 && !process.HasExited; i++)
            {
                try
                {
                    if ((await http.GetAsync(new Uri(instance.BaseAddress, until))).StatusCode == HttpStatusCode.OK) return instance;
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(250);
            }
            if (!process.HasExited) throw new InvalidOperationException("the instance did not become ready:\n" + instance.Output);
            await process.WaitForExitAsync();
            return instance;
        }

        /// <summary>Stops the instance as systemd does (SIGTERM) and returns its exit code.</summary>
        public async Task<int> StopAsync()
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public async Task KillAsync()
        {
            if (_process.HasExited) return;
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await KillAsync();
            _process.Dispose();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A browser behind the TLS proxy, as the application sees it: every request says it came over https
/// (X-Forwarded-Proto from loopback, which the application trusts), and cookies, Secure ones included, are kept and
/// sent back by hand (HttpClient's own jar would not send a Secure cookie over the test's plain http).
/// </summary>
internal sealed class BehindProxy : DelegatingHandler
{
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>Every Set-Cookie header seen, as sent.</summary>
    public List<string> SetCookies { get; } = [];

    public BehindProxy() : base(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (Cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                SetCookies.Add(value);
                var pair = value.Split(';', 2)[0].Split('=', 2);
                if (pair.Length == 2) Cookies[pair[0]] = pair[1];
            }
        }
        return response;
    }
}
