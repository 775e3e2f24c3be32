using RoViec.Data;

using RoViec.Web.Features.Evaluation;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Reports;

/// <summary>
/// Sends a report back to the unit with comments: the standing office before verifying it (an overall comment
/// and one per line, shown beside the line), or the unit head before approving it. At least one comment
/// says what to fix; the comments stay in the report's history after the unit resubmits.
/// </summary>
public static class ReturnReport
{
    public const int MaxComment = 4000;

    public static async Task<ReportOutcome> RunAsync(ReportDesk desk, Guid reportId, Guid? version, string? comment, IReadOnlyDictionary<Guid, string> lineComments, bool byHead, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lineComments);
        var (handle, refusal) = await desk.OpenAsync(reportId, track: true, ct);
        if (handle is null) return refusal!;
        if (byHead ? !handle.IsHead : !handle.RunsReporting)
            return new ReportOutcome.Forbidden(byHead ? "Chỉ trưởng đơn vị mới trả lại được báo cáo chờ duyệt." : "Chỉ cơ quan thường trực mới trả lại được báo cáo.");
        if (desk.HoldVersion(handle.Report, version) is { } stale) return stale;

        var items = handle.Report.Items.ToDictionary(i => i.Id);
        var said = new Dictionary<Guid, string>();
        var errors = new List<FieldError>();
        foreach (var (id, text) in lineComments)
        {
            if (!items.ContainsKey(id)) return new ReportOutcome.BadRequest("Ý kiến gửi lên cho một dòng không thuộc báo cáo này; hãy tải lại trang.");
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (text.Trim().Length > MaxComment) errors.Add(new FieldError(id, "comment", new Sentence("Ý kiến dài quá {0:#,0.##} ký tự.", MaxComment)));
            else said[id] = text.Trim();
        }
        var overall = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (overall?.Length > MaxComment) errors.Add(new FieldError(null, "comment", new Sentence("Ý kiến chung dài quá {0:#,0.##} ký tự.", MaxComment)));
        if (overall is null && said.Count == 0 && errors.Count == 0)
            errors.Add(new FieldError(null, "comment", "Hãy ghi ý kiến chung hoặc ý kiến cho ít nhất một dòng, để đơn vị biết cần sửa gì."));
        if (errors.Count > 0) return new ReportOutcome.Invalid(errors);

        if (ReportFlow.Return(handle.Report, handle.Scope.UserName, desk.NowUtc, overall, said, byHead) is { } notNow)
        {
            desk.Db.ChangeTracker.Clear();
            return new ReportOutcome.Conflict(notNow);
        }
        // The follow-up (scores, snapshot, notices) is marked pending in the same transaction, done just after.
        var change = desk.Record(handle, PeriodChangeKind.Returned, $"Trả lại báo cáo của {handle.Unit.Name}");
        if (await desk.SaveAsync(ct) is { } conflict) return conflict;
        await desk.ChangedAsync(change, ct);
        return new ReportOutcome.Done("Đã trả lại báo cáo cho đơn vị kèm ý kiến.");
    }
}
