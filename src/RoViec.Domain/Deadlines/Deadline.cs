namespace RoViec.Domain.Deadlines;

/// <summary>How a task's deadline ("thời hạn") is expressed in the plan.</summary>
public enum DeadlineKind
{
    None,
    Date,
    Month,
    Quarter,
    Year,
    /// <summary>"Thường xuyên", "Báo cáo hàng tháng": no end date, reported every period.</summary>
    Recurring,
    /// <summary>"Theo kế hoạch của tỉnh": set by an upper level, not by this plan.</summary>
    External,
    /// <summary>"Đã thực hiện": already done when the plan was written.</summary>
    Done,
    /// <summary>Several dated steps in one cell.</summary>
    Milestones,
}

public sealed record Milestone(string Label, DateOnly? Due, bool Done = false);

public sealed record Deadline(DeadlineKind Kind, DateOnly? Due, IReadOnlyList<Milestone> Milestones)
{
    public static readonly Deadline None = new(DeadlineKind.None, null, []);

    public static Deadline Of(DeadlineKind kind, DateOnly? due = null) => new(kind, due, []);

    /// <summary>The last date by which everything in this deadline is due, when there is one.</summary>
    public DateOnly? FinalDue => Kind == DeadlineKind.Milestones
        ? Milestones.Where(m => m.Due is not null).Select(m => m.Due).Max()
        : Due;
}
