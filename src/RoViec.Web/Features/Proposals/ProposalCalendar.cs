using RoViec.Data.Entities;

namespace RoViec.Web.Features.Proposals;

/// <summary>
/// When proposals for a year are asked for: from 1 October of the year before (<see cref="OpenMonth"/>) until the
/// commune's due day (<see cref="Commune.ProposalsDueMonth"/>/<see cref="Commune.ProposalsDueDay"/>, 30/11 unless it
/// says otherwise). After the due day a unit can still submit; its proposal is marked late.
/// </summary>
public static class ProposalCalendar
{
    public const int OpenMonth = 10;

    /// <summary>The year a unit proposes for on <paramref name="today"/>: next year.</summary>
    public static int NextYear(DateOnly today) => today.Year + 1;

    /// <summary>
    /// The year the compiled page shows by default: next year's proposals from October, and until then this year's
    /// (the round whose plan is being made and filled in early in the year).
    /// </summary>
    public static int CompiledYear(DateOnly today) => today.Month >= OpenMonth ? today.Year + 1 : today.Year;

    public static DateOnly OpensOn(int year) => new(year - 1, OpenMonth, 1);

    /// <summary>The due day of the proposals for <paramref name="year"/> (a 29/02 setting falls on 28/02 in a common year).</summary>
    public static DateOnly DueOn(int year, int month, int day) =>
        new(year - 1, month, Math.Min(day, DateTime.DaysInMonth(year - 1, month)));

    public static DateOnly DueOn(Commune commune, int year)
    {
        ArgumentNullException.ThrowIfNull(commune);
        return DueOn(year, commune.ProposalsDueMonth, commune.ProposalsDueDay);
    }

    public static bool IsLate(DateOnly submittedOn, DateOnly dueOn) => submittedOn > dueOn;
}
