using System.Net;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// Merging a unit into another on its organisation page: everything attached to it moves, its name
/// becomes an alias of the target, it is deactivated and kept; refused as a whole when it cannot be done.
/// </summary>
public sealed class UnitMergeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Merge_moves_tasks_indicators_users_members_and_reports_then_deactivates_the_source(string provider)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var police = await app.UnitIdAsync("cong-an");
        var duplicate = await DuplicateAsync(app, "Công an thị trấn Diễn Châu", "CA thị trấn");
        var (task, indicator) = await app.WithDbAsync(async db =>
        {
            var t = await db.Tasks.OrderBy(x => x.Order).FirstAsync(x => x.LeadUnitId != police, Ct);
            var i = await db.Indicators.OrderBy(x => x.Order).FirstAsync(Ct);
            t.LeadUnitId = duplicate;
            i.OwnerUnitId = duplicate;
            await db.SaveChangesAsync(Ct);
            return (t.Id, i.Id);
        });
        var reporter = await app.UserAsync("canbo-thitran", Roles.UnitReporter, await app.CommuneIdAsync("Diễn Châu"), unitId: duplicate);
        var (onlySource, onBoth) = await MembersAsync(app, duplicate, police);
        var (january, february) = await PeriodsAsync(app);
        var sourceReport = await ReportAsync(app, january, duplicate);
        var policeReport = await ReportAsync(app, february, police);
        using var admin = await app.SignedInClientAsync();

        var (response, body) = await MergeAsync(admin, duplicate, police.ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/to-chuc/don-vi/{police}", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Đã gộp “Công an thị trấn Diễn Châu” vào đơn vị này", body, StringComparison.Ordinal);
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(police, (await db.Tasks.SingleAsync(t => t.Id == task, Ct)).LeadUnitId);
            Assert.Equal(police, (await db.Indicators.SingleAsync(i => i.Id == indicator, Ct)).OwnerUnitId);
            Assert.Equal(police, (await db.Users.SingleAsync(u => u.Id == reporter, Ct)).UnitId);
            Assert.Equal(police, (await db.Reports.SingleAsync(r => r.Id == sourceReport, Ct)).UnitId);
            Assert.Equal(police, (await db.Reports.SingleAsync(r => r.Id == policeReport, Ct)).UnitId);
            Assert.Equal([police], await db.SteeringMemberUnits.Where(m => m.MemberId == onlySource).Select(m => m.UnitId).ToListAsync(Ct));
            Assert.Equal([police], await db.SteeringMemberUnits.Where(m => m.MemberId == onBoth).Select(m => m.UnitId).ToListAsync(Ct));
            Assert.False(await db.Tasks.AnyAsync(t => t.LeadUnitId == duplicate, Ct));
            var source = await db.Units.SingleAsync(u => u.Id == duplicate, Ct);
            Assert.False(source.Active);
            var target = await db.Units.SingleAsync(u => u.Id == police, Ct);
            Assert.Contains("Công an thị trấn Diễn Châu", target.Aliases.Split('|'));
            Assert.Contains("CA thị trấn", target.Aliases.Split('|'));
            // Every row changed is in the audit, with the merge's author.
            var audited = await db.Audit.Where(a => a.Actor == "admin" && a.Action == "update").Select(a => a.EntityId).ToListAsync(Ct);
            Assert.Contains(task.ToString(), audited, StringComparer.OrdinalIgnoreCase);
            Assert.Contains(indicator.ToString(), audited, StringComparer.OrdinalIgnoreCase);
            Assert.Contains(sourceReport.ToString(), audited, StringComparer.OrdinalIgnoreCase);
            Assert.Contains(duplicate.ToString(), audited, StringComparer.OrdinalIgnoreCase);
            return true;
        });
        // The source keeps its page and its history says it stopped.
        var sourcePage = await admin.GetStringAsync(new Uri($"/to-chuc/don-vi/{duplicate}", UriKind.Relative), Ct);
        Assert.Contains("Trạng thái: <span>Đang hoạt động → Ngừng hoạt động</span>", sourcePage, StringComparison.Ordinal);
        Assert.Contains("Tên khác: <span>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_is_refused_naming_the_period_when_both_units_reported_in_it_and_nothing_changes()
    {
        await using var app = new RoViecApp();
        var police = await app.UnitIdAsync("cong-an");
        var duplicate = await DuplicateAsync(app, "Công an thị trấn", null);
        var task = await LeadAsync(app, duplicate);
        var (january, february) = await PeriodsAsync(app);
        var label = await app.WithDbAsync(db => db.Periods.Where(p => p.Id == february).Select(p => p.Label).SingleAsync(Ct));
        var movable = await ReportAsync(app, january, duplicate);
        await ReportAsync(app, february, duplicate);
        await ReportAsync(app, february, police);
        using var admin = await app.SignedInClientAsync();

        var (response, body) = await MergeAsync(admin, duplicate, police.ToString());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Tháng 2/" + label[^4..], label);
        Assert.Contains($"đều đã có báo cáo kỳ {label}", body, StringComparison.Ordinal);
        await app.WithDbAsync(async db =>
        {
            Assert.True((await db.Units.SingleAsync(u => u.Id == duplicate, Ct)).Active);
            Assert.Equal(duplicate, (await db.Tasks.SingleAsync(t => t.Id == task, Ct)).LeadUnitId);
            Assert.Equal(duplicate, (await db.Reports.SingleAsync(r => r.Id == movable, Ct)).UnitId);
            Assert.DoesNotContain("Công an thị trấn", (await db.Units.SingleAsync(u => u.Id == police, Ct)).Aliases, StringComparison.Ordinal);
            return true;
        });
    }

    [Fact]
    public async Task Merge_into_itself_a_unit_below_it_an_inactive_unit_or_another_communes_unit_is_refused()
    {
        await using var app = new RoViecApp();
        var police = await app.UnitIdAsync("cong-an");
        var duplicate = await DuplicateAsync(app, "Công an thị trấn", null);
        var task = await LeadAsync(app, duplicate);
        var closed = await DuplicateAsync(app, "Đội Công an cũ", null, active: false, kind: "Police", key: "doi-cong-an-cu");
        var (_, elsewhere) = await app.CommuneAsync("Quỳnh Lưu");
        var below = await DuplicateAsync(app, "Tổ Công an thị trấn", null, kind: "Police", key: "to-cong-an-thi-tran");
        await app.WithDbAsync(async db =>
        {
            (await db.Units.SingleAsync(u => u.Id == below, Ct)).ParentId = duplicate;
            return await db.SaveChangesAsync(Ct);
        });
        using var admin = await app.SignedInClientAsync();

        var (itself, itselfBody) = await MergeAsync(admin, duplicate, duplicate.ToString());
        var (inactive, inactiveBody) = await MergeAsync(admin, duplicate, closed.ToString());
        var (across, acrossBody) = await MergeAsync(admin, duplicate, elsewhere.ToString());
        var (none, noneBody) = await MergeAsync(admin, duplicate, "");
        var (under, underBody) = await MergeAsync(admin, duplicate, below.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, itself.StatusCode);
        Assert.Contains("Không thể gộp một đơn vị vào chính nó.", itselfBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, inactive.StatusCode);
        Assert.Contains("Không gộp được vào &quot;Đội Công an cũ&quot; vì đơn vị này đã ngừng hoạt động", inactiveBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, across.StatusCode);
        Assert.Contains("Chỉ gộp được vào một đơn vị của cùng xã.", acrossBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Hãy chọn đơn vị để gộp vào.", noneBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, under.StatusCode);
        Assert.Contains("Không thể gộp một đơn vị vào &quot;Tổ Công an thị trấn&quot;, một đơn vị cấp dưới của nó.", underBody, StringComparison.Ordinal);
        // Neither an inactive unit nor the unit itself is offered as a target; an active one is.
        var page = await admin.GetStringAsync(new Uri($"/to-chuc/don-vi/{duplicate}", UriKind.Relative), Ct);
        var form = page[page.IndexOf("name=\"mergeInto\"", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</select>", StringComparison.Ordinal)];
        Assert.Contains($"<option value=\"{police}\">", form, StringComparison.Ordinal);
        Assert.DoesNotContain(closed.ToString(), form, StringComparison.Ordinal);
        Assert.DoesNotContain(duplicate.ToString(), form, StringComparison.Ordinal);
        Assert.DoesNotContain(below.ToString(), form, StringComparison.Ordinal);
        await app.WithDbAsync(async db =>
        {
            Assert.True((await db.Units.SingleAsync(u => u.Id == duplicate, Ct)).Active);
            Assert.Equal(duplicate, (await db.Tasks.SingleAsync(t => t.Id == task, Ct)).LeadUnitId);
            var ids = new[] { police.ToString(), duplicate.ToString() };
            Assert.False(await db.Audit.AnyAsync(a => a.Entity == nameof(OrgUnit) && a.Action == "update" && ids.Contains(a.EntityId), Ct));
            return true;
        });
    }

    [Fact]
    public async Task Merge_from_a_stale_page_is_a_conflict_and_changes_nothing()
    {
        await using var app = new RoViecApp();
        var police = await app.UnitIdAsync("cong-an");
        var duplicate = await DuplicateAsync(app, "Công an thị trấn", null);
        var task = await LeadAsync(app, duplicate);
        using var admin = await app.SignedInClientAsync();
        var url = $"/to-chuc/don-vi/{duplicate}";
        var stale = await admin.GetStringAsync(new Uri(url, UriKind.Relative), Ct);
        // Someone renames the unit meanwhile.
        var fresh = await admin.GetStringAsync(new Uri(url, UriKind.Relative), Ct);
        (await admin.PostTokenFormAsync(fresh, url, ("Input.Name", "Công an thị trấn (cũ)"), ("Input.Kind", "Unrecognised"), ("Input.ParentId", ""),
            ("Input.Aliases", ""), ("Input.Version", FormPosts.InputValue(fresh, "Input.Version")))).EnsureSuccessStatusCode();

        var response = await admin.PostTokenFormAsync(stale, url + "?handler=Merge", ("mergeInto", police.ToString()), ("version", FormPosts.InputValue(stale, "version")));
        var body = await response.BodyAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Người khác vừa lưu đơn vị này trong lúc bạn sửa. Chưa có gì bị ghi đè.", body, StringComparison.Ordinal);
        await app.WithDbAsync(async db =>
        {
            Assert.True((await db.Units.SingleAsync(u => u.Id == duplicate, Ct)).Active);
            Assert.Equal(duplicate, (await db.Tasks.SingleAsync(t => t.Id == task, Ct)).LeadUnitId);
            Assert.DoesNotContain("Công an thị trấn", (await db.Units.SingleAsync(u => u.Id == police, Ct)).Aliases, StringComparison.Ordinal);
            return true;
        });
    }

    [Theory]
    [InlineData("thuongtruc")]
    [InlineData("congan")]
    public async Task Only_an_administrator_merges_units(string userName)
    {
        await using var app = new RoViecApp();
        var police = await app.UnitIdAsync("cong-an");
        var duplicate = await DuplicateAsync(app, "Công an thị trấn", null);
        using var client = await app.SignedInClientAsync(userName);
        var form = await client.GetStringAsync(new Uri("/tai-khoan", UriKind.Relative), Ct);

        var response = await client.PostTokenFormAsync(form, $"/to-chuc/don-vi/{duplicate}?handler=Merge", ("mergeInto", police.ToString()), ("version", Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Units.Where(u => u.Id == duplicate).Select(u => u.Active).SingleAsync(Ct)));
    }

    /// <summary>Posts the merge form of a unit's page, as the administrator would.</summary>
    internal static async Task<(HttpResponseMessage Response, string Body)> MergeAsync(HttpClient admin, Guid unit, string target)
    {
        var url = $"/to-chuc/don-vi/{unit}";
        var page = await admin.GetStringAsync(new Uri(url, UriKind.Relative), Ct);
        var response = await admin.PostTokenFormAsync(page, url + "?handler=Merge", ("mergeInto", target), ("version", FormPosts.InputValue(page, "version")));
        return (response, await response.BodyAsync());
    }

    /// <summary>A unit of the demo commune as a plan's other spelling would have created it (an unrecognised name).</summary>
    internal static Task<Guid> DuplicateAsync(RoViecApp app, string name, string? alias, bool active = true, string kind = "Unrecognised", string? key = null) =>
        app.WithDbAsync(async db =>
        {
            var commune = await db.Communes.Where(c => c.Name == "Diễn Châu").Select(c => c.Id).SingleAsync(Ct);
            var unit = new OrgUnit
            {
                Id = Guid.NewGuid(),
                CommuneId = commune,
                Key = key ?? "unrecognised:" + Guid.NewGuid().ToString("N"),
                Name = name,
                Kind = kind,
                Aliases = alias ?? "",
                Active = active,
                Version = Guid.NewGuid(),
            };
            db.Units.Add(unit);
            await db.SaveChangesAsync(Ct);
            return unit.Id;
        });

    private static Task<Guid> LeadAsync(RoViecApp app, Guid unit) =>
        app.WithDbAsync(async db =>
        {
            var task = await db.Tasks.OrderBy(t => t.Order).FirstAsync(Ct);
            task.LeadUnitId = unit;
            await db.SaveChangesAsync(Ct);
            return task.Id;
        });

    /// <summary>A steering member over the source only, and one over both units.</summary>
    private static Task<(Guid OnlySource, Guid OnBoth)> MembersAsync(RoViecApp app, Guid source, Guid target) =>
        app.WithDbAsync(async db =>
        {
            var commune = await db.Communes.Where(c => c.Name == "Diễn Châu").Select(c => c.Id).SingleAsync(Ct);
            SteeringMember Member(string name, int order, params Guid[] units)
            {
                var m = new SteeringMember { Id = Guid.NewGuid(), CommuneId = commune, FullName = name, Position = SteeringPositions.Member, Order = 900 + order, Version = Guid.NewGuid() };
                foreach (var unit in units) m.Units.Add(new SteeringMemberUnit { Id = Guid.NewGuid(), CommuneId = commune, MemberId = m.Id, UnitId = unit });
                db.SteeringMembers.Add(m);
                return m;
            }
            var only = Member("Nguyễn Văn Một", 1, source);
            var both = Member("Trần Thị Hai", 2, source, target);
            await db.SaveChangesAsync(Ct);
            return (only.Id, both.Id);
        });

    /// <summary>The demo plan's January and February periods.</summary>
    private static Task<(Guid January, Guid February)> PeriodsAsync(RoViecApp app) =>
        app.WithDbAsync(async db =>
        {
            var plan = await db.Plans.Where(p => p.Status == PlanStatuses.Active).Select(p => p.Id).SingleAsync(Ct);
            var months = await db.Periods.Where(p => p.PlanId == plan && p.Kind == PeriodKinds.Monthly && p.Number <= 2).OrderBy(p => p.Number).Select(p => p.Id).ToListAsync(Ct);
            return (months[0], months[1]);
        });

    private static Task<Guid> ReportAsync(RoViecApp app, Guid period, Guid unit) =>
        app.WithDbAsync(async db =>
        {
            var commune = await db.Periods.Where(p => p.Id == period).Select(p => p.CommuneId).SingleAsync(Ct);
            var report = new UnitReport { Id = Guid.NewGuid(), CommuneId = commune, PeriodId = period, UnitId = unit, Version = Guid.NewGuid() };
            db.Reports.Add(report);
            await db.SaveChangesAsync(Ct);
            return report.Id;
        });
}
