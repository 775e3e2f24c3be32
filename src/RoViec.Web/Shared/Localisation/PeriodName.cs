using System.Globalization;
using RoViec.Data.Entities;

namespace RoViec.Web.Shared.Localisation;

/// <summary>
/// A period's name made from its kind, number and year, so each language writes it its own way ("Tháng 12/2026",
/// "December 2026"); an ad-hoc request keeps the title it was given. <see cref="ToString"/> is the stored Vietnamese
/// label, for Vietnamese sentences built in code.
/// </summary>
public readonly record struct PeriodName(string Kind, int Number, int Year, string Label)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static PeriodName Of(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new(period.Kind, period.Number, period.Year, period.Label);
    }

    /// <summary>
    /// The name inside a sentence: Vietnamese writes it in lower case ("điểm tháng 12/2026 đã được tính lại"), English
    /// as it is ("December 2026").
    /// </summary>
    public PeriodName MidSentence() => this with { Label = Label.ToLowerInvariant() };

    /// <summary>The name in the reader's language (the current UI culture).</summary>
    public string Shown() => In(CultureInfo.CurrentUICulture);

    public string In(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (culture.TwoLetterISOLanguageName != "en") return Label;
        return Kind switch
        {
            PeriodKinds.Monthly when Number is >= 1 and <= 12 =>
                English.DateTimeFormat.GetMonthName(Number) + " " + Year.ToString(CultureInfo.InvariantCulture),
            PeriodKinds.Quarterly when Number is >= 1 and <= 4 => $"Q{Number} {Year.ToString(CultureInfo.InvariantCulture)}",
            PeriodKinds.Annual => "Year " + Year.ToString(CultureInfo.InvariantCulture),
            // "Tuần 3 (21/12–27/12/2026)": the dates are written alike.
            PeriodKinds.Weekly when Label.StartsWith("Tuần ", StringComparison.Ordinal) => "Week " + Label["Tuần ".Length..],
            _ => Label,
        };
    }

    public override string ToString() => Label;
}
