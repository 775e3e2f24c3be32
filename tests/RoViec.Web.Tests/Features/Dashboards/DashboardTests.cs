using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Web.Features.Periods;
using RoViec.Web.Features.Scores;

namespace RoViec.Web.Tests;

/// <summary>The month dashboard: its figures against an independent count of the arranged database, per viewer; charts drawn.</summary>
public sealed partial class DashboardTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Tile(string html, string id) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"id=\"{id}\"><span class=\"big\">([^<]*)</span>").Groups[1].Value);

    [Fact]
    public async Task The_committee_head_sees_the_month_as_the_database_has_it()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 22), 10) };
        var d = await app.ReportedDecemberAsync();
        using (var scope = app.Services.CreateScope())
            await ScoreService.RecomputeAsync(scope.ServiceProvider.GetRequiredService<RoViecDbContext>(), d.PeriodId, "Chấm thử", "kiểm thử", scope.ServiceProvider.GetRequiredService<TimeProvider>(), Ct);
        using var chair = await app.SignedInClientAsync("truongban");
        var html = await chair.GetStringAsync(new Uri($"/bang-dieu-khien?ky={d.PeriodId}", UriKind.Relative), Ct);

        // Independent counts: reports that reached the office (submitted, returned, verified) of the expected ones.
        var reports = await app.WithDbAsync(db => db.Reports.AsNoTracking().Where(r => r.PeriodId == d.PeriodId).ToListAsync(Ct));
        var received = reports.Count(r => r.State is ReportStates.Submitted or ReportStates.Returned or ReportStates.Verified);
        Assert.Contains($"báo cáo đã nhận ({received}/{reports.Count})", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var health = await app.WithDbAsync(db => PlanHealth.ComputeAsync(db, d.PlanId, new DateOnly(2026, 12, 22), Ct));
        var troubled = health.Values.Count(h => h is TaskHealth.Overdue or TaskHealth.AtRisk);
        Assert.Equal(troubled.ToString(System.Globalization.CultureInfo.InvariantCulture), Tile(html, "d-troubled"));
        var statusTable = WebUtility.HtmlDecode(html[html.IndexOf("id=\"d-status\"", StringComparison.Ordinal)..]);
        foreach (var group in health.Values.GroupBy(h => h))
            Assert.Contains($"<td>{PeriodLabels.Health(group.Key)}</td><td class=\"num\">{group.Count()}</td>", statusTable, StringComparison.Ordinal);
        // The ranking is the stored scores, best first.
        var scores = await app.WithDbAsync(db => db.UnitScores.AsNoTracking().Where(s => s.PeriodId == d.PeriodId).OrderBy(s => s.Rank).ToListAsync(Ct));
        var order = RankingRow().Matches(html[html.IndexOf("id=\"d-ranking\"", StringComparison.Ordinal)..]).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(scores.Select(s => s.UnitId).Order(), order.Order());
        var ranks = order.Select(u => scores.Single(s => s.UnitId == u).Rank).ToList();
        Assert.Equal(ranks.Order(), ranks);

        // The charts are drawn, with their Vietnamese titles.
        foreach (var (chart, title) in new[] { ("trang-thai", "Nhiệm vụ theo tình trạng"), ("chi-tieu", "Chỉ tiêu so với mục tiêu"), ("xu-huong", "Diễn biến theo tháng") })
        {
            var response = await chair.GetAsync(new Uri($"/bang-dieu-khien/{d.PeriodId}/{chart}.svg", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
            var svg = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains("<svg", svg, StringComparison.Ordinal);
            Assert.Contains(title, WebUtility.HtmlDecode(svg), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_member_sees_their_units_and_a_unit_only_itself()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 22), 10) };
        var d = await app.ReportedDecemberAsync();
        var (police, ubnd) = (await app.UnitIdAsync("cong-an"), await app.UnitIdAsync("ubnd"));
        var tasks = await app.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.PlanId == d.PlanId).ToListAsync(Ct));
        var health = await app.WithDbAsync(db => PlanHealth.ComputeAsync(db, d.PlanId, new DateOnly(2026, 12, 22), Ct));

        using var unit = await app.SignedInClientAsync("congan");
        var unitHtml = await unit.GetStringAsync(new Uri($"/bang-dieu-khien?ky={d.PeriodId}", UriKind.Relative), Ct);
        var policeTroubled = tasks.Count(t => t.LeadUnitId == police && health[t.Id] is TaskHealth.Overdue or TaskHealth.AtRisk);
        Assert.Equal(policeTroubled.ToString(System.Globalization.CultureInfo.InvariantCulture), Tile(unitHtml, "d-troubled"));
        Assert.DoesNotContain("id=\"d-rate\"", unitHtml, StringComparison.Ordinal);

        // thanhvien is over the police and the UBND and the fields "Đề án 06" and "Cải cách hành chính".
        using var member = await app.SignedInClientAsync("thanhvien");
        var memberHtml = WebUtility.HtmlDecode(await member.GetStringAsync(new Uri($"/bang-dieu-khien?ky={d.PeriodId}", UriKind.Relative), Ct));
        Assert.Contains("Phạm vi: Hồ Văn Chỉ Đạo", memberHtml, StringComparison.Ordinal);
        var memberTroubled = int.Parse(Tile(memberHtml, "d-troubled"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(memberTroubled >= tasks.Count(t => (t.LeadUnitId == police || t.LeadUnitId == ubnd) && health[t.Id] is TaskHealth.Overdue or TaskHealth.AtRisk));
        Assert.True(memberTroubled <= health.Values.Count(h => h is TaskHealth.Overdue or TaskHealth.AtRisk));
    }

    [GeneratedRegex("<tr data-unit=\"([0-9a-f-]{36})\">")]
    private static partial Regex RankingRow();
}
