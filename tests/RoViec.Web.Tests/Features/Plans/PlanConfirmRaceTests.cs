using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// Two confirmations of the same draft at the same moment (a double click, two officers): the draft is
/// confirmed once — one plan replaced, one set of reporting periods — and the other request is told so (409).
/// </summary>
public sealed class PlanConfirmRaceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Two_simultaneous_confirmations_confirm_the_draft_once(string provider)
    {
        var postgres = provider == AppOn.Postgres;
        string? cs = null;
        if (postgres)
        {
            var baseConnection = Environment.GetEnvironmentVariable("ROVIEC_TEST_PG");
            if (string.IsNullOrEmpty(baseConnection))
                Assert.Fail("ROVIEC_TEST_PG is not set: run the tests through ./roviec test, which starts a throw-away PostgreSQL.");
            cs = new Npgsql.NpgsqlConnectionStringBuilder(baseConnection) { Database = $"roviec_race_{Guid.NewGuid():N}" }.ConnectionString;
        }
        await using var app = new RoViecApp { ConnectionString = cs };
        var barrier = new ConfirmBarrier(parties: 2);
        await using var racing = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.ConfigureDbContext<RoViecDbContext>(o => o.AddInterceptors(barrier))));
        try
        {
            var (draft, inForce) = await DraftAsync(racing);
            using var first = await OfficerAsync(racing);
            using var second = await OfficerAsync(racing);
            var firstPage = await first.GetStringAsync(new Uri($"/nhap-ke-hoach/{draft}", UriKind.Relative), Ct);
            var secondPage = await second.GetStringAsync(new Uri($"/nhap-ke-hoach/{draft}", UriKind.Relative), Ct);
            var action = $"/nhap-ke-hoach/{draft}?handler=Confirm";

            // Both requests have read the draft and chosen the plan it replaces before either starts writing.
            barrier.Armed = true;
            var answers = await Task.WhenAll(
                first.PostTokenFormAsync(firstPage, action, ("replace", inForce.ToString()), ("knowingly", "true")),
                second.PostTokenFormAsync(secondPage, action, ("replace", inForce.ToString()), ("knowingly", "true")));

            Assert.Equal(2, barrier.Arrived);
            var won = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            var lost = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
            Assert.Equal($"/ke-hoach/{draft}", won.RequestMessage!.RequestUri!.AbsolutePath);
            var message = await lost.BodyAsync();
            Assert.Contains("Bản nháp này vừa được xác nhận trong một thao tác khác", message, StringComparison.Ordinal);
            Assert.Contains($"href=\"/ke-hoach/{draft}\"", message, StringComparison.Ordinal);
            using var scope = racing.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            var plan = await db.Plans.SingleAsync(p => p.Id == draft, Ct);
            Assert.Equal(PlanStatuses.Active, plan.Status);
            Assert.Equal(inForce, plan.ReplacesPlanId);
            Assert.Equal(PlanStatuses.Replaced, await db.Plans.Where(p => p.Id == inForce).Select(p => p.Status).SingleAsync(Ct));
            // One set of periods: twelve months and the year, each once, under one set of rules.
            var periods = await db.Periods.Where(p => p.PlanId == draft).Select(p => new { p.Kind, p.Number }).ToListAsync(Ct);
            Assert.Equal(12, periods.Count(p => p.Kind == PeriodKinds.Monthly));
            Assert.Single(periods, p => p.Kind == PeriodKinds.Annual);
            Assert.Equal(periods.Count, periods.Distinct().Count());
            Assert.Equal(1, await db.ReportingRules.CountAsync(r => r.PlanId == draft, Ct));
            // The audit records one confirmation and one replacement.
            Assert.Equal(1, await db.Audit.CountAsync(a => a.Entity == nameof(Plan) && a.EntityId == draft.ToString() && a.Action == "update", Ct));
            Assert.Equal(1, await db.Audit.CountAsync(a => a.Entity == nameof(Plan) && a.EntityId == inForce.ToString() && a.Action == "update", Ct));
        }
        finally
        {
            if (postgres)
            {
                using var scope = racing.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<RoViecDbContext>().Database.EnsureDeletedAsync(Ct);
                Npgsql.NpgsqlConnection.ClearAllPools();
            }
        }
    }

    [Fact]
    public async Task Confirming_an_already_confirmed_draft_again_leads_to_the_plan_and_changes_nothing()
    {
        await using var app = new RoViecApp();
        var (draft, inForce) = await DraftAsync(app);
        using var officer = await app.SignedInClientAsync("thuongtruc");
        var page = await officer.GetStringAsync(new Uri($"/nhap-ke-hoach/{draft}", UriKind.Relative), Ct);
        var action = $"/nhap-ke-hoach/{draft}?handler=Confirm";

        var once = await officer.PostTokenFormAsync(page, action, ("replace", inForce.ToString()), ("knowingly", "true"));
        var twice = await officer.PostTokenFormAsync(page, action, ("replace", inForce.ToString()), ("knowingly", "true"));

        Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal($"/ke-hoach/{draft}", twice.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(1, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Entity == nameof(Plan) && a.EntityId == draft.ToString() && a.Action == "update", Ct)));
        Assert.Equal(13, await app.WithDbAsync(db => db.Periods.CountAsync(p => p.PlanId == draft, Ct)));
    }

    /// <summary>A draft of the small plan in the demo commune, and the plan in force it will replace.</summary>
    private static async Task<(Guid Draft, Guid InForce)> DraftAsync(WebApplicationFactory<Program> app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
        var commune = await db.Communes.Where(c => c.Name == "Diễn Châu").Select(c => c.Id).SingleAsync(Ct);
        var inForce = await db.Plans.Where(p => p.CommuneId == commune && p.Status == PlanStatuses.Active).Select(p => p.Id).SingleAsync(Ct);
        var imported = Assert.IsType<RoViec.Import.ImportOutcome.Imported>(RoViec.Import.PlanImporter.Import(ReviewDriver.SmallPlan(), "hoa-binh.txt"));
        var draft = await RoViec.Web.Features.Plans.PlanDrafts.CreateDraftAsync(db, commune, imported.Draft, "hoa-binh.txt", null, app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, Ct);
        return (draft.Id, inForce);
    }

    /// <summary>A standing-office session of its own, as a second browser or a second officer has.</summary>
    private static async Task<HttpClient> OfficerAsync(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient();
        (await RoViecApp.SignInAsync(client, "thuongtruc", RoViecApp.AdminPassword)).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>
    /// Holds each confirmation at the start of its writing transaction (the moment it has read the draft
    /// and tracks it) until both are there, so the two really race; never longer than a few seconds.
    /// </summary>
    private sealed class ConfirmBarrier(int parties) : DbTransactionInterceptor
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public volatile bool Armed;

        public int Arrived => Volatile.Read(ref _arrived);

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            var confirming = eventData.Context?.ChangeTracker.Entries<Plan>().Any(e => e.State != EntityState.Added && e.Entity.Status == PlanStatuses.Draft) == true;
            if (Armed && confirming)
            {
                if (Interlocked.Increment(ref _arrived) >= parties) _all.TrySetResult();
                await Task.WhenAny(_all.Task, Task.Delay(TimeSpan.FromSeconds(20), cancellationToken));
            }
            return result;
        }
    }
}
