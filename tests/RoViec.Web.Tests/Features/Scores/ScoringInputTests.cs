using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// The standing office's scoring inputs on the demo year (default scheme: B5 training scored by hand out of 5, B4
/// budget disbursed, the "allowance" that waives T2, initiatives for the bonus): each save rescores the month and
/// records who and why; bad values are refused with every reason and nothing saved.
/// </summary>
public sealed class ScoringInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RoViecApp App() => new()
    {
        Clock = new TestClock(new DateOnly(2026, 11, 24), 10),
        Settings = new Dictionary<string, string> { ["RoViec:Demo:History"] = "true" },
    };

    private sealed record Month(Guid Id, Guid Unit, string UnitName);

    /// <summary>October (closed) and a unit with a verified report in it.</summary>
    private static Task<Month> OctoberAsync(RoViecApp app) => app.WithDbAsync(async db =>
    {
        var october = await db.Periods.AsNoTracking().SingleAsync(p => p.Kind == PeriodKinds.Monthly && p.Number == 10, Ct);
        var unit = await db.Reports.AsNoTracking().Where(r => r.PeriodId == october.Id && r.State == ReportStates.Verified)
            .Join(db.Units, r => r.UnitId, u => u.Id, (r, u) => new { u.Id, u.Name }).OrderBy(u => u.Name).FirstAsync(Ct);
        return new Month(october.Id, unit.Id, unit.Name);
    });

    private static async Task<RoViec.Domain.Scoring.ScoreResult> ResultAsync(RoViecApp app, Month m)
    {
        var json = await app.WithDbAsync(db => db.UnitScores.Where(s => s.PeriodId == m.Id && s.UnitId == m.Unit).Select(s => s.Breakdown).SingleAsync(Ct));
        return JsonSerializer.Deserialize<RoViec.Web.Features.Scores.ScoreBreakdown>(json, RoViec.Web.Features.Scores.ScoreService.Json)!.Result;
    }

    [Fact]
    public async Task A_manual_score_and_a_budget_rescore_the_month_and_the_change_is_recorded()
    {
        await using var app = App();
        var m = await OctoberAsync(app);
        using var office = await app.SignedInClientAsync("thuongtruc");
        var page = $"/diem/nhap-lieu?ky={m.Id}&donvi={m.Unit}";
        var html = await office.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        Assert.Contains("name=\"Value[B5]\"", html, StringComparison.Ordinal);
        var before = await app.WithDbAsync(db => db.UnitScores.Where(s => s.PeriodId == m.Id && s.UnitId == m.Unit).Select(s => s.Total).SingleAsync(Ct));
        var changesBefore = await app.WithDbAsync(db => db.ScoreChanges.CountAsync(c => c.PeriodId == m.Id && c.UnitId == m.Unit, Ct));

        using var saved = await office.PostTokenFormAsync(html, page,
            ("Value[B5]", "5"), ("Basis[B5]", "Kế hoạch tập huấn số 12/KH-UBND, 3 lớp, 120 lượt người"),
            ("Allocated", "100.000.000"), ("Disbursed", "85.000.000"), ("Source", "Kho bạc xã"),
            ("Reason", "Bổ sung kết quả tập huấn và giải ngân tháng 10"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("điểm tháng 10/2026 đã được tính lại", WebUtility.HtmlDecode(await saved.BodyAsync()), StringComparison.Ordinal);
        var input = await app.WithDbAsync(db => db.ScoreInputs.SingleAsync(i => i.PeriodId == m.Id && i.UnitId == m.Unit && i.Code == "B5", Ct));
        Assert.Equal(5m, input.Value);
        Assert.Equal("thuongtruc", input.EnteredBy);
        var budget = await app.WithDbAsync(db => db.BudgetEntries.SingleAsync(b => b.PeriodId == m.Id && b.UnitId == m.Unit, Ct));
        Assert.Equal((100_000_000m, 85_000_000m), (budget.Allocated, budget.Disbursed));

        // The breakdown now shows B5 at 5 points with its basis, and B4 at the full 10 points (85% ÷ 85% × 10).
        var result = await ResultAsync(app, m);
        var b5 = result.Lines.Single(l => l.Code == "B5");
        Assert.Equal(5m, b5.Points);
        Assert.Contains("12/KH-UBND", b5.Data, StringComparison.Ordinal);
        var b4 = result.Lines.Single(l => l.Code == "B4");
        Assert.Equal(10m, b4.Points);

        var after = await app.WithDbAsync(db => db.UnitScores.Where(s => s.PeriodId == m.Id && s.UnitId == m.Unit).Select(s => s.Total).SingleAsync(Ct));
        if (after != before)
        {
            var change = await app.WithDbAsync(db => db.ScoreChanges.Where(c => c.PeriodId == m.Id && c.UnitId == m.Unit).OrderByDescending(c => c.Id).FirstAsync(Ct));
            Assert.Equal("thuongtruc", change.ChangedBy);
            Assert.Contains("Bổ sung kết quả tập huấn", change.Reason, StringComparison.Ordinal);
            Assert.Equal(changesBefore + 1, await app.WithDbAsync(db => db.ScoreChanges.CountAsync(c => c.PeriodId == m.Id && c.UnitId == m.Unit, Ct)));
        }
    }

    [Theory]
    [InlineData("Value[B5]", "7", "Basis[B5]", "Kế hoạch 12", "điểm phải từ 0 đến 5")]
    [InlineData("Value[B5]", "4", "Basis[B5]", "", "hãy ghi căn cứ chấm điểm")]
    [InlineData("Value[B5]", "bốn", "Basis[B5]", "Kế hoạch 12", "không phải là số điểm")]
    [InlineData("Yes[allowance]", "true", "Basis[allowance]", "", "phải có văn bản cho phép")]
    [InlineData("Value[initiative]", "1,5", "Basis[initiative]", "QĐ 5", "số nguyên từ 0 đến 100")]
    [InlineData("Allocated", "-5", "Disbursed", "0", "không âm")]
    public async Task Bad_inputs_are_refused_with_their_reason_and_nothing_is_saved(string field, string value, string other, string otherValue, string message)
    {
        await using var app = App();
        var m = await OctoberAsync(app);
        using var office = await app.SignedInClientAsync("thuongtruc");
        var page = $"/diem/nhap-lieu?ky={m.Id}&donvi={m.Unit}";
        var html = await office.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        var inputs = await app.WithDbAsync(db => db.ScoreInputs.CountAsync(Ct));
        var budgets = await app.WithDbAsync(db => db.BudgetEntries.CountAsync(Ct));
        var scores = await app.WithDbAsync(db => db.ScoreChanges.CountAsync(Ct));

        using var response = await office.PostTokenFormAsync(html, page, (field, value), (other, otherValue), ("Reason", "Thử"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(inputs, await app.WithDbAsync(db => db.ScoreInputs.CountAsync(Ct)));
        Assert.Equal(budgets, await app.WithDbAsync(db => db.BudgetEntries.CountAsync(Ct)));
        Assert.Equal(scores, await app.WithDbAsync(db => db.ScoreChanges.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_closed_month_takes_a_reason()
    {
        await using var app = App();
        var m = await OctoberAsync(app);
        using var office = await app.SignedInClientAsync("thuongtruc");
        var page = $"/diem/nhap-lieu?ky={m.Id}&donvi={m.Unit}";
        var html = await office.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        // The demo's own B5 input of the month, whatever its seeded value: it must stay as it was.
        Task<List<(decimal?, string)>> B5Async() => app.WithDbAsync(async db => (await db.ScoreInputs.AsNoTracking()
            .Where(i => i.Code == "B5" && i.PeriodId == m.Id && i.UnitId == m.Unit).Select(i => new { i.Value, i.Basis }).ToListAsync(Ct))
            .Select(i => (i.Value, i.Basis)).ToList());
        var before = await B5Async();
        Assert.DoesNotContain(before, i => i == (3m, "Kế hoạch 12"));

        using var response = await office.PostTokenFormAsync(html, page, ("Value[B5]", "3"), ("Basis[B5]", "Kế hoạch 12"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("đã đóng: hãy ghi lý do điều chỉnh", WebUtility.HtmlDecode(await response.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await B5Async());
    }

    [Fact]
    public async Task A_written_allowance_waives_the_deduction_it_names()
    {
        await using var app = App();
        var m = await OctoberAsync(app);
        using var office = await app.SignedInClientAsync("thuongtruc");
        var page = $"/diem/nhap-lieu?ky={m.Id}&donvi={m.Unit}";
        var html = await office.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        Assert.Contains("name=\"Yes[allowance]\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Value[initiative]\"", html, StringComparison.Ordinal);

        using var saved = await office.PostTokenFormAsync(html, page, ("Yes[allowance]", "true"), ("Basis[allowance]", "Công văn số 45/BCĐ ngày 25/10/2026"),
            ("Value[initiative]", "1"), ("Basis[initiative]", "Quyết định số 7/QĐ-UBND công nhận sáng kiến"), ("Reason", "Bổ sung miễn trừ và sáng kiến"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stored = await app.WithDbAsync(db => db.ScoreInputs.Where(i => i.PeriodId == m.Id && i.UnitId == m.Unit).ToDictionaryAsync(i => i.Code, Ct));
        Assert.Equal(true, stored["allowance"].Yes);
        Assert.Equal(1m, stored["initiative"].Value);
        var result = await ResultAsync(app, m);
        Assert.NotNull(result.Bonus);
        Assert.Equal(2m, result.Bonus.Points);
        Assert.Contains("Quyết định số 7/QĐ-UBND", result.Bonus.Explanation + string.Join(" ", result.Lines.Select(l => l.Data)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_standing_office_enters_scoring_data()
    {
        await using var app = App();
        var m = await OctoberAsync(app);
        foreach (var user in new[] { "congan", "truongban", "thanhvien" })
        {
            using var client = await app.SignedInClientAsync(user);
            using var response = await client.GetAsync(new Uri($"/diem/nhap-lieu?ky={m.Id}&donvi={m.Unit}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        using var office = await app.SignedInClientAsync("thuongtruc");
        using var unknown = await office.GetAsync(new Uri($"/diem/nhap-lieu?ky={Guid.NewGuid()}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
