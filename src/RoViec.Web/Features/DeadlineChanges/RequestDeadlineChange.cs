using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Reporting;
using RoViec.Web.Features.Periods;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.DeadlineChanges;

/// <summary>
/// The task's lead unit (its reporter or head) asks the standing office to move the task's deadline: a new day and a
/// reason, both required; the day must differ from the task's deadline now. One request waits per task at a time; the
/// task's deadline does not change until the standing office approves (<see cref="DecideDeadlineChange"/>).
/// </summary>
public static class RequestDeadlineChange
{
    public const int MaxReason = 2000;

    /// <summary>The task as it now reads (not tracked); null if there is none the caller's commune boundary lets them read.</summary>
    public static Task<PlanTaskRow?> ReadTaskAsync(RoViecDbContext db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
    }

    /// <summary>Why the caller may not ask about this task now, without changing anything (the page asks before showing the form); null: they may.</summary>
    public static async Task<DeadlineChangeOutcome?> RefusalAsync(RoViecDbContext db, UserScope? caller, PlanTaskRow task, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(task);
        switch (CurrentUser.AccessTo(caller, task.CommuneId, task.LeadUnitId))
        {
            case ResourceAccess.None: return new DeadlineChangeOutcome.NotFound();
            case ResourceAccess.Forbidden: return new DeadlineChangeOutcome.Forbidden(NotLead);
        }
        if (!IsLeadUnitOf(caller, task)) return new DeadlineChangeOutcome.Forbidden(NotLead);
        if (!await db.Plans.AnyAsync(p => p.Id == task.PlanId && p.Status == PlanStatuses.Active, ct))
            return new DeadlineChangeOutcome.Conflict("Chỉ điều chỉnh được thời hạn của nhiệm vụ thuộc kế hoạch đang thực hiện.");
        if (await Plans.PlanQueries.ClosedYearAsync(db, task.PlanId, ct) is { } closed) return new DeadlineChangeOutcome.Conflict(closed);
        if (!HasDeadline(task))
            return new DeadlineChangeOutcome.Conflict("Nhiệm vụ này không có hạn cụ thể (thường xuyên, theo kế hoạch cấp trên hoặc chưa rõ) nên không có thời hạn để điều chỉnh; hãy liên hệ cơ quan thường trực.");
        var pending = await db.DeadlineChangeRequests.AsNoTracking()
            .Where(r => r.TaskId == task.Id && r.State == DeadlineChangeStates.Pending).Select(r => (DateOnly?)r.RequestedDue).FirstOrDefaultAsync(ct);
        if (pending is { } day) return AlreadyPending(day);
        return null;
    }

    /// <summary>Whether the caller is the reporter or head of the unit that leads the task.</summary>
    public static bool IsLeadUnitOf(UserScope? caller, PlanTaskRow task) =>
        caller is not null && task is not null && (caller.ReportsForUnit || caller.ApprovesForUnit)
        && caller.CommuneId == task.CommuneId && caller.UnitId is { } unit && unit == task.LeadUnitId;

    /// <summary>Whether the task names a day it is due, which is what a request moves.</summary>
    public static bool HasDeadline(PlanTaskRow task) =>
        task is not null && task.DeadlineDue is not null && Enum.TryParse<DeadlineKind>(task.DeadlineKind, out var kind) && TaskStatusRules.IsDated(kind);

    public static async Task<DeadlineChangeOutcome> RunAsync(RoViecDbContext db, UserScope? caller, Guid taskId, string? newDue, string? reason, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return new DeadlineChangeOutcome.NotFound();
        if (await RefusalAsync(db, caller, task, ct) is { } refused) return refused;

        var errors = new Dictionary<string, Sentence>(StringComparer.Ordinal);
        var unreadable = false;
        var day = default(DateOnly);
        if (string.IsNullOrWhiteSpace(newDue))
        {
            errors["NewDue"] = "Hãy nhập hạn mới đề nghị (dd/mm/yyyy).";
            unreadable = true;
        }
        else if (!DayText.TryParse(newDue, out day))
        {
            errors["NewDue"] = "Hạn mới phải là một ngày có thật, dạng dd/mm/yyyy, ví dụ 30/04/2026.";
            unreadable = true;
        }
        else if (day == task.DeadlineDue)
        {
            errors["NewDue"] = new Sentence("Hạn mới trùng với thời hạn hiện tại ({0}); hãy chọn một ngày khác.", DayText.Show(day));
        }
        var why = (reason ?? "").Trim();
        if (why.Length == 0)
        {
            errors["Reason"] = "Hãy ghi lý do đề nghị điều chỉnh thời hạn.";
            unreadable = true;
        }
        else if (why.Length > MaxReason)
        {
            errors["Reason"] = new Sentence("Lý do dài quá {0:#,0.##} ký tự.", MaxReason);
            unreadable = true;
        }
        if (errors.Count > 0) return new DeadlineChangeOutcome.Invalid(errors, unreadable ? Refusal.BadRequest : Refusal.Invalid);

        var request = new DeadlineChangeRequest
        {
            Id = Guid.NewGuid(),
            CommuneId = task.CommuneId,
            TaskId = task.Id,
            UnitId = task.LeadUnitId!.Value,
            CurrentDue = task.DeadlineDue,
            RequestedDue = day,
            Reason = why,
            RequestedBy = caller!.UserName,
            RequestedAtUtc = nowUtc,
            State = DeadlineChangeStates.Pending,
            Version = Guid.NewGuid(),
        };
        db.DeadlineChangeRequests.Add(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request for the task arrived between the check and the save: the unique index on pending ones refused this one.
            db.ChangeTracker.Clear();
            var pending = await db.DeadlineChangeRequests.AsNoTracking()
                .Where(r => r.TaskId == task.Id && r.State == DeadlineChangeStates.Pending).Select(r => (DateOnly?)r.RequestedDue).FirstOrDefaultAsync(ct);
            if (pending is { } waiting) return AlreadyPending(waiting);
            throw;
        }
        await DeadlineChangeNotices.AskedAsync(db, request, nowUtc, ct);
        return new DeadlineChangeOutcome.Done(request);
    }

    private static DeadlineChangeOutcome.Conflict AlreadyPending(DateOnly requested) =>
        new(new Sentence("Nhiệm vụ này đã có một đề nghị điều chỉnh thời hạn (đến {0}) đang chờ cơ quan thường trực duyệt; chưa gửi được đề nghị mới cho đến khi đề nghị đó được xử lý.", DayText.Show(requested)));

    private const string NotLead = "Chỉ cán bộ báo cáo hoặc thủ trưởng của đơn vị chủ trì nhiệm vụ mới đề nghị điều chỉnh thời hạn được.";
}
