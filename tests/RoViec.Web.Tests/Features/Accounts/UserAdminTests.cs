using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>Accounts: created with roles and a unit, changed, locked, given a new password; kept to the administrator's commune; history in words.</summary>
public sealed class UserAdminTests
{
    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task A_created_reporter_sets_a_password_through_the_one_time_link_and_sees_only_what_a_reporter_may(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var ct = TestContext.Current.CancellationToken;
        var police = await app.UnitIdAsync("cong-an");
        using var admin = await app.SignedInClientAsync();

        var created = await CreateAsync(admin, "baocao.ca", "Lê Thị Báo Cáo", [Roles.UnitReporter], police);
        var body = await created.BodyAsync();
        var link = SetPasswordLinkIn(body);
        using var person = app.CreateClient();
        var set = await SetPasswordAsync(person, link, "Mat-khau-cua-toi-2026");
        var again = await SetPasswordAsync(person, link, "Mat-khau-khac-2026!");
        using var reporter = await app.SignedInClientAsync("baocao.ca", "Mat-khau-cua-toi-2026");
        var home = await reporter.GetAsync(new Uri("/", UriKind.Relative), ct);
        var organisation = await reporter.GetAsync(new Uri("/to-chuc", UriKind.Relative), ct);
        var account = await reporter.GetStringAsync(new Uri("/tai-khoan", UriKind.Relative), ct);
        var list = await admin.GetStringAsync(new Uri("/nguoi-dung", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("Đã tạo tài khoản", body, StringComparison.Ordinal);
        Assert.Contains("chỉ hiển thị một lần", body, StringComparison.Ordinal);
        Assert.DoesNotContain("initial-password", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Contains("Đã đặt mật khẩu cho tài khoản baocao.ca", await set.BodyAsync(), StringComparison.Ordinal);
        // The link works once.
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        using var reopened = await person.GetAsync(new Uri(link).PathAndQuery, ct);
        Assert.Equal(HttpStatusCode.BadRequest, reopened.StatusCode);
        Assert.Contains("không còn dùng được", await reopened.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, organisation.StatusCode);
        Assert.Contains("Cán bộ báo cáo của đơn vị", account, StringComparison.Ordinal);
        Assert.Contains("Công an xã", account, StringComparison.Ordinal);
        Assert.Contains("baocao.ca", list, StringComparison.Ordinal);
        // The link is shown once: it is nowhere in the account's pages afterwards.
        var id = await app.UserIdAsync("baocao.ca");
        var token = new Uri(link).Query;
        Assert.DoesNotContain(token, await admin.GetStringAsync(new Uri($"/nguoi-dung/{id}", UriKind.Relative), ct), StringComparison.Ordinal);
        Assert.DoesNotContain(token, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_account_has_no_password_until_its_person_sets_one_and_the_administrator_never_types_one()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignedInClientAsync();

        var form = await admin.GetStringAsync(new Uri("/nguoi-dung/moi", UriKind.Relative), ct);
        var created = await CreateAsync(admin, "quantri2", "Trần Quản Trị", [Roles.Administrator, Roles.StandingOffice], null);
        var hash = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "quantri2").Select(u => u.PasswordHash).SingleAsync(ct));
        using var person = app.CreateClient();
        await SetPasswordAsync(person, SetPasswordLinkIn(await created.BodyAsync()), "Mat-khau-moi-2026");
        using var second = await app.SignedInClientAsync("quantri2", "Mat-khau-moi-2026");
        var users = await second.GetStringAsync(new Uri("/nguoi-dung", UriKind.Relative), ct);

        Assert.DoesNotContain("Input.Password", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Null(hash);
        Assert.Contains("Quản trị viên, Cơ quan thường trực", users, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_or_mismatched_password_is_refused_beside_its_field_and_the_link_still_works()
    {
        await using var app = new RoViecApp();
        using var admin = await app.SignedInClientAsync();
        var link = SetPasswordLinkIn(await (await CreateAsync(admin, "matkhauyeu", "Người Mật Khẩu Yếu", [Roles.Inspector], null)).BodyAsync());
        using var person = app.CreateClient();

        var weak = await SetPasswordAsync(person, link, "abc");
        var mismatch = await SetPasswordAsync(person, link, "Bau-troi-xanh-2026", "Bau-troi-trong-2026");
        var good = await SetPasswordAsync(person, link, "Bau-troi-xanh-2026");

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var weakBody = await weak.BodyAsync();
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", weakBody, StringComparison.Ordinal);
        Assert.Contains("Mật khẩu phải có ít nhất một chữ hoa (A–Z).", weakBody, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_New-loi\"", weakBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("Hai lần nhập mật khẩu mới không khớp.", await mismatch.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task A_link_expires_after_three_days_on_the_applications_clock()
    {
        var clock = new TestClock(RoViecApp.DefaultDay);
        await using var app = new RoViecApp { Clock = clock };
        using var admin = await app.SignedInClientAsync();
        var link = SetPasswordLinkIn(await (await CreateAsync(admin, "hethan", "Người Đến Muộn", [Roles.Inspector], null)).BodyAsync());
        using var person = app.CreateClient();

        clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        var late = await person.GetAsync(new Uri(link).PathAndQuery, TestContext.Current.CancellationToken);
        var posted = await SetPasswordAsync(person, link, "Mat-khau-tre-2026");

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("đã quá hạn", await late.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "hethan").Select(u => u.PasswordHash).SingleAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task With_a_mail_server_the_link_goes_to_the_persons_address_and_is_not_shown()
    {
        await using var sink = new SmtpSink();
        await using var app = new RoViecApp { Settings = sink.Settings };
        using var admin = await app.SignedInClientAsync();

        var created = await admin.PostFormAsync("/nguoi-dung/moi", "/nguoi-dung/moi",
            ("Input.UserName", "cothu"), ("Input.FullName", "Người Có Thư"), ("Input.Title", ""), ("Input.Email", "cothu@xa.example.vn"),
            ("Input.UnitId", ""), ("Input.Roles", Roles.Inspector));
        var body = await created.BodyAsync();
        var mail = Assert.Single(sink.Messages, m => m.To.Contains("cothu@xa.example.vn"));
        var text = mail.Message.TextBody ?? "";
        var link = System.Text.RegularExpressions.Regex.Match(text, @"https://roviec\.example\.vn/dat-mat-khau\?\S+").Value;
        using var person = app.CreateClient();
        var set = await SetPasswordAsync(person, link, "Mat-khau-qua-mail-2026");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("Đã gửi đường dẫn đặt mật khẩu tới cothu@xa.example.vn", body, StringComparison.Ordinal);
        Assert.DoesNotContain("set-password-link", body, StringComparison.Ordinal);
        Assert.Contains("tên đăng nhập \"cothu\"", text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(link));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
    }

    [Fact]
    public async Task Duplicate_name_missing_unit_and_no_role_are_refused_in_vietnamese_beside_their_fields()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignedInClientAsync();

        var duplicate = await CreateAsync(admin, "congan", "Trùng Tên", [Roles.Inspector], null);
        var noUnit = await CreateAsync(admin, "khongdonvi", "Không Đơn Vị", [Roles.UnitHead], null);
        var noRole = await CreateAsync(admin, "khongvaitro", "Không Vai Trò", [], null);
        var badName = await CreateAsync(admin, "Tên Có Dấu", "Tên Sai", [Roles.Inspector], null);

        Assert.Contains("Tên đăng nhập &quot;congan&quot; đã có người dùng.", await duplicate.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("Cán bộ báo cáo và thủ trưởng đơn vị phải thuộc một đơn vị của xã.", await noUnit.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("Hãy chọn ít nhất một vai trò.", await noRole.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("Tên đăng nhập dài 3–50 ký tự", await badName.BodyAsync(), StringComparison.Ordinal);
        Assert.All([duplicate, noUnit, noRole, badName], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "khongdonvi" || u.UserName == "khongvaitro", ct)));
    }

    [Fact]
    public async Task A_commune_administrator_cannot_grant_the_province_role_nor_create_province_accounts()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignedInClientAsync();
        var form = await admin.GetStringAsync(new Uri("/nguoi-dung/moi", UriKind.Relative), ct);

        var provinceRole = await CreateAsync(admin, "giatinh", "Giả Tỉnh", [Roles.ProvinceOffice], null);
        var provinceLevel = await admin.PostFormAsync("/nguoi-dung/moi?xa=tinh", "/nguoi-dung/moi?xa=tinh",
            ("Input.UserName", "giatinh2"), ("Input.FullName", "Giả Tỉnh Hai"), ("Input.Roles", Roles.Administrator), ("Input.Password", ""));

        Assert.DoesNotContain($"value=\"{Roles.ProvinceOffice}\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, provinceRole.StatusCode);
        Assert.Contains("Vai trò Văn phòng Ban Chỉ đạo tỉnh chỉ dành cho tài khoản cấp tỉnh", await provinceRole.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, provinceLevel.StatusCode);
        Assert.Contains("Chỉ quản trị viên cấp tỉnh mới tạo được tài khoản cấp tỉnh.", await provinceLevel.BodyAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName!.StartsWith("giatinh"), ct)));
    }

    [Fact]
    public async Task A_province_administrator_creates_a_province_office_account()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        var province = await app.ProvinceIdAsync("Nghệ An");
        await app.UserAsync("quantritinh", Roles.Administrator, communeId: null, provinceId: province);
        using var provinceAdmin = await app.SignedInClientAsync("quantritinh");

        var created = await provinceAdmin.PostFormAsync("/nguoi-dung/moi?xa=tinh", "/nguoi-dung/moi?xa=tinh",
            ("Input.UserName", "vanphongtinh2"), ("Input.FullName", "Văn phòng BCĐ tỉnh 2"), ("Input.Roles", Roles.ProvinceOffice), ("Input.Password", ""));
        var list = await provinceAdmin.GetStringAsync(new Uri("/nguoi-dung?xa=tinh", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "vanphongtinh2", ct));
        Assert.Null(user.CommuneId);
        Assert.Equal(province, user.ProvinceId);
        Assert.Contains("vanphongtinh2", list, StringComparison.Ordinal);
        Assert.Contains("Văn phòng Ban Chỉ đạo tỉnh", list, StringComparison.Ordinal);
        Assert.DoesNotContain(">congan<", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_communes_account_does_not_exist_for_a_commune_administrator()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        var (other, _) = await app.CommuneAsync("Quỳnh Lưu");
        var outsider = await app.UserAsync("quynhluu.ubkt", Roles.Inspector, other);
        using var admin = await app.SignedInClientAsync();

        var page = await admin.GetAsync(new Uri($"/nguoi-dung/{outsider}", UriKind.Relative), ct);
        var list = await admin.GetStringAsync(new Uri("/nguoi-dung", UriKind.Relative), ct);
        var filtered = await admin.GetAsync(new Uri($"/nguoi-dung?xa={other}", UriKind.Relative), ct);
        var form = await admin.GetStringAsync(new Uri("/nguoi-dung", UriKind.Relative), ct);
        var lockIt = await admin.PostTokenFormAsync(form, $"/nguoi-dung/{outsider}?handler=Lock");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("quynhluu.ubkt", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, filtered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, lockIt.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == outsider).Select(u => u.LockoutEnd).SingleAsync(ct)));
    }

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task The_last_administrator_cannot_remove_their_own_administrator_role(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var ct = TestContext.Current.CancellationToken;
        var self = await app.UserIdAsync("admin");
        using var admin = await app.SignedInClientAsync();

        var refused = await EditAsync(admin, self, [Roles.StandingOffice]);
        var refusedBody = await refused.BodyAsync();
        (await CreateAsync(admin, "quantri2", "Quản Trị Hai", [Roles.Administrator], null)).EnsureSuccessStatusCode();
        var allowed = await EditAsync(admin, self, [Roles.StandingOffice]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Bạn là quản trị viên cuối cùng của xã Diễn Châu. Hãy giao vai trò Quản trị viên cho một người khác trước khi bỏ vai trò của mình.", refusedBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Equal([Roles.StandingOffice], await users.GetRolesAsync((await users.FindByNameAsync("admin"))!));
    }

    [Fact]
    public async Task A_locked_account_cannot_sign_in_until_unlocked_and_its_open_session_ends()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        var id = await app.UserIdAsync("vhxh");
        using var admin = await app.SignedInClientAsync();
        var url = $"/nguoi-dung/{id}";
        var page = await admin.GetStringAsync(new Uri(url, UriKind.Relative), ct);

        var locked = await admin.PostTokenFormAsync(page, url + "?handler=Lock");
        var lockedList = await admin.GetStringAsync(new Uri("/nguoi-dung", UriKind.Relative), ct);
        using var attempt = app.CreateClient();
        var refused = await RoViecApp.SignInAsync(attempt, "vhxh", RoViecApp.AdminPassword);
        var selfLock = await admin.PostTokenFormAsync(page, $"/nguoi-dung/{await app.UserIdAsync("admin")}?handler=Lock");
        var unlocked = await admin.PostTokenFormAsync(page, url + "?handler=Unlock");
        var allowed = await RoViecApp.SignInAsync(attempt, "vhxh", RoViecApp.AdminPassword);

        Assert.Contains("Đã khóa tài khoản", await locked.BodyAsync(), StringComparison.Ordinal);
        Assert.Matches(@"Phạm Thị Hoa</a>\s*<span class=""pill off"">Đã khóa</span>", lockedList);
        // Refused as any failed sign-in is: the form does not tell that the account exists, nor that it is locked.
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("hoặc tài khoản đang tạm khóa", await refused.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, selfLock.StatusCode);
        Assert.Contains("Bạn không thể tự khóa tài khoản của mình.", await selfLock.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("Đã mở khóa tài khoản.", await unlocked.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task A_reset_password_ends_the_old_one_and_its_person_sets_a_new_one_through_a_link_shown_once()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        var id = await app.UserIdAsync("ubkt");
        using var admin = await app.SignedInClientAsync();
        var url = $"/nguoi-dung/{id}";
        var page = await admin.GetStringAsync(new Uri(url, UriKind.Relative), ct);

        var reset = await admin.PostTokenFormAsync(page, url + "?handler=ResetPassword");
        var link = SetPasswordLinkIn(await reset.BodyAsync());
        using var client = app.CreateClient();
        var old = await RoViecApp.SignInAsync(client, "ubkt", RoViecApp.AdminPassword);
        var set = await SetPasswordAsync(client, link, "Mat-khau-moi-2026");
        var fresh = await RoViecApp.SignInAsync(client, "ubkt", "Mat-khau-moi-2026");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.DoesNotContain("set-password-link", await admin.GetStringAsync(new Uri(url, UriKind.Relative), ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changed_roles_and_unit_show_in_the_history_by_name_never_hashes_or_stamps()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        var id = await app.UserIdAsync("vhxh");
        var police = await app.UnitIdAsync("cong-an");
        using var admin = await app.SignedInClientAsync();

        var saved = await EditAsync(admin, id, [Roles.UnitHead], police, title: "Trưởng Công an xã");
        var page = await saved.BodyAsync();

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Đã lưu thay đổi của tài khoản.", page, StringComparison.Ordinal);
        Assert.Matches(@"<td>admin</td>\s*<td>Thêm vai trò</td>\s*<td>\s*<ul class=""changes"">\s*<li>Vai trò: <span>Thủ trưởng đơn vị</span>", page);
        Assert.Matches(@"<td>admin</td>\s*<td>Bỏ vai trò</td>\s*<td>\s*<ul class=""changes"">\s*<li>Vai trò: <span>Cán bộ báo cáo của đơn vị</span>", page);
        Assert.Contains("Đơn vị: <span>Phòng Văn hóa - Xã hội → Công an xã</span>", page, StringComparison.Ordinal);
        Assert.Contains("Chức vụ: <span>Trưởng Công an xã</span>", page, StringComparison.Ordinal);
        var (hash, stamp) = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => new { u.PasswordHash, u.SecurityStamp }).SingleAsync(ct).ContinueWith(t => (t.Result.PasswordHash!, t.Result.SecurityStamp!), ct));
        Assert.DoesNotContain(hash, page, StringComparison.Ordinal);
        Assert.DoesNotContain(stamp, page, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", page, StringComparison.Ordinal);
        Assert.DoesNotContain("SecurityStamp", page, StringComparison.Ordinal);
        var roleId = await app.WithDbAsync(db => db.Roles.Where(r => r.Name == Roles.UnitHead).Select(r => r.Id).SingleAsync(ct));
        Assert.DoesNotContain(roleId.ToString(), page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_list_names_roles_in_vietnamese_with_unit_lock_and_two_factor()
    {
        await using var app = new RoViecApp();
        using var admin = await app.SignedInClientAsync();

        var html = await admin.GetStringAsync(new Uri("/nguoi-dung", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Matches(@"Trần Văn Công</a>\s*<div class=""facts"">congan</div>\s*</td>\s*<td>Cán bộ báo cáo của đơn vị</td>\s*<td class=""opt"">Công an xã</td>\s*<td>\s*<span>Chưa bật</span>", html);
        Assert.Contains("Ủy ban Kiểm tra (UBKT)", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">tinh<", html, StringComparison.Ordinal);
    }

    internal static Task<HttpResponseMessage> CreateAsync(HttpClient admin, string userName, string fullName, string[] roles, Guid? unit) =>
        admin.PostFormAsync("/nguoi-dung/moi", "/nguoi-dung/moi",
        [
            ("Input.UserName", userName), ("Input.FullName", fullName), ("Input.Title", ""), ("Input.Email", ""),
            ("Input.UnitId", unit?.ToString() ?? ""),
            .. roles.Select(r => ("Input.Roles", r)),
        ]);

    /// <summary>The one-time link an answer page shows to hand over.</summary>
    internal static string SetPasswordLinkIn(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, @"id=""set-password-link"" href=""([^""]+)""");
        Assert.True(match.Success, "no set-password link in the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Opens the link and posts its form, as the person would.</summary>
    internal static async Task<HttpResponseMessage> SetPasswordAsync(HttpClient person, string link, string password, string? confirm = null)
    {
        var path = new Uri(link).PathAndQuery;
        // A used or expired link answers 400 without a form: the post then carries no token and is refused too.
        using var opened = await person.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await opened.BodyAsync();
        return await person.PostTokenFormAsync(page, path, ("Input.New", password), ("Input.Confirm", confirm ?? password));
    }

    private static Task<HttpResponseMessage> EditAsync(HttpClient admin, Guid id, string[] roles, Guid? unit = null, string title = "") =>
        admin.PostFormAsync($"/nguoi-dung/{id}", $"/nguoi-dung/{id}",
        [
            ("Input.FullName", "Tên Sau Khi Sửa"), ("Input.Title", title), ("Input.Email", ""), ("Input.UnitId", unit?.ToString() ?? ""),
            .. roles.Select(r => ("Input.Roles", r)),
        ]);
}
