using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RoViec.Web.Tests;

/// <summary>The application on a throw-away SQLite file (or PostgreSQL when given), with a known admin password.</summary>
public sealed class RoViecApp : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "roviec-web-" + Guid.NewGuid().ToString("N"));

    public string? ConnectionString { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseSetting("ConnectionStrings:RoViec", ConnectionString ?? $"Data Source={Path.Combine(_directory, "roviec.db")}");
        builder.UseSetting("ROVIEC_ADMIN_PASSWORD", "Test-password-123");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
