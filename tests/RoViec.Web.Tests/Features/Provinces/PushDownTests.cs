using System.Net;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Web.Features.Provinces;

namespace RoViec.Web.Tests;

/// <summary>
/// Down and up: the province office pushes a task and a common indicator to its communes; a commune accepts the task
/// into its plan (localised) or declines it with a reason; the province sees per commune who localised it and its status;
/// the common indicator rolls up over the accepted values only, the missing communes listed, never as zero.
/// </summary>
public sealed class PushDownTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ProvinceIndicator Indicator(string aggregation, string op = ">=", decimal target = 80) => new()
    {
        Id = Guid.NewGuid(),
        ProvinceId = Guid.NewGuid(),
        Name = "x",
        Unit = "%",
        TargetRaw = "≥ 80%",
        TargetOp = op,
        TargetValue = target,
        Aggregation = aggregation,
    };

    private static CommuneValue V(decimal? value, decimal? num = null, decimal? den = null, bool accepted = true) => new(Guid.NewGuid(), "xã", value, num, den, accepted);

    [Fact]
    public void Roll_up_arithmetic_counts_only_accepted_values_and_weights_rates_by_their_base()
    {
        // A rate: 90/100 and 10/100 give 50%, not the mean of 90% and 10% weighted otherwise; 30/30 not accepted is left out.
        IReadOnlyList<CommuneValue> rates = [V(90, 90, 100), V(10, 10, 100), V(100, 30, 30, accepted: false)];
        Assert.Equal(50m, RollUp.Aggregate(Indicator(Aggregations.Ratio), rates));
        // Unequal bases: (90 + 1) / (100 + 10) = 82.7%, where the plain mean of 90% and 10% would be 50%.
        IReadOnlyList<CommuneValue> unequal = [V(90, 90, 100), V(10, 1, 10)];
        Assert.Equal(82.7m, RollUp.Aggregate(Indicator(Aggregations.Ratio), unequal));
        IReadOnlyList<CommuneValue> counts = [V(12), V(30), V(null), V(1000, accepted: false)];
        Assert.Equal(42m, RollUp.Aggregate(Indicator(Aggregations.Sum), counts));
        Assert.Equal(21m, RollUp.Aggregate(Indicator(Aggregations.Mean), counts));
        // Communes meeting "≥ 80": 85 and 80 do, 79 does not; a value not accepted is not judged.
        IReadOnlyList<CommuneValue> judged = [V(85), V(80), V(79), V(99, accepted: false)];
        Assert.Equal(2m, RollUp.Aggregate(Indicator(Aggregations.Count), judged));
        // No accepted value at all: no figure (never zero).
        Assert.Null(RollUp.Aggregate(Indicator(Aggregations.Sum), [V(5, accepted: false)]));
        Assert.Null(RollUp.Aggregate(Indicator(Aggregations.Ratio), []));
    }

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Push_a_task_down_localise_or_decline_it_and_roll_up_the_common_indicator(string provider)
    {
        var clock = new TestClock(new DateOnly(2026, 5, 25), 10);
        string? cs = null;
        if (provider == AppOn.Postgres)
        {
            var baseConnection = Environment.GetEnvironmentVariable("ROVIEC_TEST_PG");
            if (string.IsNullOrEmpty(baseConnection)) Assert.Fail("ROVIEC_TEST_PG is not set: run the tests through ./roviec test.");
            cs = new Npgsql.NpgsqlConnectionStringBuilder(baseConnection) { Database = $"roviec_web_{Guid.NewGuid():N}" }.ConnectionString;
        }
        await using var app = new RoViecApp { Clock = clock, Settings = new Dictionary<string, string> { ["RoViec:Demo:History"] = "true", ["RoViec:Demo:Province"] = "true" }, ConnectionString = cs };
        try
        {
            using var province = await app.SignedInClientAsync("tinh");
            var dienChau = await app.CommuneIdAsync("Diễn Châu");
            var tanKy = await app.CommuneIdAsync("Tân Kỳ");

            // Bad input: nothing saved, the reason in Vietnamese.
            var bad = await province.PostFormAsync("/tinh/giao-viec", "/tinh/giao-viec?handler=Task", ("basis", "KH 01"), ("name", ""), ("deadline", "khi nào xong"));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var badText = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct));
            Assert.Contains("Hãy ghi nội dung nhiệm vụ.", badText, StringComparison.Ordinal);
            Assert.Contains("Thời hạn “khi nào xong” không đọc được", badText, StringComparison.Ordinal);
            var before = await app.WithDbAsync(db => db.ProvinceTasks.CountAsync(Ct));

            // Pushed to two communes.
            const string Name = "Số hóa hồ sơ hộ tịch lưu trữ giai đoạn 2015–2025";
            var published = await province.PostFormAsync("/tinh/giao-viec", "/tinh/giao-viec?handler=Task",
                ("basis", "Kế hoạch thử nghiệm của tỉnh"), ("name", Name), ("deadline", "Quý III/2026"), ("communes", dienChau.ToString()), ("communes", tanKy.ToString()));
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            var task = await app.WithDbAsync(db => db.ProvinceTasks.AsNoTracking().SingleAsync(t => t.Name == Name, Ct));
            Assert.Equal(before + 1, await app.WithDbAsync(db => db.ProvinceTasks.CountAsync(Ct)));
            Assert.Equal(2, await app.WithDbAsync(db => db.PushedTasks.CountAsync(p => p.ProvinceTaskId == task.Id, Ct)));

            // Diễn Châu localises it: its own lead unit and deadline, cited to the province's plan.
            using var office = await app.SignedInClientAsync("thuongtruc");
            var inbox = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri("/viec-tinh-giao", UriKind.Relative), Ct));
            Assert.Contains(Name, inbox, StringComparison.Ordinal);
            var pushed = await app.WithDbAsync(db => db.PushedTasks.AsNoTracking().SingleAsync(p => p.ProvinceTaskId == task.Id && p.CommuneId == dienChau, Ct));
            var plan = await app.WithDbAsync(db => db.Plans.AsNoTracking().Where(p => p.CommuneId == dienChau && p.Status == PlanStatuses.Active && p.ReportsWithPlanId == null).Select(p => p.Id).FirstAsync(Ct));
            var police = await app.WithDbAsync(db => db.Units.Where(u => u.CommuneId == dienChau && u.Key == "cong-an").Select(u => u.Id).SingleAsync(Ct));
            var noUnit = await office.PostFormAsync("/viec-tinh-giao", "/viec-tinh-giao?handler=AcceptTask", ("id", pushed.Id.ToString()), ("planId", plan.ToString()), ("deadline", "30/9/2026"));
            Assert.Equal(HttpStatusCode.BadRequest, noUnit.StatusCode);
            var accepted = await office.PostFormAsync("/viec-tinh-giao", "/viec-tinh-giao?handler=AcceptTask",
                ("id", pushed.Id.ToString()), ("planId", plan.ToString()), ("leadUnitId", police.ToString()), ("deadline", "31/3/2026"));
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            var local = await app.WithDbAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.ProvinceTaskId == task.Id, Ct));
            Assert.Equal((police, new DateOnly(2026, 3, 31), "Kế hoạch thử nghiệm của tỉnh", TaskSources.Pushed, plan), (local.LeadUnitId!.Value, local.DeadlineDue!.Value, local.UpstreamSource!, local.Source, local.PlanId));
            // Its status is stored on the task (what the province's view reads), as derived on the day: due 31/3 with no report by
            // 25/5, it is overdue.
            Assert.Equal((RoViec.Domain.Reporting.TaskHealth.Overdue.ToString(), app.Today), (local.Health, local.HealthOn!.Value));
            // Twice is refused.
            var again = await office.PostFormAsync("/viec-tinh-giao", "/viec-tinh-giao?handler=AcceptTask", ("id", pushed.Id.ToString()), ("planId", plan.ToString()), ("leadUnitId", police.ToString()));
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            // Another commune's pushed task is not Diễn Châu's to decline.
            var other = await app.WithDbAsync(db => db.PushedTasks.AsNoTracking().SingleAsync(p => p.ProvinceTaskId == task.Id && p.CommuneId == tanKy, Ct));
            Assert.Equal(HttpStatusCode.NotFound, (await office.PostFormAsync("/viec-tinh-giao", "/viec-tinh-giao?handler=Decline", ("id", other.Id.ToString()), ("reason", "x"))).StatusCode);

            // Tân Kỳ declines with its reason (a standing office account of its own).
            await app.UserAsync("thuongtructk", Roles.StandingOffice, tanKy);
            using var tanKyOffice = await app.SignedInClientAsync("thuongtructk");
            Assert.Equal(HttpStatusCode.BadRequest, (await tanKyOffice.PostFormAsync("/viec-tinh-giao", "/viec-tinh-giao?handler=Decline", ("id", other.Id.ToString()), ("reason", " "))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await tanKyOffice.PostFormAsync("/viec-tinh-giao", "/viec-tinh-giao?handler=Decline", ("id", other.Id.ToString()), ("reason", "Xã chưa có kho lưu trữ hộ tịch."))).StatusCode);

            // The province sees per commune: localised (with its status) and declined (with why).
            var spread = WebUtility.HtmlDecode(await province.GetStringAsync(new Uri($"/tinh/giao-viec/{task.Id}", UriKind.Relative), Ct));
            Assert.Contains("Đã đưa vào kế hoạch", spread, StringComparison.Ordinal);
            Assert.Contains("Xã chưa có kho lưu trữ hộ tịch.", spread, StringComparison.Ordinal);
            Assert.Contains($"/nhiem-vu/{local.Id}", spread, StringComparison.Ordinal);
            Assert.Contains("Quá hạn", spread, StringComparison.Ordinal);

            // The demo's common indicator rolls up over accepted values: April is accepted everywhere it was taken.
            var indicator = await app.WithDbAsync(db => db.ProvinceIndicators.AsNoTracking().SingleAsync(i => i.Name == Features.Demo.DemoProvince.CommonIndicator, Ct));
            var values = await app.WithDbAsync(db => (from v in db.CommuneIndicatorValues.AsNoTracking()
                                                      join s in db.CommunePeriodSummaries.AsNoTracking() on v.PeriodId equals s.PeriodId
                                                      where v.ProvinceIndicatorId == indicator.Id && v.Year == 2026 && v.Number == 4 && v.Kind == PeriodKinds.Monthly && s.Approval == ApprovalStates.Accepted
                                                      select new { v.Numerator, v.Denominator }).ToListAsync(Ct));
            Assert.NotEmpty(values);
            var expected = Math.Round(values.Sum(v => v.Numerator!.Value) * 100m / values.Sum(v => v.Denominator!.Value), 1);
            var rolled = WebUtility.HtmlDecode(await province.GetStringAsync(new Uri("/tinh/chi-tieu-chung?nam=2026&thang=4", UriKind.Relative), Ct));
            Assert.Contains(expected.ToString("#,0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + "%", rolled, StringComparison.Ordinal);
            // May, the latest closed month: the neighbours' await the province, so they are missing, listed by name.
            var latest = WebUtility.HtmlDecode(await province.GetStringAsync(new Uri("/tinh/chi-tieu-chung?nam=2026&thang=5", UriKind.Relative), Ct));
            Assert.Contains("Đô Lương (số liệu chưa được tỉnh tiếp nhận)", latest, StringComparison.Ordinal);
            var xlsx = await province.GetAsync(new Uri("/tinh/chi-tieu-chung?handler=Excel&nam=2026&thang=4", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct));
            var sheet = MiniExcelLibs.MiniExcel.Query(book, useHeaderRow: true, sheetName: "Chỉ tiêu chung").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(expected, Convert.ToDecimal(sheet.Single()["Kết quả toàn tỉnh"], System.Globalization.CultureInfo.InvariantCulture));
            // A commune's users never reach the province's pages.
            Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync(new Uri("/tinh/giao-viec", UriKind.Relative), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync(new Uri("/tinh/chi-tieu-chung", UriKind.Relative), Ct)).StatusCode);
            Assert.Empty(app.ServerErrors());
        }
        finally
        {
            if (provider == AppOn.Postgres) await app.WithDbAsync(db => db.Database.EnsureDeletedAsync(Ct));
        }
    }
}
