namespace RoViec.Web.Features.Scheduling;

/// <summary>
/// Runs <see cref="ScheduledWork"/> at start and then every RoViec:Scheduler:IntervalSeconds (60 by default)
/// on every instance; the database lease lets one of them do the work. RoViec:Scheduler:Enabled=false turns it
/// off (the web tests do, and turn it on where they test it).
/// </summary>
public sealed class Scheduler(ScheduledWork work, IConfiguration configuration, ILogger<Scheduler> log) : BackgroundService
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<Notifications.NoticeMailer>();
        services.AddSingleton<ScheduledWork>();
        services.AddHostedService<Scheduler>();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("RoViec:Scheduler:Enabled", true))
        {
            log.LogInformation("Việc định kỳ đang tắt (RoViec:Scheduler:Enabled=false)");
            return;
        }
        using var timer = new PeriodicTimer(work.Interval);
        do
        {
            try
            {
                var outcome = await work.RunOnceAsync(stoppingToken);
                if (outcome.Ran && (outcome.Opened + outcome.Closed + outcome.Notices + outcome.Mails) > 0 && log.IsEnabled(LogLevel.Information))
                    log.LogInformation("Việc định kỳ: mở {Opened} kỳ, đóng {Closed} kỳ, {Notices} thông báo, {Mails} thư", outcome.Opened, outcome.Closed, outcome.Notices, outcome.Mails);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The database may be away for a moment; the next tick tries again.
                log.LogError(ex, "Việc định kỳ bị lỗi (scheduled work failed)");
            }
        }
        while (await Wait(timer, stoppingToken));
        try
        {
            await work.ReleaseAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            log.LogDebug(ex, "Lease not released at shutdown");
        }
    }

    private static async Task<bool> Wait(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
