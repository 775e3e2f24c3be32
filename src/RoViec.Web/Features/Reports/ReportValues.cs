using System.Globalization;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Reports;

/// <summary>
/// Numbers and dates as officers type and read them: "12,5" (a comma before the decimals, a dot between
/// thousands, "12.5" read as twelve and a half when it cannot be thousands) and dd/mm/yyyy.
/// </summary>
public static class ReportValues
{
    // Spelled out rather than taken from the vi-VN culture so that parsing does not depend on ICU data.
    private static readonly NumberFormatInfo Vietnamese = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    public static bool TryParseNumber(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (t.EndsWith('%')) t = t[..^1];
        // "1.234" is a thousand and more; "12.5" has no other reading than twelve and a half.
        if (!t.Contains(',', StringComparison.Ordinal) && t.Contains('.', StringComparison.Ordinal) && !System.Text.RegularExpressions.Regex.IsMatch(t, @"^-?\d{1,3}(\.\d{3})+$"))
            return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, Vietnamese, out value);
    }

    public static bool TryParseDate(string? text, out DateOnly date) => Periods.DayText.TryParse(text, out date);

    /// <summary>"12,5", "1.250", "" for none.</summary>
    public static string Number(decimal? value) => value is { } v ? v.ToString("#,0.##", Vietnamese) : "";

    public static string Date(DateOnly? date) => Periods.DayText.Show(date);

    /// <summary>A UTC instant as a Vietnamese reads it: "05/03/2026 14:20".</summary>
    public static string When(DateTime? utc) => utc is { } u ? Plans.PlanHistory.VietnamTimeText(u) : "";

    /// <summary>The time of day (Vietnam time) of a UTC instant: "14:20".</summary>
    public static string Clock(DateTime utc) => VietnamTime.FromUtc(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The day (Vietnam time) of a UTC instant.</summary>
    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(VietnamTime.FromUtc(utc));
}
