using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Periods;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Proposals;

/// <summary>
/// What the landing page says about next year's proposals while they are asked for (from 1 October): a unit's reporter
/// that the unit's proposal is not sent yet, with its due day; the standing office how many units sent theirs and how
/// many items wait for its decision.
/// </summary>
public static class ProposalToDo
{
    public static async Task<IReadOnlyList<(Sentence Text, string Link)>> ForAsync(RoViecDbContext db, UserScope? scope, Guid communeId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var year = ProposalCalendar.NextYear(today);
        if (scope is null || scope.CommuneId != communeId || today < ProposalCalendar.OpensOn(year)) return [];
        var commune = await db.Communes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == communeId, ct);
        if (commune is null) return [];
        var due = ProposalCalendar.DueOn(commune, year);
        var items = new List<(Sentence, string)>();
        if (scope.ReportsForUnit && scope.UnitId is { } unit)
        {
            var state = await db.YearProposals.AsNoTracking().Where(p => p.UnitId == unit && p.Year == year).Select(p => p.State).FirstOrDefaultAsync(ct);
            if (state != ProposalStates.Submitted)
                items.Add((new Sentence("Đề xuất nhiệm vụ, chỉ tiêu năm {0} của đơn vị chưa gửi: hạn {1}.", year, DayText.Show(due)), "/de-xuat-nam-sau"));
        }
        if (DecideProposal.Decides(scope, communeId))
        {
            var submitted = await db.YearProposals.AsNoTracking().Where(p => p.CommuneId == communeId && p.Year == year && p.State == ProposalStates.Submitted).Select(p => p.Id).ToListAsync(ct);
            if (submitted.Count > 0)
            {
                var pending = await db.ProposalItems.CountAsync(i => submitted.Contains(i.ProposalId) && i.Decision == ProposalDecisions.Pending, ct);
                items.Add((new Sentence("{0} đơn vị đã gửi đề xuất năm {1}; {2} nội dung chờ xem xét.", submitted.Count, year, pending), "/de-xuat-nam-sau/tong-hop"));
            }
        }
        return items;
    }
}
