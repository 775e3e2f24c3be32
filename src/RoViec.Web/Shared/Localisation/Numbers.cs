using System.Globalization;

namespace RoViec.Web.Shared.Localisation;

/// <summary>
/// Numbers a page shows, written the reader's way: "87,5%" and "1.250" in Vietnamese, "87.5%" and "1,250" when the
/// toggle is English. Official documents and sentences stored in Vietnamese keep their own Vietnamese helpers
/// (<c>PeriodLabels.Percent</c>, <c>ScoreService.Points</c>), whatever the language of the request that makes them.
/// </summary>
public static class Numbers
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The culture numbers are written in for the current reader (the request's UI culture).</summary>
    public static CultureInfo Culture => ReaderLanguage.IsEnglish ? English : Vietnamese;

    /// <summary>A percentage to one decimal ("87,5%" / "87.5%"), a dash for none.</summary>
    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.#", Culture) + "%" : "—";

    /// <summary>Points or a plain figure to two decimals at most ("9,25" / "9.25").</summary>
    public static string Points(decimal value) => value.ToString("0.##", Culture);
}
