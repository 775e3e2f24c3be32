using RoViec.Web.Features.Publishing;

namespace RoViec.Web.Features.Snapshots;

/// <summary>
/// A period's figures as a snapshot keeps them: what the dashboards, the official reports (DOCX, XLSX, exports)
/// and the public page all read, so that every number is the same everywhere for the same period.
/// </summary>
public sealed record PeriodFigures
{
    /// <summary>Bump when the shape changes: a snapshot of another shape is rebuilt on read.</summary>
    public const int CurrentShape = 1;

    public int Shape { get; init; } = CurrentShape;
    public required Guid PeriodId { get; init; }
    public required string Kind { get; init; }
    public required int Year { get; init; }
    public required int Number { get; init; }
    public required string Label { get; init; }
    /// <summary>The day task statuses are derived for: today while the period runs, its compile day once that passed.</summary>
    public required DateOnly AsOf { get; init; }
    /// <summary>The compiled report's figures (with default document settings; the download form overrides only the header and signer).</summary>
    public required MonthlyReport Report { get; init; }
}
