using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Scores;

namespace RoViec.Web.Tests;

/// <summary>
/// Monthly scores from verified data: the breakdown and its data, corrections after verification, scheme versions
/// and closed months, bad schemes, months without verified data, rankings and who sees what. The numbers expected
/// are worked out here from what each test arranged, by the shipped default scheme (Features/Scores/README.md).
/// </summary>
public sealed class ScoringTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RoViecApp App() => new() { Clock = new TestClock(new DateOnly(2026, 12, 22), 10) };

    private static async Task<ScoreOutcome> RecomputeAsync(RoViecApp app, Guid periodId)
    {
        using var scope = app.Services.CreateScope();
        return await ScoreService.RecomputeAsync(scope.ServiceProvider.GetRequiredService<RoViecDbContext>(), periodId, "Chấm thử", "kiểm thử", scope.ServiceProvider.GetRequiredService<TimeProvider>(), Ct);
    }

    private static Task<UnitScore> ScoreAsync(RoViecApp app, Guid periodId, Guid unitId) =>
        app.WithDbAsync(db => db.UnitScores.AsNoTracking().SingleAsync(s => s.PeriodId == periodId && s.UnitId == unitId, Ct));

    private static Domain.Scoring.ScoreLine Line(UnitScore score, string code) =>
        ScoreService.ReadBreakdown(score.Breakdown)!.Result.Lines.Single(l => l.Code == code);

    [Fact]
    public async Task A_verified_report_is_scored_criterion_by_criterion_with_its_data_and_an_unverified_one_gives_nothing()
    {
        await using var app = App();
        var d = await app.ReportedDecemberAsync();
        Assert.IsType<ScoreOutcome.Scored>(await RecomputeAsync(app, d.PeriodId));

        var police = await ScoreAsync(app, d.PeriodId, d.Police);
        // Sent 15/12, due 20/12, verified, never returned.
        Assert.Equal(10, Line(police, "A1").Points);
        Assert.Contains("15/12/2026", Line(police, "A1").Data, StringComparison.Ordinal);
        Assert.Equal(10, Line(police, "A2").Points);
        // One task reported done, without evidence: 0 of 1 → 0 points.
        Assert.Equal(0, Line(police, "B6").Points);
        Assert.Equal("0/1 nhiệm vụ hoàn thành có minh chứng", Line(police, "B6").Data);
        // No budget recorded: dropped; training not yet scored: 0 but counted.
        Assert.Null(Line(police, "B4").Points);
        Assert.Equal(0, Line(police, "B5").Points);
        // The indicator: 45/50 = 90% against its target, judged here from the plan's row.
        var indicator = await app.WithDbAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Id == d.IndicatorId, Ct));
        var b3 = Line(police, "B3");
        if (indicator.TargetUnit == "%")
            Assert.Equal(indicator.TargetOp == "<=" ? (90 <= indicator.TargetValue ? 15 : 0) : (90 >= indicator.TargetValue ? 15 : 0), b3.Points);
        else
            Assert.Null(b3.Points);
        // Normalised over what applies, no deduction for a report on time.
        var breakdown = ScoreService.ReadBreakdown(police.Breakdown)!.Result;
        var leaves = breakdown.Lines.Where(l => l.Depth == 1 && l.Points is not null).ToList();
        var expected = Math.Round(leaves.Sum(l => l.Points!.Value) / leaves.Sum(l => l.Max) * 100m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(expected, police.Total);
        Assert.Empty(breakdown.Deductions);
        Assert.Equal(police.Total, police.HeadTotal);

        // The late unit's report was submitted on 21/12 and not verified: nothing of its content counts.
        var late = await ScoreAsync(app, d.PeriodId, d.Late);
        Assert.Equal(0, Line(late, "A1").Points);
        Assert.Contains("chưa được xác minh", Line(late, "A1").Data, StringComparison.Ordinal);
        Assert.Null(Line(late, "B6").Points);
        var lateDeduction = ScoreService.ReadBreakdown(late.Breakdown)!.Result.Deductions.Single(x => x.Code == "T1");
        Assert.Equal(2, lateDeduction.Points);
        var all = await app.WithDbAsync(db => db.UnitScores.AsNoTracking().Where(s => s.PeriodId == d.PeriodId).ToListAsync(Ct));
        Assert.Equal(d.UnitNames.Count, all.Count);
        foreach (var a in all)
            Assert.Equal(1 + all.Count(b => b.Total > a.Total), a.Rank);

        // The page shows the breakdown and what would raise the score.
        using var client = await app.SignedInClientAsync("truongban");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/diem/{d.PeriodId}/{d.Police}", UriKind.Relative), Ct));
        Assert.Contains("0/1 nhiệm vụ hoàn thành có minh chứng", html, StringComparison.Ordinal);
        Assert.Contains("data-code=\"B6\"", html[html.IndexOf("id=\"gains\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var ranking = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/diem?ky={d.PeriodId}", UriKind.Relative), Ct));
        Assert.Contains(d.UnitNames[d.Police], ranking, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_after_verification_rescores_and_records_who_when_and_why()
    {
        await using var app = App();
        var d = await app.ReportedDecemberAsync();
        await RecomputeAsync(app, d.PeriodId);
        var before = await ScoreAsync(app, d.PeriodId, d.Police);
        var indicator = await app.WithDbAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Id == d.IndicatorId, Ct));
        Assert.True(indicator.TargetUnit == "%" && indicator.TargetOp != "<=", "the police's indicator is a share with a minimum target");
        var metNow = 90 >= indicator.TargetValue;
        var (reportId, itemId) = await app.WithDbAsync(async db =>
        {
            var item = await db.ReportItems.Join(db.Reports, i => i.ReportId, r => r.Id, (i, r) => new { i, r })
                .Where(x => x.r.PeriodId == d.PeriodId && x.r.UnitId == d.Police && x.i.IndicatorId == d.IndicatorId).Select(x => x.i).SingleAsync(Ct);
            return (item.ReportId, item.Id);
        });

        using var office = await app.ClientAsync("thuongtruc");
        var response = await office.PostReportAsync(reportId, "Correct",
            ("item", itemId.ToString()), ("field", "numerator"), ("value", metNow ? "0" : "50"), ("reason", "Số liệu nhập nhầm, đã đối chiếu sổ theo dõi"));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, await response.BodyAsync());

        var after = await ScoreAsync(app, d.PeriodId, d.Police);
        Assert.Equal(metNow ? 0 : 15, Line(after, "B3").Points);
        Assert.NotEqual(before.Total, after.Total);
        var change = await app.WithDbAsync(db => db.ScoreChanges.AsNoTracking()
            .Where(c => c.PeriodId == d.PeriodId && c.UnitId == d.Police).OrderByDescending(c => c.Id).FirstAsync(Ct));
        Assert.Equal(before.Total, change.Before);
        Assert.Equal(after.Total, change.After);
        Assert.Equal("thuongtruc", change.ChangedBy);
        Assert.Contains("Số liệu nhập nhầm", change.Reason, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/diem/{d.PeriodId}/{d.Police}", UriKind.Relative), Ct));
        Assert.Contains("Số liệu nhập nhầm", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_scheme_version_never_rescores_a_closed_month_and_applies_from_its_month()
    {
        await using var app = App();
        var d = await app.ReportedDecemberAsync();
        var (november, _, reports) = await app.OpenMonthAsync(11);
        var policeNovember = reports.Single(r => r.Value == d.Police).Key;
        await app.FillAsync(policeNovember, ReportStates.Verified);
        await RecomputeAsync(app, november);
        var scoredNovember = await ScoreAsync(app, november, d.Police);
        await app.WithDbAsync(db => db.Periods.Where(p => p.Id == november).ExecuteUpdateAsync(u => u.SetProperty(p => p.State, PeriodStates.Closed), Ct));

        using var office = await app.SignedInClientAsync("thuongtruc");
        var json = SchemeStore.Shipped(SchemeStore.IllustrativeKey);
        var refused = await office.PostFormAsync("/diem/bo-tieu-chi", "/diem/bo-tieu-chi",
            ("Name", "Bộ tiêu chí minh họa"), ("From", "11/2026"), ("Json", json));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("đã khóa sổ", WebUtility.HtmlDecode(await refused.BodyAsync()), StringComparison.Ordinal);

        var saved = await office.PostFormAsync("/diem/bo-tieu-chi", "/diem/bo-tieu-chi",
            ("Name", "Bộ tiêu chí minh họa"), ("From", "12/2026"), ("Json", json));
        Assert.True(saved.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, saved.StatusCode.ToString());
        var schemes = await app.WithDbAsync(db => db.ScoringSchemes.AsNoTracking().OrderBy(s => s.Number).ToListAsync(Ct));
        Assert.Equal(2, schemes.Count);
        Assert.Equal(new DateOnly(2026, 12, 1), schemes[1].EffectiveFrom);

        await RecomputeAsync(app, november);
        var novemberAgain = await ScoreAsync(app, november, d.Police);
        Assert.Equal(scoredNovember.SchemeId, novemberAgain.SchemeId);
        Assert.Equal(scoredNovember.Total, novemberAgain.Total);
        Assert.Equal(schemes[0].Id, novemberAgain.SchemeId);

        await RecomputeAsync(app, d.PeriodId);
        var december = await ScoreAsync(app, d.PeriodId, d.Police);
        Assert.Equal(schemes[1].Id, december.SchemeId);
        Assert.Contains(december.Band, new[] { "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ" });
        Assert.Equal(10, Line(december, "I.2").Points);
    }

    [Theory]
    [InlineData("\"max\": 20,", "\"max\": 25,", "Tổng điểm tối đa của các tiêu chí cấp 1 là 105, phải bằng 100")]
    [InlineData("{ \"from\": 90, \"to\": 100, \"points\": 24 }", "{ \"from\": 92, \"to\": 100, \"points\": 24 }", "bị hở từ 90% đến dưới 92%")]
    [InlineData("{ \"from\": 80, \"to\": 90, \"points\": 18 }", "{ \"from\": 80, \"to\": 95, \"points\": 18 }", "chồng lên")]
    [InlineData("\"criteria\": [", "\"criteria\": [ {", "Không đọc được bộ tiêu chí")]
    public async Task A_bad_scheme_is_refused_with_its_reason_and_nothing_is_saved(string find, string replace, string message)
    {
        await using var app = App();
        using var office = await app.SignedInClientAsync("thuongtruc");
        var json = SchemeStore.Shipped(SchemeStore.DefaultKey);
        var index = json.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, find);
        var bad = json[..index] + replace + json[(index + find.Length)..];
        await office.GetStringAsync(new Uri("/diem/bo-tieu-chi", UriKind.Relative), Ct);
        var countBefore = await app.WithDbAsync(db => db.ScoringSchemes.CountAsync(Ct));
        Assert.Equal(1, countBefore);

        var response = await office.PostFormAsync("/diem/bo-tieu-chi", "/diem/bo-tieu-chi", ("Name", "Bộ sửa"), ("From", "01/2027"), ("Json", bad));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(countBefore, await app.WithDbAsync(db => db.ScoringSchemes.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_month_without_verified_data_has_no_score_and_says_why()
    {
        await using var app = App();
        var (october, label, _) = await app.OpenMonthAsync(10);
        Assert.IsType<ScoreOutcome.Refused>(await RecomputeAsync(app, october));
        using var office = await app.SignedInClientAsync("thuongtruc");
        var response = await office.PostFormAsync($"/diem?ky={october}", "/diem?handler=Recompute", ("ky", october.ToString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("chưa có báo cáo nào được xác minh", WebUtility.HtmlDecode(await response.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.UnitScores.CountAsync(Ct)));
        var page = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/diem?ky={october}", UriKind.Relative), Ct));
        Assert.Contains(label + " chưa có điểm", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quarter_and_year_rank_the_average_of_closed_scored_months_and_a_unit_sees_only_its_own_breakdown()
    {
        await using var app = App();
        var d = await app.ReportedDecemberAsync();
        var (november, _, reports) = await app.OpenMonthAsync(11);
        await app.FillAsync(reports.Single(r => r.Value == d.Police).Key, ReportStates.Verified);
        await RecomputeAsync(app, november);
        await RecomputeAsync(app, d.PeriodId);
        var nov = await ScoreAsync(app, november, d.Police);
        var dec = await ScoreAsync(app, d.PeriodId, d.Police);
        // A quarter averages closed months only (FinalScoreTests): both are closed here.
        await app.WithDbAsync(db => db.Periods.Where(p => p.Id == november || p.Id == d.PeriodId).ExecuteUpdateAsync(u => u.SetProperty(p => p.State, PeriodStates.Closed), Ct));

        using var chair = await app.SignedInClientAsync("truongban");
        var quarter = WebUtility.HtmlDecode(await chair.GetStringAsync(new Uri("/diem?quy=4", UriKind.Relative), Ct));
        var average = Math.Round((nov.Total + dec.Total) / 2, 2, MidpointRounding.AwayFromZero);
        var row = quarter[quarter.IndexOf($"data-unit=\"{d.Police}\"", StringComparison.Ordinal)..];
        Assert.Contains(ScoreService.Points(average), row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("Bằng điểm:", quarter, StringComparison.Ordinal);
        var year = WebUtility.HtmlDecode(await chair.GetStringAsync(new Uri("/diem?nam=1", UriKind.Relative), Ct));
        Assert.Contains(d.UnitNames[d.Police], year, StringComparison.Ordinal);

        using var police = await app.ClientAsync("congan");
        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync(new Uri($"/diem/{d.PeriodId}/{d.Police}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync(new Uri($"/diem/{d.PeriodId}/{d.Late}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostFormAsync($"/diem?ky={d.PeriodId}", "/diem?handler=Recompute", ("ky", d.PeriodId.ToString()))).StatusCode);
    }
}
