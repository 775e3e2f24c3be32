using Microsoft.EntityFrameworkCore;
using RoViec.Data;

using RoViec.Web.Features.Evaluation;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Reports;

/// <summary>
/// Submits a unit's report in one step: every value posted with the form is set and the whole report is
/// checked (<see cref="LineRules"/>); any refusal answers 422 with a message per line and nothing is
/// saved. Otherwise the values, the new state, the submission time and the submitter are written in one
/// transaction — an interruption leaves all of it or none of it. A period that has closed refuses the
/// submission (409) unless the unit was granted a later day.
/// </summary>
public static partial class SubmitReport
{
    /// <summary>
    /// TEST ONLY. When set to a number of milliseconds, the submission waits that long inside its
    /// transaction after writing everything and before committing, so a test can kill the process there
    /// (tests/RoViec.Web.Tests/SubmissionCrashTests.cs). Unset — as everywhere but that test — it does nothing.
    /// </summary>
    public const string TestingPauseSetting = "RoViec:Testing:PauseInsideSubmitMs";

    /// <param name="pauseInsideTransaction">Zero everywhere but the crash test (<see cref="TestingPause"/>).</param>
    public static async Task<ReportOutcome> RunAsync(ReportDesk desk, Guid reportId, ReportInput input, TimeSpan pauseInsideTransaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(input);
        var (handle, refusal) = await desk.OpenAsync(reportId, track: true, ct);
        if (handle is null) return refusal!;
        if (!handle.IsReporter) return new ReportOutcome.Forbidden("Chỉ cán bộ báo cáo của đơn vị mới gửi được báo cáo này.");
        var report = handle.Report;
        var today = desk.Today;
        if (!handle.Editable)
            return new ReportOutcome.Conflict(new Sentence("Báo cáo đã ở trạng thái \"{0}\"; không gửi lại được.", (Sentence)ReportLabels.State(report.State)));
        if (handle.ClosedMessage(today) is { } closed) return new ReportOutcome.Conflict(closed);
        if (desk.HoldVersion(report, input.Version) is { } stale) return stale;

        var (errors, bad) = ReportDesk.Apply(handle, input);
        if (bad is null && errors.Count == 0)
        {
            errors.AddRange(Missing(handle, today));
        }
        if (bad is not null || errors.Count > 0)
        {
            desk.Db.ChangeTracker.Clear();
            return bad ?? new ReportOutcome.Invalid(errors);
        }

        var now = desk.NowUtc;
        desk.StampChangedLines(report);
        if (ReportFlow.Submit(report, handle.Scope.UserName, now, handle.RequireHeadApproval) is { } notNow)
        {
            desk.Db.ChangeTracker.Clear();
            return new ReportOutcome.Conflict(notNow);
        }
        // The follow-up (snapshot, notices) is marked pending in the same transaction, done just after.
        var change = desk.Record(handle, handle.RequireHeadApproval ? PeriodChangeKind.AwaitingApproval : PeriodChangeKind.Received, $"{handle.Unit.Name} gửi báo cáo");
        await using (var transaction = await desk.Db.Database.BeginTransactionAsync(ct))
        {
            if (await desk.SaveAsync(ct) is { } conflict) return conflict;
            if (pauseInsideTransaction > TimeSpan.Zero) await Task.Delay(pauseInsideTransaction, CancellationToken.None);
            await transaction.CommitAsync(ct);
        }
        await desk.ChangedAsync(change, ct);
        return new ReportOutcome.Done(handle.RequireHeadApproval
            ? "Đã gửi báo cáo; báo cáo đang chờ trưởng đơn vị duyệt."
            : "Đã gửi báo cáo tới cơ quan thường trực.");
    }

    /// <summary>What the report still lacks to be submitted on <paramref name="today"/>, a message per field (none when it is complete).</summary>
    public static IReadOnlyList<FieldError> Missing(ReportHandle handle, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return [.. handle.Report.Items.SelectMany(item => LineRules.CheckComplete(item, handle.IsRatio(item), today))];
    }

    /// <summary>The test-only pause the configuration asks for, logged as a warning whenever it is set; zero otherwise.</summary>
    public static TimeSpan TestingPause(IConfiguration configuration, ILogger log, Guid reportId)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!int.TryParse(configuration[TestingPauseSetting], System.Globalization.CultureInfo.InvariantCulture, out var pause) || pause <= 0) return TimeSpan.Zero;
        LogTestingPause(log, reportId, pause);
        return TimeSpan.FromMilliseconds(pause);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "TESTING: submission of report {ReportId} pauses {Pause} ms inside its transaction (RoViec:Testing:PauseInsideSubmitMs)")]
    private static partial void LogTestingPause(ILogger logger, Guid reportId, int pause);
}
