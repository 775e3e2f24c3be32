namespace RoViec.Data.Entities;

/// <summary>Where a plan is in its life.</summary>
public static class PlanStatuses
{
    /// <summary>Imported, being reviewed and corrected; not yet the commune's plan.</summary>
    public const string Draft = "Draft";
    /// <summary>Confirmed: the commune's plan for its year.</summary>
    public const string Active = "Active";
    /// <summary>Replaced by a later plan; kept with its history.</summary>
    public const string Replaced = "Replaced";
}

/// <summary>A commune's plan for a year: a draft while it is reviewed, then confirmed.</summary>
public sealed class Plan : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    /// <summary>One of <see cref="PlanStatuses"/>.</summary>
    public string Status { get; set; } = PlanStatuses.Active;
    /// <summary>The uploaded file the plan was imported from, while it is kept.</summary>
    public Guid? UploadId { get; set; }
    public DateTime? ConfirmedAtUtc { get; set; }
    public string? ConfirmedBy { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public int Year { get; set; }
    public string? Number { get; set; }
    public string? Issuer { get; set; }
    /// <summary>The plan this one replaces; the earlier plan keeps its history.</summary>
    public Guid? ReplacesPlanId { get; set; }
    /// <summary>
    /// A plan in force beside the commune's work programme that reports in the programme's periods: its tasks and
    /// indicators are lines of the same unit reports (one report per unit per period, grouped by plan). Points to the
    /// first version of the programme's plan line (a replaced programme keeps its companions). Null: the plan has
    /// its own calendar (the programme itself, or a campaign reporting weekly).
    /// </summary>
    public Guid? ReportsWithPlanId { get; set; }
    /// <summary>How the plan's units report: one of <see cref="PlanRhythms"/>.</summary>
    public string Rhythm { get; set; } = PlanRhythms.Monthly;
    /// <summary>The field the plan serves (KHCN-ĐMST-CĐS, CCHC, Đề án 06, campaign…), as the officer names it; null when not said.</summary>
    public string? Field { get; set; }
    /// <summary>A campaign's first and last day (its weeks are laid out between them); null for a plan of the whole year.</summary>
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public required string SourceFileName { get; set; }
    /// <summary>
    /// The document's normalised text (tens of KB), kept in the plan's own row but loaded only when asked for
    /// (<c>Include(p =&gt; p.Source)</c> or <c>Select(p =&gt; p.Source!.Text)</c>): null on a plan read without it, so
    /// the home page and the scheduler, which read plans all the time, never carry the text.
    /// </summary>
    public required PlanSource? Source { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    /// <summary>
    /// While a draft: the officer's decision for each unit name the commune does not know (JSON, see the Plans
    /// feature's DraftUnits). Applied when the draft is confirmed; a draft never adds units to the commune itself.
    /// </summary>
    public string UnitChoices { get; set; } = "";
    public List<PlanTaskRow> Tasks { get; } = [];
    public List<IndicatorRow> Indicators { get; } = [];
}

/// <summary>
/// A plan's document text: the same row and column as the plan (table splitting, column "SourceText"), a separate entity
/// only so that reading a plan does not read its text.
/// </summary>
public sealed class PlanSource
{
    public Guid PlanId { get; set; }
    /// <summary>The document's normalised text; task spans point into it.</summary>
    public required string Text { get; set; }
}

/// <summary>How a plan's units report on it.</summary>
public static class PlanRhythms
{
    /// <summary>In the commune's monthly reports (and its quarterly and annual ones).</summary>
    public const string Monthly = "Monthly";
    /// <summary>A short form every week, for a campaign ("cập nhật hằng tuần"), besides the monthly report.</summary>
    public const string Weekly = "Weekly";
    /// <summary>Once a quarter, in the programme's report of the quarter's last month (and its quarterly and annual ones).</summary>
    public const string Quarterly = "Quarterly";
    /// <summary>Only when asked: in the programme's ad-hoc report requests ("báo cáo đột xuất"), not in the monthly ones.</summary>
    public const string AdHoc = "AdHoc";

    public static readonly IReadOnlyList<string> All = [Monthly, Quarterly, AdHoc, Weekly];

    /// <summary>Whether a plan of this rhythm reporting with the work programme has lines in a period of this kind and number.</summary>
    public static bool ReportsIn(string rhythm, string periodKind, int periodNumber) => rhythm switch
    {
        Quarterly => periodKind is "Quarterly" or "Annual" || (periodKind == "Monthly" && periodNumber % 3 == 0),
        AdHoc => periodKind == "AdHoc",
        _ => true,
    };
}

/// <summary>Where a task came from, besides the importer's own values ("Table", "List"…).</summary>
public static class TaskSources
{
    /// <summary>Carried over ("chuyển tiếp") from an unfinished task of last year's plan; <see cref="PlanTaskRow.ReplacesTaskId"/> names it.</summary>
    public const string CarriedOver = "CarriedOver";
    /// <summary>Proposed by a unit for next year ("đề xuất") and accepted by the standing office; a <see cref="ProposalItem"/> names it.</summary>
    public const string Proposed = "Proposed";
    /// <summary>Added to a plan in force by an amendment (<see cref="PlanAmendment"/>).</summary>
    public const string Amended = "Amended";
    /// <summary>Pushed down by the province office and accepted into the plan (<see cref="PushedTask"/>).</summary>
    public const string Pushed = "Pushed";
}

/// <summary>What an amendment of a plan in force did to one task.</summary>
public static class AmendmentKinds
{
    public const string Added = "Added";
    public const string Closed = "Closed";
}

/// <summary>
/// An amendment of a plan in force ("điều chỉnh kế hoạch"): a task added or closed, with the reason and the document that
/// decided it. The plan's history of amendments; a closed task keeps its reports and history.
/// </summary>
public sealed class PlanAmendment : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PlanId { get; set; }
    public Guid TaskId { get; set; }
    public required string Kind { get; set; }
    public required string Reason { get; set; }
    /// <summary>The document that decided it ("Quyết định số 12/QĐ-UBND ngày 05/6/2026").</summary>
    public required string Document { get; set; }
    /// <summary>The day it takes effect.</summary>
    public DateOnly EffectiveOn { get; set; }
    public string? By { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>A task of a plan as stored; its status is derived elsewhere, never stored.</summary>
public sealed class PlanTaskRow : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PlanId { get; set; }
    public int Order { get; set; }
    public required string Source { get; set; }
    public required string Section { get; set; }
    public string? Code { get; set; }
    public required string Name { get; set; }
    public Guid? LeadUnitId { get; set; }
    public string LeadAsWritten { get; set; } = "";
    public string SupportAsWritten { get; set; } = "";
    public string? Directing { get; set; }
    public string? Output { get; set; }
    public string? DeadlineRaw { get; set; }
    public required string DeadlineKind { get; set; }
    /// <summary>The day the task is due: the plan's, or the one the standing office approved moving it to (<see cref="DeadlineChangeRequest"/>).</summary>
    public DateOnly? DeadlineDue { get; set; }
    /// <summary>
    /// The plan's own due day, kept when the first change of deadline was approved (null: never moved, so
    /// <see cref="DeadlineDue"/> is the plan's). Cleared when the standing office retypes the deadline itself.
    /// </summary>
    public DateOnly? OriginalDeadlineDue { get; set; }
    public string? UpstreamSource { get; set; }
    /// <summary>The province's task this one localises, when the province pushed it down (<see cref="ProvinceTask"/>).</summary>
    public Guid? ProvinceTaskId { get; set; }
    /// <summary>
    /// The task's derived status (a <c>TaskHealth</c> name) as last stored — by the scheduler's daily look at the tasks and
    /// whenever the running period's figures are built (a report verified, corrected) — and the day it was derived for:
    /// what cross-commune pages read instead of deriving it from the plan's history. Null until first derived.
    /// </summary>
    public string? Health { get; set; }
    public DateOnly? HealthOn { get; set; }
    /// <summary>
    /// The task of the replaced plan this one continues, paired when the plan was replaced: its reports and history are
    /// this task's history too. A task of a replaced plan that no task continues has been superseded.
    /// </summary>
    public Guid? ReplacesTaskId { get; set; }
    /// <summary>
    /// The same work named in another plan in force (a Đề án 06 task in the work programme and in the Đề án 06 plan): that
    /// task's report line answers for this one too, so units report it once; this task has no line of its own.
    /// </summary>
    public Guid? SameAsTaskId { get; set; }
    /// <summary>The day an amendment stopped the task (<see cref="PlanAmendment"/>); null while it runs.</summary>
    public DateOnly? ClosedOn { get; set; }
    /// <summary>Who decides on the task's product when the plan says so.</summary>
    public string? DecisionAuthority { get; set; }
    /// <summary>A key task ("nhiệm vụ trọng tâm"), counted in the "share of key tasks on schedule" figure.</summary>
    public bool Priority { get; set; }
    /// <summary>Where each field came from in the source text, as JSON {"Lead":[start,length],…}; a corrected field loses its span.</summary>
    public string Spans { get; set; } = "{}";
    public int NameSpanStart { get; set; }
    public int NameSpanLength { get; set; }
    /// <summary>Optimistic concurrency: two people editing the same task get a conflict, not a silent overwrite.</summary>
    public Guid Version { get; set; }
}

/// <summary>An indicator of a plan with its target.</summary>
public sealed class IndicatorRow : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid PlanId { get; set; }
    public int Order { get; set; }
    public required string Section { get; set; }
    public required string Name { get; set; }
    public required string TargetRaw { get; set; }
    public required string TargetOp { get; set; }
    public decimal TargetValue { get; set; }
    public decimal? TargetValueMax { get; set; }
    public required string TargetUnit { get; set; }
    public int? BaselineYear { get; set; }
    public string? Owner { get; set; }
    /// <summary>The unit that owns the indicator and reports its value, once known.</summary>
    public Guid? OwnerUnitId { get; set; }
    public int SpanStart { get; set; }
    public int SpanLength { get; set; }
    /// <summary>How often the owner reports the value: one of <see cref="IndicatorRhythms"/>.</summary>
    public string Rhythm { get; set; } = IndicatorRhythms.Monthly;
    /// <summary>The province's common indicator this one is, with the province's definition (<see cref="ProvinceIndicator"/>).</summary>
    public Guid? ProvinceIndicatorId { get; set; }
    public Guid Version { get; set; }
}

/// <summary>How often an indicator's value is reported.</summary>
public static class IndicatorRhythms
{
    public const string Monthly = "Monthly";
    public const string Quarterly = "Quarterly";
    public const string Annual = "Annual";

    public static readonly IReadOnlyList<string> All = [Monthly, Quarterly, Annual];
}

/// <summary>Where a request to move a task's deadline is.</summary>
public static class DeadlineChangeStates
{
    /// <summary>Sent by the unit, waiting for the standing office; at most one per task.</summary>
    public const string Pending = "Pending";
    /// <summary>Approved: the task's deadline is the requested day.</summary>
    public const string Approved = "Approved";
    /// <summary>Refused with a reason; the deadline is unchanged.</summary>
    public const string Refused = "Refused";
}

/// <summary>
/// A lead unit's request to move a task's deadline ("đề nghị điều chỉnh thời hạn"), with its reason, and the standing
/// office's decision. Kept after the decision: the task's history of deadline changes.
/// </summary>
public sealed class DeadlineChangeRequest : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid TaskId { get; set; }
    /// <summary>The unit that asked: the task's lead unit when it asked.</summary>
    public Guid UnitId { get; set; }
    /// <summary>The task's deadline when the request was made.</summary>
    public DateOnly? CurrentDue { get; set; }
    public DateOnly RequestedDue { get; set; }
    public required string Reason { get; set; }
    public required string RequestedBy { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    /// <summary>One of <see cref="DeadlineChangeStates"/>.</summary>
    public string State { get; set; } = DeadlineChangeStates.Pending;
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    /// <summary>The standing office's comment: optional on approval, the reason on refusal.</summary>
    public string? DecisionComment { get; set; }
    /// <summary>Optimistic concurrency: two officers deciding the same request at once — one wins, the other is told.</summary>
    public Guid Version { get; set; }
}
