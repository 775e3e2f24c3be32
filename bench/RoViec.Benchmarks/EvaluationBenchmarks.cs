using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Scores;

namespace RoViec.Benchmarks;

/// <summary>
/// The issue's speed targets on the demo commune with its simulated year (January–November 2026), warm, in one process:
/// the month's dashboard page served (p95 &lt; 50 ms), the month's Word report generated and served (&lt; 1 s), the
/// commune's month rescored (&lt; 200 ms). The application runs in-process on SQLite with its real middleware.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public partial class EvaluationBenchmarks : IDisposable
{
    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95);
    }

    private sealed class DemoYear(string directory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:RoViec", $"Data Source={Path.Combine(directory, "roviec.db")}");
            builder.UseSetting("ROVIEC_ADMIN_PASSWORD", Password);
            builder.UseSetting("RoViec:RequireTwoFactor", "false");
            builder.UseSetting("RoViec:Scheduler:Enabled", "false");
            builder.UseSetting("RoViec:Demo:History", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }

    private const string Password = "Bench-password-123";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "roviec-bench-" + Guid.NewGuid().ToString("N"));
    private DemoYear _app = null!;
    private HttpClient _chair = null!;
    private HttpClient _office = null!;
    private Guid _october;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_directory);
        _app = new DemoYear(_directory);
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            _october = db.Periods.AsNoTracking().Single(p => p.Kind == PeriodKinds.Monthly && p.Number == 10).Id;
        }
        _chair = SignIn("truongban");
        _office = SignIn("thuongtruc");
    }

    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _chair?.Dispose();
        _office?.Dispose();
        _app?.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    [Benchmark(Description = "Dashboard page (October, committee head)")]
    public async Task<int> DashboardPage()
    {
        using var response = await _chair.GetAsync(new Uri($"/bang-dieu-khien?ky={_october}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [Benchmark(Description = "Month DOCX report (October)")]
    public async Task<int> MonthDocx()
    {
        using var response = await _office.GetAsync(new Uri($"/ky-bao-cao/{_october}/bao-cao.docx", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [Benchmark(Description = "Score recomputation (commune, October)")]
    public async Task<int> Recompute()
    {
        using var scope = _app.Services.CreateScope();
        var outcome = await ScoreService.RecomputeAsync(scope.ServiceProvider.GetRequiredService<RoViecDbContext>(), _october, "bench", "bench",
            scope.ServiceProvider.GetRequiredService<TimeProvider>(), CancellationToken.None);
        return outcome is ScoreOutcome.Scored scored ? scored.Units : -1;
    }

    private HttpClient SignIn(string user)
    {
        var client = _app.CreateClient();
        var form = client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative)).GetAwaiter().GetResult();
        var token = Token().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = user, ["Password"] = Password, ["__RequestVerificationToken"] = token });
        client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), content).GetAwaiter().GetResult().EnsureSuccessStatusCode();
        return client;
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex Token();
}
