using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// The province office's cockpit (`/tinh`) on the demo province (the demo commune and its neighbours, each with its own
/// year): its figures are the sum of what each commune's own dashboard shows, computed both ways; a commune without the
/// month is shown missing, never as zero; sorting, filtering and tenancy.
/// </summary>
public sealed partial class CockpitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> DemoProvince = new()
    {
        ["RoViec:Demo:History"] = "true",
        ["RoViec:Demo:Province"] = "true",
    };

    private static RoViecApp App(string provider)
    {
        var clock = new TestClock(new DateOnly(2026, 5, 25), 10);
        if (provider != AppOn.Postgres) return new RoViecApp { Clock = clock, Settings = DemoProvince };
        var baseConnection = Environment.GetEnvironmentVariable("ROVIEC_TEST_PG");
        if (string.IsNullOrEmpty(baseConnection)) Assert.Fail("ROVIEC_TEST_PG is not set: run the tests through ./roviec test.");
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(baseConnection) { Database = $"roviec_web_{Guid.NewGuid():N}" }.ConnectionString;
        return new RoViecApp { Clock = clock, Settings = DemoProvince, ConnectionString = cs };
    }

    [Theory]
    [InlineData(AppOn.Sqlite)]
    [InlineData(AppOn.Postgres)]
    public async Task The_cockpit_equals_the_sum_of_the_communes_own_dashboards(string provider)
    {
        await using var app = App(provider);
        try
        {
            var communes = await app.WithDbAsync(db => db.Communes.AsNoTracking().OrderBy(c => c.Name).ToListAsync(Ct));
            Assert.Equal(6, communes.Count);
            using var province = await app.SignedInClientAsync("tinh");
            var cockpit = WebUtility.HtmlDecode(await province.GetStringAsync(new Uri("/tinh?nam=2026&thang=4", UriKind.Relative), Ct));

            int received = 0, expected = 0, keyOn = 0, key = 0, met = 0, judged = 0, withFigures = 0;
            foreach (var commune in communes)
            {
                var row = Row(cockpit, commune.Id);
                var month = await app.WithDbAsync(db => db.Periods.AsNoTracking()
                    .Where(p => p.CommuneId == commune.Id && p.Kind == PeriodKinds.Monthly && p.Year == 2026 && p.Number == 4).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(Ct));
                if (month is null)
                {
                    // No plan yet: missing, never zero.
                    Assert.Contains("Chưa có số liệu tháng này", row, StringComparison.Ordinal);
                    Assert.DoesNotContain("data-col", row, StringComparison.Ordinal);
                    continue;
                }
                withFigures++;
                // The commune's own dashboard, read by the province office through its picker.
                var dashboard = WebUtility.HtmlDecode(await province.GetStringAsync(new Uri($"/bang-dieu-khien?xa={commune.Id}&ky={month}", UriKind.Relative), Ct));
                var rate = Regex.Match(dashboard, @"báo cáo đã nhận \((\d+)/(\d+)\)");
                var keyTasks = Regex.Match(dashboard, @"nhiệm vụ trọng tâm đúng tiến độ \((\d+)/(\d+);");
                var indicators = Regex.Match(dashboard, "id=\"d-indicators\"><span class=\"big\">(\\d+)/(\\d+)</span>");
                Assert.True(rate.Success && keyTasks.Success && indicators.Success, commune.Name);
                Assert.Contains($"{rate.Groups[1].Value}/{rate.Groups[2].Value}", Cell(row, "bao-cao"), StringComparison.Ordinal);
                Assert.Contains($"{keyTasks.Groups[1].Value}/{keyTasks.Groups[2].Value}", Cell(row, "trong-tam"), StringComparison.Ordinal);
                Assert.Contains($"{indicators.Groups[1].Value}/{indicators.Groups[2].Value}", Cell(row, "chi-tieu"), StringComparison.Ordinal);
                received += int.Parse(rate.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                expected += int.Parse(rate.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                keyOn += int.Parse(keyTasks.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                key += int.Parse(keyTasks.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                met += int.Parse(indicators.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                judged += int.Parse(indicators.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);

                // The score is the mean of the units' totals in the stored scores (the database, counted here).
                var totals = await app.WithDbAsync(db => db.UnitScores.AsNoTracking().Where(s => s.PeriodId == month).Select(s => s.Total).ToListAsync(Ct));
                Assert.NotEmpty(totals);
                var mean = Math.Round(totals.Average(), 2).ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
                Assert.Equal(mean, Cell(row, "diem"));
            }
            Assert.Equal(5, withFigures);
            // The province's tiles: the sums of the communes' own figures, the missing commune counted apart.
            Assert.Contains($"báo cáo đã nhận ({received}/{expected})", cockpit, StringComparison.Ordinal);
            Assert.Contains($"nhiệm vụ trọng tâm đúng tiến độ ({keyOn}/{key};", cockpit, StringComparison.Ordinal);
            Assert.Matches($"id=\"chi-tieu-dat\"><span class=\"big\">{met}/{judged}</span>", cockpit);
            Assert.Matches("id=\"co-so-lieu\"><span class=\"big\">5/6</span>", cockpit);
            Assert.Contains("(1 chưa có, không tính là 0)", cockpit, StringComparison.Ordinal);
            Assert.Empty(app.ServerErrors());
        }
        finally
        {
            if (provider == AppOn.Postgres) await app.WithDbAsync(db => db.Database.EnsureDeletedAsync(Ct));
        }
    }

    [Fact]
    public async Task Sorting_filtering_and_who_may_see_it()
    {
        await using var app = App(AppOn.Sqlite);
        using var province = await app.SignedInClientAsync("tinh");
        var byReports = WebUtility.HtmlDecode(await province.GetStringAsync(new Uri("/tinh?nam=2026&thang=4&sap-xep=bao-cao&nguoc=1", UriKind.Relative), Ct));
        var rates = RowRegex().Matches(byReports).Select(m => Percent(Cell(m.Value, "bao-cao"))).ToList();
        // The weakest first; the commune without figures last.
        Assert.Equal(6, rates.Count);
        Assert.Null(rates[^1]);
        Assert.Equal(rates.Take(5).OrderBy(r => r), rates.Take(5));

        var wards = WebUtility.HtmlDecode(await province.GetStringAsync(new Uri("/tinh?nam=2026&thang=4&loai=phuong", UriKind.Relative), Ct));
        var names = await app.WithDbAsync(db => db.Communes.AsNoTracking().Select(c => new { c.Id, c.Kind }).ToListAsync(Ct));
        var shown = RowRegex().Matches(wards).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(names.Where(c => c.Kind == CommuneKinds.Ward).Select(c => c.Id).Order(), shown.Order());
        Assert.Equal(2, shown.Count);

        // A commune's users never see the province's cockpit, nor another commune through the picker.
        using var office = await app.SignedInClientAsync("thuongtruc");
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync(new Uri("/tinh", UriKind.Relative), Ct)).StatusCode);
        var tanKy = await app.WithDbAsync(db => db.Communes.Where(c => c.Name == "Tân Kỳ").Select(c => c.Id).SingleAsync(Ct));
        var own = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/bang-dieu-khien?xa={tanKy}", UriKind.Relative), Ct));
        Assert.DoesNotContain("Tân Kỳ", own, StringComparison.Ordinal);
        // A month with no figures anywhere is simply empty; a month number out of range is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await province.GetAsync(new Uri("/tinh?nam=2026&thang=13", UriKind.Relative), Ct)).StatusCode);
        Assert.Empty(app.ServerErrors());
    }

    [Fact]
    public async Task The_national_view_sums_the_provinces_as_their_cockpits_do()
    {
        await using var app = App(AppOn.Sqlite);
        using var province = await app.SignedInClientAsync("tinh");
        var cockpit = WebUtility.HtmlDecode(await province.GetStringAsync(new Uri("/tinh?nam=2026&thang=4", UriKind.Relative), Ct));
        using var nation = await app.SignedInClientAsync("trunguong");
        var view = WebUtility.HtmlDecode(await nation.GetStringAsync(new Uri("/ca-nuoc?nam=2026&thang=4", UriKind.Relative), Ct));
        var provinceId = await app.WithDbAsync(db => db.Provinces.Where(p => p.Name == "Nghệ An").Select(p => p.Id).SingleAsync(Ct));
        var row = Regex.Match(view, $"<tr data-province=\"{provinceId}\">(.*?)</tr>", RegexOptions.Singleline).Value;
        var received = Regex.Match(cockpit, @"báo cáo đã nhận \((\d+/\d+)\)").Groups[1].Value;
        Assert.NotEmpty(received);
        Assert.Contains(received, Cell(row, "bao-cao"), StringComparison.Ordinal);
        Assert.Equal("5/6", Cell(row, "co-so-lieu"));
        // The national office reads no commune's own pages, and the province office not the nation's.
        Assert.Equal(HttpStatusCode.Forbidden, (await province.GetAsync(new Uri("/ca-nuoc", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nation.GetAsync(new Uri("/tinh", UriKind.Relative), Ct)).StatusCode);
        var tanKy = await app.WithDbAsync(db => db.Communes.Where(c => c.Name == "Tân Kỳ").Select(c => c.Id).SingleAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await nation.GetAsync(new Uri($"/bang-dieu-khien?xa={tanKy}", UriKind.Relative), Ct)).StatusCode);
        Assert.Empty(app.ServerErrors());
    }

    private static string Row(string html, Guid communeId)
    {
        var match = Regex.Match(html, $"<tr data-commune=\"{communeId}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, communeId.ToString());
        return match.Value;
    }

    private static string Cell(string row, string column) =>
        Regex.Match(row, $"data-col=\"{column}\">(.*?)</td>", RegexOptions.Singleline) is { Success: true } m
            ? Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim()
            : "";

    private static decimal? Percent(string cell) =>
        Regex.Match(cell, @"^([\d,]+)%") is { Success: true } m ? decimal.Parse(m.Groups[1].Value.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex("<tr data-commune=\"([0-9a-f-]{36})\"[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();
}
