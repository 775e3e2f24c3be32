namespace RoViec.Web.Features.Demo;

/// <summary>Time is stored in UTC and shown in Vietnam time (Asia/Ho_Chi_Minh).</summary>
internal static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Ho_Chi_Minh", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
}
