using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Indicators;
using RoViec.Web.Features.Periods;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Proposals;

/// <summary>
/// The standing office's side: accept or decline each submitted item (a decline needs a reason), return a proposal to
/// its unit, put an accepted item into the plan of its year in force, and set the commune's due day.
/// </summary>
public static class DecideProposal
{
    public const int MaxReason = 2000;
    public const string TaskSection = "Nhiệm vụ do các đơn vị đề xuất";
    public const string IndicatorSection = "Chỉ tiêu do các đơn vị đề xuất";
    private const string NotOffice = "Chỉ cơ quan thường trực mới xem xét đề xuất của các đơn vị.";

    /// <summary>Whether the caller decides on the commune's proposals: its standing office (or administrator).</summary>
    public static bool Decides(UserScope? caller, Guid communeId) => caller is { ManagesPlans: true } && caller.CommuneId == communeId;

    public static async Task<ProposalOutcome> DecideAsync(RoViecDbContext db, UserScope? caller, Guid itemId, bool accept, string? reason, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (item, proposal, refused) = await ItemAsync(db, caller, itemId, ct);
        if (refused is not null) return refused;
        if (proposal!.State != ProposalStates.Submitted) return new ProposalOutcome.Conflict("Đề xuất này chưa được gửi (hoặc đã trả lại đơn vị); chỉ xem xét được đề xuất đã gửi.");
        if (item!.TaskId is not null || item.IndicatorId is not null) return new ProposalOutcome.Conflict("Nội dung này đã được đưa vào kế hoạch; không đổi quyết định được nữa.");
        var why = EditProposal.Text(reason);
        if (!accept && why is null) return new ProposalOutcome.Invalid(["Hãy ghi lý do không chấp nhận, để đơn vị biết vì sao."]);
        if (why?.Length > MaxReason) return new ProposalOutcome.Invalid([new Sentence("Lý do dài quá {0:#,0} ký tự.", MaxReason)]);
        item.Decision = accept ? ProposalDecisions.Accepted : ProposalDecisions.Declined;
        item.DeclineReason = accept ? null : why;
        item.DecidedBy = caller!.UserName;
        item.DecidedAtUtc = nowUtc;
        proposal.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return new ProposalOutcome.Done(accept ? "Đã chấp nhận nội dung đề xuất." : "Đã ghi không chấp nhận nội dung đề xuất.");
    }

    public static async Task<ProposalOutcome> ReturnAsync(RoViecDbContext db, UserScope? caller, Guid proposalId, string? note, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var proposal = await db.YearProposals.Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null || caller is null || (caller.CommuneId is { } own && own != proposal.CommuneId)) return new ProposalOutcome.NotFound();
        if (!Decides(caller, proposal.CommuneId)) return new ProposalOutcome.Forbidden(NotOffice);
        if (proposal.State != ProposalStates.Submitted) return new ProposalOutcome.Conflict("Đề xuất này chưa được gửi nên không có gì để trả lại.");
        if (proposal.Items.Any(i => i.TaskId is not null || i.IndicatorId is not null))
            return new ProposalOutcome.Conflict("Đã có nội dung của đề xuất này được đưa vào kế hoạch; không trả lại được nữa.");
        var why = EditProposal.Text(note);
        if (why is null) return new ProposalOutcome.Invalid(["Hãy ghi lý do trả lại, để đơn vị biết cần bổ sung gì."]);
        if (why.Length > MaxReason) return new ProposalOutcome.Invalid([new Sentence("Lý do dài quá {0:#,0} ký tự.", MaxReason)]);
        proposal.State = ProposalStates.Draft;
        proposal.ReturnedAtUtc = nowUtc;
        proposal.ReturnNote = why;
        proposal.Version = Guid.NewGuid();
        // The unit sends it again as a whole: earlier decisions were on what it no longer says.
        foreach (var item in proposal.Items)
        {
            item.Decision = ProposalDecisions.Pending;
            item.DeclineReason = null;
            item.DecidedBy = null;
            item.DecidedAtUtc = null;
        }
        await db.SaveChangesAsync(ct);
        await ProposalNotices.ReturnedAsync(db, proposal, nowUtc, ct);
        return new ProposalOutcome.Done("Đã trả lại đề xuất cho đơn vị.");
    }

    /// <summary>
    /// An accepted item becomes a line of the work programme of its year in force: a task led by the unit (name, product,
    /// the deadline as proposed — read as the importer reads one; unreadable, it stays without a due day and the "6 rõ"
    /// check shows it), or an indicator owned by the unit when its target reads as one. The open period asks about it at once.
    /// </summary>
    public static async Task<ProposalOutcome> AddToPlanAsync(RoViecDbContext db, UserScope? caller, Guid itemId, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (item, proposal, refused) = await ItemAsync(db, caller, itemId, ct);
        if (refused is not null) return refused;
        if (item!.Decision != ProposalDecisions.Accepted || proposal!.State != ProposalStates.Submitted)
            return new ProposalOutcome.Conflict("Chỉ nội dung đã được chấp nhận mới đưa vào kế hoạch được.");
        if (item.TaskId is not null || item.IndicatorId is not null) return new ProposalOutcome.Conflict("Nội dung này đã được đưa vào kế hoạch.");
        var plan = await ProposalQueries.PlanInForceAsync(db, proposal.CommuneId, proposal.Year, ct);
        if (plan is null)
            return new ProposalOutcome.Conflict(new Sentence("Xã chưa có kế hoạch năm {0} đang thực hiện; nội dung đã chấp nhận chờ kế hoạch năm {0}.", proposal.Year));
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == proposal.UnitId, ct);
        if (item.Kind == ProposalItemKinds.Task)
        {
            var deadline = DeadlineParser.Parse(item.Deadline, plan.Year);
            var order = await PlanDrafts.NextOrderAsync(db, plan.Id, ct);
            var task = new PlanTaskRow
            {
                Id = Guid.NewGuid(),
                CommuneId = plan.CommuneId,
                PlanId = plan.Id,
                Order = order,
                Source = TaskSources.Proposed,
                Section = TaskSection,
                Name = item.Name,
                LeadUnitId = unit.Id,
                LeadAsWritten = unit.Name,
                Output = item.Output,
                DeadlineRaw = item.Deadline,
                DeadlineKind = deadline.Kind.ToString(),
                DeadlineDue = deadline.FinalDue,
                Version = Guid.NewGuid(),
            };
            db.Tasks.Add(task);
            item.TaskId = task.Id;
        }
        else
        {
            var target = item.Target is null ? null : TargetParser.Parse(item.Target);
            if (target is null)
                return new ProposalOutcome.Conflict(new Sentence("Không đọc được mức cần đạt “{0}” thành một chỉ tiêu; hãy thêm chỉ tiêu này vào kế hoạch trên trang kế hoạch.", item.Target ?? ""));
            var order = (await db.Indicators.Where(i => i.PlanId == plan.Id).MaxAsync(i => (int?)i.Order, ct) ?? 0) + 1;
            var indicator = new IndicatorRow
            {
                Id = Guid.NewGuid(),
                CommuneId = plan.CommuneId,
                PlanId = plan.Id,
                Order = order,
                Section = IndicatorSection,
                Name = item.Name,
                TargetRaw = item.Target!,
                TargetOp = target.OpSymbol,
                TargetValue = target.Value,
                TargetValueMax = target.ValueMax,
                TargetUnit = IndicatorTargets.UnitCode(target),
                BaselineYear = target.BaselineYear,
                Owner = unit.Name,
                OwnerUnitId = unit.Id,
                Version = Guid.NewGuid(),
            };
            db.Indicators.Add(indicator);
            item.IndicatorId = indicator.Id;
        }
        proposal.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        // The period open now asks the unit about the new line at once (reports still being written get it).
        var periods = await db.Periods.Where(p => p.PlanId == plan.Id && p.State == PeriodStates.Open).ToListAsync(ct);
        foreach (var period in periods) await OpenPeriod.OpenAsync(db, period, nowUtc, ct);
        return new ProposalOutcome.Done(new Sentence("Đã đưa nội dung vào kế hoạch năm {0}.", plan.Year));
    }

    /// <summary>The commune's due day for proposals, "dd/mm" (any year: the day recurs).</summary>
    public static async Task<ProposalOutcome> SetDueAsync(RoViecDbContext db, UserScope? caller, string? due, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (caller?.CommuneId is not { } communeId || !Decides(caller, communeId)) return new ProposalOutcome.Forbidden(NotOffice);
        var text = EditProposal.Text(due);
        var parts = text?.Split('/', StringSplitOptions.TrimEntries) ?? [];
        // A day every year has (in a common year), in the last quarter: proposals are asked for from October.
        if (parts.Length != 2 || !int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var day) || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var month)
            || month is < ProposalCalendar.OpenMonth or > 12 || day < 1 || day > DateTime.DaysInMonth(2023, month))
            return new ProposalOutcome.Invalid(["Hạn gửi đề xuất phải là một ngày từ tháng 10 đến tháng 12, dạng ngày/tháng, ví dụ 30/11."]);
        var commune = await db.Communes.FirstOrDefaultAsync(c => c.Id == communeId, ct);
        if (commune is null) return new ProposalOutcome.NotFound();
        commune.ProposalsDueDay = day;
        commune.ProposalsDueMonth = month;
        await db.SaveChangesAsync(ct);
        return new ProposalOutcome.Done(new Sentence("Hạn gửi đề xuất năm sau nay là ngày {0}/{1} hằng năm.", day.ToString("00", System.Globalization.CultureInfo.InvariantCulture), month.ToString("00", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static async Task<(ProposalItem? Item, YearProposal? Proposal, ProposalOutcome? Refused)> ItemAsync(RoViecDbContext db, UserScope? caller, Guid itemId, CancellationToken ct)
    {
        var item = await db.ProposalItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null || caller is null || (caller.CommuneId is { } own && own != item.CommuneId)) return (null, null, new ProposalOutcome.NotFound());
        if (!Decides(caller, item.CommuneId)) return (null, null, new ProposalOutcome.Forbidden(NotOffice));
        var proposal = await db.YearProposals.FirstAsync(p => p.Id == item.ProposalId, ct);
        return (item, proposal, null);
    }
}
