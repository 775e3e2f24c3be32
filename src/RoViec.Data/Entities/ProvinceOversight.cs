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
