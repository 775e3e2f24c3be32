using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Notifications;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Features.Proposals;

/// <summary>
/// Notices of the proposals for next year: the standing office when a unit submits, the unit's reporters when the
/// standing office returns it, and a reminder a week before the due day to the reporters of units that have not
/// submitted (<see cref="RemindersAsync"/>, from the scheduler). Each is given once (its key).
/// </summary>
public static class ProposalNotices
{
    /// <summary>How many days before the due day the reminder goes.</summary>
    public const int RemindDaysBefore = 7;

    public static async Task SubmittedAsync(RoViecDbContext db, YearProposal proposal, string unitName, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(proposal);
        var people = await Recipients.LoadAsync(db, proposal.CommuneId, ct);
        var title = $"{unitName} đã gửi đề xuất nhiệm vụ năm {proposal.Year}";
        var body = $"{unitName} đã gửi {proposal.Items.Count} nội dung đề xuất cho kế hoạch năm {proposal.Year} ngày {DayText.Show(proposal.SubmittedOn)}.";
        await Notices.SendManyAsync(db, [.. people.StandingOffice.Select(user => new NoticeDraft(user, NoticeKinds.ReportFlow,
            $"proposal-submitted:{proposal.Id:N}:{nowUtc.Ticks}:{user:N}", title, body, "/de-xuat-nam-sau/tong-hop", proposal.CommuneId))], nowUtc, ct);
    }

    public static async Task ReturnedAsync(RoViecDbContext db, YearProposal proposal, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(proposal);
        var people = await Recipients.LoadAsync(db, proposal.CommuneId, ct);
        var title = $"Đề xuất năm {proposal.Year} của đơn vị được trả lại để bổ sung";
        var body = $"Cơ quan thường trực trả lại đề xuất năm {proposal.Year}: {proposal.ReturnNote}";
        await Notices.SendManyAsync(db, [.. people.Reporters(proposal.UnitId).Distinct().Select(user => new NoticeDraft(user, NoticeKinds.ReportFlow,
            $"proposal-returned:{proposal.Id:N}:{nowUtc.Ticks}:{user:N}", title, body, "/de-xuat-nam-sau", proposal.CommuneId))], nowUtc, ct);
    }

    /// <summary>
    /// On the days from a week before the due day up to it, a reminder (kind due soon) to the reporters of each assignable
    /// unit of the commune whose proposal for next year is not submitted; once per unit, year and person.
    /// </summary>
    public static async Task<IReadOnlyList<NoticeDraft>> RemindersAsync(RoViecDbContext db, Guid communeId, Recipients people, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(people);
        var commune = await db.Communes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == communeId, ct);
        if (commune is null) return [];
        var year = ProposalCalendar.NextYear(today);
        var due = ProposalCalendar.DueOn(commune, year);
        if (today < due.AddDays(-RemindDaysBefore) || today > due || today < ProposalCalendar.OpensOn(year)) return [];
        var submitted = (await db.YearProposals.AsNoTracking().Where(p => p.CommuneId == communeId && p.Year == year && p.State == ProposalStates.Submitted)
            .Select(p => p.UnitId).ToListAsync(ct)).ToHashSet();
        var units = (await db.Units.AsNoTracking().Where(u => u.CommuneId == communeId).ToListAsync(ct))
            .Where(u => Plans.CommuneCatalog.IsAssignable(u) && !submitted.Contains(u.Id));
        var title = $"Sắp đến hạn gửi đề xuất nhiệm vụ năm {year}";
        var body = $"Hạn gửi đề xuất nhiệm vụ, chỉ tiêu và kinh phí năm {year} là ngày {DayText.Show(due)}; đơn vị chưa gửi đề xuất.";
        return [.. units.SelectMany(u => people.Reporters(u.Id).Distinct().Select(user => new NoticeDraft(user, NoticeKinds.DueSoon,
            $"proposal-due:{u.Id:N}:{year}:{user:N}", title, body, "/de-xuat-nam-sau", communeId)))];
    }
}
