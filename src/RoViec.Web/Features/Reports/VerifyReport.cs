using RoViec.Data;

namespace RoViec.Web.Features.Reports;

/// <summary>The standing office verifies a submitted report: it is locked, and changes only through a recorded correction.</summary>
public sealed class VerifyReport(RoViecDbContext db, ReportDesk desk)
{
    public async Task<ReportOutcome> RunAsync(HttpContext http, Guid reportId, Guid? version, CancellationToken ct)
    {
        var (handle, refusal) = await desk.OpenAsync(http, reportId, track: true, ct);
        if (handle is null) return refusal!;
        if (!handle.RunsReporting) return new ReportOutcome.Forbidden("Chỉ cơ quan thường trực mới xác minh được báo cáo.");
        if (desk.HoldVersion(handle.Report, version) is { } stale) return stale;
        if (ReportFlow.Verify(handle.Report, handle.Scope.UserName, desk.NowUtc) is { } notNow)
        {
            db.ChangeTracker.Clear();
            return new ReportOutcome.Conflict(notNow);
        }
        return await desk.SaveAsync(ct) ?? new ReportOutcome.Done("Đã xác minh báo cáo; báo cáo đã được khóa.");
    }
}
