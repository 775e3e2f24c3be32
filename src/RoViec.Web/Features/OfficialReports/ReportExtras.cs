using RoViec.Web.Shared.Charts;

namespace RoViec.Web.Features.OfficialReports;

/// <summary>What the official report adds to the compiled figures: the charts (as the dashboard draws them) and the units' scores.</summary>
/// <param name="StatusChart">Tasks by status (the dashboard's donut).</param>
/// <param name="IndicatorChart">Share indicators against their targets (the dashboard's bars), when there are any.</param>
/// <param name="Ranking">The units' scores, best first; empty when the period is not scored.</param>
/// <param name="Classes">The scheme's classes in words, for the note under the ranking.</param>
/// <param name="Averaged">The ranking is the average of the period's scored months (a quarter, the year).</param>
/// <param name="Tasks">Every task of the plan with its field, lead unit and status, for the results by field and the appendix.</param>
public sealed record ReportExtras(ChartImage? StatusChart, ChartImage? IndicatorChart, IReadOnlyList<ScoreRow> Ranking, string? Classes,
    IReadOnlyList<Figures.TaskFigure>? Tasks = null, bool Averaged = false);

public sealed record ScoreRow(int Rank, string Unit, decimal Total, decimal HeadTotal, string Band);
