using RoViec.Data.Entities;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Reports;

/// <summary>
/// A report's round trip, each step guarding itself: Draft → (AwaitingApproval →) Submitted → Verified,
/// with Returned from the unit head or the standing office back to the unit, which fixes and resubmits.
/// Each step answers null when done, or why not (the state it found) when refused; nobody sets the state otherwise.
/// </summary>
public static class ReportFlow
{
    public static Sentence? Submit(UnitReport report, string by, DateTime nowUtc, bool requireHeadApproval)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.State is not (ReportStates.Draft or ReportStates.Returned)) return new Sentence("Báo cáo đang ở trạng thái \"{0}\" nên không thể gửi lúc này. Hãy tải lại trang để xem trạng thái mới nhất.", StateOf(report));
        report.State = requireHeadApproval ? ReportStates.AwaitingApproval : ReportStates.Submitted;
        report.SubmittedAtUtc = nowUtc;
        // On time is judged by the first submission, not by a resubmission after a return.
        report.FirstSubmittedAtUtc ??= nowUtc;
        report.SubmittedBy = by;
        if (requireHeadApproval)
        {
            report.ApprovedAtUtc = null;
            report.ApprovedBy = null;
        }
        // The comments of a return are answered by the resubmission; they stay in the history.
        report.ReturnComment = null;
        foreach (var item in report.Items.Where(i => i.ReturnComment is not null))
        {
            item.ReturnComment = null;
            item.Version = Guid.NewGuid();
        }
        report.Version = Guid.NewGuid();
        return null;
    }

    public static Sentence? Approve(UnitReport report, string by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.State != ReportStates.AwaitingApproval) return new Sentence("Báo cáo đang ở trạng thái \"{0}\" nên không thể duyệt lúc này. Hãy tải lại trang để xem trạng thái mới nhất.", StateOf(report));
        report.State = ReportStates.Submitted;
        report.ApprovedAtUtc = nowUtc;
        report.ApprovedBy = by;
        report.Version = Guid.NewGuid();
        return null;
    }

    /// <summary>Back to the unit with comments: by the unit head before approval, or by the standing office before verification.</summary>
    public static Sentence? Return(UnitReport report, string by, DateTime nowUtc, string? comment, IReadOnlyDictionary<Guid, string> lineComments, bool byHead)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(lineComments);
        if (report.State != (byHead ? ReportStates.AwaitingApproval : ReportStates.Submitted)) return new Sentence("Báo cáo đang ở trạng thái \"{0}\" nên không thể trả lại lúc này. Hãy tải lại trang để xem trạng thái mới nhất.", StateOf(report));
        report.State = ReportStates.Returned;
        report.ReturnedAtUtc = nowUtc;
        report.ReturnedBy = by;
        report.ReturnComment = comment;
        foreach (var item in report.Items)
        {
            var said = lineComments.GetValueOrDefault(item.Id);
            if (item.ReturnComment == said) continue;
            item.ReturnComment = said;
            item.Version = Guid.NewGuid();
        }
        report.Version = Guid.NewGuid();
        return null;
    }

    public static Sentence? Verify(UnitReport report, string by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.State != ReportStates.Submitted) return new Sentence("Báo cáo đang ở trạng thái \"{0}\" nên không thể xác minh lúc này. Hãy tải lại trang để xem trạng thái mới nhất.", StateOf(report));
        report.State = ReportStates.Verified;
        report.VerifiedAtUtc = nowUtc;
        report.VerifiedBy = by;
        report.Version = Guid.NewGuid();
        return null;
    }

    /// <summary>The state the step found, as a label the reader's language has.</summary>
    private static Sentence StateOf(UnitReport report) => ReportLabels.State(report.State);
}
