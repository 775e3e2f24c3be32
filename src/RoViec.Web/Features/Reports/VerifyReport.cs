using RoViec.Data;

using RoViec.Web.Features.Evaluation;

namespace RoViec.Web.Features.Reports;

/// <summary>The standing office verifies a submitted report: it is locked, and changes only through a recorded correction.</summary>
public static class VerifyReport
{
    public static async Task<ReportOutcome> RunAsync(ReportDesk desk, Guid reportId, Guid? version, CancellationToken ct)
    {
        var (handle, refusal) = await desk.OpenAsync(reportId, track: true, ct);
        if (handle is null) return refusal!;
        if (!handle.RunsReporting) return new ReportOutcome.Forbidden("Chỉ cơ quan thường trực mới xác minh được báo cáo.");
        if (desk.HoldVersion(handle.Report, version) is { } stale) return stale;
        if (ReportFlow.Verify(handle.Report, handle.Scope.UserName, desk.NowUtc) is { } notNow)
        {
            desk.Db.ChangeTracker.Clear();
            return new ReportOutcome.Conflict(notNow);
        }
        // The follow-up (scores, snapshot, notices) is marked pending in the same transaction, done just after.
        var change = desk.Record(handle, PeriodChangeKind.Verified, $"Xác minh báo cáo của {handle.Unit.Name}");
        if (await desk.SaveAsync(ct) is { } conflict) return conflict;
        await desk.ChangedAsync(change, ct);
        return new ReportOutcome.Done("Đã xác minh báo cáo; báo cáo đã được khóa.");
    }
}
