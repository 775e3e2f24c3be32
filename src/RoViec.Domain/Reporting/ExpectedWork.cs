using RoViec.Domain.Deadlines;

namespace RoViec.Domain.Reporting;

/// <summary>A period as the expectation rules see it.</summary>
/// <param name="Kind">"Monthly", "Quarterly", "Annual" or "AdHoc".</param>
/// <param name="Number">The month (1–12) or quarter (1–4); 0 otherwise.</param>
public sealed record PeriodShape(string Kind, int Year, int Number, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>
/// Which tasks and indicators a unit must report on in a period (README.md beside this file):
/// a task is reported every period from the plan's start until it is done, cannot be done, or the plan
/// said it was already done; an indicator is reported at its own rhythm — monthly every period, quarterly
/// in the quarter's last month and in quarterly periods, annually in December and in annual periods.
/// Ad-hoc periods ask for every open task and every indicator of the units asked.
/// </summary>
public static class ExpectedWork
{
    /// <summary>Whether an open task is reported in this period.</summary>
    /// <param name="health">The task's derived status before the period.</param>
    public static bool TaskExpected(DeadlineKind kind, TaskHealth health) =>
        kind != DeadlineKind.Done && TaskStatusRules.IsOpen(health);

    /// <summary>Whether an indicator with this rhythm is reported in this period.</summary>
    public static bool IndicatorExpected(string rhythm, PeriodShape period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Kind switch
        {
            // A campaign's week asks for all of its indicators: the campaign's progress is what the week reports.
            "Annual" or "AdHoc" or "Weekly" => true,
            "Quarterly" => rhythm is "Monthly" or "Quarterly",
            _ => rhythm switch
            {
                "Quarterly" => period.Number % 3 == 0,
                "Annual" => period.Number == 12,
                _ => true,
            },
        };
    }
}
