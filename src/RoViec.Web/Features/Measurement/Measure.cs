using System.Globalization;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Features.Measurement;

/// <summary>
/// How a period's values are read, shared by the period's figures and the scores: a reported value as written and
/// its percentage, whether it meets its target, whether a key task is on schedule, and the day statuses are taken on.
/// </summary>
public static class Measure
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// A key task is on schedule ("đúng tiến độ") when it is done on time, was done before the plan, or is open and
    /// neither overdue nor at risk; done late, overdue, at risk and cannot-do are not.
    /// </summary>
    public static bool OnSchedule(TaskHealth health) =>
        health is TaskHealth.DoneOnTime or TaskHealth.AlreadyDone or TaskHealth.OnTrack or TaskHealth.NotStarted
            or TaskHealth.Recurring or TaskHealth.External;

    /// <summary>The day a period's statuses are derived for: today while it runs, its compile day once that passed.</summary>
    public static DateOnly ReferenceDay(ReportingPeriod period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(period);
        return today < period.CompileDueOn ? today : period.CompileDueOn;
    }

    /// <summary>A reported value as written ("12,5%", "45/50 (90%)", "3 mô hình") and, for a percentage, its value.</summary>
    public static (string Text, decimal? Percent) ValueText(decimal? value, decimal? numerator, decimal? denominator, string targetUnit)
    {
        if (numerator is { } n && denominator is { } d && d > 0)
        {
            var percent = Math.Round(n * 100m / d, 1);
            return ($"{Number(n)}/{Number(d)} ({PeriodLabels.Percent(percent)})", percent);
        }
        if (value is not { } v) return ("—", null);
        return targetUnit switch
        {
            "%" => (Number(v) + "%", v),
            "count" or "other" or "" => (Number(v), null),
            _ => (Number(v) + " " + targetUnit, null),
        };
    }

    /// <summary>
    /// Whether a reported value meets its indicator's target: a percentage against a percentage target, a number
    /// (the count reached so far, "3 mô hình") against a count target ("03 mô hình" is met by 3) — at least, equal to
    /// ("100%" is reached at 100, "03" by 3 or more), at most, or the lower bound of a range. An increase over a
    /// baseline year is not judged on one period's value, nor a value of another kind than its target.
    /// </summary>
    public static bool? Meets(IndicatorRow indicator, decimal? percent, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        decimal? reached = indicator.TargetUnit == "%" ? percent : percent is null ? value : null;
        if (reached is not { } r) return null;
        return indicator.TargetOp switch
        {
            ">=" or "=" or "range" => r >= indicator.TargetValue,
            "<=" => r <= indicator.TargetValue,
            _ => null,
        };
    }

    /// <summary>"12,5" — at most two decimals, Vietnamese separators.</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", Vietnamese);
}
