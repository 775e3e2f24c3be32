using System.Net;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// What a new import makes of deactivated units: a merged unit's name finds the unit it was merged
/// into; a closed unit is neither matched nor offered, while the plans that used it still name it.
/// </summary>
public sealed class UnitMergeImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_a_merge_a_new_plan_naming_the_merged_unit_leads_with_the_target()
    {
        await using var app = new RoViecApp();
        var culture = await app.UnitIdAsync("phong-van-hoa-xa-hoi");
        // "Ban Quản lý chợ" was first created by a plan's spelling, then merged into the culture and society office.
        var market = await UnitMergeTests.DuplicateAsync(app, "Ban Quản lý chợ", null, key: "unrecognised:ban-quan-ly-cho");
        using var admin = await app.SignedInClientAsync();
        var (merged, _) = await UnitMergeTests.MergeAsync(admin, market, culture.ToString());
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        using var office = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, office);

        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
        var tasks = await review.TasksAsync(planId);
        var html = await review.ReviewAsync(planId);

        // The small plan's first two tasks are led by "Ban Quản lý chợ".
        Assert.Equal("Ban Quản lý chợ", tasks[0].LeadAsWritten);
        Assert.Equal(culture, tasks[0].LeadUnitId);
        Assert.Equal(culture, tasks[1].LeadUnitId);
        Assert.DoesNotContain("Đơn vị chưa có trong danh mục", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Units.AnyAsync(u => u.Active && u.Name == "Ban Quản lý chợ", Ct)));
    }

    [Fact]
    public async Task A_closed_unit_is_not_matched_nor_offered_by_a_new_import_and_old_plans_still_name_it()
    {
        await using var app = new RoViecApp();
        // The small plan's third task is led by "Văn phòng HĐND và UBND xã"; the commune closed that office.
        var office = await OfficeAsync(app);
        var oldTask = await app.WithDbAsync(async db =>
        {
            var plan = await db.Plans.Where(p => p.Status == PlanStatuses.Active).Select(p => p.Id).SingleAsync(Ct);
            var task = await db.Tasks.Where(t => t.PlanId == plan).OrderBy(t => t.Order).FirstAsync(Ct);
            task.LeadUnitId = office;
            task.LeadAsWritten = "Văn phòng HĐND và UBND xã";
            await db.SaveChangesAsync(Ct);
            return task.Id;
        });
        using var admin = await app.SignedInClientAsync();
        var page = await admin.GetStringAsync(new Uri($"/to-chuc/don-vi/{office}", UriKind.Relative), Ct);
        (await admin.PostTokenFormAsync(page, $"/to-chuc/don-vi/{office}?handler=Deactivate", ("version", FormPosts.InputValue(page, "Input.Version")))).EnsureSuccessStatusCode();
        using var officer = await app.SignedInClientAsync("thuongtruc");
        var review = new ReviewDriver(app, officer);

        var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
        var third = (await review.TasksAsync(planId))[2];
        var html = await review.ReviewAsync(planId);
        var workspace = await officer.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var oldPage = await officer.GetStringAsync(new Uri($"/nhiem-vu/{oldTask}", UriKind.Relative), Ct);

        var mapping = await officer.GetStringAsync(new Uri($"/nhap-ke-hoach/{planId}/don-vi", UriKind.Relative), Ct);
        Assert.Equal("Văn phòng HĐND và UBND xã", third.LeadAsWritten);
        // The draft neither points at the closed office nor makes a row of its own for the name.
        Assert.Null(third.LeadUnitId);
        Assert.Equal(1, await app.WithDbAsync(db => db.Units.CountAsync(u => u.Name == "Văn phòng HĐND và UBND xã", Ct)));
        // The officer is asked to decide on the name, and the closed office is not among the choices.
        Assert.Contains("Đơn vị chưa có trong danh mục", html, StringComparison.Ordinal);
        Assert.Contains("“Văn phòng HĐND và UBND xã”", mapping, StringComparison.Ordinal);
        Assert.DoesNotContain($"unit:{office}", mapping, StringComparison.Ordinal);
        Assert.DoesNotContain("catalog:van-phong-hdnd-ubnd", mapping, StringComparison.Ordinal);
        // The plan in force still names its lead, closed or not.
        Assert.Contains($"<option value=\"{office}\"", workspace, StringComparison.Ordinal);
        Assert.Contains("Văn phòng HĐND và UBND xã", oldPage, StringComparison.Ordinal);

        // A second import makes no row for the name either.
        var second = await review.DraftAsync(ReviewDriver.SmallPlan(" mới"), "hoa-binh-2.txt");
        Assert.Null((await review.TasksAsync(second))[2].LeadUnitId);
        Assert.Equal(1, await app.WithDbAsync(db => db.Units.CountAsync(u => u.Name == "Văn phòng HĐND và UBND xã", Ct)));
    }

    /// <summary>The demo commune's "Văn phòng HĐND và UBND xã" row, added when the demo plan did not need it.</summary>
    private static Task<Guid> OfficeAsync(RoViecApp app) =>
        app.WithDbAsync(async db =>
        {
            var commune = await db.Communes.Where(c => c.Name == "Diễn Châu").Select(c => c.Id).SingleAsync(Ct);
            var row = await db.Units.FirstOrDefaultAsync(u => u.CommuneId == commune && u.Key == "van-phong-hdnd-ubnd", Ct);
            if (row is null)
            {
                row = new OrgUnit { Id = Guid.NewGuid(), CommuneId = commune, Key = "van-phong-hdnd-ubnd", Name = "Văn phòng HĐND và UBND xã", Kind = "Department", Version = Guid.NewGuid() };
                db.Units.Add(row);
                await db.SaveChangesAsync(Ct);
            }
            return row.Id;
        });
}
