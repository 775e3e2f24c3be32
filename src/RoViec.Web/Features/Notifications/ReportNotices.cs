using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Evaluation;

namespace RoViec.Web.Features.Notifications;

/// <summary>
/// Tells people of a report's round trip the moment it happens, not at the scheduler's next run: the standing office
/// when a report reaches it (submitted, or approved by the unit head), the unit head when one awaits their approval,
/// the unit's reporters when it is returned (quoting the comment) and when it is verified. Keys are those of
/// <see cref="NoticeKeys"/>, so the scheduler's notice of the same return is not given twice.
/// </summary>
public sealed class ReportNotices(RoViecDbContext db, TimeProvider clock) : IPeriodChangeHandler
{
    public int Order => 20;

    public async Task HandleAsync(PeriodChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.UnitId is not { } unitId
            || change.Kind is not (PeriodChangeKind.Received or PeriodChangeKind.AwaitingApproval or PeriodChangeKind.Returned or PeriodChangeKind.Verified)) return;
        var report = await (from r in db.Reports.AsNoTracking()
                            join p in db.Periods.AsNoTracking() on r.PeriodId equals p.Id
                            join u in db.Units.AsNoTracking() on r.UnitId equals u.Id
                            where r.PeriodId == change.PeriodId && r.UnitId == unitId
                            select new { r.Id, r.SubmittedAtUtc, r.ReturnedAtUtc, r.ReturnComment, r.VerifiedAtUtc, r.ApprovedAtUtc, p.Label, Unit = u.Name })
            .FirstOrDefaultAsync(ct);
        if (report is null) return;
        var people = await Recipients.LoadUnitPeopleAsync(db, change.CommuneId, ct);
        var what = $"Báo cáo {report.Label} của {report.Unit}";
        var link = $"/bao-cao/{report.Id}";
        var drafts = new List<NoticeDraft>();
        void Tell(IEnumerable<Guid> users, Func<Guid, string> key, string title, string body)
        {
            foreach (var user in users.Distinct()) drafts.Add(new NoticeDraft(user, NoticeKinds.ReportFlow, key(user), title, body, link, change.CommuneId));
        }

        switch (change.Kind)
        {
            case PeriodChangeKind.Received when (report.ApprovedAtUtc ?? report.SubmittedAtUtc) is { } at:
                Tell(people.StandingOffice, user => NoticeKeys.Arrived(report.Id, at, user),
                    $"{what} đã gửi tới cơ quan thường trực", $"{what} đã được gửi và đang chờ xác minh.");
                break;
            case PeriodChangeKind.AwaitingApproval when report.SubmittedAtUtc is { } at:
                Tell(people.Heads(unitId), user => NoticeKeys.AwaitingApproval(report.Id, at, user),
                    $"{what} chờ đồng chí duyệt", $"{what} đã được cán bộ báo cáo gửi và đang chờ đồng chí duyệt trước khi tới cơ quan thường trực.");
                break;
            case PeriodChangeKind.Returned when report.ReturnedAtUtc is { } at:
                var comment = string.IsNullOrWhiteSpace(report.ReturnComment) ? "" : $" Ý kiến: {report.ReturnComment.Trim()}";
                Tell(people.Reporters(unitId), user => NoticeKeys.Returned(report.Id, at, user),
                    $"{what} bị trả lại", $"{what} đã được trả lại để đơn vị sửa và gửi lại.{comment}");
                break;
            case PeriodChangeKind.Verified when report.VerifiedAtUtc is { } at:
                Tell(people.Reporters(unitId).Concat(people.Heads(unitId)), user => NoticeKeys.Verified(report.Id, at, user),
                    $"{what} đã được xác minh", $"{what} đã được cơ quan thường trực xác minh.");
                break;
        }
        if (drafts.Count > 0) await Notices.SendManyAsync(db, drafts, clock.GetUtcNow().UtcDateTime, ct);
    }
}
