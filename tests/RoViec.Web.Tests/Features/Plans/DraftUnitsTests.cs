using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// Issue 15: importing a plan without harm. A draft never changes the organisation; every unknown unit name is decided
/// on one screen in one save; confirming shows what is still unclear and needs the officer to confirm knowingly.
/// </summary>
public sealed class DraftUnitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>30 cooperatives no catalogue knows, one name close to a catalogue unit, an upper-level body, a fragment, and the small plan's market board.</summary>
    private static readonly string[] Cooperatives = [.. Enumerable.Range(1, 30).Select(i => $"Hợp tác xã dịch vụ nông nghiệp số {i}")];

    private static byte[] ManyNamesPlan()
    {
        var text = new StringBuilder("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH\n\nSố: 22/KH-UBND\n\nHòa Bình, ngày 10 tháng 3 năm 2026\n\nKẾ HOẠCH\n\nChuyển đổi số trong hợp tác xã năm 2026\n\n" +
            "I. MỤC TIÊU\n\n- Phấn đấu 100% hợp tác xã có tài khoản thanh toán điện tử.\n\nII. NHIỆM VỤ, GIẢI PHÁP\n\nTT\tNhiệm vụ\tChủ trì\tPhối hợp\tSản phẩm\tThời hạn\n");
        var n = 0;
        foreach (var name in Cooperatives)
            text.Append(CultureInfo.InvariantCulture, $"{++n}\tHướng dẫn xã viên {name} đăng ký tài khoản định danh điện tử lần {n}\t{name}\tCông an xã\tDanh sách xã viên đã đăng ký\t30/12/2026\n");
        text.Append(CultureInfo.InvariantCulture, $"{++n}\tTổ chức ngày hội văn hóa số cho thanh niên\tPhòng Văn hóa, Thông tin và Xã hội\tĐoàn Thanh niên xã\tBáo cáo kết quả\t30/12/2026\n");
        text.Append(CultureInfo.InvariantCulture, $"{++n}\tTiếp nhận hướng dẫn triển khai nền tảng số dùng chung của tỉnh\tSở Khoa học và Công nghệ\tPhòng Kinh tế\tVăn bản hướng dẫn\t30/12/2026\n");
        text.Append(CultureInfo.InvariantCulture, $"{++n}\tRà soát danh mục thiết bị dạy học số\tTrường\tPhòng Văn hóa - Xã hội\tDanh mục thiết bị\t30/12/2026\n");
        text.Append(CultureInfo.InvariantCulture, $"{++n}\tTriển khai thanh toán không dùng tiền mặt tại chợ xã\tBan Quản lý chợ\tPhòng Kinh tế\tBáo cáo kết quả triển khai\t30/12/2026\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static Task<List<string>> UnitsAsync(ReviewDriver review) =>
        review.DbAsync(db => db.Units.AsNoTracking().OrderBy(u => u.Key)
            .Select(u => u.Key + "|" + u.Name + "|" + u.Kind + "|" + u.Aliases + "|" + u.Active + "|" + u.Version).ToListAsync(Ct));

    [Fact]
    public async Task Uploading_two_plans_confirming_neither_and_discarding_both_leaves_the_organisation_as_it_was()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        using var admin = await app.SignedInClientAsync();
        var review = new ReviewDriver(app, client);
        var before = await UnitsAsync(review);
        var page = await admin.GetStringAsync(new Uri("/to-chuc", UriKind.Relative), Ct);

        var first = await review.DraftAsync(await ReviewDriver.SeedAsync("tan-ky-kh-2026.txt"), "tan-ky.txt");
        var second = await review.DraftAsync(ManyNamesPlan(), "hop-tac-xa.txt");
        var whileDrafts = await UnitsAsync(review);
        var users = await admin.GetStringAsync(new Uri("/nguoi-dung/moi", UriKind.Relative), Ct);
        (await review.PostAsync($"/nhap-ke-hoach/{first}?handler=Discard")).EnsureSuccessStatusCode();
        (await review.PostAsync($"/nhap-ke-hoach/{second}?handler=Discard")).EnsureSuccessStatusCode();
        var after = await UnitsAsync(review);

        // The drafts had unknown names: they live in the drafts, not in the organisation.
        Assert.Equal(before, whileDrafts);
        Assert.DoesNotContain(Cooperatives[0], users, StringComparison.Ordinal);
        Assert.Equal(before, after);
        Assert.False(await review.DbAsync(db => db.Plans.AnyAsync(p => p.Id == first || p.Id == second, Ct)));
        Assert.Equal(Scrub(page), Scrub(await admin.GetStringAsync(new Uri("/to-chuc", UriKind.Relative), Ct)));
    }

    [Fact]
    public async Task A_draft_with_34_unknown_names_is_mapped_in_one_post_and_confirming_applies_every_decision()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var culture = await app.UnitIdAsync("phong-van-hoa-xa-hoi");
        var planId = await review.DraftAsync(ManyNamesPlan(), "hop-tac-xa.txt");
        var unitsBefore = await UnitsAsync(review);

        var screen = await client.GetStringAsync(new Uri($"/nhap-ke-hoach/{planId}/don-vi", UriKind.Relative), Ct);
        Assert.Contains("34 tên · 34 tên chưa quyết định", screen, StringComparison.Ordinal);
        // The commune's and the catalogue's units are sent once for all 34 lists (each row's list once held all of
        // them: 214 KB for 36 names), and every list takes them from there.
        var police = await app.UnitIdAsync("cong-an");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(screen, $"<option value=\"unit:{police}\""));
        Assert.Equal(34, System.Text.RegularExpressions.Regex.Count(screen, "<select name=\"Rows\\[\\d+\\]\\.Choice\" data-units"));
        Assert.True(screen.Length < 100_000, $"the mapping screen of 34 names is {screen.Length} characters");
        // Ranked suggestions by folded similarity: the culture office first for its longer spelling.
        var cultureRow = screen[screen.IndexOf("“Phòng Văn hóa, Thông tin và Xã hội”", StringComparison.Ordinal)..];
        cultureRow = cultureRow[..cultureRow.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("<ol class=\"suggestions\">\n                                    <li>Phòng Văn hóa - Xã hội", cultureRow.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        var rows = new List<(string, string)>();
        void Row(int i, string name, string choice, string kind = "")
        {
            rows.Add(($"Rows[{i}].Name", name));
            rows.Add(($"Rows[{i}].Choice", choice));
            rows.Add(($"Rows[{i}].Kind", kind));
        }
        for (var i = 0; i < Cooperatives.Length; i++) Row(i, Cooperatives[i], "new", "MassOrganisation");
        Row(30, "Phòng Văn hóa, Thông tin và Xã hội", $"unit:{culture}");
        Row(31, "Sở Khoa học và Công nghệ", "outside");
        Row(32, "Trường", "ignore");
        // The demo commune has no economy office yet: the catalogue's comes with the confirmation.
        Row(33, "Ban Quản lý chợ", "catalog:phong-kinh-te");
        var saved = await review.PostAsync($"/nhap-ke-hoach/{planId}/don-vi", [.. rows]);
        var tasks = await review.TasksAsync(planId);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Đã lưu lựa chọn cho 34 tên đơn vị; không còn tên nào chưa quyết định.", await saved.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(unitsBefore, await UnitsAsync(review));
        Assert.Equal(culture, tasks.Single(t => t.LeadAsWritten == "Phòng Văn hóa, Thông tin và Xã hội").LeadUnitId);
        Assert.Null(tasks.Single(t => t.LeadAsWritten == "Ban Quản lý chợ").LeadUnitId);
        var reread = await client.GetStringAsync(new Uri($"/nhap-ke-hoach/{planId}/don-vi", UriKind.Relative), Ct);
        Assert.Contains("34 tên · 0 tên chưa quyết định", reread, StringComparison.Ordinal);
        // A saved choice outside the suggestions is still in its own list, chosen, before the script adds the rest.
        var marketRow = reread[reread.IndexOf("“Ban Quản lý chợ”", StringComparison.Ordinal)..];
        marketRow = marketRow[..marketRow.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Matches("<option value=\"catalog:phong-kinh-te\" selected data-chosen", marketRow);

        var confirmed = await review.PostAsync($"/nhap-ke-hoach/{planId}?handler=Confirm", ("replace", "none"), ("knowingly", "true"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var after = await review.DbAsync(db => db.Units.AsNoTracking().ToListAsync(Ct));
        tasks = await review.TasksAsync(planId);

        Assert.Equal(PlanStatuses.Active, await review.DbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync(Ct)));
        foreach (var name in Cooperatives)
        {
            var unit = Assert.Single(after, u => u.Name == name);
            Assert.Equal("MassOrganisation", unit.Kind);
            Assert.Equal(unit.Id, tasks.Single(t => t.LeadAsWritten == name).LeadUnitId);
        }
        Assert.Contains("Phòng Văn hóa, Thông tin và Xã hội", after.Single(u => u.Id == culture).Aliases, StringComparison.Ordinal);
        var economy = Assert.Single(after, u => u.Key == "phong-kinh-te");
        Assert.Contains("Ban Quản lý chợ", economy.Aliases, StringComparison.Ordinal);
        Assert.Equal(economy.Id, tasks.Single(t => t.LeadAsWritten == "Ban Quản lý chợ").LeadUnitId);
        // The upper-level body and the fragment stay text on their tasks; neither became a unit.
        Assert.DoesNotContain(after, u => u.Name is "Sở Khoa học và Công nghệ" or "Trường");
        Assert.Null(tasks.Single(t => t.LeadAsWritten == "Sở Khoa học và Công nghệ").LeadUnitId);
        Assert.Null(tasks.Single(t => t.LeadAsWritten == "Trường").LeadUnitId);
        Assert.Equal(unitsBefore.Count + 31, after.Count);
    }

    [Fact]
    public async Task Correcting_a_draft_tasks_lead_to_a_name_nobody_knows_adds_no_unit_and_lists_the_name_for_a_decision()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
        var task = (await review.TasksAsync(planId))[2];
        var before = await UnitsAsync(review);

        var saved = await review.CorrectAsync(planId, task.Id, new Dictionary<string, string> { ["Lead"] = "Ban Quản lý nghĩa trang" });
        var after = (await review.TasksAsync(planId))[2];
        var screen = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/nhap-ke-hoach/{planId}/don-vi", UriKind.Relative), Ct));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Ban Quản lý nghĩa trang", after.LeadAsWritten);
        Assert.Null(after.LeadUnitId);
        Assert.Equal(before, await UnitsAsync(review));
        Assert.Contains("“Ban Quản lý nghĩa trang”", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mapping_with_bad_rows_is_refused_with_every_reason_and_nothing_is_saved()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var police = await app.UnitIdAsync("cong-an");
        var planId = await review.DraftAsync(ManyNamesPlan(), "hop-tac-xa.txt");
        var tasksBefore = await review.TasksAsync(planId);

        var refused = await review.PostAsync($"/nhap-ke-hoach/{planId}/don-vi",
            ("Rows[0].Name", "Ban Quản lý chợ"), ("Rows[0].Choice", $"unit:{police}"), ("Rows[0].Kind", ""),
            ("Rows[1].Name", Cooperatives[0]), ("Rows[1].Choice", "new"), ("Rows[1].Kind", ""),
            ("Rows[2].Name", Cooperatives[1]), ("Rows[2].Choice", $"unit:{Guid.NewGuid()}"), ("Rows[2].Kind", ""),
            ("Rows[3].Name", "Ban Quản lý nghĩa trang"), ("Rows[3].Choice", "outside"), ("Rows[3].Kind", ""),
            ("Rows[4].Name", Cooperatives[2]), ("Rows[4].Choice", "xoa-het"), ("Rows[4].Kind", ""));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains($"Hãy chọn loại đơn vị cho đơn vị mới “{Cooperatives[0]}”.", html, StringComparison.Ordinal);
        Assert.Contains($"Đơn vị chọn cho “{Cooperatives[1]}” không có (hoặc không còn hoạt động) trong danh mục của xã.", html, StringComparison.Ordinal);
        Assert.Contains("“Ban Quản lý nghĩa trang” không còn là tên đơn vị chưa có trong danh mục của bản nháp này", html, StringComparison.Ordinal);
        Assert.Contains($"Lựa chọn cho “{Cooperatives[2]}” không hợp lệ.", html, StringComparison.Ordinal);
        // Nothing half-saved: not even the valid row.
        Assert.Equal("", await review.DbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.UnitChoices).SingleAsync(Ct)));
        Assert.Equal(tasksBefore.Select(t => (t.LeadUnitId, t.Version)), (await review.TasksAsync(planId)).Select(t => (t.LeadUnitId, t.Version)));
    }

    [Fact]
    public async Task A_mapping_saved_over_someone_elses_is_a_conflict()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
        var stale = await client.GetStringAsync(new Uri($"/nhap-ke-hoach/{planId}/don-vi", UriKind.Relative), Ct);
        var seen = System.Text.RegularExpressions.Regex.Match(stale, "name=\"Seen\" value=\"([0-9A-F]+)\"").Groups[1].Value;

        (await review.PostAsync($"/nhap-ke-hoach/{planId}/don-vi", ("Rows[0].Name", "Ban Quản lý chợ"), ("Rows[0].Choice", "outside"))).EnsureSuccessStatusCode();
        var late = await review.PostAsync($"/nhap-ke-hoach/{planId}/don-vi", ("Seen", seen), ("Rows[0].Name", "Ban Quản lý chợ"), ("Rows[0].Choice", "ignore"));

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("\"Kind\":\"outside\"", await review.DbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.UnitChoices).SingleAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_shows_unmapped_names_defects_by_kind_and_passed_deadlines_and_needs_confirm_knowingly()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");

        var refused = await review.PostAsync($"/nhap-ke-hoach/{planId}?handler=Confirm", ("replace", "none"));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(PlanStatuses.Draft, await review.DbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync(Ct)));
        Assert.Contains("1 tên đơn vị chưa quyết định", html, StringComparison.Ordinal);
        Assert.Contains("“Ban Quản lý chợ”", html, StringComparison.Ordinal);
        // The third task has no output: one "sản phẩm" defect.
        Assert.Contains("sản phẩm 1", html, StringComparison.Ordinal);
        // On 24/11/2026 (the test clock) "Quý II/2026" and "Tháng 9/2026" have passed, "30/11/2026" has not.
        Assert.Contains("2 nhiệm vụ có thời hạn đã qua (tính đến ngày 24/11/2026)", html, StringComparison.Ordinal);
        Assert.Contains("Quý II/2026", html, StringComparison.Ordinal);
        Assert.Contains("name=\"knowingly\" value=\"true\"", html, StringComparison.Ordinal);

        var confirmed = await review.PostAsync($"/nhap-ke-hoach/{planId}?handler=Confirm", ("replace", "none"), ("knowingly", "true"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal($"/ke-hoach/{planId}", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(PlanStatuses.Active, await review.DbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync(Ct)));
        // Confirmed knowingly with the name undecided: its tasks keep the text, and no unit is made of it.
        Assert.False(await review.DbAsync(db => db.Units.AnyAsync(u => u.Name == "Ban Quản lý chợ", Ct)));
    }

    [Fact]
    public async Task Deadlines_passed_are_counted_on_the_application_clock()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 7, 15), 10) };
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");

        var html = WebUtility.HtmlDecode(await review.ReviewAsync(planId));

        // On 15/07/2026 only "Quý II/2026" (30/06/2026) has passed.
        Assert.Contains("1 nhiệm vụ có thời hạn đã qua (tính đến ngày 15/07/2026)", html, StringComparison.Ordinal);
    }

    /// <summary>A page without its per-request antiforgery token.</summary>
    private static string Scrub(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\"[^>]*>", "");
}
