using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;

namespace RoViec.Web.Tests;

/// <summary>The periods' queries on PostgreSQL: opening a period, an ad-hoc request, an extension and the overview's rates.</summary>
public sealed class PeriodPostgresTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Periods_and_the_overview_run_on_postgresql()
    {
        var baseConnection = Environment.GetEnvironmentVariable("ROVIEC_TEST_PG");
        if (string.IsNullOrEmpty(baseConnection))
            Assert.Fail("ROVIEC_TEST_PG is not set: run the tests through ./roviec test, which starts a throw-away PostgreSQL.");
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(baseConnection) { Database = $"roviec_periods_{Guid.NewGuid():N}" }.ConnectionString;
        await using var app = new RoViecApp { ConnectionString = cs };
        try
        {
            using var client = await app.SignedInClientAsync("thuongtruc");
            var december = await app.WithDbAsync(db => db.Periods.AsNoTracking().SingleAsync(p => p.Kind == PeriodKinds.Monthly && p.Number == 12, Ct));
            using var opened = await client.PostFormAsync("/ky-bao-cao", "/ky-bao-cao?handler=Open&id=" + december.Id, ("version", december.Version.ToString()));
            var police = await app.UnitIdAsync("cong-an");
            var page = $"/ky-bao-cao/{december.Id}";
            using var extended = await client.PostFormAsync(page, page + "?handler=Extend", ("ExtendUnitId", police.ToString()), ("ExtendDueOn", "28/12/2026"), ("ExtendReason", "Diễn tập"));
            var due = app.Today.AddDays(3).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            using var adHoc = await client.PostFormAsync("/ky-bao-cao", "/ky-bao-cao?handler=AdHoc", ("AdHoc.Title", "Đột xuất"), ("AdHoc.UnitDue", due), ("AdHoc.UnitIds", police.ToString()));
            var reports = await app.WithDbAsync(async db =>
            {
                var report = await db.Reports.SingleAsync(r => r.PeriodId == december.Id && r.UnitId == police, Ct);
                report.State = ReportStates.Submitted;
                report.FirstSubmittedAtUtc = report.SubmittedAtUtc = app.UtcNow;
                await db.SaveChangesAsync(Ct);
                return await db.Reports.CountAsync(r => r.PeriodId == december.Id, Ct);
            });

            var overview = await client.GetStringAsync(new Uri($"/tong-quan?ky={december.Id}", UriKind.Relative), Ct);
            var detail = await client.GetStringAsync(new Uri(page, UriKind.Relative), Ct);

            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
            Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
            Assert.Equal(HttpStatusCode.OK, adHoc.StatusCode);
            Assert.True(reports > 1);
            Assert.Contains($"id=\"tile-received\"><strong>1/{reports}</strong>", overview, StringComparison.Ordinal);
            Assert.Contains("28/12/2026", detail, StringComparison.Ordinal);
            Assert.Equal(1, await app.WithDbAsync(db => db.Reports.CountAsync(r => db.Periods.Any(p => p.Id == r.PeriodId && p.Kind == PeriodKinds.AdHoc), Ct)));
        }
        finally
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<RoViecDbContext>().Database.EnsureDeletedAsync(Ct);
        }
    }
}
