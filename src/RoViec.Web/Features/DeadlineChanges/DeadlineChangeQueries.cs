using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.DeadlineChanges;

/// <summary>One request to move a task's deadline, as the pages list it.</summary>
public sealed record DeadlineChangeLine(
    Guid Id, Guid TaskId, string? TaskCode, string TaskName, string Unit, DateOnly? CurrentDue, DateOnly RequestedDue, string Reason,
    string RequestedBy, DateTime RequestedAtUtc, string State, string? DecidedBy, DateTime? DecidedAtUtc, string? DecisionComment);

/// <summary>A task's deadline as moved, and its requests, for the task's page.</summary>
/// <param name="OriginalDue">The plan's own deadline when the deadline was moved; null when it never was.</param>
/// <param name="Due">The task's deadline now.</param>
/// <param name="Lines">Every request on the task, newest first.</param>
/// <param name="CanRequest">The caller is the lead unit's reporter or head and may send a request now.</param>
/// <param name="CanDecide">The caller is the standing office of the task's commune.</param>
public sealed record TaskDeadlineChanges(Guid TaskId, DateOnly? OriginalDue, DateOnly? Due, IReadOnlyList<DeadlineChangeLine> Lines, bool CanRequest, bool CanDecide)
{
    public DeadlineChangeLine? Pending => Lines.FirstOrDefault(l => l.State == DeadlineChangeStates.Pending);

    /// <summary>The approved request that set the deadline now, when the deadline was moved and not retyped since.</summary>
    public DeadlineChangeLine? Standing => OriginalDue is null ? null
        : Lines.Where(l => l.State == DeadlineChangeStates.Approved && l.RequestedDue == Due).MaxBy(l => l.DecidedAtUtc);
}

/// <summary>Reads requests to move deadlines: a task's, and the ones waiting for the standing office.</summary>
public static class DeadlineChangeQueries
{
    public static async Task<TaskDeadlineChanges> ForTaskAsync(RoViecDbContext db, UserScope? caller, PlanTaskRow task, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(task);
        var lines = await Lines(db, db.DeadlineChangeRequests.Where(r => r.TaskId == task.Id)).ToListAsync(ct);
        var canRequest = RequestDeadlineChange.IsLeadUnitOf(caller, task) && await RequestDeadlineChange.RefusalAsync(db, caller, task, ct) is null;
        return new TaskDeadlineChanges(task.Id, task.OriginalDeadlineDue, task.DeadlineDue, [.. lines.OrderByDescending(l => l.RequestedAtUtc)],
            canRequest, DecideDeadlineChange.Decides(caller, task.CommuneId));
    }

    /// <summary>One request, or null when there is none the caller's commune boundary lets them read.</summary>
    public static Task<DeadlineChangeLine?> OneAsync(RoViecDbContext db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Lines(db, db.DeadlineChangeRequests.Where(r => r.Id == id)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The commune of a request, for checking the caller's access before showing it.</summary>
    public static Task<DeadlineChangeRequest?> RowAsync(RoViecDbContext db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.DeadlineChangeRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
    }

    /// <summary>The requests waiting for a decision in a commune, oldest first.</summary>
    public static async Task<IReadOnlyList<DeadlineChangeLine>> PendingAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lines = await Lines(db, db.DeadlineChangeRequests.Where(r => r.CommuneId == communeId && r.State == DeadlineChangeStates.Pending)).ToListAsync(ct);
        return [.. lines.OrderBy(l => l.RequestedAtUtc)];
    }

    /// <summary>How many requests wait for a decision in a commune.</summary>
    public static Task<int> PendingCountAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.DeadlineChangeRequests.CountAsync(r => r.CommuneId == communeId && r.State == DeadlineChangeStates.Pending, ct);
    }

    private static IQueryable<DeadlineChangeLine> Lines(RoViecDbContext db, IQueryable<DeadlineChangeRequest> requests) =>
        from r in requests.AsNoTracking()
        join t in db.Tasks.AsNoTracking() on r.TaskId equals t.Id
        join u in db.Units.AsNoTracking() on r.UnitId equals u.Id
        select new DeadlineChangeLine(r.Id, r.TaskId, t.Code, t.Name, u.Name, r.CurrentDue, r.RequestedDue, r.Reason, r.RequestedBy, r.RequestedAtUtc,
            r.State, r.DecidedBy, r.DecidedAtUtc, r.DecisionComment);
}
