using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data.Entities;
using RoViec.Web.Features.Reports;
using RoViec.Web.Features.Scheduling;

namespace RoViec.Web.Tests;

/// <summary>
/// Bad input on a unit's report: each is refused with the status that says what happened, a Vietnamese
/// message, and nothing saved — not even the good values posted with it.
/// </summary>
public sealed class ReportsBadInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.BodyAsync());

    [Fact]
    public async Task Percent_over_100_is_refused_in_a_draft_and_nothing_of_the_save_is_kept()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        var task = (await app.LinesAsync(reportId)).First(l => l.Kind == ReportItemKinds.Task).Id;
        using var reporter = await app.ClientAsync("congan");

        var autosave = await reporter.AutosaveAsync(reportId, ($"line[{task}].percent", "140"), ($"line[{task}].work", "Không được lưu"));
        var form = await reporter.PostReportAsync(reportId, "Draft", ($"line[{task}].percent", "140"), ($"line[{task}].work", "Không được lưu"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, autosave.StatusCode);
        using (var json = JsonDocument.Parse(await autosave.BodyAsync()))
            Assert.Equal("Tỷ lệ hoàn thành phải từ 0 đến 100 (%), không thể là 140.", json.RootElement.GetProperty("errors").GetProperty($"line[{task}].percent").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, form.StatusCode);
        var page = await TextAsync(form);
        Assert.Contains("Tỷ lệ hoàn thành phải từ 0 đến 100 (%), không thể là 140.", page, StringComparison.Ordinal);
        // What was typed is shown again, not lost.
        Assert.Contains("Không được lưu", page, StringComparison.Ordinal);
        var item = (await app.ReportAsync(reportId)).Items.Single(i => i.Id == task);
        Assert.Equal((null, null), (item.Percent, item.WorkDone));
        Assert.Null((await app.ReportAsync(reportId)).DraftSavedAtUtc);
    }

    [Fact]
    public async Task Zero_denominator_and_negative_count_are_refused_with_a_message_per_field()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        var lines = await app.LinesAsync(reportId);
        var ratio = lines.Single(l => l.Ratio).Id;
        var counted = lines.Single(l => l.Kind == ReportItemKinds.Indicator && !l.Ratio).Id;
        using var reporter = await app.ClientAsync("congan");

        var response = await reporter.AutosaveAsync(reportId, ($"line[{ratio}].numerator", "12"), ($"line[{ratio}].denominator", "0"), ($"line[{counted}].value", "-3"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.BodyAsync());
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal("Mẫu số phải lớn hơn 0 (không chia cho 0).", errors.GetProperty($"line[{ratio}].denominator").GetString());
        Assert.Equal("Giá trị đạt được không được âm (-3).", errors.GetProperty($"line[{counted}].value").GetString());
        var report = await app.ReportAsync(reportId);
        Assert.All(report.Items, i => Assert.True(i.Numerator is null && i.Denominator is null && i.Value is null));
    }

    [Fact]
    public async Task Incomplete_submission_is_refused_line_by_line_on_a_page_that_is_safe_to_reload()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        var lines = await app.LinesAsync(reportId);
        var tasks = lines.Where(l => l.Kind == ReportItemKinds.Task).Select(l => l.Id).ToList();
        var ratio = lines.Single(l => l.Ratio).Id;
        Assert.True(tasks.Count >= 2, "the police report has at least two task lines");
        var fields = (await app.CompleteFieldsAsync(reportId)).Where(f => !f.Item1.StartsWith($"line[{tasks[0]}].", StringComparison.Ordinal)).ToList();
        fields = [.. fields.Select(f => f.Item1 switch
        {
            var n when n == $"line[{tasks[1]}].status" => (n, ReportedTaskStatuses.Done),
            var n when n == $"line[{tasks[1]}].work" => (n, "Đã rà soát xong 4 thôn"),
            var n when n == $"line[{ratio}].numerator" => (n, "55"),
            _ => f,
        })];
        if (tasks.Count > 2) fields = [.. fields.Select(f => f.Item1 == $"line[{tasks[2]}].status" ? (f.Item1, ReportedTaskStatuses.CannotDo) : f)];
        using var reporter = await app.ClientAsync("congan");

        var response = await reporter.PostReportAsync(reportId, "Submit", [.. fields]);

        // Post/redirect/get: the refusal is a page reached by GET, so reloading it never posts (nor meets a stale version).
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal($"/bao-cao/{reportId}?chua-gui=1#loi", location);
        foreach (var reload in new[] { 1, 2 })
        {
            var shown = await reporter.GetAsync(new Uri(location.Split('#')[0], UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            var page = await TextAsync(shown);
            Assert.Contains("Chưa gửi được:", page, StringComparison.Ordinal);
            Assert.Contains("Chưa chọn trạng thái thực hiện nhiệm vụ.", page, StringComparison.Ordinal);
            Assert.Contains("Nhiệm vụ đã hoàn thành thì phải ghi ngày hoàn thành (dd/mm/yyyy).", page, StringComparison.Ordinal);
            Assert.Contains("Tử số (55) không được lớn hơn mẫu số (50).", page, StringComparison.Ordinal);
            if (tasks.Count > 2) Assert.Contains("Nhiệm vụ không thể thực hiện thì phải nêu lý do.", page, StringComparison.Ordinal);
            Assert.Matches(@"Dòng 1 – Trạng thái: Chưa chọn trạng thái", page);
            // What was typed is the draft now, shown in its fields, not blanks.
            Assert.Contains("Đã rà soát xong 4 thôn", page, StringComparison.Ordinal);
        }
        var report = await app.ReportAsync(reportId);
        Assert.Equal(ReportStates.Draft, report.State);
        Assert.Null(report.SubmittedAtUtc);
        Assert.Equal("Đã rà soát xong 4 thôn", report.Items.Single(i => i.Id == tasks[1]).WorkDone);
        Assert.Equal(55m, report.Items.Single(i => i.Id == ratio).Numerator);

        // The report page without the query shows no refusal.
        Assert.DoesNotContain("Chưa gửi được:", await TextAsync(await reporter.GetAsync(new Uri($"/bao-cao/{reportId}", UriKind.Relative), Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submission_a_draft_cannot_hold_either_is_shown_again_under_422_and_reloads_as_the_report()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        var task = (await app.LinesAsync(reportId)).First(l => l.Kind == ReportItemKinds.Task).Id;
        using var reporter = await app.ClientAsync("congan");

        var response = await reporter.PostReportAsync(reportId, "Submit", ($"line[{task}].percent", "140"), ($"line[{task}].work", "Không được lưu"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains("Không được lưu", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        // The browser's address becomes the report's own, so a reload reads it instead of posting the form again.
        // (site.js reads it from the page: the Content-Security-Policy allows no inline script.)
        Assert.Contains($"data-replace-url=\"/bao-cao/{reportId}\"", html, StringComparison.Ordinal);
        Assert.Null((await app.ReportAsync(reportId)).DraftSavedAtUtc);
    }

    [Fact]
    public async Task Submission_after_the_period_closed_is_refused_unless_the_unit_has_a_later_day()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync(dueInDays: -6));
        var fields = await app.CompleteFieldsAsync(reportId);
        using var reporter = await app.ClientAsync("congan");
        // The page of a closed period shows no form; a form read before it closed posts the version it showed.
        var closedPage = await reporter.PageAsync(reportId);
        Assert.Contains("đã đóng", closedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"report-form\"", closedPage, StringComparison.Ordinal);
        var version = (await app.ReportAsync(reportId)).Version.ToString();

        var refused = await reporter.PostTokenFormAsync(closedPage, $"/bao-cao/{reportId}?handler=Submit", [.. fields, ("version", version)]);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Kỳ báo cáo \"Tháng", await TextAsync(refused), StringComparison.Ordinal);
        Assert.Contains("đã đóng (hạn tổng hợp", await TextAsync(refused), StringComparison.Ordinal);
        var report = await app.ReportAsync(reportId);
        Assert.Equal(ReportStates.Draft, report.State);
        Assert.All(report.Items, i => Assert.Null(i.TaskStatus));

        // The standing office grants the police two more days: the same submission goes through, late.
        await app.WithDbAsync(async db =>
        {
            db.PeriodExtensions.Add(new PeriodExtension { Id = Guid.NewGuid(), CommuneId = report.CommuneId, PeriodId = report.PeriodId, UnitId = report.UnitId, DueOn = app.Today.AddDays(2), Reason = "Cán bộ đi tập huấn", GrantedAtUtc = app.UtcNow });
            return await db.SaveChangesAsync(Ct);
        });
        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "Submit", fields), reportId);
        Assert.Equal(ReportStates.Submitted, (await app.ReportAsync(reportId)).State);
    }

    [Fact]
    public async Task Reporter_of_another_unit_is_refused_403_and_another_commune_404()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        var fields = await app.CompleteFieldsAsync(reportId);
        var (otherCommune, otherUnit) = await app.CommuneAsync("Xã Hòa Bình");
        await app.UserAsync("hoabinh", Roles.UnitReporter, otherCommune, unitId: otherUnit);
        using var police = await app.ClientAsync("congan");
        using var culture = await app.ClientAsync("vhxh");
        using var stranger = await app.ClientAsync("hoabinh");
        // Both post with a token and the version they could have read: the refusal is about who they are.
        var html = await police.PageAsync(reportId);
        var version = ReportsArrange.VersionIn(html);
        var cultureToken = RoViecApp.AntiforgeryToken(await culture.GetStringAsync(new Uri("/bao-cao", UriKind.Relative), Ct));
        var strangerToken = RoViecApp.AntiforgeryToken(await stranger.GetStringAsync(new Uri("/bao-cao", UriKind.Relative), Ct));

        var cultureGet = await culture.GetAsync(new Uri($"/bao-cao/{reportId}", UriKind.Relative), Ct);
        var cultureSubmit = await culture.PostTokenFormAsync($"<input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"{cultureToken}\" />", $"/bao-cao/{reportId}?handler=Submit", [.. fields, ("version", version)]);
        var strangerGet = await stranger.GetAsync(new Uri($"/bao-cao/{reportId}", UriKind.Relative), Ct);
        var strangerSubmit = await stranger.PostTokenFormAsync($"<input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"{strangerToken}\" />", $"/bao-cao/{reportId}?handler=Submit", [.. fields, ("version", version)]);

        Assert.Equal(HttpStatusCode.Forbidden, cultureGet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cultureSubmit.StatusCode);
        Assert.Contains("Không có quyền truy cập", await TextAsync(cultureSubmit), StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"line[", await cultureGet.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, strangerGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerSubmit.StatusCode);
        Assert.Contains("Không tìm thấy", await TextAsync(strangerSubmit), StringComparison.Ordinal);
        var report = await app.ReportAsync(reportId);
        Assert.Equal(ReportStates.Draft, report.State);
        Assert.All(report.Items, i => Assert.Null(i.TaskStatus));
    }

    [Fact]
    public async Task Stale_version_is_a_conflict_and_nothing_is_overwritten()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        var task = (await app.LinesAsync(reportId)).First(l => l.Kind == ReportItemKinds.Task).Id;
        var fields = await app.CompleteFieldsAsync(reportId);
        using var reporter = await app.ClientAsync("congan");
        var oldPage = await reporter.PageAsync(reportId);
        var oldVersion = ReportsArrange.VersionIn(oldPage);
        // Another window saves first.
        Assert.Equal(HttpStatusCode.OK, (await reporter.AutosaveAsync(reportId, ($"line[{task}].work", "Bản của cửa sổ kia"))).StatusCode);

        var staleSubmit = await reporter.PostTokenFormAsync(oldPage, $"/bao-cao/{reportId}?handler=Submit", [.. fields.Select(f => f.Item1 == $"line[{task}].work" ? (f.Item1, "Bản cũ") : f), ("version", oldVersion)]);
        var staleDraft = await reporter.AutosaveAsync(reportId, Guid.Parse(oldVersion), ($"line[{task}].work", "Bản cũ"));

        Assert.Equal(HttpStatusCode.Conflict, staleSubmit.StatusCode);
        Assert.Contains("Báo cáo vừa được thay đổi ở nơi khác", await TextAsync(staleSubmit), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, staleDraft.StatusCode);
        using (var json = JsonDocument.Parse(await staleDraft.BodyAsync()))
            Assert.StartsWith("Báo cáo vừa được thay đổi ở nơi khác", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        var report = await app.ReportAsync(reportId);
        Assert.Equal(ReportStates.Draft, report.State);
        Assert.Equal("Bản của cửa sổ kia", report.Items.Single(i => i.Id == task).WorkDone);

        // The standing office verifying with a stale version is a conflict too.
        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "Submit", fields), reportId);
        using var office = await app.ClientAsync("thuongtruc");
        var officePage = await office.PageAsync(reportId);
        ReportsArrange.IsRedirectBack(await office.PostReportAsync(reportId, "Return", ("comment", "Bổ sung minh chứng.")), reportId);
        var staleVerify = await office.PostTokenFormAsync(officePage, $"/bao-cao/{reportId}?handler=Verify", ("version", ReportsArrange.VersionIn(officePage)));
        Assert.Equal(HttpStatusCode.Conflict, staleVerify.StatusCode);
        Assert.Equal(ReportStates.Returned, (await app.ReportAsync(reportId)).State);
    }

    [Fact]
    public async Task Evidence_files_are_checked_by_type_content_and_size()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        var task = (await app.LinesAsync(reportId)).First(l => l.Kind == ReportItemKinds.Task).Id;
        using var reporter = await app.ClientAsync("congan");
        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04];
        var pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();
        var large = new byte[11 * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(large);

        var renamed = await UploadAsync(reporter, reportId, task, "bien-ban.pdf", exe);
        var program = await UploadAsync(reporter, reportId, task, "setup.exe", exe);
        var tooLarge = await UploadAsync(reporter, reportId, task, "ho-so-day-du.pdf", large);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, renamed.StatusCode);
        Assert.Contains("Tệp \"bien-ban.pdf\" không phải tệp PDF thật (nội dung không khớp với đuôi .pdf); tệp chưa được lưu.", await TextAsync(renamed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, program.StatusCode);
        Assert.Contains("Không nhận tệp \"setup.exe\": minh chứng chỉ nhận tệp PDF, DOCX, DOC, XLSX, XLS, ODT, ODS, JPG, PNG.", await TextAsync(program), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("Tệp \"ho-so-day-du.pdf\" nặng 11 MB, vượt giới hạn 10 MB mỗi tệp minh chứng; tệp chưa được lưu.", await TextAsync(tooLarge), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Evidence.CountAsync(Ct)));

        // A real PDF is kept and downloadable by those who read the report, as an attachment.
        ReportsArrange.IsRedirectBack(await UploadAsync(reporter, reportId, task, "bien-ban.pdf", pdf), reportId);
        var evidence = await app.WithDbAsync(db => db.Evidence.SingleAsync(Ct));
        Assert.Equal(("bien-ban.pdf", "application/pdf", "congan"), (evidence.Title, evidence.ContentType!, evidence.AddedBy!));
        // Its bytes in the file store under their SHA-256, not in the database; nothing of the refused files kept.
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        Assert.Equal((sha256, (long)pdf.Length, (byte[]?)null), (evidence.ContentSha256, evidence.Size, evidence.Content));
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(app.FilesFolder, sha256[..2], sha256), Ct));
        Assert.Single(Directory.GetFiles(app.FilesFolder, "*", SearchOption.AllDirectories));
        using var office = await app.ClientAsync("thuongtruc");
        using var culture = await app.ClientAsync("vhxh");
        var download = await office.GetAsync(new Uri($"/bao-cao/{reportId}/minh-chung/{evidence.Id}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.Forbidden, (await culture.GetAsync(new Uri($"/bao-cao/{reportId}/minh-chung/{evidence.Id}", UriKind.Relative), Ct)).StatusCode);

        // The same bytes on another line are kept once.
        var other = (await app.LinesAsync(reportId)).Where(l => l.Kind == ReportItemKinds.Task).Skip(1).First().Id;
        ReportsArrange.IsRedirectBack(await UploadAsync(reporter, reportId, other, "bien-ban-2.pdf", pdf), reportId);
        Assert.Single(Directory.GetFiles(app.FilesFolder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_file_no_row_names_is_swept_by_the_scheduler_once_a_day_old_and_a_named_one_is_kept()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        var lines = (await app.LinesAsync(reportId)).Where(l => l.Kind == ReportItemKinds.Task).Select(l => l.Id).ToList();
        using var reporter = await app.ClientAsync("congan");
        var kept = "%PDF-1.4\n% kept\n"u8.ToArray();
        var removed = "%PDF-1.4\n% removed\n"u8.ToArray();
        ReportsArrange.IsRedirectBack(await UploadAsync(reporter, reportId, lines[0], "giu.pdf", kept), reportId);
        ReportsArrange.IsRedirectBack(await UploadAsync(reporter, reportId, lines[1], "go.pdf", removed), reportId);
        var gone = await app.WithDbAsync(db => db.Evidence.SingleAsync(e => e.Title == "go.pdf", Ct));
        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "RemoveEvidence", ("evidence", gone.Id.ToString())), reportId);
        string PathOf(byte[] bytes)
        {
            var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            return Path.Combine(app.FilesFolder, sha256[..2], sha256);
        }
        // Removed from the report, its file stays until the sweep: the same bytes may be another commune's evidence.
        Assert.True(File.Exists(PathOf(removed)));
        // Old (a fixed date long past: under faketime the file system's times are shifted by the fake clock's offset):
        // swept if no row names it.
        var longAgo = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(PathOf(kept), longAgo);
        File.SetLastWriteTimeUtc(PathOf(removed), longAgo);

        await app.Services.GetRequiredService<ScheduledWork>().RunOnceAsync(Ct);

        Assert.False(File.Exists(PathOf(removed)));
        Assert.True(File.Exists(PathOf(kept)));
    }

    [Fact]
    public async Task Document_references_and_links_are_checked()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        var task = (await app.LinesAsync(reportId)).First(l => l.Kind == ReportItemKinds.Task).Id;
        using var reporter = await app.ClientAsync("congan");

        var badDate = await reporter.PostReportAsync(reportId, "Evidence", ("item", task.ToString()), ("kind", "Document"), ("number", "12/CAX"), ("date", "31/02/2026"));
        var script = await reporter.PostReportAsync(reportId, "Evidence", ("item", task.ToString()), ("kind", "Link"), ("url", "javascript:alert(1)"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badDate.StatusCode);
        Assert.Contains("Ngày ban hành \"31/02/2026\" không hợp lệ; hãy nhập theo dạng dd/mm/yyyy (ví dụ 05/03/2026).", await TextAsync(badDate), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, script.StatusCode);
        Assert.Contains("Đường dẫn phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://", await TextAsync(script), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Evidence.CountAsync(Ct)));

        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "Evidence", ("item", task.ToString()), ("kind", "Document"), ("number", "12/CAX"), ("date", "5/3/2026")), reportId);
        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "Evidence", ("item", task.ToString()), ("kind", "Link"), ("url", "https://dichvucong.gov.vn/p/home"), ("title", "Cổng dịch vụ công")), reportId);
        var page = await TextAsync(await reporter.GetAsync(new Uri($"/bao-cao/{reportId}", UriKind.Relative), Ct));
        Assert.Contains("Văn bản số 12/CAX ngày 05/03/2026", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://dichvucong.gov.vn/p/home\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">Cổng dịch vụ công</a>", page, StringComparison.Ordinal);

        // Removed again while the report is a draft.
        var link = await app.WithDbAsync(db => db.Evidence.SingleAsync(e => e.Kind == EvidenceKinds.Link, Ct));
        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "RemoveEvidence", ("evidence", link.Id.ToString())), reportId);
        Assert.Equal([EvidenceKinds.Document], await app.WithDbAsync(db => db.Evidence.Select(e => e.Kind).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Upload_declared_far_over_the_limit_is_refused_unread_with_the_evidence_limit()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        var task = (await app.LinesAsync(reportId)).First(l => l.Kind == ReportItemKinds.Task).Id;
        using var reporter = await app.ClientAsync("congan");
        var html = await reporter.PageAsync(reportId);
        var zeros = new ZeroStream(200L * 1024 * 1024);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(RoViecApp.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent(task.ToString()), "item" },
            { new StringContent("File"), "kind" },
            { new StreamContent(zeros), "file", "quay-phim-hoi-nghi.pdf" },
        };
        content.Headers.ContentLength = zeros.Length + 1024;

        var response = await reporter.PostAsync(new Uri($"/bao-cao/{reportId}?handler=Evidence", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Tệp minh chứng vượt quá giới hạn cho phép (tối đa 10 MB mỗi tệp)", await TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Evidence.CountAsync(Ct)));
    }

    /// <summary>A long stream of zeros.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _read);
            Array.Clear(buffer, offset, n);
            _read += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_units_report_holds_at_most_100_MB_of_files_and_the_file_over_it_is_not_kept()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        var lines = (await app.LinesAsync(reportId)).Where(l => l.Kind == ReportItemKinds.Task).Select(l => l.Id).ToList();
        using var reporter = await app.ClientAsync("congan");
        var pdf = new byte[3 * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(pdf);
        // The review saw one reporter add 1 GB in 18 s. Files already on the report's lines: 98 MB in all.
        await app.WithDbAsync(async db =>
        {
            var commune = await db.Communes.Select(c => c.Id).FirstAsync(Ct);
            foreach (var (line, megabytes) in new[] { (lines[0], 60), (lines[1], 38) })
                db.Evidence.Add(new Evidence { Id = Guid.NewGuid(), CommuneId = commune, ItemId = line, Kind = EvidenceKinds.File, Title = $"{megabytes}MB.pdf", Size = megabytes * 1024L * 1024, Content = [1], AddedAtUtc = app.UtcNow });
            return await db.SaveChangesAsync(Ct);
        });

        var over = await UploadAsync(reporter, reportId, lines[2], "bien-ban-nghiem-thu.pdf", pdf);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Contains("đã có 98 MB tệp minh chứng; thêm tệp \"bien-ban-nghiem-thu.pdf\" sẽ vượt mức 100 MB cho mỗi báo cáo", await TextAsync(over), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Evidence.CountAsync(Ct)));
        // Once a file is removed there is room again.
        await app.WithDbAsync(db => db.Evidence.Where(e => e.Title == "60MB.pdf").ExecuteDeleteAsync(Ct));
        ReportsArrange.IsRedirectBack(await UploadAsync(reporter, reportId, lines[2], "bien-ban-nghiem-thu.pdf", pdf), reportId);
        Assert.Equal(2, await app.WithDbAsync(db => db.Evidence.CountAsync(Ct)));
    }

    [Fact]
    public async Task Uploads_sent_together_never_take_a_report_past_its_quota()
    {
        await using var app = new RoViecApp();
        var reportId = await app.ReportIdAsync(await app.OpenPeriodAsync());
        var lines = (await app.LinesAsync(reportId)).Where(l => l.Kind == ReportItemKinds.Task).Select(l => l.Id).ToList();
        using var reporter = await app.ClientAsync("congan");
        // 70 MB already there; eight 9 MB files sent at once: at most three fit.
        await app.WithDbAsync(async db =>
        {
            var commune = await db.Communes.Select(c => c.Id).FirstAsync(Ct);
            db.Evidence.Add(new Evidence { Id = Guid.NewGuid(), CommuneId = commune, ItemId = lines[0], Kind = EvidenceKinds.File, Title = "70MB.pdf", Size = 70L * 1024 * 1024, Content = [1], AddedAtUtc = app.UtcNow });
            return await db.SaveChangesAsync(Ct);
        });
        var files = Enumerable.Range(0, 8).Select(i =>
        {
            var pdf = new byte[9 * 1024 * 1024];
            "%PDF-1.4\n"u8.CopyTo(pdf);
            pdf[^1] = (byte)i;
            return pdf;
        }).ToList();

        var answers = await Task.WhenAll(files.Select((pdf, i) => UploadAsync(reporter, reportId, lines[1 + i % 3], $"bien-ban-{i}.pdf", pdf)));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.RequestEntityTooLarge }));
        var used = await app.WithDbAsync(db => db.Evidence.SumAsync(e => e.Size, Ct));
        Assert.True(used <= EvidenceFiles.QuotaPerReport, $"{used / 1024 / 1024} MB kept on a report of 100 MB");
        Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.Redirect), await app.WithDbAsync(db => db.Evidence.CountAsync(e => e.Title.StartsWith("bien-ban-"), Ct)));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid reportId, Guid itemId, string fileName, byte[] bytes)
    {
        var html = await client.PageAsync(reportId);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(RoViecApp.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent(itemId.ToString()), "item" },
            { new StringContent("File"), "kind" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", fileName);
        return await client.PostAsync(new Uri($"/bao-cao/{reportId}?handler=Evidence", UriKind.Relative), content, Ct);
    }
}
