namespace RoViec.Data.Entities;

/// <summary>Where a unit's proposal for next year is.</summary>
public static class ProposalStates
{
    /// <summary>Being written by the unit (also after the standing office returned it).</summary>
    public const string Draft = "Draft";
    /// <summary>Sent to the standing office; read-only for the unit unless returned.</summary>
    public const string Submitted = "Submitted";
}

/// <summary>What a proposed item would become in next year's plan.</summary>
public static class ProposalItemKinds
{
    public const string Task = "Task";
    public const string Indicator = "Indicator";

    public static readonly IReadOnlyList<string> All = [Task, Indicator];
}

/// <summary>The standing office's decision on one proposed item.</summary>
public static class ProposalDecisions
{
    public const string Pending = "Pending";
    public const string Accepted = "Accepted";
    /// <summary>Declined with a reason (<see cref="ProposalItem.DeclineReason"/>).</summary>
    public const string Declined = "Declined";
}

/// <summary>
/// A unit's proposal for the commune's plan of <see cref="Year"/> ("đề xuất nhiệm vụ, chỉ tiêu năm sau"): its tasks,
/// indicators and the budget it asks for, due by the commune's day (<see cref="Commune.ProposalsDueMonth"/>, 30/11 by
/// default) of the year before. One per unit and year.
/// </summary>
public sealed class YearProposal : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid UnitId { get; set; }
    /// <summary>The year of the plan proposed for (the year after the one it is written in).</summary>
    public int Year { get; set; }
    /// <summary>One of <see cref="ProposalStates"/>.</summary>
    public string State { get; set; } = ProposalStates.Draft;
    /// <summary>The Vietnam day it was last submitted; late when after the commune's due day.</summary>
    public DateOnly? SubmittedOn { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public string? SubmittedBy { get; set; }
    /// <summary>When the standing office last returned it to the unit, and why.</summary>
    public DateTime? ReturnedAtUtc { get; set; }
    public string? ReturnNote { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>Optimistic concurrency: two saves of the same proposal at once — one wins, the other is told.</summary>
    public Guid Version { get; set; }
    public List<ProposalItem> Items { get; } = [];
}

/// <summary>One proposed task or indicator, with the standing office's decision and, once added, what it became.</summary>
public sealed class ProposalItem : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid ProposalId { get; set; }
    public int Order { get; set; }
    /// <summary>One of <see cref="ProposalItemKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>The task's content or the indicator's name.</summary>
    public required string Name { get; set; }
    /// <summary>A task's expected product ("sản phẩm").</summary>
    public string? Output { get; set; }
    /// <summary>An indicator's target as written ("tối thiểu 90%").</summary>
    public string? Target { get; set; }
    /// <summary>A task's proposed deadline as written ("Quý II/2027").</summary>
    public string? Deadline { get; set; }
    /// <summary>The budget proposed, in VND; null when none is asked.</summary>
    public decimal? Budget { get; set; }
    /// <summary>The unit's note or reason.</summary>
    public string? Note { get; set; }
    /// <summary>One of <see cref="ProposalDecisions"/>.</summary>
    public string Decision { get; set; } = ProposalDecisions.Pending;
    public string? DeclineReason { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    /// <summary>The task of next year's plan the item became (<see cref="TaskSources.Proposed"/>).</summary>
    public Guid? TaskId { get; set; }
    /// <summary>The indicator of next year's plan the item became.</summary>
    public Guid? IndicatorId { get; set; }
}
