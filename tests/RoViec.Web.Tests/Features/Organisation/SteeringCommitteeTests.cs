using System.Net;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>The steering committee: members by position, over fields and units, linked to accounts; every change in its history.</summary>
public sealed class SteeringCommitteeTests
{
    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task A_member_over_fields_and_units_with_an_account_is_listed_under_their_position(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var ct = TestContext.Current.CancellationToken;
        await app.WithDbAsync(Arrange.ClearSteeringCommitteeAsync);
        var police = await app.UnitIdAsync("cong-an");
        var culture = await app.UnitIdAsync("phong-van-hoa-xa-hoi");
        var account = await app.UserIdAsync("thanhvien");
        using var admin = await app.SignedInClientAsync();

        var added = await AddAsync(admin, "Hồ Văn Chỉ Đạo", SteeringPositions.Deputy, "Chuyển đổi số\nĐề án 06", account, police, culture);
        var page = await added.BodyAsync();

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.EndsWith("/to-chuc/ban-chi-dao", added.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var deputies = page[page.IndexOf("<h2>Phó Trưởng ban</h2>", StringComparison.Ordinal)..];
        Assert.Contains("Hồ Văn Chỉ Đạo", deputies[..deputies.IndexOf("</div>\n        </div>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("Lĩnh vực: Chuyển đổi số; Đề án 06", page, StringComparison.Ordinal);
        Assert.Contains("Đơn vị phụ trách: Công an xã; Phòng Văn hóa - Xã hội", page, StringComparison.Ordinal);
        Assert.Contains("Tài khoản: thanhvien", page, StringComparison.Ordinal);
        Assert.Contains("Phụ trách đơn vị", page, StringComparison.Ordinal);
        Assert.Contains("Hồ Văn Chỉ Đạo: <span>Công an xã</span>", page, StringComparison.Ordinal);
        var member = await app.WithDbAsync(db => db.SteeringMembers.Include(m => m.Units).SingleAsync(ct));
        Assert.Equal(account, member.UserId);
        Assert.Equal("Chuyển đổi số|Đề án 06", member.Fields);
        Assert.Equal(new[] { culture, police }.Order(), member.Units.Select(u => u.UnitId).Order());
        Assert.All(member.Units, u => Assert.Equal(member.CommuneId, u.CommuneId));
    }

    [Fact]
    public async Task Changing_a_member_takes_a_unit_away_and_the_history_says_so_and_a_stale_form_conflicts()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        await app.WithDbAsync(Arrange.ClearSteeringCommitteeAsync);
        var police = await app.UnitIdAsync("cong-an");
        var culture = await app.UnitIdAsync("phong-van-hoa-xa-hoi");
        using var admin = await app.SignedInClientAsync();
        (await AddAsync(admin, "Nguyễn Văn Bí Thư", SteeringPositions.Member, "Cải cách hành chính", null, police, culture)).EnsureSuccessStatusCode();
        var id = await app.WithDbAsync(db => db.SteeringMembers.Select(m => m.Id).SingleAsync(ct));
        var url = $"/to-chuc/ban-chi-dao/thanh-vien/{id}";
        var form = await admin.GetStringAsync(new Uri(url, UriKind.Relative), ct);
        var version = FormPosts.InputValue(form, "Input.Version");

        var saved = await admin.PostTokenFormAsync(form, url,
            ("Input.FullName", "Nguyễn Văn Bí Thư"), ("Input.Position", SteeringPositions.Head), ("Input.Fields", "Cải cách hành chính"),
            ("Input.UnitIds", culture.ToString()), ("Input.UserId", ""), ("Input.Order", "1"), ("Input.Version", version));
        var stale = await admin.PostTokenFormAsync(form, url,
            ("Input.FullName", "Tên từ bản cũ"), ("Input.Position", SteeringPositions.Member), ("Input.Fields", ""),
            ("Input.UserId", ""), ("Input.Order", "0"), ("Input.Version", version));
        var staleBody = await stale.BodyAsync();
        var memberPage = await admin.GetStringAsync(new Uri(url, UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Người khác vừa lưu thành viên này", staleBody, StringComparison.Ordinal);
        Assert.Contains("<td>Trưởng ban</td>", staleBody, StringComparison.Ordinal);
        Assert.Contains("Vị trí: <span>Thành viên → Trưởng ban</span>", memberPage, StringComparison.Ordinal);
        Assert.Contains("Thôi phụ trách đơn vị", memberPage, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn Bí Thư: <span>Công an xã</span>", memberPage, StringComparison.Ordinal);
        var member = await app.WithDbAsync(db => db.SteeringMembers.Include(m => m.Units).SingleAsync(ct));
        Assert.Equal("Nguyễn Văn Bí Thư", member.FullName);
        Assert.Equal(SteeringPositions.Head, member.Position);
        Assert.Equal([culture], member.Units.Select(u => u.UnitId));
    }

    [Fact]
    public async Task A_removed_member_leaves_the_committee_but_stays_in_its_history()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        await app.WithDbAsync(Arrange.ClearSteeringCommitteeAsync);
        using var admin = await app.SignedInClientAsync();
        (await AddAsync(admin, "Đặng Thị Giúp Việc", SteeringPositions.SupportGroup, "", null, await app.UnitIdAsync("cong-an"))).EnsureSuccessStatusCode();
        var id = await app.WithDbAsync(db => db.SteeringMembers.Select(m => m.Id).SingleAsync(ct));
        var url = $"/to-chuc/ban-chi-dao/thanh-vien/{id}";
        var form = await admin.GetStringAsync(new Uri(url, UriKind.Relative), ct);

        var removed = await admin.PostTokenFormAsync(form, url + "?handler=Remove", ("version", FormPosts.InputValue(form, "Input.Version")));
        var committee = await removed.BodyAsync();

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Contains("Ban Chỉ đạo chưa có thành viên nào.", committee, StringComparison.Ordinal);
        Assert.Contains("Xóa thành viên Đặng Thị Giúp Việc", committee, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.SteeringMemberUnits.AnyAsync(ct)));
    }

    [Fact]
    public async Task An_account_or_unit_of_another_commune_is_refused()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        await app.WithDbAsync(Arrange.ClearSteeringCommitteeAsync);
        var (other, otherUnit) = await app.CommuneAsync("Quỳnh Lưu");
        var outsider = await app.UserAsync("quynhluu", Roles.SteeringMember, other);
        using var admin = await app.SignedInClientAsync();

        var account = await AddAsync(admin, "Người xã khác", SteeringPositions.Member, "", outsider);
        var unit = await AddAsync(admin, "Người xã khác", SteeringPositions.Member, "", null, otherUnit);

        Assert.Equal(HttpStatusCode.BadRequest, account.StatusCode);
        Assert.Contains("Tài khoản được chọn không thuộc xã này.", await account.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unit.StatusCode);
        Assert.Contains("Có đơn vị không thuộc xã này.", await unit.BodyAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.SteeringMembers.AnyAsync(ct)));
    }

    private static Task<HttpResponseMessage> AddAsync(HttpClient admin, string name, string position, string fields, Guid? account, params Guid[] units) =>
        admin.PostFormAsync("/to-chuc/ban-chi-dao/thanh-vien", "/to-chuc/ban-chi-dao/thanh-vien",
        [
            ("Input.FullName", name), ("Input.Title", "Phó Chủ tịch UBND xã"), ("Input.Position", position), ("Input.Fields", fields),
            ("Input.UserId", account?.ToString() ?? ""), ("Input.Order", "0"), ("Input.Version", Guid.Empty.ToString()),
            .. units.Select(u => ("Input.UnitIds", u.ToString())),
        ]);
}
