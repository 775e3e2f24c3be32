using RoViec.Data.Entities;
using RoViec.Web.Features.Plans;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Tests;

/// <summary>A plan's year of periods as <see cref="PeriodCalendar.Build"/> lays it out from the reporting rules.</summary>
public sealed class PeriodCalendarTests
{
    internal static ReportingRules Rules(int unitDue = 20, int compileDue = 22, bool monthly = true, bool quarterly = false) => new()
    {
        Id = Guid.NewGuid(),
        CommuneId = Guid.NewGuid(),
        PlanId = Guid.NewGuid(),
        UnitDueDay = unitDue,
        CompileDueDay = compileDue,
        Monthly = monthly,
        Quarterly = quarterly,
    };

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Twelve_months_open_on_the_first_with_units_due_on_the_20th_and_compiling_on_the_22nd()
    {
        var months = PeriodCalendar.Build(Rules(), 2026).Where(p => p.Kind == PeriodKinds.Monthly).ToList();

        Assert.Equal(Enumerable.Range(1, 12), months.Select(p => p.Number));
        Assert.All(months, p =>
        {
            Assert.Equal(2026, p.Year);
            Assert.Equal($"Tháng {p.Number}/2026", p.Label);
            Assert.Equal(D(2026, p.Number, 1), p.StartsOn);
            Assert.Equal(D(2026, p.Number, 1), p.OpensOn);
            Assert.Equal(D(2026, p.Number, 20), p.UnitDueOn);
            Assert.Equal(D(2026, p.Number, 22), p.CompileDueOn);
            Assert.Equal(PeriodStates.Scheduled, p.State);
        });
        Assert.Equal(D(2026, 1, 31), months[0].EndsOn);
        Assert.Equal(D(2026, 2, 28), months[1].EndsOn);
        Assert.Equal(D(2026, 4, 30), months[3].EndsOn);
        Assert.Equal(D(2026, 12, 31), months[11].EndsOn);
        Assert.Equal("Tháng 3/2026", months[2].Label);
    }

    [Fact]
    public void Day_31_falls_on_the_last_day_of_shorter_months()
    {
        var months = PeriodCalendar.Build(Rules(unitDue: 31, compileDue: 31), 2026).Where(p => p.Kind == PeriodKinds.Monthly).ToList();
        var leap = PeriodCalendar.Build(Rules(unitDue: 31, compileDue: 31), 2028).Single(p => p.Kind == PeriodKinds.Monthly && p.Number == 2);

        Assert.Equal(D(2026, 2, 28), months[1].UnitDueOn);
        Assert.Equal(D(2026, 2, 28), months[1].CompileDueOn);
        Assert.Equal(D(2026, 4, 30), months[3].UnitDueOn);
        Assert.Equal(D(2026, 1, 31), months[0].UnitDueOn);
        Assert.Equal(D(2028, 2, 29), leap.UnitDueOn);
    }

    [Fact]
    public void Compiling_is_never_due_before_the_units_report()
    {
        var march = PeriodCalendar.Build(Rules(unitDue: 25, compileDue: 22), 2026).Single(p => p.Kind == PeriodKinds.Monthly && p.Number == 3);

        Assert.Equal(D(2026, 3, 25), march.UnitDueOn);
        Assert.Equal(D(2026, 3, 25), march.CompileDueOn);
    }

    [Fact]
    public void Quarters_are_labelled_in_roman_numerals_and_open_in_their_last_month()
    {
        var quarters = PeriodCalendar.Build(Rules(monthly: false, quarterly: true), 2026).Where(p => p.Kind == PeriodKinds.Quarterly).ToList();

        Assert.Equal(["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"], quarters.Select(p => p.Label));
        Assert.Equal([1, 2, 3, 4], quarters.Select(p => p.Number));
        Assert.Equal([D(2026, 1, 1), D(2026, 4, 1), D(2026, 7, 1), D(2026, 10, 1)], quarters.Select(p => p.StartsOn));
        Assert.Equal([D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30), D(2026, 12, 31)], quarters.Select(p => p.EndsOn));
        Assert.Equal([D(2026, 3, 1), D(2026, 6, 1), D(2026, 9, 1), D(2026, 12, 1)], quarters.Select(p => p.OpensOn));
        Assert.Equal([D(2026, 3, 20), D(2026, 6, 20), D(2026, 9, 20), D(2026, 12, 20)], quarters.Select(p => p.UnitDueOn));
        Assert.Equal([D(2026, 3, 22), D(2026, 6, 22), D(2026, 9, 22), D(2026, 12, 22)], quarters.Select(p => p.CompileDueOn));
        Assert.DoesNotContain(PeriodCalendar.Build(Rules(monthly: false, quarterly: true), 2026), p => p.Kind == PeriodKinds.Monthly);
    }

    [Fact]
    public void The_year_covers_january_to_december_and_opens_a_fortnight_before_the_units_annual_due_day()
    {
        var rules = Rules();
        rules.AnnualUnitDueMonth = 11;
        rules.AnnualUnitDueDay = 15;
        rules.AnnualCompileDueMonth = 11;
        rules.AnnualCompileDueDay = 20;

        var year = PeriodCalendar.Build(rules, 2026).Single(p => p.Kind == PeriodKinds.Annual);

        Assert.Equal("Năm 2026", year.Label);
        Assert.Equal(0, year.Number);
        Assert.Equal(D(2026, 1, 1), year.StartsOn);
        Assert.Equal(D(2026, 12, 31), year.EndsOn);
        Assert.Equal(D(2026, 11, 1), year.OpensOn);
        Assert.Equal(D(2026, 11, 15), year.UnitDueOn);
        Assert.Equal(D(2026, 11, 20), year.CompileDueOn);
    }

    [Fact]
    public void Monthly_rules_give_twelve_months_and_one_year_for_the_plan_and_commune_of_the_rules()
    {
        var rules = Rules();
        var periods = PeriodCalendar.Build(rules, 2026);

        Assert.Equal(13, periods.Count);
        Assert.All(periods, p =>
        {
            Assert.Equal(rules.PlanId, p.PlanId);
            Assert.Equal(rules.CommuneId, p.CommuneId);
            Assert.NotEqual(Guid.Empty, p.Version);
        });
        Assert.Equal(13, periods.Select(p => p.Id).Distinct().Count());
    }
}
