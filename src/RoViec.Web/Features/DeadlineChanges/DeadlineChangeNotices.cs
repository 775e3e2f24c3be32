using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Notifications;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Features.DeadlineChanges;

/// <summary>
/// Tells people of a request to move a task's deadline as it happens (kind <see cref="NoticeKinds.DeadlineChange"/>): the
/// commune's standing office when a unit asks, the unit's reporters and heads when the request is approved or refused.
/// Called after the request's own save; each notice is given once (<see cref="NoticeKeys"/>).
/// </summary>
public static class DeadlineChangeNotices
{
    public static async Task AskedAsync(RoViecDbContext db, DeadlineChangeRequest request, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var (task, unit) = await NamesAsync(db, request, ct);
        var people = await Recipients.LoadAsync(db, request.CommuneId, ct);
        var title = $"{unit} đề nghị điều chỉnh thời hạn nhiệm vụ {task}";
        var body = $"{unit} đề nghị điều chỉnh thời hạn nhiệm vụ {task} từ {DayText.Show(request.CurrentDue)} đến {DayText.Show(request.RequestedDue)}. Lý do: {request.Reason}";
        await Notices.SendManyAsync(db, [.. people.StandingOffice.Distinct().Select(user =>
            new NoticeDraft(user, NoticeKinds.DeadlineChange, NoticeKeys.DeadlineAsked(request.Id, user), title, body, $"/de-nghi-dieu-chinh-han/{request.Id}", request.CommuneId))], nowUtc, ct);
    }

    public static async Task DecidedAsync(RoViecDbContext db, DeadlineChangeRequest request, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var (task, _) = await NamesAsync(db, request, ct);
        var people = await Recipients.LoadAsync(db, request.CommuneId, ct);
        var approved = request.State == DeadlineChangeStates.Approved;
        var title = approved
            ? $"Đề nghị điều chỉnh thời hạn nhiệm vụ {task} đã được duyệt"
            : $"Đề nghị điều chỉnh thời hạn nhiệm vụ {task} bị từ chối";
        var comment = string.IsNullOrWhiteSpace(request.DecisionComment) ? "" : $" Ý kiến: {request.DecisionComment}";
        var body = approved
            ? $"Thời hạn của nhiệm vụ {task} nay là {DayText.Show(request.RequestedDue)} (trước là {DayText.Show(request.CurrentDue)}).{comment}"
            : $"Thời hạn của nhiệm vụ {task} giữ nguyên.{comment}";
        await Notices.SendManyAsync(db, [.. people.Reporters(request.UnitId).Concat(people.Heads(request.UnitId)).Distinct().Select(user =>
            new NoticeDraft(user, NoticeKinds.DeadlineChange, NoticeKeys.DeadlineDecided(request.Id, user), title, body, $"/nhiem-vu/{request.TaskId}#dieu-chinh-han", request.CommuneId))], nowUtc, ct);
    }

    /// <summary>The task as a notice names it ("1.2 “Name”", shortened) and the unit's name.</summary>
    private static async Task<(string Task, string Unit)> NamesAsync(RoViecDbContext db, DeadlineChangeRequest request, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking().Where(t => t.Id == request.TaskId).Select(t => new { t.Code, t.Name }).FirstAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == request.UnitId).Select(u => u.Name).FirstAsync(ct);
        var name = task.Name.Length > 120 ? task.Name[..117].TrimEnd() + "…" : task.Name;
        return ((task.Code is null ? "" : task.Code + " ") + "“" + name + "”", unit);
    }
}
