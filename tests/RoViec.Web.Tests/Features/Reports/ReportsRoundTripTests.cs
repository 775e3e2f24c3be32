using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// A unit's report through its whole round trip, on SQLite and on PostgreSQL: filled and saved as a draft,
/// submitted, returned by the standing office with a comment on one line, fixed and resubmitted, verified
/// and locked, then corrected with a reason.
/// </summary>
public sealed class ReportsRoundTripTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Fill_draft_submit_return_fix_resubmit_verify_and_correct(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var period = await app.OpenPeriodAsync();
        var reportId = await app.ReportIdAsync(period);
        var lines = await app.LinesAsync(reportId);
        var task = lines.First(l => l.Kind == ReportItemKinds.Task).Id;
        var ratio = lines.Single(l => l.Ratio).Id;
        using var reporter = await app.ClientAsync("congan");
        using var office = await app.ClientAsync("thuongtruc");

        // The form shows every line of the unit's report.
        var form = await reporter.PageAsync(reportId);
        Assert.Contains("Gửi báo cáo", form, StringComparison.Ordinal);
        Assert.Contains($"name=\"line[{task}].status\"", form, StringComparison.Ordinal);
        Assert.Contains($"name=\"line[{ratio}].denominator\"", form, StringComparison.Ordinal);

        // Draft saved as typed: incomplete is fine, the report stays a draft, the values are on the server.
        var autosave = await reporter.AutosaveAsync(reportId, ($"line[{task}].percent", "30"), ($"line[{task}].work", "Đang khảo sát"));
        Assert.Equal(HttpStatusCode.OK, autosave.StatusCode);
        using (var json = JsonDocument.Parse(await autosave.BodyAsync()))
            Assert.Matches(@"^\d\d:\d\d$", json.RootElement.GetProperty("saved").GetString());
        var draft = await app.ReportAsync(reportId);
        Assert.Equal(ReportStates.Draft, draft.State);
        Assert.NotNull(draft.DraftSavedAtUtc);
        Assert.Equal(30, draft.Items.Single(i => i.Id == task).Percent);
        Assert.Null(draft.Items.Single(i => i.Id == task).TaskStatus);
        // Without the script, the "Lưu nháp" button posts the whole form to the same handler and comes back to the page.
        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "Draft", ($"line[{task}].difficulties", "Thiếu kinh phí in tài liệu")), reportId);
        Assert.Equal("Thiếu kinh phí in tài liệu", (await app.ReportAsync(reportId)).Items.Single(i => i.Id == task).Difficulties);
        var reopened = await reporter.PageAsync(reportId);
        Assert.Contains("Đang khảo sát", reopened, StringComparison.Ordinal);
        Assert.Contains("Đã lưu nháp lúc", reopened, StringComparison.Ordinal);

        // Submitted in one step with every value.
        var submitted = await reporter.PostReportAsync(reportId, "Submit", await app.CompleteFieldsAsync(reportId));
        ReportsArrange.IsRedirectBack(submitted, reportId);
        var first = await app.ReportAsync(reportId);
        Assert.Equal(ReportStates.Submitted, first.State);
        Assert.Equal("congan", first.SubmittedBy);
        Assert.NotNull(first.FirstSubmittedAtUtc);
        Assert.Equal(60, first.Items.Single(i => i.Id == task).Percent);
        Assert.Equal(90m, first.Items.Single(i => i.Id == ratio).Value);
        Assert.Contains("Chờ xác minh", await reporter.PageAsync(reportId), StringComparison.Ordinal);

        // The standing office returns it with a comment on the ratio line.
        var returned = await office.PostReportAsync(reportId, "Return", ("comment", "Bổ sung số liệu chỉ tiêu."), ($"comment[{ratio}]", "Mẫu số phải là tổng số cán bộ, đảng viên của xã."));
        ReportsArrange.IsRedirectBack(returned, reportId);
        var back = await app.ReportAsync(reportId);
        Assert.Equal(ReportStates.Returned, back.State);
        Assert.Equal("Mẫu số phải là tổng số cán bộ, đảng viên của xã.", back.Items.Single(i => i.Id == ratio).ReturnComment);
        var shown = await reporter.PageAsync(reportId);
        Assert.Contains("Bị trả lại", shown, StringComparison.Ordinal);
        Assert.Contains("Mẫu số phải là tổng số cán bộ, đảng viên của xã.", shown, StringComparison.Ordinal);
        Assert.Contains("Bổ sung số liệu chỉ tiêu.", shown, StringComparison.Ordinal);

        // The unit fixes the line and resubmits: the comments are cleared, the return stays in the history.
        var fixedFields = (await app.CompleteFieldsAsync(reportId)).Select(f => f.Item1 == $"line[{ratio}].denominator" ? (f.Item1, "60") : f).ToArray();
        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "Submit", fixedFields), reportId);
        var again = await app.ReportAsync(reportId);
        Assert.Equal(ReportStates.Submitted, again.State);
        Assert.Equal(75m, again.Items.Single(i => i.Id == ratio).Value);
        Assert.All(again.Items, i => Assert.Null(i.ReturnComment));
        Assert.Null(again.ReturnComment);
        Assert.Equal(first.FirstSubmittedAtUtc, again.FirstSubmittedAtUtc);
        var history = await office.PageAsync(reportId);
        Assert.Contains("Trả lại", history, StringComparison.Ordinal);
        Assert.Contains("Mẫu số phải là tổng số cán bộ, đảng viên của xã.", history, StringComparison.Ordinal);

        // Verified and locked: no form for the unit, and a draft save is refused.
        ReportsArrange.IsRedirectBack(await office.PostReportAsync(reportId, "Verify"), reportId);
        var verified = await app.ReportAsync(reportId);
        Assert.Equal(ReportStates.Verified, verified.State);
        Assert.Equal("thuongtruc", verified.VerifiedBy);
        // Its follow-up (scores, snapshot) done at once: no pending mark left for the scheduler.
        Assert.Equal(0, await app.WithDbAsync(db => db.PendingChanges.CountAsync(Ct)));
        var locked = await reporter.PageAsync(reportId);
        Assert.Contains("Đã xác minh", locked, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"report-form\"", locked, StringComparison.Ordinal);
        var late = await reporter.AutosaveAsync(reportId, verified.Version, ($"line[{task}].percent", "99"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(60, (await app.ReportAsync(reportId)).Items.Single(i => i.Id == task).Percent);

        // A correction of one field with a reason: recorded (who, when, why, before, after) and shown.
        var corrected = await office.PostReportAsync(reportId, "Correct", ("item", task.ToString()), ("field", "percent"), ("value", "65"), ("reason", "Đơn vị gửi bổ sung biên bản nghiệm thu."));
        ReportsArrange.IsRedirectBack(corrected, reportId);
        var correction = await app.WithDbAsync(db => db.ReportCorrections.SingleAsync(c => c.ItemId == task, Ct));
        Assert.Equal(("percent", "60", "65", "thuongtruc"), (correction.Field, correction.Before, correction.After, correction.CorrectedBy));
        Assert.Equal("Đơn vị gửi bổ sung biên bản nghiệm thu.", correction.Reason);
        Assert.Equal(65, (await app.ReportAsync(reportId)).Items.Single(i => i.Id == task).Percent);
        Assert.Contains("Đơn vị gửi bổ sung biên bản nghiệm thu.", await reporter.PageAsync(reportId), StringComparison.Ordinal);

        // A corrected indicator's value is in the history too (the audit once dropped every property named "Value").
        var ratioCorrected = await office.PostReportAsync(reportId, "Correct", ("item", ratio.ToString()), ("field", "numerator"), ("value", "2"), ("reason", "Số liệu thống kê đã rà soát lại."));
        ReportsArrange.IsRedirectBack(ratioCorrected, reportId);
        var key = ratio.ToString();
        var audited = await app.WithDbAsync(db => db.Audit.Where(a => a.Entity == nameof(ReportItem) && a.EntityId == key && a.Action == "update").Select(a => a.After!).ToListAsync(Ct));
        Assert.Contains(audited, after => after.Contains("\"Value\"", StringComparison.Ordinal) && after.Contains("\"Numerator\":2", StringComparison.Ordinal));
    }
}
