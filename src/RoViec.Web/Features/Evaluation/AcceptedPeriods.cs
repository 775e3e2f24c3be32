using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Evaluation;

/// <summary>
/// A period the province office has accepted is locked: its verified data, scores and scoring inputs no longer change
/// (the province sends it back first). The one check the use cases that change a period's data ask.
/// </summary>
public static class AcceptedPeriods
{
    /// <summary>Why the period's data cannot change, when the province has accepted it; null otherwise.</summary>
    public static async Task<Sentence?> LockedAsync(RoViecDbContext db, Guid periodId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var accepted = await db.PeriodApprovals.AsNoTracking().AnyAsync(a => a.PeriodId == periodId && a.State == ApprovalStates.Accepted, ct);
        if (!accepted) return null;
        var period = await db.Periods.AsNoTracking().Where(p => p.Id == periodId).Select(p => new { p.Kind, p.Number, p.Year, p.Label }).SingleAsync(ct);
        return new Sentence("Số liệu {0} đã được Văn phòng Ban Chỉ đạo tỉnh tiếp nhận nên đã khóa. Muốn đính chính, đề nghị tỉnh trả lại kỳ báo cáo này kèm lý do.",
            new PeriodName(period.Kind, period.Number, period.Year, period.Label).MidSentence());
    }
}
