namespace RoViec.Web.Features.Evaluation;

/// <summary>What happened to a period's data.</summary>
public enum PeriodChangeKind
{
    /// <summary>A report reached the standing office (submitted, or approved by the unit head).</summary>
    Received,
    /// <summary>A unit's reporter sent a report to the unit head for approval (it has not reached the standing office).</summary>
    AwaitingApproval,
    /// <summary>A report went back to its unit.</summary>
    Returned,
    /// <summary>The standing office verified a report.</summary>
    Verified,
    /// <summary>A verified line was corrected, with a recorded reason.</summary>
    Corrected,
    /// <summary>A scoring input (manual score, evidence, budget, allowance) or the scheme in force changed.</summary>
    ScoringInput,
}

/// <summary>A change of a period's data, after it was saved.</summary>
/// <param name="Reason">Why, as the change records it ("Xác minh báo cáo của Công an xã", or a correction's reason).</param>
/// <param name="By">Who made the change.</param>
public sealed record PeriodChange(Guid CommuneId, Guid PeriodId, Guid? UnitId, PeriodChangeKind Kind, string Reason, string? By);

/// <summary>Something that follows a period's data: scores are recomputed, snapshots rebuilt. Lower <see cref="Order"/> runs first.</summary>
public interface IPeriodChangeHandler
{
    int Order { get; }
    Task HandleAsync(PeriodChange change, CancellationToken ct);
}

/// <summary>
/// Tells every <see cref="IPeriodChangeHandler"/> that a period's data changed, after the change is saved, in order
/// (scores before the snapshot that shows them). A handler's failure is logged and does not undo the saved change;
/// what it keeps is then rebuilt on demand.
/// </summary>
public sealed partial class PeriodChanges(IEnumerable<IPeriodChangeHandler> handlers, ILogger<PeriodChanges> log)
{
    private readonly IReadOnlyList<IPeriodChangeHandler> ordered = [.. handlers.OrderBy(h => h.Order)];

    public async Task RaiseAsync(PeriodChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var handler in ordered)
        {
            try
            {
                await handler.HandleAsync(change, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e, handler.GetType().Name, change.PeriodId, change.Kind);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Handler} failed on {Kind} of period {PeriodId}")]
    private static partial void LogFailed(ILogger logger, Exception e, string handler, Guid periodId, PeriodChangeKind kind);
}
