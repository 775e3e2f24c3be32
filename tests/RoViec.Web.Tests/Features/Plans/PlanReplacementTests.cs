using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>Confirming a draft: the officer is asked before a plan in force is replaced; the replaced plan stays readable with its history.</summary>
public sealed class PlanReplacementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Confirming_asks_before_replacing_the_plan_in_force_which_then_stays_readable_with_its_history()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var demo = await review.DbAsync(db => db.Plans.AsNoTracking().SingleAsync(p => p.Status == PlanStatuses.Active, Ct));
        var demoTask = await review.DbAsync(db => db.Tasks.Where(t => t.PlanId == demo.Id).OrderBy(t => t.Order).Select(t => t.Id).FirstAsync(Ct));
        var planId = await review.DraftAsync(await ReviewDriver.SeedAsync("xuan-giang-ctr-2026.txt"), "xuan-giang.txt");

        var asked = await review.PostAsync($"/nhap-ke-hoach/{planId}?handler=Confirm", ("knowingly", "true"));
        var question = await asked.Content.ReadAsStringAsync(Ct);
        var stillDraft = await review.DbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Kế hoạch mới có thay thế kế hoạch đang thực hiện không?", question, StringComparison.Ordinal);
        Assert.Contains($"name=\"replace\" value=\"{demo.Id}\"", question, StringComparison.Ordinal);
        Assert.Equal(PlanStatuses.Draft, stillDraft);

        var confirmed = await review.PostAsync($"/nhap-ke-hoach/{planId}?handler=Confirm", ("replace", demo.Id.ToString()), ("knowingly", "true"));
        var page = await confirmed.Content.ReadAsStringAsync(Ct);
        var plans = await review.DbAsync(db => db.Plans.AsNoTracking().ToDictionaryAsync(p => p.Id, Ct));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal($"/ke-hoach/{planId}", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("được thay thế và vẫn được lưu cùng lịch sử", page, StringComparison.Ordinal);
        Assert.Equal(PlanStatuses.Active, plans[planId].Status);
        Assert.Equal(demo.Id, plans[planId].ReplacesPlanId);
        Assert.Equal("thuongtruc", plans[planId].ConfirmedBy);
        Assert.NotNull(plans[planId].ConfirmedAtUtc);
        Assert.Equal(PlanStatuses.Replaced, plans[demo.Id].Status);

        var list = await client.GetStringAsync(new Uri("/ke-hoach", UriKind.Relative), Ct);
        var old = await client.GetStringAsync(new Uri($"/ke-hoach/{demo.Id}", UriKind.Relative), Ct);
        var oldTask = await client.GetAsync(new Uri($"/nhiem-vu/{demoTask}", UriKind.Relative), Ct);
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Contains("Đã được thay thế", list, StringComparison.Ordinal);
        Assert.Contains("Đang thực hiện", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/ke-hoach/{demo.Id}\"", list, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch này đã được thay thế bởi", old, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ (84)", old, StringComparison.Ordinal);
        Assert.Contains("Trạng thái: Đang thực hiện → Đã được thay thế", old, StringComparison.Ordinal);
        Assert.Contains("<td>thuongtruc</td>", old, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, oldTask.StatusCode);
        Assert.Contains("xuan-giang.txt", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answering_no_keeps_both_plans_in_force()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");

        var confirmed = await review.PostAsync($"/nhap-ke-hoach/{planId}?handler=Confirm", ("replace", "none"), ("knowingly", "true"));
        var statuses = await review.DbAsync(db => db.Plans.Select(p => p.Status).ToListAsync(Ct));
        var replaces = await review.DbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.ReplacesPlanId).SingleAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal([PlanStatuses.Active, PlanStatuses.Active], statuses);
        Assert.Null(replaces);
    }

    [Fact]
    public async Task A_plan_the_document_names_as_replaced_is_offered_even_from_another_year()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, client);
        var earlier = await review.DbAsync(async db =>
        {
            var demo = await db.Plans.AsNoTracking().SingleAsync(p => p.Status == PlanStatuses.Active, Ct);
            var plan = new Plan
            {
                Id = Guid.NewGuid(),
                CommuneId = demo.CommuneId,
                Status = PlanStatuses.Active,
                Kind = "KH",
                Title = "Kế hoạch chuyển đổi số",
                Number = "14/KH-UBND",
                Year = 2025,
                SourceFileName = "cu.txt",
                Source = new PlanSource { Text = "" },
                ImportedAtUtc = app.UtcNow,
                ConfirmedAtUtc = app.UtcNow,
            };
            db.Plans.Add(plan);
            await db.SaveChangesAsync(Ct);
            return plan;
        });
        // Thiện Tân's plan says: "thay thế Kế hoạch số 14/KH-UBND ngày 15/01/2026".
        var planId = await review.DraftAsync(await ReviewDriver.SeedAsync("thien-tan-kh-2026.txt"), "thien-tan.txt");

        var asked = await review.PostAsync($"/nhap-ke-hoach/{planId}?handler=Confirm", ("knowingly", "true"));
        var question = await asked.Content.ReadAsStringAsync(Ct);
        var confirmed = await review.PostAsync($"/nhap-ke-hoach/{planId}?handler=Confirm", ("replace", earlier.Id.ToString()), ("knowingly", "true"));
        var statuses = await review.DbAsync(db => db.Plans.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Status, Ct));

        Assert.Contains("Văn bản ghi thay thế: <strong>Kế hoạch số 14/KH-UBND", question, StringComparison.Ordinal);
        Assert.Contains($"name=\"replace\" value=\"{earlier.Id}\"", question, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(PlanStatuses.Replaced, statuses[earlier.Id]);
        Assert.Equal(PlanStatuses.Active, statuses[planId]);
        Assert.Equal(2, statuses.Values.Count(s => s == PlanStatuses.Active));
    }

    [Fact]
    public async Task Another_communes_officer_cannot_see_or_change_the_draft()
    {
        await using var app = new RoViecApp();
        using var owner = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, owner);
        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
        var task = (await review.TasksAsync(planId))[0];
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            var other = new Commune { Id = Guid.NewGuid(), Name = "Xuân Giang" };
            db.Communes.Add(other);
            await db.SaveChangesAsync(Ct);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { Id = Guid.NewGuid(), UserName = "xuangiang", CommuneId = other.Id };
            Assert.True((await users.CreateAsync(user, "Ban-chi-dao-2026-an-toan")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.StandingOffice)).Succeeded);
        }
        using var outsider = app.CreateClient();
        (await RoViecApp.SignInAsync(outsider, "xuangiang", "Ban-chi-dao-2026-an-toan")).EnsureSuccessStatusCode();
        var form = await outsider.GetStringAsync(new Uri("/nhap-ke-hoach", UriKind.Relative), Ct);
        using var confirm = new FormUrlEncodedContent(new Dictionary<string, string> { ["replace"] = "none", ["knowingly"] = "true", ["__RequestVerificationToken"] = RoViecApp.AntiforgeryToken(form) });

        var page = await outsider.GetAsync(new Uri($"/nhap-ke-hoach/{planId}", UriKind.Relative), Ct);
        var edit = await outsider.GetAsync(new Uri($"/nhap-ke-hoach/{planId}/nhiem-vu/{task.Id}", UriKind.Relative), Ct);
        var plan = await outsider.GetAsync(new Uri($"/ke-hoach/{planId}", UriKind.Relative), Ct);
        var confirmed = await outsider.PostAsync(new Uri($"/nhap-ke-hoach/{planId}?handler=Confirm", UriKind.Relative), confirm, Ct);
        var list = await outsider.GetStringAsync(new Uri("/ke-hoach", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, plan.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, confirmed.StatusCode);
        Assert.DoesNotContain("hoa-binh.txt", list, StringComparison.Ordinal);
        Assert.Equal(PlanStatuses.Draft, await review.DbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Unit_reporter_cannot_import_or_review_and_reads_only_confirmed_plans()
    {
        await using var app = new RoViecApp();
        using var office = await app.SignedInClientAsync("thuongtruc");
        var planId = await new ReviewDriver(app, office).DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
        using var reporter = await app.SignedInClientAsync("congan");

        var upload = await reporter.GetAsync(new Uri("/nhap-ke-hoach", UriKind.Relative), Ct);
        var draft = await reporter.GetAsync(new Uri($"/nhap-ke-hoach/{planId}", UriKind.Relative), Ct);
        var draftAsPlan = await reporter.GetAsync(new Uri($"/ke-hoach/{planId}", UriKind.Relative), Ct);
        var list = await reporter.GetAsync(new Uri("/ke-hoach", UriKind.Relative), Ct);
        var listHtml = await list.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, draft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, draftAsPlan.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("Đang thực hiện", listHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("hoa-binh.txt", listHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhập kế hoạch mới", listHtml, StringComparison.Ordinal);
    }
}
