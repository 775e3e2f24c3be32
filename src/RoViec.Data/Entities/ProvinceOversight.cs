namespace RoViec.Data.Entities;

/// <summary>What a commune is in the administrative map: a commune ("xã"), a ward ("phường") or a special zone ("đặc khu").</summary>
public static class CommuneKinds
{
    public const string Commune = "Xa";
    public const string Ward = "Phuong";
    public const string SpecialZone = "DacKhu";

    public static readonly IReadOnlyList<string> All = [Commune, Ward, SpecialZone];
}

/// <summary>
/// One commune's figures for one of its reporting periods in plain columns: what the province office compares across its
/// communes and rolls up, without reading each commune's snapshot. Written with the period's snapshot (when a report is
/// verified or corrected, a month is scored or closed, the province accepts or sends back), never on a read.
/// </summary>
public sealed class CommunePeriodSummary : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    /// <summary>The commune's province when the row was written, so a province's rows are one index range.</summary>
    public Guid? ProvinceId { get; set; }
    public Guid PeriodId { get; set; }
    public Guid PlanId { get; set; }
    /// <summary>One of <see cref="PeriodKinds"/>.</summary>
    public required string Kind { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>The day the task statuses were derived for.</summary>
    public DateOnly AsOf { get; set; }
    public int ReportsExpected { get; set; }
    public int ReportsReceived { get; set; }
    /// <summary>Reports past their own due day; on-time is judged over these.</summary>
    public int ReportsDue { get; set; }
    public int ReportsOnTime { get; set; }
    public int Tasks { get; set; }
    public int TasksDone { get; set; }
    public int TasksAtRisk { get; set; }
    public int TasksOverdue { get; set; }
    public int KeyTasks { get; set; }
    public int KeyTasksOnSchedule { get; set; }
    public int Indicators { get; set; }
    public int IndicatorsJudged { get; set; }
    public int IndicatorsMet { get; set; }
    public decimal BudgetAllocated { get; set; }
    public decimal BudgetDisbursed { get; set; }
    /// <summary>Units scored in the period (0: not scored yet).</summary>
    public int UnitsScored { get; set; }
    /// <summary>The mean of the units' totals, when scored.</summary>
    public decimal? Score { get; set; }
    /// <summary>The class of <see cref="Score"/> by the commune's scheme's bands, when it has bands.</summary>
    public string? Band { get; set; }
    /// <summary>Where the period is on its way up (<see cref="ApprovalStates"/>), copied from <see cref="PeriodApproval"/>.</summary>
    public string Approval { get; set; } = ApprovalStates.None;
    public DateTime BuiltAtUtc { get; set; }
}

/// <summary>The levels a commune's period climbs: approved by its standing office, then accepted by the province office.</summary>
public static class ApprovalStates
{
    /// <summary>Not yet approved by the commune.</summary>
    public const string None = "None";
    /// <summary>Approved by the commune's standing office and sent up; waiting for the province office.</summary>
    public const string Approved = "Approved";
    /// <summary>Accepted by the province office: locked, it counts in the province's figures.</summary>
    public const string Accepted = "Accepted";
    /// <summary>Sent back by the province office with a reason; the commune fixes and approves again.</summary>
    public const string Returned = "Returned";

    public static readonly IReadOnlyList<string> All = [None, Approved, Accepted, Returned];
}

/// <summary>A commune's period on its way up to the province: who approved, accepted or sent it back, and why.</summary>
public sealed class PeriodApproval : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PeriodId { get; set; }
    /// <summary>One of <see cref="ApprovalStates"/>.</summary>
    public string State { get; set; } = ApprovalStates.None;
    public DateTime? ApprovedAtUtc { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime? AcceptedAtUtc { get; set; }
    public string? AcceptedBy { get; set; }
    public DateTime? ReturnedAtUtc { get; set; }
    public string? ReturnedBy { get; set; }
    public string? ReturnReason { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A task of the province's plan the province office pushes down to all or some of its communes.</summary>
public sealed class ProvinceTask
{
    public Guid Id { get; set; }
    public Guid ProvinceId { get; set; }
    /// <summary>The province's plan it comes from, as the communes cite it ("Kế hoạch số 139/KH-UBND ngày 15/4/2026 của UBND tỉnh").</summary>
    public required string Basis { get; set; }
    public string? Code { get; set; }
    public required string Name { get; set; }
    public string? Output { get; set; }
    /// <summary>The deadline as the province writes it ("Quý III/2026"), and its last day when it has one.</summary>
    public string? DeadlineRaw { get; set; }
    public DateOnly? DueOn { get; set; }
    /// <summary>A key task ("nhiệm vụ trọng tâm").</summary>
    public bool Priority { get; set; }
    public DateTime PublishedAtUtc { get; set; }
    public string? PublishedBy { get; set; }
    public Guid Version { get; set; }
}

/// <summary>What a commune does with what the province pushed down: pending, accepted into one of its plans, or declined with a reason.</summary>
public static class PushStates
{
    public const string Pending = "Pending";
    public const string Accepted = "Accepted";
    public const string Declined = "Declined";

    public static readonly IReadOnlyList<string> All = [Pending, Accepted, Declined];
}

/// <summary>A province task as one commune received it, and what the commune did with it.</summary>
public sealed class PushedTask : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid ProvinceTaskId { get; set; }
    /// <summary>One of <see cref="PushStates"/>.</summary>
    public string State { get; set; } = PushStates.Pending;
    public string? Reason { get; set; }
    /// <summary>The commune's task that localises it, once accepted.</summary>
    public Guid? LocalTaskId { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedBy { get; set; }
    public Guid Version { get; set; }
}

/// <summary>How the province rolls a common indicator up over its communes' accepted values.</summary>
public static class Aggregations
{
    /// <summary>The sum of the communes' values (households, records, trainees).</summary>
    public const string Sum = "Sum";
    /// <summary>The mean of the communes' values.</summary>
    public const string Mean = "Mean";
    /// <summary>The sum of the numerators over the sum of the denominators, in percent (a rate weighted by its base).</summary>
    public const string Ratio = "Ratio";
    /// <summary>How many communes meet the target.</summary>
    public const string Count = "Count";

    public static readonly IReadOnlyList<string> All = [Sum, Mean, Ratio, Count];
}

/// <summary>A common indicator the province office defines once for its communes, so their values are comparable.</summary>
public sealed class ProvinceIndicator
{
    public Guid Id { get; set; }
    public Guid ProvinceId { get; set; }
    public required string Name { get; set; }
    /// <summary>"%", "hộ", "hồ sơ"…</summary>
    public required string Unit { get; set; }
    /// <summary>The target as written ("≥ 80%"), its operator (">=", "<=", "=") and number.</summary>
    public required string TargetRaw { get; set; }
    public required string TargetOp { get; set; }
    public decimal TargetValue { get; set; }
    /// <summary>One of <see cref="IndicatorRhythms"/>.</summary>
    public string Rhythm { get; set; } = IndicatorRhythms.Monthly;
    /// <summary>What the numerator counts and what the denominator counts, for a rate.</summary>
    public string? Numerator { get; set; }
    public string? Denominator { get; set; }
    /// <summary>One of <see cref="Aggregations"/>.</summary>
    public required string Aggregation { get; set; }
    public DateTime PublishedAtUtc { get; set; }
    public string? PublishedBy { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A province's common indicator as one commune received it, and the commune's own indicator it became.</summary>
public sealed class PushedIndicator : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid ProvinceIndicatorId { get; set; }
    /// <summary>One of <see cref="PushStates"/>.</summary>
    public string State { get; set; } = PushStates.Pending;
    public string? Reason { get; set; }
    public Guid? LocalIndicatorId { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedBy { get; set; }
    public Guid Version { get; set; }
}

/// <summary>
/// One commune's value of a province's common indicator in one period, as the period's snapshot found it (the verified
/// value first): what the province rolls up, in plain columns.
/// </summary>
public sealed class CommuneIndicatorValue : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid? ProvinceId { get; set; }
    public Guid ProvinceIndicatorId { get; set; }
    public Guid PeriodId { get; set; }
    public required string Kind { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
    public decimal? Value { get; set; }
    public decimal? Numerator { get; set; }
    public decimal? Denominator { get; set; }
    public bool Verified { get; set; }
}
