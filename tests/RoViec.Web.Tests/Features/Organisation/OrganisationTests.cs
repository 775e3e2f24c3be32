using System.Net;
using Microsoft.EntityFrameworkCore;
using RoViec.Domain.Units;

namespace RoViec.Web.Tests;

/// <summary>The organisation tree: units added, edited, moved without cycles, deactivated or deleted, each change in the unit's history.</summary>
public sealed class OrganisationTests
{
    [Fact]
    public async Task Tree_shows_province_commune_and_units_with_kind_users_and_tasks()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        var police = await app.UnitIdAsync("cong-an");
        var tasks = await app.WithDbAsync(db => db.Tasks.CountAsync(t => t.LeadUnitId == police, ct));
        using var admin = await app.SignedInClientAsync();

        var html = await admin.GetStringAsync(new Uri("/to-chuc", UriKind.Relative), ct);

        Assert.Contains("Tỉnh Nghệ An", html, StringComparison.Ordinal);
        Assert.Contains("Xã Diễn Châu", html, StringComparison.Ordinal);
        var policeBlock = html[html.IndexOf($"/to-chuc/don-vi/{police}", StringComparison.Ordinal)..];
        policeBlock = policeBlock[..policeBlock.IndexOf("</div>\n", StringComparison.Ordinal)];
        Assert.Contains("Công an xã", policeBlock, StringComparison.Ordinal);
        Assert.Contains("Công an, quân sự", policeBlock, StringComparison.Ordinal);
        // congan and truongcongan work in the police unit.
        Assert.Contains($"2 người dùng · {tasks} nhiệm vụ chủ trì", policeBlock, StringComparison.Ordinal);
        Assert.True(tasks > 0);
    }

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Unit_from_the_catalogue_is_added_then_edited_and_both_show_in_its_history(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var ct = TestContext.Current.CancellationToken;
        var present = await app.WithDbAsync(db => db.Units.Select(u => u.Key).ToListAsync(ct));
        var missing = UnitCatalog.CreateDefault().Units.First(u => !present.Contains(u.Id));
        var parent = await app.UnitIdAsync("phong-van-hoa-xa-hoi");
        using var admin = await app.SignedInClientAsync();

        var added = await admin.PostFormAsync("/to-chuc/them-don-vi", "/to-chuc/them-don-vi?handler=Catalogue",
            ("FromCatalogue.Key", missing.Id), ("FromCatalogue.ParentId", ""));
        var unitUrl = added.RequestMessage!.RequestUri!.AbsolutePath;
        var form = await added.BodyAsync();
        var edited = await admin.PostTokenFormAsync(form, unitUrl,
            ("Input.Name", missing.Name + " (mới)"), ("Input.Kind", "School"), ("Input.ParentId", parent.ToString()),
            ("Input.Aliases", "Tên viết tắt A\nTên viết tắt B"), ("Input.Version", FormPosts.InputValue(form, "Input.Version")));
        var page = await edited.BodyAsync();

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.StartsWith("/to-chuc/don-vi/", unitUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Contains($"<h1>{missing.Name} (mới)</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Tạo mới", page, StringComparison.Ordinal);
        Assert.Contains($"Tên: <span>{missing.Name} → {missing.Name} (mới)</span>", page, StringComparison.Ordinal);
        Assert.Contains("Loại: <span>" + Features.Organisation.UnitKindLabels.For(missing.Kind.ToString()) + " → Trường học</span>", page, StringComparison.Ordinal);
        Assert.Contains("Trực thuộc: <span>— → Phòng Văn hóa - Xã hội</span>", page, StringComparison.Ordinal);
        Assert.Contains("Tên khác: <span>", page, StringComparison.Ordinal);
        Assert.Contains("Tên viết tắt A; Tên viết tắt B</span>", page, StringComparison.Ordinal);
        Assert.Matches(@"<td>admin</td>\s*<td>Sửa</td>", page);
        var stored = await app.WithDbAsync(db => db.Units.SingleAsync(u => u.Key == missing.Id, ct));
        Assert.Equal(parent, stored.ParentId);
        Assert.Equal("Tên viết tắt A|Tên viết tắt B", stored.Aliases);
        var tree = await admin.GetStringAsync(new Uri("/to-chuc", UriKind.Relative), ct);
        Assert.Contains(missing.Name + " (mới)", tree, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task A_unit_cannot_be_put_under_itself_or_its_own_descendant(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignedInClientAsync();
        var top = await NewUnitAsync(admin, "Thôn Đông", "Village", null);
        var below = await NewUnitAsync(admin, "Xóm Đông 1", "Village", top);
        var lowest = await NewUnitAsync(admin, "Tổ Đông 1A", "Village", below);

        var underGrandchild = await EditAsync(admin, top, "Thôn Đông", "Village", lowest);
        var underItself = await EditAsync(admin, top, "Thôn Đông", "Village", top);

        Assert.Equal(HttpStatusCode.BadRequest, underGrandchild.StatusCode);
        Assert.Contains("Không thể đặt đơn vị dưới chính nó hoặc dưới một đơn vị cấp dưới của nó.", await underGrandchild.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, underItself.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Units.Where(u => u.Id == top).Select(u => u.ParentId).SingleAsync(ct)));
        // The form offers neither as a parent in the first place.
        var form = await admin.GetStringAsync(new Uri($"/to-chuc/don-vi/{top}", UriKind.Relative), ct);
        Assert.DoesNotContain($"<option value=\"{lowest}\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{top}\"", form, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task A_unit_that_leads_tasks_and_has_users_is_deactivated_never_deleted(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var ct = TestContext.Current.CancellationToken;
        var police = await app.UnitIdAsync("cong-an");
        using var admin = await app.SignedInClientAsync();
        var url = $"/to-chuc/don-vi/{police}";
        var page = await admin.GetStringAsync(new Uri(url, UriKind.Relative), ct);
        var version = FormPosts.InputValue(page, "Input.Version");

        var delete = await admin.PostTokenFormAsync(page, url + "?handler=Delete", ("version", version));
        var deleteBody = await delete.BodyAsync();
        var deactivate = await admin.PostTokenFormAsync(page, url + "?handler=Deactivate", ("version", version));
        var after = await deactivate.BodyAsync();

        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains("Không xóa được &quot;Công an xã&quot;", deleteBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Xóa đơn vị</button>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        Assert.Contains("Ngừng hoạt động", after, StringComparison.Ordinal);
        Assert.Contains("Trạng thái: <span>Đang hoạt động → Ngừng hoạt động</span>", after, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Units.SingleAsync(u => u.Id == police, ct));
        Assert.False(stored.Active);
        Assert.Equal(2, await app.WithDbAsync(db => db.Users.CountAsync(u => u.UnitId == police, ct)));
        Assert.True(await app.WithDbAsync(db => db.Tasks.AnyAsync(t => t.LeadUnitId == police, ct)));

        var reactivate = await admin.PostTokenFormAsync(after, url + "?handler=Reactivate", ("version", FormPosts.InputValue(after, "Input.Version")));
        Assert.Equal(HttpStatusCode.OK, reactivate.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Units.Where(u => u.Id == police).Select(u => u.Active).SingleAsync(ct)));
    }

    [Fact]
    public async Task An_unused_unit_is_deleted_and_its_deletion_stays_in_the_history()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignedInClientAsync();
        var id = await NewUnitAsync(admin, "Tổ công tác tạm thời", "Committee", null);
        var url = $"/to-chuc/don-vi/{id}";
        var page = await admin.GetStringAsync(new Uri(url, UriKind.Relative), ct);

        var deleted = await admin.PostTokenFormAsync(page, url + "?handler=Delete", ("version", FormPosts.InputValue(page, "Input.Version")));

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.EndsWith("/to-chuc", deleted.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain("Tổ công tác tạm thời", await deleted.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri(url, UriKind.Relative), ct)).StatusCode);
        var key = id.ToString();
        var actions = await app.WithDbAsync(db => db.Audit.Where(a => a.Entity == "OrgUnit" && a.EntityId == key).Select(a => a.Action).ToListAsync(ct));
        Assert.Equal(["create", "delete"], actions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_stale_unit_edit_is_a_conflict_showing_both_versions()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var first = await app.SignedInClientAsync();
        using var second = await app.SignedInClientAsync();
        var id = await NewUnitAsync(first, "Tổ Chuyển đổi số", "Committee", null);
        var url = $"/to-chuc/don-vi/{id}";
        var firstForm = await first.GetStringAsync(new Uri(url, UriKind.Relative), ct);
        var secondForm = await second.GetStringAsync(new Uri(url, UriKind.Relative), ct);

        var saved = await first.PostTokenFormAsync(firstForm, url, ("Input.Name", "Tổ Chuyển đổi số của người thứ nhất"), ("Input.Kind", "Committee"), ("Input.Version", FormPosts.InputValue(firstForm, "Input.Version")));
        var conflict = await second.PostTokenFormAsync(secondForm, url, ("Input.Name", "Tổ Chuyển đổi số của người thứ hai"), ("Input.Kind", "Committee"), ("Input.Version", FormPosts.InputValue(secondForm, "Input.Version")));
        var body = await conflict.BodyAsync();

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("Người khác vừa lưu đơn vị này", body, StringComparison.Ordinal);
        Assert.Contains("<td>Tổ Chuyển đổi số của người thứ nhất</td>", body, StringComparison.Ordinal);
        Assert.Contains("value=\"Tổ Chuyển đổi số của người thứ hai\"", body, StringComparison.Ordinal);
        Assert.Equal("Tổ Chuyển đổi số của người thứ nhất", await app.WithDbAsync(db => db.Units.Where(u => u.Id == id).Select(u => u.Name).SingleAsync(ct)));
    }

    [Fact]
    public async Task A_script_in_a_unit_name_is_shown_as_text()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignedInClientAsync();
        var id = await NewUnitAsync(admin, "<script>alert('x')</script> Tổ lạ", "Committee", null);

        var tree = await admin.GetStringAsync(new Uri("/to-chuc", UriKind.Relative), ct);
        var page = await admin.GetStringAsync(new Uri($"/to-chuc/don-vi/{id}", UriKind.Relative), ct);

        Assert.DoesNotContain("<script>alert", tree, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Tổ lạ", tree, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_name_and_missing_kind_are_refused_beside_their_fields()
    {
        await using var app = new RoViecApp();
        using var admin = await app.SignedInClientAsync();

        var response = await admin.PostFormAsync("/to-chuc/them-don-vi", "/to-chuc/them-don-vi?handler=New", ("New.Name", "  "), ("New.Kind", ""));
        var body = await response.BodyAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Hãy nhập tên đơn vị.", body, StringComparison.Ordinal);
        Assert.Contains("Hãy chọn loại đơn vị.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_unit_with_the_same_name_is_refused()
    {
        await using var app = new RoViecApp();
        using var admin = await app.SignedInClientAsync();

        var response = await admin.PostFormAsync("/to-chuc/them-don-vi", "/to-chuc/them-don-vi?handler=New", ("New.Name", "cong an xa"), ("New.Kind", "Police"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Xã đã có đơn vị tên &quot;cong an xa&quot;.", await response.BodyAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("thuongtruc", "/to-chuc")]
    [InlineData("congan", "/to-chuc")]
    [InlineData("tinh", "/to-chuc")]
    [InlineData("thuongtruc", "/nguoi-dung")]
    [InlineData("truongban", "/nguoi-dung")]
    [InlineData("congan", "/to-chuc/ban-chi-dao")]
    [InlineData("ubkt", "/nguoi-dung/moi")]
    public async Task Only_administrators_open_the_organisation_and_accounts(string userName, string url)
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync(userName);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Không có quyền truy cập", await response.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignedInClientAsync();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["New.Name"] = "Tổ giả mạo", ["New.Kind"] = "Committee" });

        var response = await admin.PostAsync(new Uri("/to-chuc/them-don-vi?handler=New", UriKind.Relative), content, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Units.AnyAsync(u => u.Name == "Tổ giả mạo", ct)));
    }

    [Fact]
    public async Task A_province_administrator_picks_any_commune_of_its_province_and_nothing_of_another()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        var (neighbour, neighbourUnit) = await app.CommuneAsync("Quỳnh Lưu");
        var (foreign, foreignUnit) = await app.CommuneAsync("Xuân Giang", province: "Hà Tĩnh");
        await app.UserAsync("quantritinh", Data.Entities.Roles.Administrator, communeId: null, provinceId: await app.ProvinceIdAsync("Nghệ An"));
        using var provinceAdmin = await app.SignedInClientAsync("quantritinh");
        using var communeAdmin = await app.SignedInClientAsync();

        var picked = await provinceAdmin.GetStringAsync(new Uri($"/to-chuc?xa={neighbour}", UriKind.Relative), ct);
        var otherProvince = await provinceAdmin.GetAsync(new Uri($"/to-chuc?xa={foreign}", UriKind.Relative), ct);
        var foreignUnitPage = await provinceAdmin.GetAsync(new Uri($"/to-chuc/don-vi/{foreignUnit}", UriKind.Relative), ct);
        var neighbourUnitPage = await provinceAdmin.GetAsync(new Uri($"/to-chuc/don-vi/{neighbourUnit}", UriKind.Relative), ct);
        var neighbourForCommuneAdmin = await communeAdmin.GetAsync(new Uri($"/to-chuc/don-vi/{neighbourUnit}", UriKind.Relative), ct);
        var neighbourTreeForCommuneAdmin = await communeAdmin.GetAsync(new Uri($"/to-chuc?xa={neighbour}", UriKind.Relative), ct);

        Assert.Contains("Xã Quỳnh Lưu", picked, StringComparison.Ordinal);
        Assert.Contains("Công an xã Quỳnh Lưu", picked, StringComparison.Ordinal);
        Assert.Contains(">Diễn Châu</option>", picked, StringComparison.Ordinal);
        Assert.DoesNotContain("Xuân Giang", picked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherProvince.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignUnitPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, neighbourUnitPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, neighbourForCommuneAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, neighbourTreeForCommuneAdmin.StatusCode);
    }

    /// <summary>Adds a unit through the form and returns its id (from the page it lands on).</summary>
    internal static async Task<Guid> NewUnitAsync(HttpClient admin, string name, string kind, Guid? parent)
    {
        var response = await admin.PostFormAsync("/to-chuc/them-don-vi", "/to-chuc/them-don-vi?handler=New",
            ("New.Name", name), ("New.Kind", kind), ("New.ParentId", parent?.ToString() ?? ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Guid.Parse(response.RequestMessage!.RequestUri!.AbsolutePath["/to-chuc/don-vi/".Length..]);
    }

    private static async Task<HttpResponseMessage> EditAsync(HttpClient admin, Guid id, string name, string kind, Guid? parent)
    {
        var url = $"/to-chuc/don-vi/{id}";
        var form = await admin.GetStringAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        return await admin.PostTokenFormAsync(form, url, ("Input.Name", name), ("Input.Kind", kind), ("Input.ParentId", parent?.ToString() ?? ""), ("Input.Version", FormPosts.InputValue(form, "Input.Version")));
    }
}
