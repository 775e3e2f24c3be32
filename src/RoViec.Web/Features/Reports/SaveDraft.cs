using RoViec.Data;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Reports;

/// <summary>
/// Saves what the unit's reporter has typed so far on the server (the autosave, or the "Lưu nháp" button):
/// the report stays a draft (or returned), incomplete values are kept, out-of-range ones refuse the whole
/// save with a message per field and nothing is saved.
/// </summary>
public static class SaveDraft
{
    public static async Task<(ReportOutcome Outcome, DateTime? SavedAtUtc, Guid? Version)> RunAsync(ReportDesk desk, Guid reportId, ReportInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (handle, refusal) = await desk.OpenAsync(reportId, track: true, ct);
        if (handle is null) return (refusal!, null, null);
        if (!handle.IsReporter) return (new ReportOutcome.Forbidden("Chỉ cán bộ báo cáo của đơn vị mới sửa được báo cáo này."), null, null);
        var report = handle.Report;
        if (!handle.Editable)
            return (new ReportOutcome.Conflict(new Sentence("Báo cáo đã ở trạng thái \"{0}\"; không sửa nháp được nữa.", (Sentence)ReportLabels.State(report.State))), null, null);
        if (handle.ClosedMessage(desk.Today) is { } closed) return (new ReportOutcome.Conflict(closed), null, null);
        if (desk.HoldVersion(report, input.Version) is { } stale) return (stale, null, null);

        var (errors, bad) = ReportDesk.Apply(handle, input);
        if (bad is not null || errors.Count > 0)
        {
            desk.Db.ChangeTracker.Clear();
            return (bad ?? new ReportOutcome.Invalid(errors), null, null);
        }
        var now = desk.NowUtc;
        desk.StampChangedLines(report);
        report.DraftSavedAtUtc = now;
        report.Version = Guid.NewGuid();
        if (await desk.SaveDraftAsync(ct) is { } conflict) return (conflict, null, null);
        return (new ReportOutcome.Done(new Sentence("Đã lưu nháp lúc {0}.", ReportValues.Clock(now))), now, report.Version);
    }
}
