namespace RoViec.Domain.Reporting;

/// <summary>One expected report: a unit that had to report in a period, and when the standing office received it.</summary>
/// <param name="DueOn">The unit's due day in that period (its extension's day when it was given one).</param>
/// <param name="ReceivedOn">The day the report first reached the standing office, if it has.</param>
public sealed record ExpectedReport(Guid UnitId, Guid PeriodId, DateOnly DueOn, DateOnly? ReceivedOn)
{
    public bool Received => ReceivedOn is not null;

    /// <summary>Received on or before the due day.</summary>
    public bool OnTime => ReceivedOn is { } on && on <= DueOn;
}

/// <summary>
/// Reporting completeness and timeliness as health information systems measure them: of the reports
/// expected, how many were received (reporting rate) and how many were received by the due day
/// (on-time rate). Rates are percentages of the expected reports; with nothing expected they are null, not 0 or 100.
/// </summary>
public sealed record ReportingRate(int Expected, int Received, int OnTime)
{
    public decimal? Rate => Expected == 0 ? null : Math.Round(Received * 100m / Expected, 1);

    public decimal? OnTimeRate => Expected == 0 ? null : Math.Round(OnTime * 100m / Expected, 1);

    /// <summary>Reports still missing.</summary>
    public int Missing => Expected - Received;

    public static ReportingRate Of(IEnumerable<ExpectedReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        int expected = 0, received = 0, onTime = 0;
        foreach (var report in reports)
        {
            expected++;
            if (report.Received) received++;
            if (report.OnTime) onTime++;
        }
        return new ReportingRate(expected, received, onTime);
    }
}
