namespace RoViec.Domain.Reporting;

/// <summary>One expected report: a unit that had to report in a period, and when the standing office received it.</summary>
/// <param name="DueOn">The unit's due day in that period (its extension's day when it was given one).</param>
/// <param name="ReceivedOn">The day the report first reached the standing office, if it has.</param>
public sealed record ExpectedReport(Guid UnitId, Guid PeriodId, DateOnly DueOn, DateOnly? ReceivedOn)
{
    public bool Received => ReceivedOn is not null;

    /// <summary>Received on or before the due day.</summary>
    public bool OnTime => ReceivedOn is { } on && on <= DueOn;

    /// <summary>Its due day has passed on <paramref name="today"/>: whether it came on time can be judged.</summary>
    public bool IsDue(DateOnly today) => today > DueOn;
}

/// <summary>
/// Reporting completeness and timeliness as health information systems measure them: of the reports
/// expected, how many were received (reporting rate); of the reports whose due day has passed, how many were
/// received by it (on-time rate). Before any due day the on-time rate is not known ("chưa đến hạn"), never a
/// share of reports not yet due. With nothing expected (or nothing due) the rates are null, not 0 or 100.
/// </summary>
/// <param name="Due">Expected reports whose due day has passed.</param>
/// <param name="OnTime">Of the due reports, those received by their due day.</param>
/// <param name="Late">Of the due reports, those received after their due day.</param>
public sealed record ReportingRate(int Expected, int Received, int OnTime, int Due, int Late)
{
    public static readonly ReportingRate None = new(0, 0, 0, 0, 0);

    public decimal? Rate => Expected == 0 ? null : Math.Round(Received * 100m / Expected, 1);

    public decimal? OnTimeRate => Due == 0 ? null : Math.Round(OnTime * 100m / Due, 1);

    /// <summary>Reports still missing: received + missing = expected.</summary>
    public int Missing => Expected - Received;

    /// <summary>Reports are expected but none is due yet: the on-time rate is "not yet due", not a share.</summary>
    public bool NotYetDue => Expected > 0 && Due == 0;

    /// <summary>The rates of these reports on <paramref name="today"/>.</summary>
    public static ReportingRate Of(IEnumerable<ExpectedReport> reports, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reports);
        int expected = 0, received = 0, onTime = 0, due = 0, late = 0;
        foreach (var report in reports)
        {
            expected++;
            if (report.Received) received++;
            if (!report.IsDue(today)) continue;
            due++;
            if (report.OnTime) onTime++;
            else if (report.Received) late++;
        }
        return new ReportingRate(expected, received, onTime, due, late);
    }
}
