using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Periods;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.DeadlineChanges;

/// <summary>
/// The standing office (the plan's managers: the roles that edit tasks) approves or refuses a waiting request to move a
/// task's deadline. Approval moves the task's deadline to the requested day in the same save and keeps the plan's own
/// deadline (<see cref="PlanTaskRow.OriginalDeadlineDue"/>, set at the first approved change), so the task's status is
/// judged against the new day from then on; a comment is optional. Refusal needs a reason and leaves the deadline as it was.
/// </summary>
public static class DecideDeadlineChange
{
    public const int MaxComment = 2000;

    /// <summary>Whether the caller decides requests of this commune: a plan manager of it.</summary>
    public static bool Decides(UserScope? caller, Guid communeId) =>
        caller is not null && caller.ManagesPlans && caller.CommuneId == communeId;

    public static async Task<DeadlineChangeOutcome> RunAsync(RoViecDbContext db, UserScope? caller, Guid requestId, bool approve, string? comment, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var request = await db.DeadlineChangeRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || CurrentUser.AccessTo(caller, request.CommuneId, request.UnitId) == ResourceAccess.None) return new DeadlineChangeOutcome.NotFound();
        if (!Decides(caller, request.CommuneId))
            return new DeadlineChangeOutcome.Forbidden("Chỉ cơ quan thường trực mới duyệt hoặc từ chối đề nghị điều chỉnh thời hạn.");
        if (request.State != DeadlineChangeStates.Pending) return Decided(request.State);

        var said = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (said?.Length > MaxComment)
            return Invalid(new Sentence("Ý kiến dài quá {0:#,0.##} ký tự.", MaxComment));
        if (!approve && said is null)
            return Invalid("Hãy ghi lý do từ chối, để đơn vị biết vì sao thời hạn không được điều chỉnh.");

        if (approve)
        {
            var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == request.TaskId, ct);
            if (task is null) return new DeadlineChangeOutcome.NotFound();
            if (!await db.Plans.AnyAsync(p => p.Id == task.PlanId && p.Status == PlanStatuses.Active, ct))
                return new DeadlineChangeOutcome.Conflict("Kế hoạch của nhiệm vụ này không còn đang thực hiện (đã được thay thế); không điều chỉnh thời hạn được nữa. Hãy từ chối đề nghị này kèm lý do.");
            if (!RequestDeadlineChange.HasDeadline(task))
                return new DeadlineChangeOutcome.Conflict("Thời hạn của nhiệm vụ vừa được sửa thành không có hạn cụ thể; không còn thời hạn để điều chỉnh. Hãy từ chối đề nghị này kèm lý do.");
            task.OriginalDeadlineDue ??= task.DeadlineDue;
            task.DeadlineDue = request.RequestedDue;
            task.Version = Guid.NewGuid();
        }
        request.State = approve ? DeadlineChangeStates.Approved : DeadlineChangeStates.Refused;
        request.DecidedBy = caller!.UserName;
        request.DecidedAtUtc = nowUtc;
        request.DecisionComment = said;
        request.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another officer decided it, or someone saved the task, between the read and this save: nothing was written.
            db.ChangeTracker.Clear();
            var now = await db.DeadlineChangeRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.State).FirstOrDefaultAsync(ct);
            return now is null ? new DeadlineChangeOutcome.NotFound()
                : now != DeadlineChangeStates.Pending ? Decided(now)
                : new DeadlineChangeOutcome.Conflict("Nhiệm vụ vừa được người khác sửa trong lúc bạn duyệt; chưa có gì được lưu. Hãy tải lại trang rồi duyệt lại.");
        }
        await DeadlineChangeNotices.DecidedAsync(db, request, nowUtc, ct);
        return new DeadlineChangeOutcome.Done(request);
    }

    private static DeadlineChangeOutcome.Invalid Invalid(Sentence message) =>
        new(new Dictionary<string, Sentence>(StringComparer.Ordinal) { ["Comment"] = message }, Refusal.BadRequest);

    private static DeadlineChangeOutcome.Conflict Decided(string state) =>
        new(state == DeadlineChangeStates.Approved
            ? "Đề nghị này đã được duyệt trước đó; không duyệt hay từ chối lại được."
            : "Đề nghị này đã bị từ chối trước đó; không duyệt hay từ chối lại được.");

    /// <summary>The state's name as the pages show it.</summary>
    public static string StateLabel(string state) => state switch
    {
        DeadlineChangeStates.Pending => "Chờ duyệt",
        DeadlineChangeStates.Approved => "Đã duyệt",
        DeadlineChangeStates.Refused => "Bị từ chối",
        _ => state,
    };

    /// <summary>A day as the forms show it (dd/MM/yyyy).</summary>
    public static string Day(DateOnly? day) => DayText.Show(day);
}
