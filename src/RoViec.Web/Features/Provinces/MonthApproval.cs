using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Notifications;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Provinces;

/// <summary>The answer of <see cref="MonthApproval"/>: one of its nested records.</summary>
public abstract record ApprovalOutcome
{
    private ApprovalOutcome()
    {
    }

    public sealed record Done(Sentence Note) : ApprovalOutcome;

    public sealed record NotFound : ApprovalOutcome, IRefused
    {
        public Refusal Refusal => Refusal.NotFound;
        public string Message => "Không có kỳ báo cáo này, hoặc nó không thuộc phạm vi của bạn.";
    }

    public sealed record Forbidden(string Message) : ApprovalOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Forbidden;
    }

    public sealed record Invalid(Sentence Why) : ApprovalOutcome, IRefused
    {
        public Refusal Refusal => Refusal.BadRequest;
        public string Message => Why.ToString();
        public Sentence Text => Why;
    }

    public sealed record Conflict(Sentence Why) : ApprovalOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Conflict;
        public string Message => Why.ToString();
        public Sentence Text => Why;
    }
}

/// <summary>
/// The levels a commune's period climbs, as health information systems do it: the commune's standing office approves
/// it and sends it up (every report that reached it verified), the province office accepts it — locked from then on
/// (<see cref="Evaluation.AcceptedPeriods"/>) — or sends it back with a reason; the commune fixes and approves again.
/// Each step is recorded on the period's <see cref="PeriodApproval"/>, copied onto its summary row, and told to the
/// other side as a notice.
/// </summary>
public static class MonthApproval
{
    public const int MaxReason = 2000;

    /// <summary>The periods that climb: the months, the quarters and the year.</summary>
    public static bool Climbs(ReportingPeriod period) => Figures.PeriodSummaries.Kept(period.Kind);

    /// <summary>What the approval page shows of a period: null when there is no such period in the caller's communes or it does not climb.</summary>
    public sealed record Standing(ReportingPeriod Period, string CommuneName, PeriodApproval? Approval, CommunePeriodSummary? Summary, int Waiting)
    {
        public string State => Approval?.State ?? ApprovalStates.None;
    }

    public static async Task<Standing?> StandingAsync(RoViecDbContext db, Guid periodId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The commune boundary keeps other communes' periods out: another commune's period is not found.
        var period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null || !Climbs(period)) return null;
        var name = await db.Communes.AsNoTracking().Where(c => c.Id == period.CommuneId).Select(c => c.Name).SingleAsync(ct);
        var approval = await db.PeriodApprovals.AsNoTracking().FirstOrDefaultAsync(a => a.PeriodId == periodId, ct);
        var summary = await db.CommunePeriodSummaries.AsNoTracking().FirstOrDefaultAsync(s => s.PeriodId == periodId, ct);
        var waiting = await db.Reports.CountAsync(r => r.PeriodId == periodId && (r.State == ReportStates.Submitted || r.State == ReportStates.AwaitingApproval), ct);
        return new Standing(period, name, approval, summary, waiting);
    }

    /// <summary>The commune's standing office approves its period and sends it to the province.</summary>
    public static async Task<ApprovalOutcome> ApproveAsync(RoViecDbContext db, UserScope? scope, Guid periodId, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null || scope is null || !Climbs(period)) return new ApprovalOutcome.NotFound();
        if (!(scope.RunsReporting && scope.CommuneId == period.CommuneId))
            return new ApprovalOutcome.Forbidden("Chỉ cơ quan thường trực của xã mới duyệt và gửi số liệu lên tỉnh.");
        if (period.State == PeriodStates.Scheduled)
            return new ApprovalOutcome.Conflict(new Sentence("{0} chưa mở báo cáo nên chưa có số liệu để duyệt.", PeriodName.Of(period)));
        var waiting = await db.Reports.CountAsync(r => r.PeriodId == periodId && (r.State == ReportStates.Submitted || r.State == ReportStates.AwaitingApproval), ct);
        if (waiting > 0)
            return new ApprovalOutcome.Conflict(new Sentence("Còn {0} báo cáo chưa xác minh: hãy xác minh hoặc trả lại trước khi duyệt gửi tỉnh.", waiting));
        var row = await RowAsync(db, period, ct);
        if (row.State is ApprovalStates.Approved or ApprovalStates.Accepted)
            return new ApprovalOutcome.Conflict(new Sentence("{0} đã được duyệt gửi tỉnh.", PeriodName.Of(period)));
        row.State = ApprovalStates.Approved;
        row.ApprovedAtUtc = nowUtc;
        row.ApprovedBy = scope.UserName;
        row.Version = Guid.NewGuid();
        await SaveAsync(db, period, row, ct);
        var province = await db.Communes.AsNoTracking().Where(c => c.Id == period.CommuneId).Select(c => new { c.ProvinceId, c.Name }).SingleAsync(ct);
        var officeUsers = await (from u in db.Users
                                 join ur in db.UserRoles on u.Id equals ur.UserId
                                 join r in db.Roles on ur.RoleId equals r.Id
                                 where u.ProvinceId == province.ProvinceId && u.CommuneId == null && r.Name == Roles.ProvinceOffice
                                 select u.Id).ToListAsync(ct);
        await Notices.SendManyAsync(db, [.. officeUsers.Select(u => new NoticeDraft(u, NoticeKinds.ReportFlow, $"duyet-gui-tinh:{period.Id}:{nowUtc.Ticks}",
            $"Xã {province.Name} đã duyệt gửi số liệu {period.Label.ToLowerInvariant()}",
            $"Cơ quan thường trực xã {province.Name} đã duyệt và gửi số liệu {period.Label.ToLowerInvariant()}; đề nghị tỉnh tiếp nhận hoặc trả lại kèm lý do.",
            Link(period)))], nowUtc, ct);
        return new ApprovalOutcome.Done(new Sentence("Đã duyệt và gửi số liệu {0} lên tỉnh.", PeriodName.Of(period).MidSentence()));
    }

    /// <summary>The province office accepts a commune's approved period: locked from now on.</summary>
    public static Task<ApprovalOutcome> AcceptAsync(RoViecDbContext db, UserScope? scope, Guid periodId, DateTime nowUtc, CancellationToken ct) =>
        ProvinceStepAsync(db, scope, periodId, accept: true, null, nowUtc, ct);

    /// <summary>The province office sends a commune's period back with a reason (approved or already accepted).</summary>
    public static Task<ApprovalOutcome> ReturnAsync(RoViecDbContext db, UserScope? scope, Guid periodId, string? reason, DateTime nowUtc, CancellationToken ct) =>
        ProvinceStepAsync(db, scope, periodId, accept: false, reason, nowUtc, ct);

    private static async Task<ApprovalOutcome> ProvinceStepAsync(RoViecDbContext db, UserScope? scope, Guid periodId, bool accept, string? reason, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null || scope is null || !Climbs(period)) return new ApprovalOutcome.NotFound();
        var provinceId = await db.Communes.AsNoTracking().Where(c => c.Id == period.CommuneId).Select(c => c.ProvinceId).FirstOrDefaultAsync(ct);
        if (!(scope.IsProvinceLevel && scope.IsIn(Roles.ProvinceOffice) && provinceId == scope.ProvinceId))
            return new ApprovalOutcome.Forbidden("Chỉ Văn phòng Ban Chỉ đạo tỉnh mới tiếp nhận hoặc trả lại số liệu của xã.");
        var why = reason?.Trim();
        if (!accept && string.IsNullOrEmpty(why))
            return new ApprovalOutcome.Invalid(new Sentence("Hãy ghi lý do trả lại để xã biết cần sửa gì."));
        if (why is { Length: > MaxReason })
            return new ApprovalOutcome.Invalid(new Sentence("Lý do trả lại dài quá {0:#,0.##} ký tự.", MaxReason));
        var row = await RowAsync(db, period, ct);
        if (accept && row.State != ApprovalStates.Approved)
            return new ApprovalOutcome.Conflict(new Sentence("Chỉ tiếp nhận được số liệu xã đã duyệt gửi tỉnh; {0} đang ở trạng thái \"{1}\".", PeriodName.Of(period), (Sentence)ProvinceLabels.Approval(row.State)));
        if (!accept && row.State is not (ApprovalStates.Approved or ApprovalStates.Accepted))
            return new ApprovalOutcome.Conflict(new Sentence("Chỉ trả lại được số liệu xã đã duyệt gửi tỉnh; {0} đang ở trạng thái \"{1}\".", PeriodName.Of(period), (Sentence)ProvinceLabels.Approval(row.State)));
        if (accept)
        {
            row.State = ApprovalStates.Accepted;
            row.AcceptedAtUtc = nowUtc;
            row.AcceptedBy = scope.UserName;
        }
        else
        {
            row.State = ApprovalStates.Returned;
            row.ReturnedAtUtc = nowUtc;
            row.ReturnedBy = scope.UserName;
            row.ReturnReason = why;
            row.AcceptedAtUtc = null;
            row.AcceptedBy = null;
        }
        row.Version = Guid.NewGuid();
        await SaveAsync(db, period, row, ct);
        var office = (await Recipients.LoadAsync(db, period.CommuneId, ct)).StandingOffice;
        var label = period.Label.ToLowerInvariant();
        await Notices.SendManyAsync(db, [.. office.Select(u => new NoticeDraft(u, NoticeKinds.ReportFlow, $"tinh-{(accept ? "tiep-nhan" : "tra-lai")}:{period.Id}:{nowUtc.Ticks}",
            accept ? $"Tỉnh đã tiếp nhận số liệu {label}" : $"Tỉnh trả lại số liệu {label}",
            accept ? $"Văn phòng Ban Chỉ đạo tỉnh đã tiếp nhận số liệu {label}; số liệu đã khóa." : $"Văn phòng Ban Chỉ đạo tỉnh trả lại số liệu {label}: {why}",
            Link(period), period.CommuneId))], nowUtc, ct);
        return new ApprovalOutcome.Done(accept
            ? new Sentence("Đã tiếp nhận số liệu {0}; số liệu đã khóa.", PeriodName.Of(period).MidSentence())
            : new Sentence("Đã trả lại số liệu {0} cho xã kèm lý do.", PeriodName.Of(period).MidSentence()));
    }

    /// <summary>Withdraws a commune's approval that awaits the province, when the period's data changed after it (a correction, a scoring input).</summary>
    public static async Task WithdrawAsync(RoViecDbContext db, Guid periodId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var withdrawn = await db.PeriodApprovals.Where(a => a.PeriodId == periodId && a.State == ApprovalStates.Approved)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.State, ApprovalStates.None).SetProperty(a => a.Version, Guid.NewGuid()), ct);
        if (withdrawn > 0) await Figures.PeriodSummaries.CopyApprovalAsync(db, periodId, ApprovalStates.None, ct);
    }

    /// <summary>The approval page of a period.</summary>
    public static string Link(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return $"/ky-bao-cao/{period.Id}/gui-tinh?xa={period.CommuneId}";
    }

    private static async Task<PeriodApproval> RowAsync(RoViecDbContext db, ReportingPeriod period, CancellationToken ct)
    {
        var row = await db.PeriodApprovals.FirstOrDefaultAsync(a => a.PeriodId == period.Id, ct);
        if (row is not null) return row;
        row = new PeriodApproval { Id = Guid.NewGuid(), CommuneId = period.CommuneId, PeriodId = period.Id, State = ApprovalStates.None, Version = Guid.NewGuid() };
        db.PeriodApprovals.Add(row);
        return row;
    }

    private static async Task SaveAsync(RoViecDbContext db, ReportingPeriod period, PeriodApproval row, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await Figures.PeriodSummaries.CopyApprovalAsync(db, period.Id, row.State, ct);
    }
}
