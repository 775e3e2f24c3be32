using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>The review screen: a draft at once, every field traced to the text, corrections that clear "6 rõ" defects.</summary>
public sealed class ReviewTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_creates_a_draft_with_every_field_traced_to_its_text_and_leaves_the_plan_in_force_alone()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);

        var planId = await review.DraftAsync(await ReviewDriver.SeedAsync("thien-tan-kh-2026.txt"), "thien-tan.txt");
        var html = await review.ReviewAsync(planId);
        var plan = await review.DbAsync(db => db.Plans.AsNoTracking().Include(p => p.Source).SingleAsync(p => p.Id == planId, Ct));
        var tasks = await review.TasksAsync(planId);
        var indicators = await review.DbAsync(db => db.Indicators.AsNoTracking().Where(i => i.PlanId == planId).ToListAsync(Ct));
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Equal(PlanStatuses.Draft, plan.Status);
        Assert.NotNull(plan.UploadId);
        Assert.Equal(39, tasks.Count);
        Assert.NotEmpty(indicators);
        Assert.All(indicators, i => Assert.True(i.SpanLength > 0));
        // Each stored span covers the text the field was read from.
        var withLead = tasks.First(t => t.Spans.Contains("\"Lead\"", StringComparison.Ordinal));
        var lead = JsonDocument.Parse(withLead.Spans).RootElement.GetProperty("Lead");
        var leadText = plan.Source!.Text.Substring(lead[0].GetInt32(), lead[1].GetInt32());
        Assert.Contains(withLead.LeadAsWritten.Split(';')[0].Trim(), leadText, StringComparison.Ordinal);
        Assert.Contains($"data-span=\"{lead[0].GetInt32()},{lead[1].GetInt32()}\"", ReviewDriver.Card(html, withLead.Id), StringComparison.Ordinal);
        // Thiện Tân's tasks sit under "Nội dung trọng tâm và thời hạn": key tasks.
        Assert.True(tasks.Count(t => t.Priority) > 30);
        Assert.Contains("39 nhiệm vụ", html, StringComparison.Ordinal);
        Assert.Contains("<mark id=\"t-0\">", html, StringComparison.Ordinal);
        // A draft is not the commune's plan until confirmed.
        Assert.Contains("Diễn Châu", home, StringComparison.Ordinal);
        Assert.DoesNotContain("thien-tan.txt", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filling_a_missing_output_clears_the_defect_and_a_corrected_field_loses_its_span()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
        var tasks = await review.TasksAsync(planId);
        var third = tasks[2];
        Assert.Contains("Chưa rõ sản phẩm đầu ra.", ReviewDriver.Card(await review.ReviewAsync(planId), third.Id), StringComparison.Ordinal);
        Assert.Contains("\"Lead\"", third.Spans, StringComparison.Ordinal);

        var saved = await review.CorrectAsync(planId, third.Id, new Dictionary<string, string>
        {
            ["Output"] = "Cơ sở dữ liệu hộ tịch số được đưa vào khai thác",
            ["Lead"] = "Công an xã",
            ["Directing"] = "Phó Chủ tịch UBND xã",
        });
        var card = ReviewDriver.Card(await saved.Content.ReadAsStringAsync(Ct), third.Id);
        var after = (await review.TasksAsync(planId))[2];

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.DoesNotContain("Chưa rõ sản phẩm đầu ra.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa rõ thẩm quyền", card, StringComparison.Ordinal);
        // The page text comes from the resources now, HTML-encoded: compare the text as a browser shows it.
        Assert.Contains("Đủ \"6 rõ\"", System.Net.WebUtility.HtmlDecode(card), StringComparison.Ordinal);
        Assert.Equal("Công an xã", after.LeadAsWritten);
        Assert.NotEqual(third.LeadUnitId, after.LeadUnitId);
        Assert.NotEqual(third.Version, after.Version);
        // The corrected lead came from the officer, not from the text; the untouched deadline still points at it.
        Assert.DoesNotContain("\"Lead\"", after.Spans, StringComparison.Ordinal);
        Assert.Contains("\"Deadline\"", after.Spans, StringComparison.Ordinal);
        Assert.Contains("(đã sửa)", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_deadline_and_empty_name_are_refused_field_by_field_in_vietnamese_and_nothing_is_saved()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
        var task = (await review.TasksAsync(planId))[0];

        var refused = await review.CorrectAsync(planId, task.Id, new Dictionary<string, string> { ["Deadline"] = "Khi nào xong thì thôi", ["Name"] = "  " });
        var page = await refused.Content.ReadAsStringAsync(Ct);
        var after = (await review.TasksAsync(planId))[0];

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Không đọc được thời hạn “Khi nào xong thì thôi”", page, StringComparison.Ordinal);
        Assert.Contains("Nội dung nhiệm vụ không được để trống.", page, StringComparison.Ordinal);
        Assert.Matches(@"data-valmsg-for=""Input.Deadline""[^>]*>Không đọc được thời hạn", page);
        Assert.Equal(task.DeadlineRaw, after.DeadlineRaw);
        Assert.Equal(task.Name, after.Name);
        Assert.Equal(task.Version, after.Version);
    }

    [Fact]
    public async Task Saving_a_stale_form_is_a_conflict_showing_both_versions_and_overwrites_nothing()
    {
        await using var app = new RoViecApp();
        using var first = await app.SignedInClientAsync("thuongtruc");
        using var second = await app.SignedInClientAsync("admin");
        var one = new ReviewDriver(app, first);
        var two = new ReviewDriver(app, second);
        var planId = await one.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
        var task = (await one.TasksAsync(planId))[2];
        var staleForm = await two.EditFormAsync(planId, task.Id);

        (await one.CorrectAsync(planId, task.Id, new Dictionary<string, string> { ["Output"] = "Bản của người thứ nhất" })).EnsureSuccessStatusCode();
        var conflict = await two.CorrectAsync(planId, task.Id, new Dictionary<string, string> { ["Output"] = "Bản của người thứ hai" }, staleForm);
        var page = await conflict.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("Người khác vừa lưu nhiệm vụ này", page, StringComparison.Ordinal);
        Assert.Contains("Bản của người thứ nhất", page, StringComparison.Ordinal);
        Assert.Contains("Bản của người thứ hai", page, StringComparison.Ordinal);
        Assert.Equal("Bản của người thứ nhất", (await one.TasksAsync(planId))[2].Output);
    }

    [Fact]
    public async Task Merging_selected_tasks_keeps_the_first_with_both_texts_and_its_spans_in_one_save()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
        var tasks = await review.TasksAsync(planId);
        var html = await review.ReviewAsync(planId);

        var merged = await review.PostAsync($"/nhap-ke-hoach/{planId}?handler=Merge",
            ("selected", ReviewDriver.Ref(html, tasks[0].Id)), ("selected", ReviewDriver.Ref(html, tasks[1].Id)));
        var after = await review.TasksAsync(planId);
        var page = await merged.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Contains("Đã gộp 2 nhiệm vụ thành một.", page, StringComparison.Ordinal);
        Assert.Equal(2, after.Count);
        var task = after[0];
        Assert.Equal(tasks[0].Id, task.Id);
        Assert.StartsWith("Triển khai thanh toán không dùng tiền mặt tại chợ xã; Hướng dẫn tiểu thương", task.Name, StringComparison.Ordinal);
        Assert.Equal("Phòng Kinh tế; Hội Phụ nữ", task.SupportAsWritten);
        Assert.Equal("Báo cáo kết quả triển khai; Danh sách tiểu thương có tài khoản", task.Output);
        // The later deadline: the merged task is done when both parts are.
        Assert.Equal("Tháng 9/2026", task.DeadlineRaw);
        Assert.Equal(tasks[0].Spans, task.Spans);
        Assert.DoesNotContain(after, t => t.Id == tasks[1].Id);
    }

    [Fact]
    public async Task Merging_needs_two_tasks()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
        var tasks = await review.TasksAsync(planId);

        var refused = await review.PostAsync($"/nhap-ke-hoach/{planId}?handler=Merge", ("selected", ReviewDriver.Ref(await review.ReviewAsync(planId), tasks[0].Id)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Hãy chọn ít nhất hai nhiệm vụ để gộp.", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(3, (await review.TasksAsync(planId)).Count);
    }

    [Fact]
    public async Task Splitting_after_a_sentence_makes_a_new_task_right_after_with_the_same_units_and_narrowed_spans()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
        var before = await review.TasksAsync(planId);
        var task = before[1];
        var form = await review.EditFormAsync(planId, task.Id);
        var at = task.Name.IndexOf("Tổ chức tập huấn", StringComparison.Ordinal);
        Assert.Contains($"name=\"splitAt\" value=\"{at}\"", form, StringComparison.Ordinal);

        var split = await review.PostAsync($"/nhap-ke-hoach/{planId}/nhiem-vu/{task.Id}?handler=Split", ("splitAt", at.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("version", task.Version.ToString()));
        var after = await review.TasksAsync(planId);
        var source = await review.DbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Source!.Text).SingleAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        Assert.Equal(4, after.Count);
        Assert.Equal("Hướng dẫn tiểu thương mở tài khoản thanh toán điện tử.", after[1].Name);
        Assert.Equal("Tổ chức tập huấn cho hộ kinh doanh về hóa đơn điện tử", after[2].Name);
        Assert.Equal(task.Id, after[1].Id);
        Assert.Equal(before[2].Id, after[3].Id);
        Assert.Equal(task.LeadUnitId, after[2].LeadUnitId);
        Assert.Equal(task.DeadlineRaw, after[2].DeadlineRaw);
        Assert.Equal(after[1].Name, source.Substring(after[1].NameSpanStart, after[1].NameSpanLength));
        Assert.Equal(after[2].Name, source.Substring(after[2].NameSpanStart, after[2].NameSpanLength));
    }

    [Fact]
    public async Task Mapping_a_name_to_a_unit_points_its_tasks_there_and_confirming_makes_it_an_alias_the_next_import_knows()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
        var culture = await review.DbAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Key == "phong-van-hoa-xa-hoi", Ct));
        var html = await review.ReviewAsync(planId);
        Assert.Contains($"href=\"/nhap-ke-hoach/{planId}/don-vi\"", html, StringComparison.Ordinal);

        var mapped = await review.PostAsync($"/nhap-ke-hoach/{planId}/don-vi", ("Rows[0].Name", "Ban Quản lý chợ"), ("Rows[0].Choice", $"unit:{culture.Id}"), ("Rows[0].Kind", ""));
        var page = await mapped.Content.ReadAsStringAsync(Ct);
        var tasks = await review.TasksAsync(planId);

        Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
        Assert.Equal($"/nhap-ke-hoach/{planId}", mapped.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Đã lưu lựa chọn cho 1 tên đơn vị; không còn tên nào chưa quyết định.", page, StringComparison.Ordinal);
        Assert.Equal(2, tasks.Count(t => t.LeadUnitId == culture.Id));
        Assert.All(tasks.Take(2), t => Assert.Equal("Ban Quản lý chợ", t.LeadAsWritten));
        // The organisation is not touched before confirmation: the name is not an alias yet.
        Assert.Equal(culture.Aliases, await review.DbAsync(db => db.Units.Where(u => u.Id == culture.Id).Select(u => u.Aliases).SingleAsync(Ct)));

        (await review.PostAsync($"/nhap-ke-hoach/{planId}?handler=Confirm", ("replace", "none"), ("knowingly", "true"))).EnsureSuccessStatusCode();
        Assert.Equal(PlanStatuses.Active, await review.DbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync(Ct)));
        Assert.Contains("Ban Quản lý chợ", await review.DbAsync(db => db.Units.Where(u => u.Id == culture.Id).Select(u => u.Aliases).SingleAsync(Ct)), StringComparison.Ordinal);

        var again = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh-lan-2.txt");
        var reimported = await review.TasksAsync(again);
        Assert.Equal(culture.Id, reimported[0].LeadUnitId);
        Assert.DoesNotContain(await review.DbAsync(db => db.Units.Select(u => u.Name).ToListAsync(Ct)), n => n == "Ban Quản lý chợ");
    }

    [Fact]
    public async Task Deleting_a_line_that_is_not_a_task_removes_only_it()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
        var tasks = await review.TasksAsync(planId);

        var deleted = await review.PostAsync($"/nhap-ke-hoach/{planId}?handler=Delete", ("target", ReviewDriver.Ref(await review.ReviewAsync(planId), tasks[0].Id)));
        var after = await review.TasksAsync(planId);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(tasks.Skip(1).Select(t => t.Id), after.Select(t => t.Id));
        Assert.True(await review.DbAsync(db => db.Audit.AnyAsync(a => a.Entity == nameof(PlanTaskRow) && a.EntityId == tasks[0].Id.ToString() && a.Action == "delete" && a.Actor == "thuongtruc", Ct)));
    }

    [Fact]
    public async Task Correcting_an_indicator_reads_its_target_again_and_refuses_one_that_cannot_be_read()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
        var indicator = await review.DbAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.PlanId == planId, Ct));
        var police = await review.DbAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Key == "cong-an", Ct));
        var url = $"/nhap-ke-hoach/{planId}/chi-tieu/{indicator.Id}";

        var refused = await review.PostAsync(url, ("Input.Name", "Hồ sơ tiếp nhận trực tuyến"), ("Input.Target", "rất cao"), ("Input.Version", indicator.Version.ToString()));
        var saved = await review.PostAsync(url, ("Input.Name", "Hồ sơ tiếp nhận trực tuyến"), ("Input.Target", "tối thiểu 90%"), ("Input.OwnerUnitId", police.Id.ToString()), ("Input.Version", indicator.Version.ToString()));
        var after = await review.DbAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Id == indicator.Id, Ct));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Không đọc được mức cần đạt “rất cao”", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(">=", after.TargetOp);
        Assert.Equal(90m, after.TargetValue);
        Assert.Equal(police.Id, after.OwnerUnitId);
        Assert.Equal("Hồ sơ tiếp nhận trực tuyến", after.Name);
    }

    [Fact]
    public async Task Discarding_a_draft_removes_it_its_rows_its_upload_and_the_unknown_names_only_it_used()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
        var uploadId = await review.DbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.UploadId).SingleAsync(Ct));

        var discarded = await review.PostAsync($"/nhap-ke-hoach/{planId}?handler=Discard");
        var list = await discarded.Content.ReadAsStringAsync(Ct);
        var again = await client.GetAsync(new Uri($"/nhap-ke-hoach/{planId}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
        Assert.Contains("Đã hủy bản nháp kế hoạch.", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.False(await review.DbAsync(db => db.Tasks.AnyAsync(t => t.PlanId == planId, Ct)));
        Assert.False(await review.DbAsync(db => db.Indicators.AnyAsync(i => i.PlanId == planId, Ct)));
        Assert.False(await review.DbAsync(db => db.Uploads.AnyAsync(u => u.Id == uploadId, Ct)));
        Assert.False(await review.DbAsync(db => db.Units.AnyAsync(u => u.Key == "unrecognised:ban-quan-ly-cho", Ct)));
        Assert.Equal(1, await review.DbAsync(db => db.Plans.CountAsync(Ct)));
    }

    [Fact]
    public async Task Markup_in_a_document_or_a_correction_is_shown_as_text()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(" <img src=x onerror=alert(1)>"), "hoa-binh.txt");
        var task = (await review.TasksAsync(planId))[2];

        await review.CorrectAsync(planId, task.Id, new Dictionary<string, string> { ["Output"] = "<script>alert('x')</script>" });
        var html = await review.ReviewAsync(planId);

        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert('x')", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
    }
}
