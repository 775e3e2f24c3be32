using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace RoViec.Web.Shared.Telemetry;

/// <summary>
/// OpenTelemetry for the operator (README: "Vận hành"): request metrics and traces (ASP.NET Core), database metrics and
/// traces (Npgsql's own; EF Core's meter), the scheduler's ticks (<see cref="Source"/>, <see cref="SchedulerTicks"/>),
/// scraped by Prometheus at <c>/metrics</c> — answered only to loopback and the addresses in
/// <c>RoViec:Metrics:Addresses</c> (the proxy does not pass it on) — and sent to an OTLP collector when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names one. Production writes its logs as JSON lines carrying the request's trace id
/// (the correlation id the error page shows), with request logs of method, path (no query string), status and time.
/// </summary>
public static class Telemetry
{
    public const string Name = "RoViec";
    public const string MetricsPath = "/metrics";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    /// <summary>Scheduler ticks, by whether this instance held the lease and did the work ("ran": true/false).</summary>
    public static readonly Counter<long> SchedulerTicks = Meter.CreateCounter<long>("roviec.scheduler.ticks", description: "Scheduler ticks on this instance");

    /// <summary>How long a tick that held the lease took.</summary>
    public static readonly Histogram<double> SchedulerTickDuration = Meter.CreateHistogram<double>("roviec.scheduler.tick.duration", "s", "Duration of the scheduler's ticks that did the work");

    public static void Add(WebApplicationBuilder builder, bool production)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("roviec", serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.EntityFrameworkCore", "Npgsql", Name)
                .AddPrometheusExporter())
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments(MetricsPath))
                .AddNpgsql()
                .AddSource(Name));
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) otel.UseOtlpExporter();
        if (production)
        {
            builder.Logging.ClearProviders().AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            });
            builder.Services.AddHttpLogging(o =>
            {
                // Method, path and status with the time taken: no query string (set-password links carry tokens), no headers, no body.
                o.LoggingFields = Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.RequestMethod | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.RequestPath
                    | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.ResponseStatusCode | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.Duration;
                o.CombineLogs = true;
            });
        }
    }

    public static void Use(WebApplication app, bool production)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (production) app.UseHttpLogging();
    }

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var allowed = Hosting.SettingValues.Addresses(app.Configuration, "RoViec:Metrics:Addresses");
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous().AddEndpointFilter(async (context, next) =>
        {
            var remote = context.HttpContext.Connection.RemoteIpAddress;
            if (remote is null || !(IPAddress.IsLoopback(remote) || allowed.Any(a => a.Equals(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))))
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            return await next(context);
        });
    }
}
