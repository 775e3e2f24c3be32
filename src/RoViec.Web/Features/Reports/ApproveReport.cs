using RoViec.Data;

using RoViec.Web.Features.Evaluation;

namespace RoViec.Web.Features.Reports;

/// <summary>The unit head approves the unit's submitted report (when the commune asks for approval): it goes on to the standing office.</summary>
public static class ApproveReport
{
    public static async Task<ReportOutcome> RunAsync(ReportDesk desk, Guid reportId, Guid? version, CancellationToken ct)
    {
        var (handle, refusal) = await desk.OpenAsync(reportId, track: true, ct);
        if (handle is null) return refusal!;
        if (!handle.IsHead) return new ReportOutcome.Forbidden("Chỉ trưởng đơn vị mới duyệt được báo cáo của đơn vị.");
        if (desk.HoldVersion(handle.Report, version) is { } stale) return stale;
        if (ReportFlow.Approve(handle.Report, handle.Scope.UserName, desk.NowUtc) is { } notNow)
        {
            desk.Db.ChangeTracker.Clear();
            return new ReportOutcome.Conflict(notNow);
        }
        // The follow-up (scores, snapshot, notices) is marked pending in the same transaction, done just after.
        var change = desk.Record(handle, PeriodChangeKind.Received, $"Trưởng đơn vị duyệt báo cáo của {handle.Unit.Name}");
        if (await desk.SaveAsync(ct) is { } conflict) return conflict;
        await desk.ChangedAsync(change, ct);
        return new ReportOutcome.Done("Đã duyệt; báo cáo đã chuyển tới cơ quan thường trực.");
    }
}
