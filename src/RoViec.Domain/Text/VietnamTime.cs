namespace RoViec.Domain.Text;

/// <summary>Time is stored in UTC and read in Vietnam time (Asia/Ho_Chi_Minh, UTC+7 without daylight saving).</summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Ho_Chi_Minh", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone);

    /// <summary>Today in Vietnam by the given clock: the application's injected TimeProvider, never the machine's clock directly.</summary>
    public static DateOnly VietnamToday(this TimeProvider clock) => DateOnly.FromDateTime(FromUtc(clock.GetUtcNow().UtcDateTime));

    /// <summary>Now in Vietnam by the given clock.</summary>
    public static DateTime VietnamNow(this TimeProvider clock) => FromUtc(clock.GetUtcNow().UtcDateTime);
}
