namespace RoViec.Web.Shared.Api;

/// <summary>Stored times are UTC; SQLite hands them back without a kind, so they are marked UTC before they are written as JSON ("…Z").</summary>
internal static class ApiTime
{
    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
