using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Time;

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
public sealed record PeriodChange(Guid CommuneId, Guid PeriodId, Guid? UnitId, PeriodChangeKind Kind, string Reason, string? By)
{
    /// <summary>The row marking its follow-up as not done yet (<see cref="PeriodChanges.Record"/>), when there is one.</summary>
    public Guid? PendingId { get; init; }
}

/// <summary>Something that follows a period's data: scores are recomputed, snapshots rebuilt. Lower <see cref="Order"/> runs first.</summary>
public interface IPeriodChangeHandler
{
    int Order { get; }
    Task HandleAsync(PeriodChange change, CancellationToken ct);
}

/// <summary>
/// Tells every <see cref="IPeriodChangeHandler"/> that a period's data changed, after the change is saved, in order
/// (scores before the snapshot that shows them). A handler's failure is logged and does not undo the saved change.
/// The follow-up is crash-safe: <see cref="Record"/> adds a <see cref="PendingChange"/> row to the change's own unit of
/// work, so it is committed with the change or not at all; <see cref="RaiseAsync"/> deletes it once every handler has
/// done its part. A row left behind (the process died in between, or a handler failed) is done again by the scheduler
/// (<see cref="RunLeftAsync"/>) after <see cref="Grace"/>.
/// </summary>
public sealed partial class PeriodChanges(IEnumerable<IPeriodChangeHandler> handlers, RoViecDbContext db,
    [FromKeyedServices(AppClock.WallClock)] TimeProvider wallClock, IConfiguration configuration, ILogger<PeriodChanges> log)
{
    private readonly IReadOnlyList<IPeriodChangeHandler> ordered = [.. handlers.OrderBy(h => h.Order)];

    /// <summary>How long a recorded change is left to the request that made it before the scheduler takes it up.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    /// <summary>A change left behind is tried this many times by the scheduler, then left for the operator (logged).</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// Test-only: the follow-up of a change is not run after its commit, as when the process dies right there
    /// (<c>RoViec:Testing:SkipFollowUp</c>).
    /// </summary>
    public const string TestingSkipSetting = "RoViec:Testing:SkipFollowUp";

    /// <summary>Marks the change's follow-up as pending in the unit of work that saves the change; returns the change to raise once saved.</summary>
    public PeriodChange Record(PeriodChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var pending = new PendingChange
        {
            Id = Guid.NewGuid(),
            CommuneId = change.CommuneId,
            PeriodId = change.PeriodId,
            UnitId = change.UnitId,
            Kind = change.Kind.ToString(),
            Reason = change.Reason.Length > 4000 ? change.Reason[..4000] : change.Reason,
            By = change.By,
            RecordedAtUtc = wallClock.GetUtcNow().UtcDateTime,
        };
        db.PendingChanges.Add(pending);
        return change with { PendingId = pending.Id };
    }

    /// <summary>Runs the follow-up of a saved change, and clears its pending mark when every handler did its part.</summary>
    public Task RaiseAsync(PeriodChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (configuration.GetValue<bool>(TestingSkipSetting))
        {
            LogSkipped(log, change.PeriodId, change.Kind);
            return Task.CompletedTask;
        }
        return FollowUpAsync(change, ct);
    }

    /// <summary>Runs every handler; true when all did their part (the pending mark is then gone).</summary>
    private async Task<bool> FollowUpAsync(PeriodChange change, CancellationToken ct)
    {
        var failed = false;
        foreach (var handler in ordered)
        {
            try
            {
                await handler.HandleAsync(change, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed = true;
                LogFailed(log, e, handler.GetType().Name, change.PeriodId, change.Kind);
            }
        }
        // Done: the mark goes. A failure leaves it for the scheduler to try again.
        if (!failed && change.PendingId is { } id)
            await db.PendingChanges.Where(p => p.Id == id).ExecuteDeleteAsync(ct);
        return !failed;
    }

    /// <summary>
    /// The follow-ups left behind: recorded more than <see cref="Grace"/> ago, tried fewer than <see cref="MaxAttempts"/>
    /// times, oldest first (listed by the scheduler, whose unit of work sees every commune).
    /// </summary>
    public async Task<IReadOnlyList<PendingChange>> LeftAsync(CancellationToken ct)
    {
        var before = wallClock.GetUtcNow().UtcDateTime - Grace;
        return await db.PendingChanges.AsNoTracking()
            .Where(p => p.RecordedAtUtc <= before && p.Attempts < MaxAttempts)
            .OrderBy(p => p.RecordedAtUtc).Take(100).ToListAsync(ct);
    }

    /// <summary>Does the follow-ups of <see cref="LeftAsync"/>, each inside its commune's boundary; returns how many were done.</summary>
    public async Task<int> RunLeftAsync(IReadOnlyList<PendingChange> left, CommuneBoundary boundary, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(boundary);
        var done = 0;
        foreach (var row in left)
        {
            boundary.Enclose([row.CommuneId]);
            // Counted first: a change whose follow-up kills the process is not tried for ever.
            if (await db.PendingChanges.Where(p => p.Id == row.Id && p.Attempts == row.Attempts).ExecuteUpdateAsync(u => u.SetProperty(p => p.Attempts, row.Attempts + 1), ct) == 0)
                continue;
            if (row.Attempts + 1 == MaxAttempts) LogGivingUp(log, row.PeriodId, row.Kind, MaxAttempts);
            if (!Enum.TryParse<PeriodChangeKind>(row.Kind, out var kind)) continue;
            if (await FollowUpAsync(new PeriodChange(row.CommuneId, row.PeriodId, row.UnitId, kind, row.Reason, row.By) { PendingId = row.Id }, ct)) done++;
            db.ChangeTracker.Clear();
        }
        return done;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Handler} failed on {Kind} of period {PeriodId}")]
    private static partial void LogFailed(ILogger logger, Exception e, string handler, Guid periodId, PeriodChangeKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TESTING: the follow-up of {Kind} of period {PeriodId} is skipped (RoViec:Testing:SkipFollowUp)")]
    private static partial void LogSkipped(ILogger logger, Guid periodId, PeriodChangeKind kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "The follow-up of {Kind} of period {PeriodId} failed {MaxAttempts} times; it is left in PendingChanges for the operator")]
    private static partial void LogGivingUp(ILogger logger, Guid periodId, string kind, int maxAttempts);
}
