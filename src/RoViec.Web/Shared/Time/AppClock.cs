using System.Globalization;
using RoViec.Domain.Text;

namespace RoViec.Web.Shared.Time;

/// <summary>
/// The application's one clock. Everything reads "now" from the injected <see cref="TimeProvider"/>, which is the
/// machine's clock unless a test or a preview sets the day: outside Production, <c>RoViec:Clock:Now</c> (an ISO
/// date, or date and time; Vietnam time unless it carries an offset) starts the clock on that moment and lets it run
/// on from there, so a served process behaves as on that day (the browser tests use it; so can a demo on a chosen
/// day). In Production the setting is refused, so a live system can never run on a made-up date.
/// </summary>
public static class AppClock
{
    public const string Setting = "RoViec:Clock:Now";

    /// <summary>
    /// The key of the second clock the composition root registers: the machine's, for elapsed real time (leases, how long
    /// a change has waited), whatever day the calendar clock says.
    /// </summary>
    public const string WallClock = "wall-clock";

    private static readonly string[] WithOffset = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm'Z'"];
    private static readonly string[] VietnamLocal = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>The clock to register, or null with the reason (in Vietnamese, with English) why the setting cannot be used.</summary>
    public static TimeProvider? Choose(IConfiguration configuration, IHostEnvironment environment, TimeProvider machine, out string? error)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        error = null;
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value)) return machine;
        if (environment.IsProduction())
        {
            error = $"Thiết lập {Setting} chỉ dùng để kiểm thử hoặc xem thử, không dùng khi vận hành thật (môi trường Production); hãy bỏ thiết lập này. ({Setting} is refused in Production.)";
            return null;
        }
        if (Parse(value) is not { } start)
        {
            error = $"{Setting}=\"{value}\" không phải ngày giờ hợp lệ; hãy ghi dạng 2026-11-24 hoặc 2026-11-24T10:00 (giờ Việt Nam). (not a valid date and time)";
            return null;
        }
        return new ShiftedClock(machine, start - machine.GetUtcNow());
    }

    /// <summary>An ISO date or date and time; one without an offset is Vietnam time (a date alone is 08:00 that day).</summary>
    public static DateTimeOffset? Parse(string value)
    {
        var text = value.Trim();
        if (DateTimeOffset.TryParseExact(text, WithOffset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact)) return exact;
        if (!DateTime.TryParseExact(text, VietnamLocal, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        if (text.Length == 10) local = local.AddHours(8);
        return new DateTimeOffset(local, VietnamTime.Zone.GetUtcOffset(local));
    }

    /// <summary>The machine's clock moved by a fixed offset: it runs on in real time, so timers, cookies and lockouts behave as they would.</summary>
    private sealed class ShiftedClock(TimeProvider machine, TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => machine.GetUtcNow() + offset;

        public override TimeZoneInfo LocalTimeZone => machine.LocalTimeZone;

        public override long TimestampFrequency => machine.TimestampFrequency;

        public override long GetTimestamp() => machine.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            machine.CreateTimer(callback, state, dueTime, period);
    }
}
