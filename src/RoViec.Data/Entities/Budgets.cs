namespace RoViec.Data.Entities;

/// <summary>Where a task's money comes from ("nguồn kinh phí"); stored as these keys, shown in Vietnamese by the Budgets feature.</summary>
public static class BudgetSources
{
    /// <summary>"Ngân sách xã".</summary>
    public const string Commune = "Commune";
    /// <summary>"Ngân sách tỉnh".</summary>
    public const string Province = "Province";
    /// <summary>"Xã hội hóa": money raised from businesses and people.</summary>
    public const string Socialised = "Socialised";
    /// <summary>"Khác".</summary>
    public const string Other = "Other";

    public static readonly IReadOnlyList<string> All = [Commune, Province, Socialised, Other];
}

/// <summary>The money allocated to a task from one source for the plan's year ("kinh phí được giao"), in VND.</summary>
public sealed class TaskBudgetLine : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid TaskId { get; set; }
    /// <summary>One of <see cref="BudgetSources"/>; one line per task and source.</summary>
    public required string Source { get; set; }
    public decimal Allocated { get; set; }
    public string? EnteredBy { get; set; }
    public DateTime EnteredAtUtc { get; set; }
    /// <summary>
    /// Optimistic concurrency: changed by every change of the allocation and by every disbursement recorded from this
    /// source, so two people recording at once cannot together pass the allocation.
    /// </summary>
    public Guid Version { get; set; }
}

/// <summary>Money paid out of a task's allocation from one source in one month ("giải ngân"), with the document it rests on.</summary>
public sealed class TaskDisbursement : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid TaskId { get; set; }
    /// <summary>One of <see cref="BudgetSources"/>: the task has a <see cref="TaskBudgetLine"/> for it.</summary>
    public required string Source { get; set; }
    public int Year { get; set; }
    /// <summary>1–12.</summary>
    public int Month { get; set; }
    public decimal Amount { get; set; }
    /// <summary>The document the payment rests on (number and date of the voucher or decision).</summary>
    public required string Basis { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>
/// A task that is an investment in an information system ("đầu tư hệ thống thông tin"), with the money of its
/// allocation set aside for information security; a task without this row is not one.
/// </summary>
public sealed class TaskInformationSystem : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid TaskId { get; set; }
    /// <summary>VND of the task's allocation for information security.</summary>
    public decimal SecurityAllocated { get; set; }
    public string? EnteredBy { get; set; }
    public DateTime EnteredAtUtc { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A commune's settings for budgets: the minimum share of an information system's money for its security.</summary>
public sealed class BudgetSettings : ICommuneOwned
{
    public const decimal DefaultSecurityThreshold = 15m;

    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    /// <summary>Percent (0–100): an information-system task whose security share is below it is flagged.</summary>
    public decimal SecurityThresholdPercent { get; set; } = DefaultSecurityThreshold;
    public string? EnteredBy { get; set; }
    public DateTime EnteredAtUtc { get; set; }
    public Guid Version { get; set; }
}
