using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// The year turns (issue 16): once next year's work programme is in force, last year becomes read-only — its tasks and
/// verified reports are no longer changed, through the page, the API or a bulk assignment (409/400 with the reason in
/// Vietnamese, nothing saved) — but stays fully readable by year: dashboards, overview, scores and the public page
/// answer `?nam=2026`, and a year with no programme is 404.
/// </summary>
public sealed class PastYearTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Closed = "Năm 2026 đã khép lại: xã đã có chương trình công tác năm 2027.";

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task Last_year_is_read_only_once_next_years_programme_is_in_force_and_stays_readable_by_year(string provider)
    {
        var clock = new TestClock(new DateOnly(2026, 12, 10), 10);
        await using var on = AppOn.Create(provider, clock: clock);
        var app = on.App;
        var police = await app.UnitIdAsync("cong-an");
        var (october, label, reports) = await app.OpenMonthAsync(10);
        var policeReport = reports.Single(r => r.Value == police).Key;
        await app.FillAsync(policeReport, ReportStates.Verified);
        await app.WithDbAsync(db => db.Periods.Where(p => p.Id == october).ExecuteUpdateAsync(u => u.SetProperty(p => p.State, PeriodStates.Closed), Ct));
        using (var scope = app.Services.CreateScope())
        {
            await Features.Scores.ScoreService.RecomputeAsync(scope.ServiceProvider.GetRequiredService<RoViec.Data.RoViecDbContext>(), october, "Khóa sổ", "kiểm thử",
                scope.ServiceProvider.GetRequiredService<TimeProvider>(), Ct);
        }
        var task = await app.WithDbAsync(db => db.Tasks.AsNoTracking().OrderBy(t => t.Order).FirstAsync(t => t.LeadUnitId != null, Ct));

        using (var december = await app.SignedInClientAsync("thuongtruc"))
        {
            // Still 2026's year: the task can be edited (the page answers 200).
            Assert.Equal(HttpStatusCode.OK, (await december.GetAsync(new Uri($"/nhiem-vu/{task.Id}/sua", UriKind.Relative), Ct)).StatusCode);
        }

        // January 2027: next year's programme is confirmed.
        clock.Set(new DateOnly(2027, 1, 15), 10);
        await app.WithDbAsync(async db =>
        {
            db.Plans.Add(new Plan
            {
                Id = Guid.NewGuid(),
                CommuneId = task.CommuneId,
                Kind = "CTr",
                Title = "Chương trình công tác năm 2027",
                Year = 2027,
                SourceFileName = "ctr-2027.txt",
                Source = new PlanSource { Text = "" },
                Status = PlanStatuses.Active,
                ConfirmedAtUtc = app.UtcNow,
            });
            db.PublicPages.Add(new PublicPage { Id = Guid.NewGuid(), CommuneId = task.CommuneId, Slug = "xa-thu", Enabled = true, Version = Guid.NewGuid() });
            return await db.SaveChangesAsync(Ct);
        });

        using var office = await app.SignedInClientAsync("thuongtruc");
        // The page refuses with the reason; the API the same; a bulk assignment too; nothing changes.
        var edit = await office.GetAsync(new Uri($"/nhiem-vu/{task.Id}/sua", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains(Closed, WebUtility.HtmlDecode(await edit.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        using var api = ApiClients.WithToken(app, await ApiClients.CreateTokenAsync(app, "thuongtruc"));
        var put = await api.PutAsJsonAsync(new Uri($"/api/tasks/{task.Id}", UriKind.Relative),
            new { name = "Tên mới", lead = task.LeadAsWritten, support = task.SupportAsWritten, output = task.Output, deadline = task.DeadlineRaw, version = task.Version }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Contains(Closed, await put.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var workspace = await office.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        using var assign = new FormUrlEncodedContent([
            new("__RequestVerificationToken", RoViecApp.AntiforgeryToken(workspace)), new("giao-cho", police.ToString()), new("chon", $"{task.Id}:{task.Version}")]);
        var assigned = await office.PostAsync(new Uri("/?handler=Assign", UriKind.Relative), assign, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, assigned.StatusCode);
        Assert.Contains(Closed, WebUtility.HtmlDecode(await assigned.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var after = await app.WithDbAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id, Ct));
        Assert.Equal((task.Name, task.LeadUnitId, task.Version), (after.Name, after.LeadUnitId, after.Version));

        // Readable by year.
        var dashboard = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri("/bang-dieu-khien?nam=2026", UriKind.Relative), Ct));
        Assert.Contains(label, dashboard, StringComparison.Ordinal);
        var overview = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri("/tong-quan?nam=2026", UriKind.Relative), Ct));
        Assert.Contains(label, overview, StringComparison.Ordinal);
        Assert.Contains("id=\"chon-nam\"", overview, StringComparison.Ordinal);
        var scores = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri("/diem?nam=2026", UriKind.Relative), Ct));
        Assert.Contains("Xếp hạng năm 2026", scores, StringComparison.Ordinal);
        Assert.Contains(label, scores, StringComparison.Ordinal);
        using var citizen = app.CreateClient();
        var publicPage = WebUtility.HtmlDecode(await citizen.GetStringAsync(new Uri("/cong-khai/xa-thu?nam=2026", UriKind.Relative), Ct));
        Assert.Contains("10/2026", publicPage, StringComparison.Ordinal);
        foreach (var url in new[] { "/bang-dieu-khien?nam=2025", "/tong-quan?nam=2025", "/diem?nam=2025" })
            Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(new Uri(url, UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(new Uri("/cong-khai/xa-thu?nam=2025", UriKind.Relative), Ct)).StatusCode);
    }
}
