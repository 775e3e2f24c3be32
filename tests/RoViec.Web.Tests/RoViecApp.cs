using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The clock the application reads "today" from, when a test sets the date.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Further configuration ("RoViec:Smtp:Host" …).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseSetting("ConnectionStrings:RoViec", ConnectionString ?? $"Data Source={Path.Combine(_directory, "roviec.db")}");
        builder.UseSetting("ROVIEC_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("RoViec:RequireTwoFactor", RequireTwoFactor ? "true" : "false");
        builder.UseSetting("RoViec:Scheduler:Enabled", Scheduler ? "true" : "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (Clock is { } clock) builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
