using System.Globalization;
using RoViec.Domain.Deadlines;

namespace RoViec.Domain.Tests.Deadlines;

public sealed class DeadlineParserTests
{
    private const int PlanYear = 2026;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void AssertDeadline(Deadline actual, DeadlineKind kind, string? due)
    {
        Assert.Equal(kind, actual.Kind);
        Assert.Equal(due is null ? null : D(due), actual.Due);
        Assert.Empty(actual.Milestones);
    }

    // ---- Quarters: "Quý N" is due on the last day of its third month.

    [Theory]
    [InlineData("Quý II/2026", "2026-06-30")]
    [InlineData("Quý II/2026 (Sau khi có hướng dẫn của thành phố)", "2026-06-30")]
    [InlineData("Quý III, năm 2026", "2026-09-30")]
    [InlineData("Quý IV năm 2026", "2026-12-31")]
    [InlineData("trong Quý II năm 2026", "2026-06-30")]
    [InlineData("Hoàn thành trước ngày Quý IV/2026", "2026-12-31")]
    [InlineData("Thời gian hoàn thành: Quý IV, năm 2026", "2026-12-31")]
    [InlineData("hoàn thành trong Quý I/2026", "2026-03-31")]
    [InlineData("Hoàn thành trong Quý III/2026", "2026-09-30")]
    [InlineData("Quý 2/2026", "2026-06-30")]
    public void Quarter_is_due_on_the_last_day_of_the_quarter(string raw, string due)
    {
        AssertDeadline(DeadlineParser.Parse(raw, PlanYear), DeadlineKind.Quarter, due);
    }

    [Theory]
    [InlineData("Quý I", 2026, "2026-03-31")]
    [InlineData("Quý I", 2027, "2027-03-31")]
    [InlineData("trong Quý IV", 2026, "2026-12-31")]
    public void Quarter_without_year_uses_plan_year(string raw, int planYear, string due)
    {
        AssertDeadline(DeadlineParser.Parse(raw, planYear), DeadlineKind.Quarter, due);
    }

    [Fact]
    public void Year_written_in_the_cell_wins_over_plan_year()
    {
        AssertDeadline(DeadlineParser.Parse("Quý II/2026", 2025), DeadlineKind.Quarter, "2026-06-30");
    }

    // ---- Dates.

    [Theory]
    [InlineData("31/3/2026", "2026-03-31")]
    [InlineData("Trước ngày 30/4/2026.", "2026-04-30")]
    [InlineData("hoàn thành giao nhiệm vụ trước ngày 15/11/2026", "2026-11-15")]
    [InlineData("ngày 15 tháng 11 năm 2026", "2026-11-15")]
    [InlineData("trước ngày 05/01/2027", "2027-01-05")]
    [InlineData("31.12.2026", "2026-12-31")]
    [InlineData("31-12-2026", "2026-12-31")]
    public void Full_date_is_due_that_day(string raw, string due)
    {
        AssertDeadline(DeadlineParser.Parse(raw, PlanYear), DeadlineKind.Date, due);
    }

    [Theory]
    [InlineData("30/4", 2026, "2026-04-30")]
    [InlineData("Trước ngày 30/4", 2027, "2027-04-30")]
    [InlineData("ngày 15 tháng 11", 2026, "2026-11-15")]
    public void Date_without_year_uses_plan_year(string raw, int planYear, string due)
    {
        AssertDeadline(DeadlineParser.Parse(raw, planYear), DeadlineKind.Date, due);
    }

    // ---- Months.

    [Theory]
    [InlineData("Tháng 12/2026.", "2026-12-31")]
    [InlineData("Tháng 6/2026", "2026-06-30")]
    [InlineData("Tháng 6/2026.", "2026-06-30")]
    [InlineData("Tháng 01/2026", "2026-01-31")]
    [InlineData("Tháng 2/2026", "2026-02-28")]
    [InlineData("trong tháng 9 năm 2026", "2026-09-30")]
    public void Month_is_due_on_its_last_day(string raw, string due)
    {
        AssertDeadline(DeadlineParser.Parse(raw, PlanYear), DeadlineKind.Month, due);
    }

    [Fact]
    public void February_of_a_leap_year_ends_on_the_29th()
    {
        AssertDeadline(DeadlineParser.Parse("Tháng 2/2028", PlanYear), DeadlineKind.Month, "2028-02-29");
    }

    [Fact]
    public void Month_without_year_uses_plan_year()
    {
        AssertDeadline(DeadlineParser.Parse("Tháng 6", 2027), DeadlineKind.Month, "2027-06-30");
    }

    [Fact]
    public void Span_of_months_is_due_at_the_end_of_the_last_month()
    {
        AssertDeadline(DeadlineParser.Parse("Tháng 11 - 12/2026", PlanYear), DeadlineKind.Month, "2026-12-31");
    }

    [Fact]
    public void Span_of_quarters_is_due_at_the_end_of_the_last_quarter()
    {
        AssertDeadline(DeadlineParser.Parse("Quý III - Quý IV/2026", PlanYear), DeadlineKind.Quarter, "2026-12-31");
    }

    // ---- Years.

    [Theory]
    [InlineData("Trong năm 2026.")]
    [InlineData("Năm 2026")]
    [InlineData("hoàn thành trong năm 2026")]
    [InlineData("hoàn thành dứt điểm trong năm 2026")]
    public void Year_is_due_on_31_December(string raw)
    {
        AssertDeadline(DeadlineParser.Parse(raw, PlanYear), DeadlineKind.Year, "2026-12-31");
    }

    // ---- No end date.

    [Theory]
    [InlineData("Thường xuyên")]
    [InlineData("Thực hiện thường xuyên.")]
    [InlineData("Báo cáo hàng tháng")]
    [InlineData("Định kỳ hằng quý")]
    [InlineData("trước ngày 15 hàng tháng")]
    public void Rhythm_is_recurring_without_a_due_date(string raw)
    {
        AssertDeadline(DeadlineParser.Parse(raw, PlanYear), DeadlineKind.Recurring, null);
    }

    [Theory]
    [InlineData("Theo yêu cầu của Trung ương, thành phố")]
    [InlineData("Theo kế hoạch của tỉnh.")]
    [InlineData("Theo kế hoạch của Sở Khoa học và Công nghệ.")]
    [InlineData("Theo lộ trình và chỉ đạo của Trung ương, của tỉnh")]
    [InlineData("Theo tiến độ của Trung ương")]
    public void Deadline_set_by_an_upper_level_is_external_without_a_due_date(string raw)
    {
        AssertDeadline(DeadlineParser.Parse(raw, PlanYear), DeadlineKind.External, null);
    }

    [Theory]
    [InlineData("Sau khi có kinh phí")]
    [InlineData("Sau khi được phân bổ kinh phí")]
    [InlineData("Khi có yêu cầu")]
    public void Condition_without_a_period_is_external(string raw)
    {
        // The cell is not empty: the date depends on something outside the plan, so the officer
        // sees "vague" rather than "missing".
        AssertDeadline(DeadlineParser.Parse(raw, PlanYear), DeadlineKind.External, null);
    }

    [Theory]
    [InlineData("thời gian: Từ năm 2026", DeadlineKind.Recurring)]
    [InlineData("Thời gian thực hiện: Từ Quý II/2026 trở đi", DeadlineKind.Recurring)]
    [InlineData("Thời gian hoàn thành: Đã hoàn thành", DeadlineKind.Done)]
    [InlineData("Thời hạn: đã thực hiện xong", DeadlineKind.Done)]
    public void Leading_time_label_does_not_hide_an_open_start_or_done_work(string raw, DeadlineKind kind)
    {
        var deadline = DeadlineParser.Parse(raw, 2026);

        Assert.Equal(kind, deadline.Kind);
        Assert.Null(deadline.Due);
    }

    [Theory]
    [InlineData("Năm 2026 và các năm tiếp theo")]
    [InlineData("Thời gian thực hiện: Quý III/2026 và những năm tiếp theo")]
    public void A_period_carried_on_into_the_years_after_it_is_recurring(string raw)
    {
        AssertDeadline(DeadlineParser.Parse(raw, PlanYear), DeadlineKind.Recurring, null);
    }

    [Theory]
    [InlineData("Đã thực hiện")]
    [InlineData("Đã thực hiện xong")]
    [InlineData("Đã hoàn thành.")]
    public void Work_already_done_is_done(string raw)
    {
        AssertDeadline(DeadlineParser.Parse(raw, PlanYear), DeadlineKind.Done, null);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Blank_cell_has_no_deadline(string? raw)
    {
        Assert.Equal(Deadline.None, DeadlineParser.Parse(raw, PlanYear));
    }

    // ---- Nonsense must not throw and must not turn into some other date.

    [Theory]
    [InlineData("31/2/2026")]
    [InlineData("Quý V/2026")]
    [InlineData("Quý 5/2026")]
    [InlineData("Tháng 13/2026")]
    [InlineData("Tháng 0/2026")]
    [InlineData("32/12/2026")]
    [InlineData("0/0/0000")]
    [InlineData("Trước ngày 31/2")]
    public void Impossible_date_is_no_deadline(string raw)
    {
        var deadline = DeadlineParser.Parse(raw, PlanYear);

        Assert.Equal(DeadlineKind.None, deadline.Kind);
        Assert.Null(deadline.Due);
        Assert.Null(deadline.FinalDue);
    }

    [Fact]
    public void Impossible_date_next_to_a_real_one_keeps_the_real_one()
    {
        AssertDeadline(DeadlineParser.Parse("31/2/2026 hoặc 30/4/2026", PlanYear), DeadlineKind.Date, "2026-04-30");
    }

    [Theory]
    [InlineData("Quý II/99999999999999")]
    [InlineData("99999999999/12/2026")]
    [InlineData("Tháng 99999999999")]
    [InlineData("- : - :")]
    [InlineData("Thời gian hoàn thành: . Thời gian: .")]
    public void Garbage_does_not_throw(string raw)
    {
        var exception = Record.Exception(() => DeadlineParser.Parse(raw, PlanYear));

        Assert.Null(exception);
    }

    // ---- Several steps in one cell.

    [Fact]
    public void Bulleted_steps_become_milestones_each_due_at_the_end_of_its_period()
    {
        var deadline = DeadlineParser.Parse("- Phê duyệt: Tháng 01/2026 - Thực hiện 2026 và các năm tiếp theo", PlanYear);

        Assert.Equal(DeadlineKind.Milestones, deadline.Kind);
        Assert.Null(deadline.Due);
        Assert.Equal(
            [new Milestone("Phê duyệt", D("2026-01-31")), new Milestone("Thực hiện", D("2026-12-31"))],
            deadline.Milestones);
        Assert.Equal(D("2026-12-31"), deadline.FinalDue);
    }

    [Fact]
    public void Step_already_done_is_a_done_milestone_next_to_the_dated_one()
    {
        var deadline = DeadlineParser.Parse(
            "Thời gian hoàn thành rà soát: Đã thực hiện xong. Thời gian hoàn thành xây dựng phương án, kế hoạch bổ sung, nâng cấp: trong Quý II năm 2026.",
            PlanYear);

        Assert.Equal(DeadlineKind.Milestones, deadline.Kind);
        Assert.Null(deadline.Due);
        Assert.Equal(
            [
                new Milestone("rà soát", null, Done: true),
                new Milestone("xây dựng phương án, kế hoạch bổ sung, nâng cấp", D("2026-06-30")),
            ],
            deadline.Milestones);
        Assert.Equal(D("2026-06-30"), deadline.FinalDue);
    }

    [Fact]
    public void Periods_each_before_a_date_are_milestones()
    {
        var deadline = DeadlineParser.Parse("Trước 20/6/2026 và trước 15/12/2026", PlanYear);

        Assert.Equal(DeadlineKind.Milestones, deadline.Kind);
        Assert.Equal([D("2026-06-20"), D("2026-12-15")], deadline.Milestones.Select(m => m.Due!.Value));
    }

    [Fact]
    public void Labelled_steps_with_one_dated_step_are_one_milestone()
    {
        var deadline = DeadlineParser.Parse("Kế hoạch: Tháng 2/2026; cử đi học: theo kế hoạch của tỉnh", PlanYear);

        Assert.Equal(DeadlineKind.Milestones, deadline.Kind);
        Assert.Equal([new Milestone("Kế hoạch", D("2026-02-28"))], deadline.Milestones);
    }

    [Fact]
    public void Single_labelled_period_is_not_milestones()
    {
        AssertDeadline(DeadlineParser.Parse("Thời gian hoàn thành: Quý IV, năm 2026", PlanYear), DeadlineKind.Quarter, "2026-12-31");
    }

    [Fact]
    public void Final_due_of_a_single_period_is_its_due()
    {
        Assert.Equal(D("2026-09-30"), DeadlineParser.Parse("Quý III/2026", PlanYear).FinalDue);
    }

    [Fact]
    public void Decomposed_unicode_reads_like_composed()
    {
        var decomposed = "Quý III, năm 2026".Normalize(System.Text.NormalizationForm.FormD);

        AssertDeadline(DeadlineParser.Parse(decomposed, PlanYear), DeadlineKind.Quarter, "2026-09-30");
    }
}
