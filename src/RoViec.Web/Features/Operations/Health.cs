using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RoViec.Data;
using RoViec.Web.Features.Scheduling;
using RoViec.Web.Shared.Files;

namespace RoViec.Web.Features.Operations;

/// <summary>
/// Health for the proxy, systemd and monitoring (README: "Vận hành"): <c>/health/live</c> answers 200 while the process
/// serves; <c>/health/ready</c> (and <c>/health</c>) answers 200 only when the database answers and is whole (SQLite's
/// <c>PRAGMA quick_check</c>, so a file copied while it was written is caught), its schema is the application's, and
/// the scheduler's lease is held by some instance; otherwise 503 with what failed, as JSON without secrets.
/// </summary>
public static class Health
{
    private const string Ready = "ready";

    public static void Add(IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [Ready])
            .AddCheck<SchemaCheck>("schema", tags: [Ready])
            .AddCheck<FilesCheck>("files", tags: [Ready])
            .AddCheck<SchedulerCheck>("scheduler", tags: [Ready]);
    }

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync };
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", ready).AllowAnonymous();
        app.MapHealthChecks("/health", ready).AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The database answers; a SQLite file passes its quick integrity check (kept a minute: it reads the whole file).</summary>
    internal sealed class DatabaseCheck(RoViecDbContext db, IMemoryCache cache) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                if (!await db.Database.CanConnectAsync(cancellationToken))
                    return HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu (database unreachable).");
                if (!db.Database.IsSqlite()) return HealthCheckResult.Healthy();
                var verdict = await cache.GetOrCreateAsync("health:sqlite-quick-check", async entry =>
                {
                    entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
                    return await db.Database.SqlQueryRaw<string>("PRAGMA quick_check(1)").ToListAsync(cancellationToken);
                });
                return verdict is ["ok"]
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"Tệp cơ sở dữ liệu bị hỏng: {string.Join("; ", verdict ?? [])} (the SQLite file is damaged; restore it from a backup).");
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy($"Cơ sở dữ liệu không đọc được: {Schema.OneLine(ex.Message)} (database unreadable).");
            }
        }
    }

    /// <summary>
    /// The file store can be written and read back, and holds the newest file the database names (a store folder left
    /// behind by a restore or a wrong RoViec:Files:Path would fail every download). Kept a minute.
    /// </summary>
    internal sealed class FilesCheck(RoViecDbContext db, CommuneBoundary boundary, FileStore store, IMemoryCache cache) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var problem = await cache.GetOrCreateAsync("health:files", async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
                if (store.Problem() is { } unwritable) return unwritable;
                try
                {
                    // The newest file of any commune; only its hash is read.
                    boundary.CrossAll(Crossing.HealthCheck);
                    var newest = await db.Evidence.AsNoTracking().Where(e => e.ContentSha256 != null)
                        .OrderByDescending(e => e.AddedAtUtc).Select(e => e.ContentSha256).FirstOrDefaultAsync(cancellationToken);
                    return newest is null || store.Find(newest) is not null
                        ? ""
                        : $"Thư mục tệp \"{store.Root}\" không có tệp minh chứng mới nhất ({newest}); RoViec__Files__Path có đúng thư mục không? (the file store misses files the database names)";
                }
                catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
                {
                    // The database's own check says why.
                    return "";
                }
            });
            return string.IsNullOrEmpty(problem) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(problem);
        }
    }

    /// <summary>The database has exactly this application's migrations (an operator may have migrated it for a newer version).</summary>
    internal sealed class SchemaCheck(RoViecDbContext db, IMemoryCache cache) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var problem = await cache.GetOrCreateAsync("health:schema", async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
                return await Schema.ProblemAsync(db, cancellationToken) ?? "";
            });
            return string.IsNullOrEmpty(problem) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(problem);
        }
    }

    /// <summary>
    /// Some instance holds the scheduler's lease. An instance that has just started gives the scheduler one lease's
    /// time to take it; with the scheduler turned off (RoViec:Scheduler:Enabled=false) there is nothing to check.
    /// </summary>
    internal sealed class SchedulerCheck(RoViecDbContext db, ScheduledWork work, IConfiguration configuration,
        [FromKeyedServices(ScheduledWork.WallClock)] TimeProvider wallClock) : IHealthCheck
    {
        private static readonly long Started = System.Diagnostics.Stopwatch.GetTimestamp();

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!configuration.GetValue("RoViec:Scheduler:Enabled", true)) return HealthCheckResult.Healthy("Việc định kỳ đang tắt (scheduler off).");
            if (System.Diagnostics.Stopwatch.GetElapsedTime(Started) < work.LeaseDuration) return HealthCheckResult.Healthy();
            var now = wallClock.GetUtcNow().UtcDateTime;
            var held = await db.JobLeases.AnyAsync(l => l.Name == ScheduledWork.LeaseName && l.ExpiresAtUtc >= now, cancellationToken);
            return held
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Không máy chủ nào đang giữ việc định kỳ: kỳ báo cáo, nhắc việc và thư không chạy (no instance holds the scheduler's lease).");
        }
    }
}
