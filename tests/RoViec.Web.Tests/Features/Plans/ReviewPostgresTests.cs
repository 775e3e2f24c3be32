using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>The whole review job on PostgreSQL: the queries of drafts, merges, splits, mapping, replacement and history on the second provider.</summary>
public sealed class ReviewPostgresTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Review_and_replacement_run_on_postgresql()
    {
        var baseConnection = Environment.GetEnvironmentVariable("ROVIEC_TEST_PG");
        if (string.IsNullOrEmpty(baseConnection))
            Assert.Fail("ROVIEC_TEST_PG is not set: run the tests through ./roviec test, which starts a throw-away PostgreSQL.");
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(baseConnection) { Database = $"roviec_review_{Guid.NewGuid():N}" }.ConnectionString;
        await using var app = new RoViecApp { ConnectionString = cs };
        try
        {
            using var client = await app.SignedInClientAsync("thuongtruc");
            var review = new ReviewDriver(app, client);
            var demo = await review.DbAsync(db => db.Plans.Where(p => p.Status == PlanStatuses.Active).Select(p => p.Id).SingleAsync(Ct));
            var planId = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh.txt");
            var tasks = await review.TasksAsync(planId);
            var culture = await review.DbAsync(db => db.Units.Where(u => u.Key == "phong-van-hoa-xa-hoi").Select(u => u.Id).SingleAsync(Ct));

            (await review.PostAsync($"/nhap-ke-hoach/{planId}/don-vi", ("Rows[0].Name", "Ban Quản lý chợ"), ("Rows[0].Choice", $"unit:{culture}"))).EnsureSuccessStatusCode();
            var html = await review.ReviewAsync(planId);
            (await review.PostAsync($"/nhap-ke-hoach/{planId}?handler=Merge", ("selected", ReviewDriver.Ref(html, tasks[0].Id)), ("selected", ReviewDriver.Ref(html, tasks[2].Id)))).EnsureSuccessStatusCode();
            var second = (await review.TasksAsync(planId))[1];
            var at = second.Name.IndexOf("Tổ chức tập huấn", StringComparison.Ordinal);
            (await review.PostAsync($"/nhap-ke-hoach/{planId}/nhiem-vu/{second.Id}?handler=Split", ("splitAt", at.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("version", second.Version.ToString()))).EnsureSuccessStatusCode();
            var confirmed = await review.PostAsync($"/nhap-ke-hoach/{planId}?handler=Confirm", ("replace", demo.ToString()), ("knowingly", "true"));
            var old = await client.GetStringAsync(new Uri($"/ke-hoach/{demo}", UriKind.Relative), Ct);
            var page = await client.GetStringAsync(new Uri($"/ke-hoach/{planId}", UriKind.Relative), Ct);
            var discardable = await review.DraftAsync(ReviewDriver.SmallPlan(), "hoa-binh-2.txt");
            var discarded = await review.PostAsync($"/nhap-ke-hoach/{discardable}?handler=Discard");
            var after = await review.TasksAsync(planId);

            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.Equal(3, after.Count);
            // The first two are the mapped name's tasks (the second split in two); the merged one kept the first task's lead.
            Assert.All(after, t => Assert.Equal(culture, t.LeadUnitId));
            Assert.EndsWith("Số hóa hồ sơ hộ tịch còn lưu giữ tại xã", after[0].Name, StringComparison.Ordinal);
            Assert.Equal("Tổ chức tập huấn cho hộ kinh doanh về hóa đơn điện tử", after[2].Name);
            Assert.Contains("Kế hoạch này đã được thay thế bởi", old, StringComparison.Ordinal);
            Assert.Contains("Xóa", page, StringComparison.Ordinal);
            Assert.Contains("Tạo mới", page, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
            Assert.False(await review.DbAsync(db => db.Plans.AnyAsync(p => p.Id == discardable, Ct)));
        }
        finally
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<RoViecDbContext>().Database.EnsureDeletedAsync(Ct);
            Npgsql.NpgsqlConnection.ClearAllPools();
        }
    }
}
