using System.Globalization;

namespace RoViec.Web.Features.Periods;

/// <summary>Dates as Vietnamese forms show and take them: dd/MM/yyyy (also d/M/yyyy and the browser's yyyy-MM-dd).</summary>
public static class DayText
{
    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact((text ?? "").Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static string Show(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Show(DateOnly? day) => day is { } d ? Show(d) : "";
}
