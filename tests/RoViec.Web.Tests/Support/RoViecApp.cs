using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace RoViec.Web.Tests;

/// <summary>The application on a throw-away SQLite file (or PostgreSQL when given), with a known admin password.</summary>
public sealed partial class RoViecApp : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Test-password-123";

    /// <summary>A client signed in through the real sign-in form (antiforgery token and cookie included).</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName = "admin", string password = AdminPassword)
    {
        var client = CreateClient();
        var response = await SignInAsync(client, userName, password);
        response.EnsureSuccessStatusCode();
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        var token = AntiforgeryToken(form);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), content);
    }

    /// <summary>The antiforgery token a form page carries, for posting it back as a browser would.</summary>
    public static string AntiforgeryToken(string html) => AntiforgeryRegex().Match(html).Groups[1].Value;

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex AntiforgeryRegex();

    /// <summary>The id of the demo commune's unit with this catalogue key ("cong-an").</summary>
    public async Task<Guid> UnitIdAsync(string key)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RoViec.Data.RoViecDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Units.Where(u => u.Key == key).Select(u => u.Id));
    }

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "roviec-web-" + Guid.NewGuid().ToString("N"));

    public string? ConnectionString { get; init; }

    /// <summary>
    /// Whether administrators and the standing office must sign in with an authenticator code.
    /// Off by default so tests about other features sign in with a password; the two-factor tests turn it on.
    /// </summary>
    public bool RequireTwoFactor { get; init; }

    /// <summary>
    /// Whether the scheduler runs by itself (periods, reminders, e-mail). Off by default: its writes in the
    /// background would race the other tests' own arrangements; the scheduling tests turn it on or call a tick.
    /// </summary>
    public bool Scheduler { get; init; }

    /// <summary>
    /// The day every test application runs on unless the test sets its own clock: the day most tests were written
    /// for. No test reads the machine's clock, so the suite passes on any date.
    /// </summary>
    public static readonly DateOnly DefaultDay = new(2026, 11, 24);

    private readonly TimeProvider _clock = new TestClock(DefaultDay, 10);

    /// <summary>The clock the application reads "now" from: 10:00 on <see cref="DefaultDay"/> (Vietnam time) unless the test sets one.</summary>
    public TimeProvider Clock { get => _clock; init => _clock = value; }

    /// <summary>Today in Vietnam by the application's clock.</summary>
    public DateOnly Today => RoViec.Domain.Text.VietnamTime.VietnamToday(Clock);

    /// <summary>Now (UTC) by the application's clock.</summary>
    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Further configuration ("RoViec:Smtp:Host" …).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Whether the application starts from a copy of a database migrated and seeded once per test run for the same
    /// clock (to the minute) and settings: a copied SQLite file, or a PostgreSQL database created from a template
    /// database. True unless a test is about what a first start does itself.
    /// </summary>
    public bool FromTemplate { get; init; } = true;

    private static readonly string TemplateDirectory = Path.Combine(Path.GetTempPath(), $"roviec-templates-{Environment.ProcessId}");
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> Templates = new(StringComparer.Ordinal);
    private static readonly Lock PostgresCreation = new();

    /// <summary>
    /// What a start seeds depends only on its clock and the demo's settings ("RoViec:Demo:…"; e-mail, rate limits and
    /// the like change nothing in the database), so a copy is the database that start would have made.
    /// </summary>
    private Dictionary<string, string> DemoSettings =>
        Settings.Where(s => s.Key.StartsWith("RoViec:Demo:", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);

    private string TemplateKey()
    {
        var minute = Clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerMinute;
        var key = string.Join("|", DemoSettings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + "=" + s.Value).Prepend(minute.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..16].ToLowerInvariant();
    }

    /// <summary>
    /// The SQLite database a first start on this application's clock and demo settings makes, made once per test run
    /// (for a test that hands it to a process of its own; copy it, never write to it).
    /// </summary>
    public string SqliteTemplateFile() => SqliteTemplate(TemplateKey());

    /// <summary>The SQLite template file for this application's clock and settings, made by a first application of the run.</summary>
    private string SqliteTemplate(string key) => Templates.GetOrAdd("sqlite|" + key, k => new Lazy<string>(() =>
    {
        if (!Directory.Exists(TemplateDirectory))
        {
            Directory.CreateDirectory(TemplateDirectory);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                // At the process's exit no test opens a connection any more.
#pragma warning disable RS0030
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
#pragma warning restore RS0030
                try
                {
                    Directory.Delete(TemplateDirectory, recursive: true);
                }
                catch (IOException)
                {
                }
            };
        }
        var file = Path.Combine(TemplateDirectory, key + ".db");
        using (var maker = new RoViecApp { ConnectionString = $"Data Source={file};Pooling=False", Clock = Clock, Settings = DemoSettings, FromTemplate = false })
            _ = maker.Services;
        return file;
    })).Value;

    /// <summary>
    /// Creates this application's PostgreSQL database from the run's template database for its clock and settings,
    /// unless it exists already (a second instance, or a second start, on the same database).
    /// </summary>
    private void CreatePostgresFromTemplate(string key)
    {
        var target = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        var template = Templates.GetOrAdd("postgres|" + key, k => new Lazy<string>(() =>
        {
            var name = "roviec_template_" + key;
            var cs = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Database = name, Pooling = false }.ConnectionString;
            using (var maker = new RoViecApp { ConnectionString = cs, Clock = Clock, Settings = DemoSettings, FromTemplate = false })
                _ = maker.Services;
            Npgsql.NpgsqlConnection.ClearAllPools();
            return name;
        })).Value;
        using var server = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        server.Open();
        // One creation at a time: PostgreSQL refuses to copy a template another session is using.
        lock (PostgresCreation)
        {
            using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", server);
            exists.Parameters.AddWithValue("name", target.Database!);
            if (exists.ExecuteScalar() is not null) return;
            using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{target.Database}\" TEMPLATE \"{template}\"", server);
            create.ExecuteNonQuery();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        if (FromTemplate)
        {
            var file = Path.Combine(_directory, "roviec.db");
            if (ConnectionString is null && !File.Exists(file)) File.Copy(SqliteTemplate(TemplateKey()), file);
            else if (ConnectionString is not null && ConnectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)) CreatePostgresFromTemplate(TemplateKey());
        }
        builder.UseSetting("ConnectionStrings:RoViec", ConnectionString ?? $"Data Source={Path.Combine(_directory, "roviec.db")}");
        builder.UseSetting("ROVIEC_ADMIN_PASSWORD", AdminPassword);
        // Uploaded files in this app's own folder, whatever its database.
        builder.UseSetting(RoViec.Web.Shared.Files.FileStore.Setting, FilesFolder);
        builder.UseSetting("RoViec:RequireTwoFactor", RequireTwoFactor ? "true" : "false");
        builder.UseSetting("RoViec:Scheduler:Enabled", Scheduler ? "true" : "false");
        // Every test client comes from the same address: the sign-in limit per address (10 a minute) would refuse the tests
        // that sign many callers in; the test of the limit sets its own.
        builder.UseSetting("RoViec:SignIn:PerMinute", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Clock);
            // Hashing a password once instead of 100,000 times: test hosts only; what is tested is who may sign in, not the hash's cost.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1);
            // What the server logged as an error, so a test that meets a 500 can say why.
            services.AddFakeLogging(o => o.FilteredLevels = new HashSet<LogLevel> { LogLevel.Error, LogLevel.Critical });
            // A test's own unit of work (arranging rows, reading what a request did) sees every commune, as the server's
            // operator does; every request is still enclosed in its caller's communes by the application's middleware.
            services.AddScoped(_ =>
            {
                var boundary = new RoViec.Data.CommuneBoundary();
                boundary.CrossAll(RoViec.Data.Crossing.ServerCommand);
                return boundary;
            });
        });
    }

    /// <summary>Where this app keeps uploaded files (RoViec:Files:Path).</summary>
    public string FilesFolder => Path.Combine(_directory, "files");

    /// <summary>
    /// Closes the pooled connections of one SQLite database, so its file can be deleted. Not ClearAllPools: that disposes
    /// every idle pooled connection of the process, and a test opening one at that moment fails with an
    /// ObjectDisposedException (seen as a 500 in the authorisation matrix and as a failed query, under load).
    /// </summary>
    public static void ReleaseSqlite(string connectionString)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
    }

    /// <summary>The errors the server logged so far (message and exception), oldest first.</summary>
    public IReadOnlyList<string> ServerErrors() =>
        [.. Services.GetFakeLogCollector().GetSnapshot().Select(r => $"{r.Category}: {r.Message}{(r.Exception is null ? "" : Environment.NewLine + r.Exception)}")];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (ConnectionString is null || !ConnectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            ReleaseSqlite(ConnectionString ?? $"Data Source={Path.Combine(_directory, "roviec.db")}");
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
