using System.Net;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// Issue 17: a draft autosaved while the reporter types writes no audit rows (at 3,300 communes they would be most of
/// the audit table); the steps of the round trip (submit, return, verify, correct) are recorded as before and the
/// report's history still shows them.
/// </summary>
public sealed class ReportsDraftAuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Autosaving_a_draft_writes_no_audit_rows_and_submitting_it_does(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var period = await app.OpenPeriodAsync();
        var reportId = await app.ReportIdAsync(period);
        var task = (await app.LinesAsync(reportId)).First(l => l.Kind == ReportItemKinds.Task).Id;
        using var reporter = await app.ClientAsync("congan");
        var before = await app.WithDbAsync(db => db.Audit.CountAsync(Ct));

        foreach (var percent in new[] { "10", "20", "30" })
            Assert.Equal(HttpStatusCode.OK, (await reporter.AutosaveAsync(reportId, ($"line[{task}].percent", percent), ($"line[{task}].work", "Đang khảo sát " + percent))).StatusCode);
        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "Draft", ($"line[{task}].difficulties", "Thiếu kinh phí")), reportId);

        var draft = await app.ReportAsync(reportId);
        Assert.Equal(30, draft.Items.Single(i => i.Id == task).Percent);
        Assert.Equal(before, await app.WithDbAsync(db => db.Audit.CountAsync(Ct)));

        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "Submit", await app.CompleteFieldsAsync(reportId)), reportId);

        Assert.Equal(ReportStates.Submitted, (await app.ReportAsync(reportId)).State);
        var key = reportId.ToString();
        var recorded = await app.WithDbAsync(db => db.Audit.Where(a => a.Entity == nameof(UnitReport) && a.EntityId == key && a.Action == "update").ToListAsync(Ct));
        Assert.Contains(recorded, a => a.After!.Contains("\"State\"", StringComparison.Ordinal));
        Assert.Contains("Gửi báo cáo", await reporter.PageAsync(reportId), StringComparison.Ordinal);
    }
}
