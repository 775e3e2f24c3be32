using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;

namespace RoViec.Web.Tests;

/// <summary>A unit reporter sees and opens only its own unit's tasks; another unit's task is refused with nothing of it shown.</summary>
public sealed class UnitScopeTests
{
    [Fact]
    public async Task Unit_reporter_gets_403_and_no_data_for_another_units_task()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        (Guid Id, string Name) own, foreign;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            var police = await db.Units.Where(u => u.Key == "cong-an").Select(u => u.Id).SingleAsync(ct);
            var tasks = await db.Tasks.Select(t => new { t.Id, t.Name, t.LeadUnitId }).ToListAsync(ct);
            var mine = tasks.First(t => t.LeadUnitId == police);
            var theirs = tasks.First(t => t.LeadUnitId != police && t.LeadUnitId != null);
            own = (mine.Id, mine.Name);
            foreign = (theirs.Id, theirs.Name);
        }
        using var reporter = await app.SignedInClientAsync("congan");

        var refused = await reporter.GetAsync(new Uri($"/nhiem-vu/{foreign.Id}", UriKind.Relative), ct);
        var refusedBody = await refused.Content.ReadAsStringAsync(ct);
        var allowed = await reporter.GetAsync(new Uri($"/nhiem-vu/{own.Id}", UriKind.Relative), ct);
        var list = await reporter.GetStringAsync(new Uri("/", UriKind.Relative), ct);
        var edit = await reporter.GetAsync(new Uri($"/nhiem-vu/{own.Id}/sua", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Không có quyền truy cập", refusedBody, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(foreign.Name)[..Math.Min(40, foreign.Name.Length)], refusedBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains($"/nhiem-vu/{own.Id}", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/nhiem-vu/{foreign.Id}", list, StringComparison.Ordinal);
        // Reporters report on tasks; they do not rewrite the plan.
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
    }

    [Fact]
    public async Task Standing_office_opens_any_task_of_its_commune()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        Guid id;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            id = await db.Tasks.Where(t => t.LeadAsWritten.Contains("Công an")).Select(t => t.Id).FirstAsync(ct);
        }
        using var office = await app.SignedInClientAsync("thuongtruc");

        var detail = await office.GetAsync(new Uri($"/nhiem-vu/{id}", UriKind.Relative), ct);
        var edit = await office.GetAsync(new Uri($"/nhiem-vu/{id}/sua", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
    }

    [Fact]
    public async Task Province_office_sees_each_commune_of_its_province_and_none_elsewhere()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        Guid sibling, foreign;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            var provinceId = await db.Provinces.Select(p => p.Id).SingleAsync(ct);
            var otherProvince = new Data.Entities.Province { Id = Guid.NewGuid(), Name = "Hà Tĩnh" };
            var siblingCommune = new Data.Entities.Commune { Id = Guid.NewGuid(), Name = "An Hòa", ProvinceId = provinceId };
            var foreignCommune = new Data.Entities.Commune { Id = Guid.NewGuid(), Name = "Kỳ Anh", ProvinceId = otherProvince.Id };
            db.AddRange(otherProvince, siblingCommune, foreignCommune);
            await db.SaveChangesAsync(ct);
            (sibling, foreign) = (siblingCommune.Id, foreignCommune.Id);
        }
        using var province = await app.SignedInClientAsync("tinh");

        var home = await province.GetStringAsync(new Uri("/", UriKind.Relative), ct);
        var demo = await province.GetStringAsync(new Uri("/?xa=" + await DemoCommuneAsync(app), UriKind.Relative), ct);
        var siblingPage = await province.GetStringAsync(new Uri("/?xa=" + sibling, UriKind.Relative), ct);
        var foreignPage = await province.GetStringAsync(new Uri("/?xa=" + foreign, UriKind.Relative), ct);

        Assert.Contains(">An Hòa</option>", home, StringComparison.Ordinal);
        Assert.Contains(">Diễn Châu</option>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Kỳ Anh", home, StringComparison.Ordinal);
        Assert.Contains("<h1>Diễn Châu</h1>", demo, StringComparison.Ordinal);
        Assert.Contains("Chưa có kế hoạch nào", siblingPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/nhiem-vu/", foreignPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Kỳ Anh", foreignPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correcting_the_lead_moves_the_task_into_the_new_units_scope()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        var police = await app.UnitIdAsync("cong-an");
        Guid id;
        using (var scope = app.Services.CreateScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<RoViecDbContext>().Tasks.Where(t => t.LeadUnitId != police && t.LeadUnitId != null).Select(t => t.Id).FirstAsync(ct);
        }
        using var office = await app.SignedInClientAsync("thuongtruc");
        using var reporter = await app.SignedInClientAsync("congan");
        var before = await reporter.GetAsync(new Uri($"/nhiem-vu/{id}", UriKind.Relative), ct);
        var form = await office.GetStringAsync(new Uri($"/nhiem-vu/{id}/sua", UriKind.Relative), ct);
        var fields = System.Text.RegularExpressions.Regex.Matches(form, @"name=""(Input\.\w+)""[^>]*?value=""([^""]*)""")
            .DistinctBy(m => m.Groups[1].Value).ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["Input.Name"] = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(form, @"<textarea[^>]*>\s*([^<]*)</textarea>").Groups[1].Value);
        fields["Input.Lead"] = "Công an xã";
        fields["__RequestVerificationToken"] = RoViecApp.AntiforgeryToken(form);
        fields.Remove("Input.Priority");

        using var content = new FormUrlEncodedContent(fields);
        var saved = await office.PostAsync(new Uri($"/nhiem-vu/{id}/sua", UriKind.Relative), content, ct);
        var after = await reporter.GetAsync(new Uri($"/nhiem-vu/{id}", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Rows_of_a_draft_under_review_are_hidden_from_everyone_but_plan_managers()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var office = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, office);
        var draft = await review.DraftAsync(await ReviewDriver.SeedAsync("xuan-giang-ctr-2026.txt"), "xuan-giang-ctr-2026.txt");
        var task = (await review.TasksAsync(draft))[0];
        using var chair = await app.SignedInClientAsync("truongban");

        var byManager = await office.GetAsync(new Uri($"/nhiem-vu/{task.Id}", UriKind.Relative), ct);
        var byChair = await chair.GetAsync(new Uri($"/nhiem-vu/{task.Id}", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, byManager.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byChair.StatusCode);
    }

    [Fact]
    public async Task An_account_without_a_role_lands_on_its_account_page()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Entities.AppUser>>();
            var commune = await scope.ServiceProvider.GetRequiredService<RoViecDbContext>().Communes.Select(c => c.Id).FirstAsync(ct);
            Assert.True((await users.CreateAsync(new Data.Entities.AppUser { Id = Guid.NewGuid(), UserName = "moi", CommuneId = commune }, RoViecApp.AdminPassword)).Succeeded);
        }
        using var client = await app.SignedInClientAsync("moi");

        var home = await client.GetAsync(new Uri("/", UriKind.Relative), ct);
        var tasks = await client.GetAsync(new Uri("/loi-6-ro", UriKind.Relative), ct);

        Assert.Equal("/tai-khoan", home.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tasks.StatusCode);
    }

    private static async Task<Guid> DemoCommuneAsync(RoViecApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RoViecDbContext>().Communes.Where(c => c.Name == "Diễn Châu").Select(c => c.Id).SingleAsync();
    }
}
