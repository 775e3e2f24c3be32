using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Scheduling;
using RoViec.Web.Features.Scores;

namespace RoViec.Web.Tests;

/// <summary>
/// Scores rank only what is final (issue 15): a unit with work in a month and no report with the office by the closing
/// day is deducted, with the reason in its breakdown, and never outranks a unit that reported on the reporting
/// criteria; closing a month rescores it; a quarter and the year average closed months only and say how many. The
/// numbers expected follow from the shipped default scheme (T2: −10 for no report by the closing day).
/// </summary>
public sealed class FinalScoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ScoreOutcome> RecomputeAsync(RoViecApp app, Guid periodId)
    {
        using var scope = app.Services.CreateScope();
        return await ScoreService.RecomputeAsync(scope.ServiceProvider.GetRequiredService<RoViecDbContext>(), periodId, "Chấm thử", "kiểm thử", scope.ServiceProvider.GetRequiredService<TimeProvider>(), Ct);
    }

    private static Task<List<UnitScore>> ScoresAsync(RoViecApp app, Guid periodId) =>
        app.WithDbAsync(db => db.UnitScores.AsNoTracking().Where(s => s.PeriodId == periodId).ToListAsync(Ct));

    private static Domain.Scoring.ScoreResult Result(UnitScore score) => ScoreService.ReadBreakdown(score.Breakdown)!.Result;

    /// <summary>Points of the reporting criteria of the default scheme (A1 on time, A2 not returned).</summary>
    private static decimal Reporting(UnitScore score) => Result(score).Lines.Where(l => l.Code is "A1" or "A2").Sum(l => l.Points ?? 0);

    private static Task<DateOnly> ClosingDayAsync(RoViecApp app, Guid periodId) =>
        app.WithDbAsync(db => db.Periods.Where(p => p.Id == periodId).Select(p => p.CompileDueOn).SingleAsync(Ct));

    [Fact]
    public async Task A_unit_without_a_report_by_the_closing_day_is_deducted_with_the_reason_and_never_outranks_a_reporter_on_reporting()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 22), 10) };
        var (november, _, reports) = await app.OpenMonthAsync(11);
        var closing = await ClosingDayAsync(app, november);
        Assert.True(closing < new DateOnly(2026, 12, 22), "November's closing day has passed on the test's day");
        var police = await app.UnitIdAsync("cong-an");
        await app.FillAsync(reports.Single(r => r.Value == police).Key, ReportStates.Verified);
        Assert.IsType<ScoreOutcome.Scored>(await RecomputeAsync(app, november));

        var scores = await ScoresAsync(app, november);
        Assert.Equal(reports.Count, scores.Count);
        var reporter = scores.Single(s => s.UnitId == police);
        Assert.DoesNotContain(Result(reporter).Deductions, d => d.Code == "T2");
        // Verified and never returned: A2 gives its 10 points (A1 is 0: the report was sent after its due day).
        Assert.Equal(10, Reporting(reporter));
        var silent = scores.Where(s => s.UnitId != police).ToList();
        Assert.NotEmpty(silent);
        foreach (var s in silent)
        {
            var result = Result(s);
            var t2 = Assert.Single(result.Deductions, d => d.Code == "T2");
            Assert.Equal(10, t2.Points);
            Assert.Contains($"Không có báo cáo đến ngày khóa sổ {closing.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}", t2.Explanation, StringComparison.Ordinal);
            Assert.Equal(Math.Max(0, result.Normalised - 10), s.Total);
            Assert.True(Reporting(s) < Reporting(reporter), "a unit that did not report scores less on the reporting criteria than one that did");
        }

        // The unit's page shows the deduction and its reason.
        using var office = await app.SignedInClientAsync("thuongtruc");
        var page = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/diem/{november}/{silent[0].UnitId}", UriKind.Relative), Ct));
        Assert.Contains("Không có báo cáo đến ngày khóa sổ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_month_does_not_deduct_a_missing_report_until_its_closing_day_and_closing_it_rescores_with_the_deduction()
    {
        var clock = new TestClock(new DateOnly(2026, 11, 3), 10);
        await using var app = new RoViecApp { Clock = clock };
        var (november, _, reports) = await app.OpenMonthAsync(11);
        var closing = await ClosingDayAsync(app, november);
        var police = await app.UnitIdAsync("cong-an");
        await app.FillAsync(reports.Single(r => r.Value == police).Key, ReportStates.Verified);
        Assert.IsType<ScoreOutcome.Scored>(await RecomputeAsync(app, november));
        // The unit without a report that scores highest while the month is open (so the deduction shows in its total).
        var before = (await ScoresAsync(app, november)).Where(s => s.UnitId != police).OrderByDescending(s => s.Total).ThenBy(s => s.UnitId).First();
        var other = before.UnitId;
        Assert.DoesNotContain(Result(before).Deductions, d => d.Code == "T2");

        // The scheduler closes November the day after its closing day, and makes its scores final.
        clock.Set(closing.AddDays(1));
        await app.Services.GetRequiredService<ScheduledWork>().RunOnceAsync(Ct);

        Assert.Equal(PeriodStates.Closed, await app.WithDbAsync(db => db.Periods.Where(p => p.Id == november).Select(p => p.State).SingleAsync(Ct)));
        var after = (await ScoresAsync(app, november)).Single(s => s.UnitId == other);
        var t2 = Assert.Single(Result(after).Deductions, d => d.Code == "T2");
        Assert.Equal(10, t2.Points);
        // Other measures move with the day scored too (tasks due by the closing day), so only the deduction is certain.
        Assert.True(after.Total <= Math.Max(0, Result(after).Normalised - 10), $"{after.Total} should carry the 10 points deducted from {Result(after).Normalised}");
        // Rescored by the scheduler when it closed the month; a total that moved records the change and why.
        Assert.Equal("hệ thống", after.ComputedBy);
        if (after.Total != before.Total)
        {
            var change = await app.WithDbAsync(db => db.ScoreChanges.AsNoTracking().Where(c => c.PeriodId == november && c.UnitId == other)
                .OrderByDescending(c => c.ChangedAtUtc).FirstAsync(Ct));
            Assert.Equal(after.Total, change.After);
            Assert.Contains("Khóa sổ", change.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Quarter_and_year_average_closed_months_only_and_say_how_many()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 22), 10) };
        var d = await app.ReportedDecemberAsync();
        var (november, novemberLabel, reports) = await app.OpenMonthAsync(11);
        await app.FillAsync(reports.Single(r => r.Value == d.Police).Key, ReportStates.Verified);
        await app.WithDbAsync(db => db.Periods.Where(p => p.Id == november).ExecuteUpdateAsync(u => u.SetProperty(p => p.State, PeriodStates.Closed), Ct));
        await RecomputeAsync(app, november);
        await RecomputeAsync(app, d.PeriodId);
        var nov = (await ScoresAsync(app, november)).Single(s => s.UnitId == d.Police);
        var dec = (await ScoresAsync(app, d.PeriodId)).Single(s => s.UnitId == d.Police);
        Assert.NotEqual(nov.Total, dec.Total);
        var decemberLabel = await app.WithDbAsync(db => db.Periods.Where(p => p.Id == d.PeriodId).Select(p => p.Label).SingleAsync(Ct));

        using var chair = await app.SignedInClientAsync("truongban");
        foreach (var url in new[] { "/diem?quy=4", "/diem?nam=1" })
        {
            var page = WebUtility.HtmlDecode(await chair.GetStringAsync(new Uri(url, UriKind.Relative), Ct));
            Assert.Contains("(trung bình 1 tháng đã khóa sổ)", page, StringComparison.Ordinal);
            // The month picker does not read as if a month (the first, "Tháng 1") were shown.
            var picker = page[page.IndexOf("<select name=\"ky\"", StringComparison.Ordinal)..];
            picker = picker[..picker.IndexOf("</select>", StringComparison.Ordinal)];
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(picker, "<option[^>]*selected"));
            Assert.Matches("<option value=\"\" selected[^>]*id=\"no-month\"", picker);
            var row = page[page.IndexOf($"data-unit=\"{d.Police}\"", StringComparison.Ordinal)..];
            row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
            // November alone: December is open, its scores provisional.
            Assert.Contains($">{ScoreService.Points(nov.Total)}<", row, StringComparison.Ordinal);
            var leftOut = page[page.IndexOf("id=\"left-out\"", StringComparison.Ordinal)..];
            Assert.Contains(decemberLabel, leftOut[..leftOut.IndexOf("</p>", StringComparison.Ordinal)], StringComparison.Ordinal);
            Assert.DoesNotContain(novemberLabel, leftOut[..leftOut.IndexOf("</p>", StringComparison.Ordinal)], StringComparison.Ordinal);
        }

        // A quarter with no closed month ranks nobody and says why.
        await app.WithDbAsync(db => db.Periods.Where(p => p.Id == november).ExecuteUpdateAsync(u => u.SetProperty(p => p.State, PeriodStates.Open), Ct));
        var none = WebUtility.HtmlDecode(await chair.GetStringAsync(new Uri("/diem?quy=4", UriKind.Relative), Ct));
        Assert.DoesNotContain("id=\"ranking\"", none, StringComparison.Ordinal);
        Assert.Contains("xếp hạng quý, năm chỉ tính các tháng đã khóa sổ", none, StringComparison.Ordinal);
    }
}
