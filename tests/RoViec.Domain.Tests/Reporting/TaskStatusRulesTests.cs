using RoViec.Domain.Deadlines;
using RoViec.Domain.Reporting;

namespace RoViec.Domain.Tests.Reporting;

/// <summary>
/// The derived status rules (README.md beside TaskStatusRules), one case at a time. Deadlines are read from the
/// cells the sample plans write, so each kind is tested as a real plan states it.
/// </summary>
public sealed class TaskStatusRulesTests
{
    private const int PlanYear = 2026;
    private static readonly DateOnly PlanStart = new(2026, 1, 1);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>The facts of a task whose deadline cell reads <paramref name="cell"/>.</summary>
    private static TaskFacts Task(string cell, DateOnly[]? dueDays = null, params ProgressReport[] reports)
    {
        var deadline = DeadlineParser.Parse(cell, PlanYear);
        return new TaskFacts(deadline.Kind, deadline.FinalDue, PlanStart, dueDays ?? [], reports);
    }

    private static ProgressReport InProgress(DateOnly on, int? percent = null, DateOnly? periodDue = null) => new(on, "InProgress", percent, null, periodDue);
    private static ProgressReport Done(DateOnly on, DateOnly? completed = null) => new(on, "Done", 100, completed);
    private static ProgressReport CannotDo(DateOnly on) => new(on, "CannotDo", null, null);
    private static ProgressReport NotStarted(DateOnly on, int? percent = null) => new(on, "NotStarted", percent, null);

    // ---- The deadline cells of the samples, and the kinds and due days the rules see.

    [Theory]
    [InlineData("31/3/2026", DeadlineKind.Date, "2026-03-31")]
    [InlineData("Tháng 12/2026", DeadlineKind.Month, "2026-12-31")]
    [InlineData("Quý II/2026", DeadlineKind.Quarter, "2026-06-30")]
    [InlineData("Năm 2026", DeadlineKind.Year, "2026-12-31")]
    [InlineData("- Phê duyệt: Tháng 01/2026 - Thực hiện: Quý III/2026", DeadlineKind.Milestones, "2026-09-30")]
    [InlineData("Thường xuyên", DeadlineKind.Recurring, null)]
    [InlineData("Theo kế hoạch của tỉnh", DeadlineKind.External, null)]
    [InlineData("Đã thực hiện", DeadlineKind.Done, null)]
    [InlineData("", DeadlineKind.None, null)]
    public void Sample_cells_give_the_kind_and_due_day_the_rules_use(string cell, DeadlineKind kind, string? due)
    {
        var facts = Task(cell);

        Assert.Equal(kind, facts.Kind);
        Assert.Equal(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), facts.Due);
    }

    [Theory]
    [InlineData(DeadlineKind.Date, true)]
    [InlineData(DeadlineKind.Month, true)]
    [InlineData(DeadlineKind.Quarter, true)]
    [InlineData(DeadlineKind.Year, true)]
    [InlineData(DeadlineKind.Milestones, true)]
    [InlineData(DeadlineKind.Recurring, false)]
    [InlineData(DeadlineKind.External, false)]
    [InlineData(DeadlineKind.Done, false)]
    [InlineData(DeadlineKind.None, false)]
    public void Only_kinds_that_name_a_day_are_dated(DeadlineKind kind, bool dated)
    {
        Assert.Equal(dated, TaskStatusRules.IsDated(kind));
    }

    // ---- Rule 1: "Đã thực hiện" in the plan.

    [Fact]
    public void Already_done_in_the_plan_stays_already_done_whatever_is_reported_or_missed()
    {
        var facts = Task("Đã thực hiện", [D(2026, 1, 20), D(2026, 2, 20), D(2026, 3, 20)], CannotDo(D(2026, 1, 10)));

        Assert.Equal(TaskHealth.AlreadyDone, TaskStatusRules.Derive(facts, D(2027, 6, 1)));
    }

    // ---- Rule 2: done on time or late, judged by the day it was completed.

    [Fact]
    public void Done_before_the_due_day_is_done_on_time()
    {
        var facts = Task("31/3/2026", null, InProgress(D(2026, 2, 15), 50), Done(D(2026, 3, 18), D(2026, 3, 16)));

        Assert.Equal(TaskHealth.DoneOnTime, TaskStatusRules.Derive(facts, D(2026, 5, 1)));
    }

    [Fact]
    public void Done_on_the_due_day_itself_is_on_time()
    {
        var facts = Task("31/3/2026", null, Done(D(2026, 3, 31), D(2026, 3, 31)));

        Assert.Equal(TaskHealth.DoneOnTime, TaskStatusRules.Derive(facts, D(2026, 4, 1)));
    }

    [Fact]
    public void Done_after_the_due_day_is_done_late()
    {
        var facts = Task("31/3/2026", null, Done(D(2026, 4, 18), D(2026, 4, 1)));

        Assert.Equal(TaskHealth.DoneLate, TaskStatusRules.Derive(facts, D(2026, 4, 20)));
    }

    [Fact]
    public void Reported_done_after_the_due_day_but_completed_before_it_is_on_time()
    {
        // The April report says the task was finished on 30 March: the report is late, the task was not.
        var facts = Task("31/3/2026", null, Done(D(2026, 4, 15), D(2026, 3, 30)));

        Assert.Equal(TaskHealth.DoneOnTime, TaskStatusRules.Derive(facts, D(2026, 4, 20)));
    }

    [Fact]
    public void Done_without_a_completion_day_is_judged_by_the_day_it_was_reported()
    {
        Assert.Equal(TaskHealth.DoneLate, TaskStatusRules.Derive(Task("31/3/2026", null, Done(D(2026, 4, 15))), D(2026, 4, 20)));
        Assert.Equal(TaskHealth.DoneOnTime, TaskStatusRules.Derive(Task("31/3/2026", null, Done(D(2026, 3, 20))), D(2026, 4, 20)));
    }

    [Theory]
    [InlineData("Tháng 12/2026", "2026-12-31", "2027-01-01")]
    [InlineData("Quý II/2026", "2026-06-30", "2026-07-01")]
    [InlineData("Năm 2026", "2026-12-31", "2027-01-01")]
    [InlineData("- Phê duyệt: Tháng 01/2026 - Thực hiện: Quý III/2026", "2026-09-30", "2026-10-01")]
    public void Each_dated_kind_is_on_time_up_to_its_last_day_and_late_after(string cell, string lastDay, string dayAfter)
    {
        var last = DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture);
        var after = DateOnly.Parse(dayAfter, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(TaskHealth.DoneOnTime, TaskStatusRules.Derive(Task(cell, null, Done(after.AddDays(10), last)), after.AddDays(20)));
        Assert.Equal(TaskHealth.DoneLate, TaskStatusRules.Derive(Task(cell, null, Done(after.AddDays(10), after)), after.AddDays(20)));
    }

    [Theory]
    [InlineData("Thường xuyên")]
    [InlineData("Theo kế hoạch của tỉnh")]
    [InlineData("")]
    public void Done_without_a_due_day_is_on_time(string cell)
    {
        var facts = Task(cell, null, Done(D(2027, 2, 1), D(2027, 1, 30)));

        Assert.Equal(TaskHealth.DoneOnTime, TaskStatusRules.Derive(facts, D(2027, 3, 1)));
    }

    // ---- Rule 3: cannot be done.

    [Fact]
    public void Reported_cannot_be_done_is_cannot_do_and_never_overdue()
    {
        var facts = Task("31/3/2026", null, InProgress(D(2026, 2, 10), 30), CannotDo(D(2026, 3, 10)));

        Assert.Equal(TaskHealth.CannotDo, TaskStatusRules.Derive(facts, D(2026, 3, 12)));
        Assert.Equal(TaskHealth.CannotDo, TaskStatusRules.Derive(facts, D(2026, 8, 1)));
    }

    // ---- Rule 4: overdue the day after the due day, not on it.

    [Fact]
    public void Dated_task_is_overdue_the_day_after_its_due_day_and_not_on_it()
    {
        var facts = Task("31/3/2026", null, InProgress(D(2026, 3, 15), 90));

        Assert.Equal(TaskHealth.OnTrack, TaskStatusRules.Derive(facts, D(2026, 3, 31)));
        Assert.Equal(TaskHealth.Overdue, TaskStatusRules.Derive(facts, D(2026, 4, 1)));
    }

    [Theory]
    [InlineData("Tháng 12/2026", "2026-12-31")]
    [InlineData("Quý II/2026", "2026-06-30")]
    [InlineData("Năm 2026", "2026-12-31")]
    [InlineData("- Phê duyệt: Tháng 01/2026 - Thực hiện: Quý III/2026", "2026-09-30")]
    public void Each_dated_kind_is_overdue_after_its_last_day(string cell, string lastDay)
    {
        var last = DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture);
        var facts = Task(cell, null, InProgress(last.AddDays(-5), 95));

        Assert.Equal(TaskHealth.OnTrack, TaskStatusRules.Derive(facts, last));
        Assert.Equal(TaskHealth.Overdue, TaskStatusRules.Derive(facts, last.AddDays(1)));
    }

    [Fact]
    public void A_task_never_reported_on_is_overdue_after_its_due_day_too()
    {
        Assert.Equal(TaskHealth.Overdue, TaskStatusRules.Derive(Task("Quý II/2026"), D(2026, 7, 1)));
    }

    [Fact]
    public void Overdue_comes_before_at_risk()
    {
        // Three periods without an update and nothing done: past the due day it is overdue, not merely at risk.
        var facts = Task("31/3/2026", [D(2026, 1, 20), D(2026, 2, 20), D(2026, 3, 20)]);

        Assert.Equal(TaskHealth.Overdue, TaskStatusRules.Derive(facts, D(2026, 4, 1)));
    }

    // ---- Rule 5: no update for two periods that expected one.

    [Fact]
    public void Two_passed_periods_without_a_report_make_a_task_at_risk()
    {
        var facts = Task("", [D(2026, 1, 20), D(2026, 2, 20)]);

        Assert.Equal(TaskHealth.AtRisk, TaskStatusRules.Derive(facts, D(2026, 2, 21)));
    }

    [Fact]
    public void One_passed_period_without_a_report_is_not_yet_at_risk()
    {
        var facts = Task("", [D(2026, 1, 20)]);

        Assert.Equal(TaskHealth.NotStarted, TaskStatusRules.Derive(facts, D(2026, 2, 21)));
    }

    [Fact]
    public void A_report_sent_before_its_period_due_day_answers_that_period()
    {
        // January's report came on 15/1, before January's due day (20/1); February's period passed without one.
        // That is one period without an update, not two.
        var january = InProgress(D(2026, 1, 15), 10, periodDue: D(2026, 1, 20));

        var oneMissed = Task("", [D(2026, 1, 20), D(2026, 2, 20)], january);
        var twoMissed = Task("", [D(2026, 1, 20), D(2026, 2, 20), D(2026, 3, 20)], january);

        Assert.Equal(TaskHealth.OnTrack, TaskStatusRules.Derive(oneMissed, D(2026, 2, 21)));
        Assert.Equal(TaskHealth.AtRisk, TaskStatusRules.Derive(twoMissed, D(2026, 3, 21)));
    }

    [Fact]
    public void A_late_report_answers_its_own_period_and_the_count_starts_after_it()
    {
        // January's report came late, on 22/1; February and March then passed without one.
        var january = InProgress(D(2026, 1, 22), 10, periodDue: D(2026, 1, 20));

        Assert.Equal(TaskHealth.OnTrack, TaskStatusRules.Derive(Task("", [D(2026, 1, 20), D(2026, 2, 20)], january), D(2026, 2, 21)));
        Assert.Equal(TaskHealth.AtRisk, TaskStatusRules.Derive(Task("", [D(2026, 1, 20), D(2026, 2, 20), D(2026, 3, 20)], january), D(2026, 3, 21)));
    }

    [Fact]
    public void A_recurring_task_without_updates_is_at_risk_though_never_overdue()
    {
        var facts = Task("Thường xuyên", [D(2026, 1, 20), D(2026, 2, 20)]);

        Assert.Equal(TaskHealth.AtRisk, TaskStatusRules.Derive(facts, D(2026, 2, 21)));
    }

    // ---- Rule 6: progress behind the time elapsed, by more than the margin.

    [Fact]
    public void Progress_trailing_time_by_exactly_the_margin_is_on_track_and_one_point_more_is_at_risk()
    {
        // 100 days from 1/1 to 11/4/2026; on 20/2 half of them have passed.
        var today = D(2026, 2, 20);
        Assert.Equal(25, TaskStatusRules.BehindMargin);

        Assert.Equal(TaskHealth.OnTrack, TaskStatusRules.Derive(Task("11/4/2026", null, InProgress(D(2026, 2, 15), 25)), today));
        Assert.Equal(TaskHealth.AtRisk, TaskStatusRules.Derive(Task("11/4/2026", null, InProgress(D(2026, 2, 15), 24)), today));
    }

    [Fact]
    public void Not_started_counts_as_no_progress_against_the_time_elapsed()
    {
        // 25 of 100 days passed on 26/1, 26 on 27/1.
        Assert.Equal(TaskHealth.NotStarted, TaskStatusRules.Derive(Task("11/4/2026"), D(2026, 1, 26)));
        Assert.Equal(TaskHealth.AtRisk, TaskStatusRules.Derive(Task("11/4/2026"), D(2026, 1, 27)));
        Assert.Equal(TaskHealth.AtRisk, TaskStatusRules.Derive(Task("11/4/2026", null, NotStarted(D(2026, 1, 20), 40)), D(2026, 1, 27)));
    }

    [Fact]
    public void In_progress_without_a_percentage_is_not_judged_behind()
    {
        var facts = Task("11/4/2026", null, InProgress(D(2026, 3, 15)));

        Assert.Equal(TaskHealth.OnTrack, TaskStatusRules.Derive(facts, D(2026, 4, 1)));
    }

    [Fact]
    public void Undated_tasks_are_never_behind_time()
    {
        Assert.Equal(TaskHealth.NotStarted, TaskStatusRules.Derive(Task(""), D(2026, 11, 30)));
        Assert.Equal(TaskHealth.Recurring, TaskStatusRules.Derive(Task("Thường xuyên"), D(2026, 11, 30)));
        Assert.Equal(TaskHealth.External, TaskStatusRules.Derive(Task("Theo kế hoạch của tỉnh"), D(2026, 11, 30)));
    }

    // ---- Rule 7: recurring and external tasks are never overdue.

    [Fact]
    public void Recurring_task_is_recurring_long_after_the_plan_year()
    {
        var facts = Task("Thường xuyên", [D(2026, 11, 20), D(2026, 12, 20)], InProgress(D(2026, 12, 18), 40, D(2026, 12, 20)));

        Assert.Equal(TaskHealth.Recurring, TaskStatusRules.Derive(facts, D(2027, 1, 5)));
    }

    [Fact]
    public void External_task_is_external_and_never_overdue()
    {
        var facts = Task("Theo kế hoạch của tỉnh", null, InProgress(D(2026, 12, 10), 10));

        Assert.Equal(TaskHealth.External, TaskStatusRules.Derive(facts, D(2027, 3, 1)));
    }

    // ---- Rule 8: otherwise on track once in progress, not started before.

    [Fact]
    public void Task_without_a_deadline_is_not_started_until_reported_in_progress()
    {
        Assert.Equal(TaskHealth.NotStarted, TaskStatusRules.Derive(Task("", null, NotStarted(D(2026, 1, 15))), D(2026, 1, 16)));
        Assert.Equal(TaskHealth.OnTrack, TaskStatusRules.Derive(Task("", null, InProgress(D(2026, 1, 15))), D(2026, 1, 16)));
    }

    [Fact]
    public void Dated_task_early_in_its_time_is_not_started_then_on_track()
    {
        Assert.Equal(TaskHealth.NotStarted, TaskStatusRules.Derive(Task("Năm 2026"), D(2026, 1, 10)));
        Assert.Equal(TaskHealth.OnTrack, TaskStatusRules.Derive(Task("Năm 2026", null, InProgress(D(2026, 1, 9), 5)), D(2026, 1, 10)));
    }

    // ---- The latest report decides.

    [Fact]
    public void A_later_report_overrides_an_earlier_done()
    {
        var facts = Task("Năm 2026", null, Done(D(2026, 3, 10), D(2026, 3, 9)), InProgress(D(2026, 4, 15), 80));

        Assert.Equal(TaskHealth.OnTrack, TaskStatusRules.Derive(facts, D(2026, 4, 20)));
    }

    [Fact]
    public void A_later_report_overrides_an_earlier_cannot_do()
    {
        var facts = Task("Năm 2026", null, CannotDo(D(2026, 3, 10)), InProgress(D(2026, 4, 15), 40));

        Assert.Equal(TaskHealth.OnTrack, TaskStatusRules.Derive(facts, D(2026, 4, 20)));
    }

    [Fact]
    public void A_later_done_overrides_earlier_progress_and_an_earlier_lag()
    {
        var lagging = Task("31/3/2026", null, InProgress(D(2026, 3, 1), 10));
        var finished = Task("31/3/2026", null, InProgress(D(2026, 3, 1), 10), Done(D(2026, 3, 28), D(2026, 3, 27)));

        Assert.Equal(TaskHealth.AtRisk, TaskStatusRules.Derive(lagging, D(2026, 3, 10)));
        Assert.Equal(TaskHealth.DoneOnTime, TaskStatusRules.Derive(finished, D(2026, 4, 10)));
    }

    // ---- An approved change of deadline ("đề nghị điều chỉnh thời hạn" granted by the standing office).

    /// <summary>The facts of a task whose plan says <paramref name="cell"/> and whose deadline was moved to <paramref name="approved"/>.</summary>
    private static TaskFacts Moved(string cell, DateOnly approved, params ProgressReport[] reports) =>
        Task(cell, null, reports) with { ApprovedDue = approved };

    [Fact]
    public void Done_after_the_plans_deadline_without_an_approved_change_is_late()
    {
        var facts = Task("31/3/2026", null, Done(D(2026, 4, 20), D(2026, 4, 18)));

        Assert.Null(facts.ApprovedDue);
        Assert.Equal(TaskHealth.DoneLate, TaskStatusRules.Derive(facts, D(2026, 5, 1)));
    }

    [Fact]
    public void Done_after_the_plans_deadline_but_before_the_approved_one_is_on_time()
    {
        var facts = Moved("31/3/2026", D(2026, 4, 30), Done(D(2026, 4, 20), D(2026, 4, 18)));

        Assert.Equal(TaskHealth.DoneOnTime, TaskStatusRules.Derive(facts, D(2026, 5, 1)));
    }

    [Fact]
    public void Done_after_the_approved_deadline_is_late()
    {
        var facts = Moved("31/3/2026", D(2026, 4, 30), Done(D(2026, 5, 5), D(2026, 5, 2)));

        Assert.Equal(TaskHealth.DoneLate, TaskStatusRules.Derive(facts, D(2026, 5, 6)));
    }

    [Fact]
    public void An_approved_later_deadline_is_not_overdue_until_the_day_after_it()
    {
        var facts = Moved("31/3/2026", D(2026, 4, 30), InProgress(D(2026, 3, 25), 80));

        Assert.Equal(TaskHealth.OnTrack, TaskStatusRules.Derive(facts, D(2026, 4, 15)));
        Assert.Equal(TaskHealth.OnTrack, TaskStatusRules.Derive(facts, D(2026, 4, 30)));
        Assert.Equal(TaskHealth.Overdue, TaskStatusRules.Derive(facts, D(2026, 5, 1)));
    }

    [Fact]
    public void An_approved_earlier_deadline_makes_the_task_overdue_sooner()
    {
        var facts = Moved("Quý II/2026", D(2026, 5, 15), InProgress(D(2026, 5, 1), 90));

        Assert.Equal(TaskHealth.Overdue, TaskStatusRules.Derive(facts, D(2026, 5, 16)));
    }

    [Fact]
    public void Progress_is_judged_against_the_time_to_the_approved_deadline()
    {
        // From 1/1 to 31/3 (89 days), on 1/3 about 66% of the time is spent: 30% is more than 25 points behind. Moved to
        // 31/12 (364 days), about 16% is spent: 30% is ahead.
        var planned = Task("31/3/2026", null, InProgress(D(2026, 2, 20), 30));
        var moved = Moved("31/3/2026", D(2026, 12, 31), InProgress(D(2026, 2, 20), 30));

        Assert.Equal(TaskHealth.AtRisk, TaskStatusRules.Derive(planned, D(2026, 3, 1)));
        Assert.Equal(TaskHealth.OnTrack, TaskStatusRules.Derive(moved, D(2026, 3, 1)));
    }

    [Fact]
    public void The_effective_due_day_is_the_approved_one_and_the_plans_stays_the_due_day()
    {
        var facts = Moved("31/3/2026", D(2026, 4, 30));

        Assert.Equal(D(2026, 3, 31), facts.Due);
        Assert.Equal(D(2026, 4, 30), facts.EffectiveDue);
        Assert.Equal(D(2026, 3, 31), Task("31/3/2026").EffectiveDue);
    }

    // ---- Open or closed: what keeps being reported.

    [Theory]
    [InlineData(TaskHealth.NotStarted, true)]
    [InlineData(TaskHealth.OnTrack, true)]
    [InlineData(TaskHealth.AtRisk, true)]
    [InlineData(TaskHealth.Overdue, true)]
    [InlineData(TaskHealth.Recurring, true)]
    [InlineData(TaskHealth.External, true)]
    [InlineData(TaskHealth.DoneOnTime, false)]
    [InlineData(TaskHealth.DoneLate, false)]
    [InlineData(TaskHealth.CannotDo, false)]
    [InlineData(TaskHealth.AlreadyDone, false)]
    public void Done_cannot_do_and_already_done_close_a_task(TaskHealth health, bool open)
    {
        Assert.Equal(open, TaskStatusRules.IsOpen(health));
    }
}
