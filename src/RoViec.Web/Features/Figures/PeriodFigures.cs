using RoViec.Domain.Reporting;

namespace RoViec.Web.Features.Figures;

/// <summary>
/// A period's figures as a snapshot keeps them: what the dashboards, the official reports (DOCX, XLSX, exports)
/// and the public page all read, so that every number is the same everywhere for the same period.
/// </summary>
public sealed record PeriodFigures
{
    /// <summary>Bump when the shape changes: a snapshot of another shape is rebuilt on read.</summary>
    public const int CurrentShape = 5;

    public int Shape { get; init; } = CurrentShape;

    /// <summary>The plans the figures cover, the period's own first, as its tasks are ordered (ADR 0009).</summary>
    public IReadOnlyList<Guid> PlansOf(Guid periodPlanId) =>
        [periodPlanId, .. Tasks.Select(t => t.PlanId).OfType<Guid>().Where(id => id != periodPlanId).Distinct()];
    public required Guid PeriodId { get; init; }
    public required string Kind { get; init; }
    public required int Year { get; init; }
    public required int Number { get; init; }
    public required string Label { get; init; }
    /// <summary>The day task statuses are derived for: today while the period runs, its compile day once that passed.</summary>
    public required DateOnly AsOf { get; init; }
    /// <summary>The compiled report's figures (with default document settings; the download form overrides only the header and signer).</summary>
    public required MonthlyReport Report { get; init; }
    /// <summary>Every task of the plan with its field, lead unit and derived status on <see cref="AsOf"/>: what member and unit views count from.</summary>
    public IReadOnlyList<TaskFigure> Tasks { get; init; } = [];
    /// <summary>Every indicator with the number reported in the period, for charts against the target.</summary>
    public IReadOnlyList<IndicatorFigure> Indicators { get; init; } = [];
    /// <summary>The units' scores of the month, best first (empty before the month is scored); for a quarter or the year, the average of the scored months.</summary>
    public IReadOnlyList<RankFigure> Ranking { get; init; } = [];
    /// <summary>Budget allocated and disbursed, where recorded (the latest entry of each unit up to the period).</summary>
    public decimal BudgetAllocated { get; init; }
    public decimal BudgetDisbursed { get; init; }

    /// <summary>Indicators with a judged result (a share against its target) and how many of them meet it.</summary>
    public int IndicatorsJudged => Indicators.Count(i => i.Met is not null);
    public int IndicatorsMet => Indicators.Count(i => i.Met == true);
    public decimal? BudgetShare => BudgetAllocated == 0 ? null : Math.Round(BudgetDisbursed * 100m / BudgetAllocated, 1);
}

/// <param name="Field">The plan's top-level section the task belongs to (its field: "3. Đẩy mạnh chuyển đổi số …").</param>
/// <param name="PlanId">The plan the task belongs to (a period covers the work programme and the plans reporting with it).</param>
public sealed record TaskFigure(Guid Id, string? Code, string Name, string Field, Guid? LeadUnitId, string Lead, TaskHealth Health, bool Priority, DateOnly? Due, Guid? PlanId = null);

/// <param name="Number">The value reported in the period: a percentage for a share, else the number itself; null when none reached the office.</param>
/// <param name="TargetValue">The target's number ("≥ 90 %" → 90), when the plan gives one.</param>
public sealed record IndicatorFigure(Guid Id, string Name, string Target, string TargetOp, decimal TargetValue, string Unit, decimal? Number, bool? Met, Guid? OwnerUnitId, Guid? PlanId = null);

public sealed record RankFigure(Guid UnitId, string Unit, int Rank, decimal Total, decimal HeadTotal, string Band);
