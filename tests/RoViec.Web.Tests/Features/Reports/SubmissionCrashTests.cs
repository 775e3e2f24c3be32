using System.Net;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Web.Features.Reports;

namespace RoViec.Web.Tests;

/// <summary>
/// A submission interrupted halfway leaves all of it or none of it. The application runs as its own process
/// with the test-only pause <see cref="SubmitReport.TestingPauseSetting"/>: the submission writes every line,
/// the new state and the submitter inside its transaction, then waits; the test kills the process there.
/// The database then holds the report as it was before (a draft, none of the new values), and a normal
/// submission afterwards goes through.
/// </summary>
public sealed class SubmissionCrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 300_000)]
    public async Task Process_killed_inside_a_submission_leaves_the_report_as_it_was()
    {
        var directory = Path.Combine(Path.GetTempPath(), "roviec-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "roviec.db");
        try
        {
            Guid reportId;
            (string, string)[] fields;
            await using (var paused = await ReportsServedProcess.StartAsync(file, new Dictionary<string, string> { ["RoViec__Testing__PauseInsideSubmitMs"] = "120000" }))
            {
                await using (var db = ReportsServedProcess.Db(file))
                {
                    reportId = await ReportsArrange.ReportIdAsync(db, await ReportsArrange.OpenPeriodAsync(db, ReportsServedProcess.Clock));
                    fields = await ReportsArrange.CompleteFieldsAsync(db, reportId);
                }
                using var reporter = await paused.SignedInAsync("congan");
                var submission = reporter.PostReportAsync(reportId, "Submit", fields);

                Assert.True(await paused.WaitForOutputAsync("pauses 120000 ms inside its transaction", TimeSpan.FromSeconds(60)), paused.Output);
                await paused.KillAsync();
                await Assert.ThrowsAnyAsync<HttpRequestException>(() => submission);
            }

            await using (var db = ReportsServedProcess.Db(file))
            {
                var report = await db.Reports.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.Id == reportId, Ct);
                Assert.Equal(ReportStates.Draft, report.State);
                Assert.Null(report.SubmittedAtUtc);
                Assert.Null(report.FirstSubmittedAtUtc);
                Assert.Null(report.SubmittedBy);
                Assert.Null(report.Summary);
                Assert.All(report.Items, i => Assert.True(i.TaskStatus is null && i.Percent is null && i.WorkDone is null && i.Value is null && i.Numerator is null,
                    $"line {i.Order} kept a value of the interrupted submission"));
                Assert.False(await db.Audit.AnyAsync(a => a.Entity == nameof(UnitReport) && a.EntityId == reportId.ToString() && a.Action == "update", Ct));
            }

            // Started again without the pause, the same submission goes through whole.
            await using (var served = await ReportsServedProcess.StartAsync(file))
            {
                using var reporter = await served.SignedInAsync("congan");
                var response = await reporter.PostReportAsync(reportId, "Submit", fields);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            }
            await using (var db = ReportsServedProcess.Db(file))
            {
                var report = await db.Reports.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.Id == reportId, Ct);
                Assert.Equal(ReportStates.Submitted, report.State);
                Assert.Equal("congan", report.SubmittedBy);
                Assert.All(report.Items.Where(i => i.Kind == ReportItemKinds.Task), i => Assert.Equal((ReportedTaskStatuses.InProgress, 60), (i.TaskStatus!, i.Percent!.Value)));
                Assert.Equal("Đơn vị hoàn thành kế hoạch tháng.", report.Summary);
            }
        }
        finally
        {
            RoViecApp.ReleaseSqlite(ReportsServedProcess.Sqlite(file));
            Directory.Delete(directory, recursive: true);
        }
    }
}
