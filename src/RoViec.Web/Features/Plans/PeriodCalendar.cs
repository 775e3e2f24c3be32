using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// A plan's reporting periods for its year, laid out from its reporting rules: a month opens on its first
/// day, units report by the unit due day and the standing office compiles by the compile due day, after
/// which the period closes; a quarter opens in its last month with that month's due days; the year opens a
/// fortnight before the annual due day. Ad-hoc periods are added by the standing office.
/// </summary>
public static class PeriodCalendar
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public static IReadOnlyList<ReportingPeriod> Build(ReportingRules rules, int year)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var periods = new List<ReportingPeriod>();
        if (rules.Monthly)
        {
            for (var month = 1; month <= 12; month++)
            {
                var first = new DateOnly(year, month, 1);
                periods.Add(New(rules, PeriodKinds.Monthly, year, month, $"Tháng {month}/{year}",
                    first, first.AddMonths(1).AddDays(-1), first, Day(year, month, rules.UnitDueDay), Day(year, month, rules.CompileDueDay)));
            }
        }
        if (rules.Quarterly)
        {
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                var last = quarter * 3;
                var start = new DateOnly(year, last - 2, 1);
                periods.Add(New(rules, PeriodKinds.Quarterly, year, quarter, $"Quý {Roman[quarter - 1]}/{year}",
                    start, start.AddMonths(3).AddDays(-1), new DateOnly(year, last, 1), Day(year, last, rules.UnitDueDay), Day(year, last, rules.CompileDueDay)));
            }
        }
        var unitDue = Day(year, rules.AnnualUnitDueMonth, rules.AnnualUnitDueDay);
        var compileDue = Day(year, rules.AnnualCompileDueMonth, rules.AnnualCompileDueDay);
        periods.Add(New(rules, PeriodKinds.Annual, year, 0, $"Năm {year}",
            new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), unitDue.AddDays(-14), unitDue, compileDue < unitDue ? unitDue : compileDue));
        return periods;
    }

    /// <summary>Gives an active plan its reporting rules and its year's periods when it has none yet; returns the rules.</summary>
    public static async Task<ReportingRules> EnsureAsync(RoViecDbContext db, Plan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var rules = await db.ReportingRules.FirstOrDefaultAsync(r => r.PlanId == plan.Id, ct);
        if (rules is null)
        {
            rules = new ReportingRules { Id = Guid.NewGuid(), CommuneId = plan.CommuneId, PlanId = plan.Id, Version = Guid.NewGuid() };
            db.ReportingRules.Add(rules);
        }
        // A plan reporting with the work programme has no calendar of its own: its lines are in the programme's reports.
        if (plan.ReportsWithPlanId is null && !await db.Periods.AnyAsync(p => p.PlanId == plan.Id && p.Kind != PeriodKinds.AdHoc, ct))
            db.Periods.AddRange(plan.Rhythm == PlanRhythms.Weekly ? Weeks(rules, plan) : Build(rules, plan.Year));
        return rules;
    }

    /// <summary>
    /// A campaign's weeks, Monday to Sunday, from the week of its first day to the week of its last: each opens on its
    /// Monday, its units report by its Friday, and the standing office compiles by the next Monday, after which it closes.
    /// Labelled "Tuần 3 (21/12–27/12/2026)", numbered from the campaign's first week.
    /// </summary>
    public static IReadOnlyList<ReportingPeriod> Weeks(ReportingRules rules, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(plan);
        var first = plan.StartsOn ?? new DateOnly(plan.Year, 1, 1);
        var last = plan.EndsOn ?? new DateOnly(plan.Year, 12, 31);
        var monday = MondayOf(first);
        var weeks = new List<ReportingPeriod>();
        for (var (start, n) = (monday, 1); start <= last; start = start.AddDays(7), n++)
        {
            var end = start.AddDays(6);
            // A week belongs to the year of its Thursday, as ISO 8601 numbers weeks.
            weeks.Add(New(rules, PeriodKinds.Weekly, start.AddDays(3).Year, n, string.Create(CultureInfo.InvariantCulture, $"Tuần {n} ({start:dd/MM}–{end:dd/MM/yyyy})"),
                start, end, start, start.AddDays(4), start.AddDays(7)));
        }
        return weeks;
    }

    /// <summary>The Monday of the week (Monday to Sunday) a day falls in.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>A day of a month, the last day when the month is shorter ("ngày 31" in February).</summary>
    public static DateOnly Day(int year, int month, int day) =>
        new(year, month, Math.Clamp(day, 1, DateTime.DaysInMonth(year, month)));

    private static ReportingPeriod New(ReportingRules rules, string kind, int year, int number, string label,
        DateOnly starts, DateOnly ends, DateOnly opens, DateOnly unitDue, DateOnly compileDue) => new()
        {
            Id = Guid.NewGuid(),
            CommuneId = rules.CommuneId,
            PlanId = rules.PlanId,
            Kind = kind,
            Year = year,
            Number = number,
            Label = label,
            StartsOn = starts,
            EndsOn = ends,
            OpensOn = opens,
            UnitDueOn = unitDue,
            CompileDueOn = compileDue < unitDue ? unitDue : compileDue,
            Version = Guid.NewGuid(),
        };
}
