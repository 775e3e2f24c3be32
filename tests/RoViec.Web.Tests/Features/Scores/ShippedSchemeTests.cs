using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Domain.Scoring;
using RoViec.Web.Features.Scores;

namespace RoViec.Web.Tests;

/// <summary>
/// Shipped schemes cite real sources only (issue 15): a scheme that names a document carries its text criterion by
/// criterion; one that does not names no legal document, in its data or in the name the page gives it. Khánh Hòa's
/// monthly scheme is offered, saved and scored like any other.
/// </summary>
public sealed partial class ShippedSchemeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>How a Vietnamese legal document is named: "Quyết định số …", "4585/QĐ-BKHCN", "11-QĐ/TU", "57-NQ/TW".</summary>
    [GeneratedRegex(@"(Quyết định|Quy định|Nghị quyết|Thông tư|Nghị định|Kế hoạch|Chỉ thị) số|\d+/(QĐ|NQ|TT|NĐ|KH|CT)-|\d+-(QĐ|NQ|KH|CT)/")]
    private static partial Regex DocumentName();

    [Fact]
    public void Every_shipped_scheme_is_valid_and_names_a_document_only_when_it_cites_it()
    {
        Assert.Equal([SchemeStore.DefaultKey, SchemeStore.IllustrativeKey, SchemeStore.KhanhHoaMonthlyKey], SchemeStore.ShippedSchemes.Select(s => s.Key));
        foreach (var shipped in SchemeStore.ShippedSchemes)
        {
            var json = SchemeStore.Shipped(shipped.Key);
            var scheme = SchemeJson.Parse(json, out var parseErrors);
            Assert.Empty(parseErrors);
            Assert.Empty(SchemeValidator.Validate(scheme!));
            if (scheme!.Source is null)
            {
                Assert.False(DocumentName().IsMatch(json), $"{shipped.Key} names a document it does not reproduce: {DocumentName().Match(json).Value}");
                Assert.False(DocumentName().IsMatch(shipped.Name), shipped.Name);
                Assert.Null(shipped.Basis);
            }
            else
            {
                // The validator refuses a source without a citation per criterion; the name and basis name that same document.
                Assert.All(SchemeValidator.Leaves(scheme.Criteria), c => Assert.False(string.IsNullOrWhiteSpace(c.Citation?.Text)));
                Assert.Contains("11-QĐ/TU", shipped.Basis, StringComparison.Ordinal);
                Assert.Contains("11-QĐ/TU", scheme.Source.Document, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_standing_office_starts_a_version_from_Khanh_Hoas_monthly_scheme_and_its_results_are_not_ranked()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 22), 10) };
        var d = await app.ReportedDecemberAsync();
        using var office = await app.SignedInClientAsync("thuongtruc");
        var page = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri("/diem/bo-tieu-chi", UriKind.Relative), Ct));
        Assert.Contains($"data-shipped=\"{SchemeStore.KhanhHoaMonthlyKey}\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-shipped=\"{SchemeStore.IllustrativeKey}\"", page, StringComparison.Ordinal);
        // Read without the page's ids: a random GUID may hold those four digits (it did once, in a CI run).
        Assert.DoesNotContain("4585", System.Text.RegularExpressions.Regex.Replace(page, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", ""), StringComparison.Ordinal);

        var started = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/diem/bo-tieu-chi?mau={SchemeStore.KhanhHoaMonthlyKey}", UriKind.Relative), Ct));
        Assert.Contains("Phụ lục 1 Quy định số 11-QĐ/TU của Tỉnh ủy Khánh Hòa", started, StringComparison.Ordinal);
        var saved = await office.PostFormAsync("/diem/bo-tieu-chi", "/diem/bo-tieu-chi",
            ("Name", "Bộ tiêu chí hằng tháng của tỉnh"), ("Basis", "Quy định số 11-QĐ/TU, Phụ lục 1"), ("From", "12/2026"),
            ("Json", SchemeStore.Shipped(SchemeStore.KhanhHoaMonthlyKey)));
        Assert.True(saved.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, saved.StatusCode + " " + await saved.BodyAsync());

        var shown = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri("/diem/bo-tieu-chi", UriKind.Relative), Ct));
        Assert.Contains("id=\"scheme-source\"", shown, StringComparison.Ordinal);
        Assert.Contains("Nộp báo cáo tự đánh giá cụ thể theo từng nhiệm vụ", shown, StringComparison.Ordinal);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            Assert.IsType<ScoreOutcome.Scored>(await ScoreService.RecomputeAsync(db, d.PeriodId, "Chấm thử", "kiểm thử", scope.ServiceProvider.GetRequiredService<TimeProvider>(), Ct));
        }
        var police = await app.WithDbAsync(db => db.UnitScores.AsNoTracking().SingleAsync(s => s.PeriodId == d.PeriodId && s.UnitId == d.Police, Ct));
        Assert.Equal("", police.Band);
        var ranking = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/diem?ky={d.PeriodId}", UriKind.Relative), Ct));
        Assert.Contains("id=\"monitoring-only\"", ranking, StringComparison.Ordinal);
        var row = ranking[ranking.IndexOf($"data-unit=\"{d.Police}\"", StringComparison.Ordinal)..];
        Assert.StartsWith("<td>—</td>", row[(row.IndexOf('>', StringComparison.Ordinal) + 1)..].TrimStart(), StringComparison.Ordinal);
        var sheet = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/diem/{d.PeriodId}/{d.Police}", UriKind.Relative), Ct));
        Assert.Contains("id=\"score-total\"", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"score-rank\"", sheet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_enters_counts_levels_groups_and_decided_deductions_for_Khanh_Hoas_scheme()
    {
        await using var app = new RoViecApp { Clock = new TestClock(new DateOnly(2026, 12, 22), 10) };
        var d = await app.ReportedDecemberAsync();
        using var office = await app.SignedInClientAsync("thuongtruc");
        var saved = await office.PostFormAsync("/diem/bo-tieu-chi", "/diem/bo-tieu-chi",
            ("Name", "Bộ tiêu chí hằng tháng của tỉnh"), ("From", "12/2026"), ("Json", SchemeStore.Shipped(SchemeStore.KhanhHoaMonthlyKey)));
        Assert.True(saved.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, saved.StatusCode.ToString());
        var page = $"/diem/nhap-lieu?ky={d.PeriodId}&donvi={d.Police}";
        var html = await office.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        foreach (var code in new[] { "I.2", "II.1.3.2", "II.2.ke-hoach", "II.2.ty-le", "II.2.so-lop", "II.3.1", "I.1" })
            Assert.Contains($"name=\"Value[{code}]\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Yes[III.3]\"", html, StringComparison.Ordinal);

        // A count that is not a number and a level the criterion does not have: refused with both reasons, nothing saved.
        using var refused = await office.PostTokenFormAsync(html, page,
            ("Value[II.3.1]", "nhiều"), ("Basis[II.3.1]", "Báo cáo tuyên truyền"), ("Value[II.1.3.2]", "12"), ("Basis[II.1.3.2]", "Sở KH&CN xác nhận"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var body = WebUtility.HtmlDecode(await refused.BodyAsync());
        Assert.Contains("“nhiều” phải là số không âm", body, StringComparison.Ordinal);
        Assert.Contains("hãy chọn một mức của tiêu chí", body, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ScoreInputs.CountAsync(i => i.PeriodId == d.PeriodId, Ct)));

        using var ok = await office.PostTokenFormAsync(html, page,
            ("Value[I.1]", ScoreInputs.ChoiceNo), ("Basis[I.1]", "Báo cáo quý IV gửi chậm"),
            ("Value[I.2]", "1"), ("Basis[I.2]", "Quyết định công nhận sáng kiến số 7/QĐ-UBND"),
            ("Value[II.1.3.2]", "9"), ("Basis[II.1.3.2]", "Sở KH&CN xác nhận"),
            ("Value[II.2.ke-hoach]", ScoreInputs.ChoiceYes), ("Value[II.2.ty-le]", "70"), ("Basis[II.2.ty-le]", "7/10 lớp theo kế hoạch"),
            ("Value[II.3.1]", "120"), ("Basis[II.3.1]", "Báo cáo tuyên truyền"),
            ("Yes[III.3]", "true"), ("Basis[III.3]", "Thông báo kết luận số 3-TB/BCĐ"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        var score = await app.WithDbAsync(db => db.UnitScores.AsNoTracking().SingleAsync(s => s.PeriodId == d.PeriodId && s.UnitId == d.Police, Ct));
        var result = ScoreService.ReadBreakdown(score.Breakdown)!.Result;
        decimal? Points(string code) => result.Lines.Single(l => l.Code == code).Points;
        Assert.Equal(0, Points("I.1"));       // "Thực hiện không đầy đủ …: 0 điểm" (entered No, so it applies)
        Assert.Equal(5, Points("I.2"));       // "Có 1 sáng kiến hoặc giải pháp mới: 5 điểm"
        Assert.Equal(9, Points("II.1.3"));    // "… cập nhật thông tin, dữ liệu không thường xuyên: 9 điểm"
        Assert.Equal(4, Points("II.2"));      // b) "Từ 60% đến dưới 85%: 4 điểm"
        Assert.Equal(6, Points("II.3.1"));    // "Đạt từ 100 lượt … trở lên: 6 điểm"
        Assert.Equal(1, result.Deductions.Single(x => x.Code == "III.3").Points);
    }
}
