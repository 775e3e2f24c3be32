using RoViec.Domain.Scoring;

namespace RoViec.Domain.Tests.Scoring;

/// <summary>
/// The shipped monthly scheme of Khánh Hòa's Quy định 11-QĐ/TU, Phụ lục 1 (src/RoViec.Web/Features/Scores/Schemes/
/// khanh-hoa-qd11-hang-thang.json), scored against the appendix's own text. Every expected number here is worked out
/// by hand from the appendix (quoted beside each case), not by the calculator.
/// </summary>
public sealed class KhanhHoaMonthlySchemeTests
{
    private static readonly Lazy<SchemeDefinition> Loaded = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RoViec.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var json = File.ReadAllText(Path.Combine(dir.FullName, "src", "RoViec.Web", "Features", "Scores", "Schemes", "khanh-hoa-qd11-hang-thang.json"));
        var scheme = SchemeJson.Parse(json, out var errors);
        Assert.Empty(errors);
        return scheme!;
    });

    private static SchemeDefinition Scheme => Loaded.Value;

    private static ManualEntry Count(decimal value) => new(value, null, "Báo cáo kết quả thực hiện");
    private static ManualEntry Yes() => new(null, true, "Văn bản số 12/BC");
    private static ManualEntry No() => new(null, false, "");

    private static UnitFacts Facts(Dictionary<string, ManualEntry> inputs, decimal? disbursed = null, decimal daysLate = 0, decimal adHocMissed = 0) =>
        new(Guid.NewGuid(), "UBND xã",
            new Dictionary<string, MeasureValue>
            {
                [Measures.BudgetDisbursed] = new(disbursed, disbursed is null ? "Không được giao kinh phí" : $"Giải ngân {disbursed}%"),
                [Measures.DaysLate] = new(daysLate, $"Chậm {daysLate} ngày"),
                [Measures.AdHocMissed] = new(adHocMissed, $"{adHocMissed} báo cáo đột xuất không gửi"),
            },
            inputs, null);

    private static decimal? Points(ScoreResult result, string code) => result.Lines.Single(l => l.Code == code).Points;

    [Fact]
    public void The_scheme_is_valid_and_cites_the_appendix_for_every_criterion_and_deduction()
    {
        Assert.Empty(SchemeValidator.Validate(Scheme));
        Assert.NotNull(Scheme.Source);
        Assert.Contains("11-QĐ/TU", Scheme.Source!.Document, StringComparison.Ordinal);
        Assert.True(Scheme.MonitoringOnly);
        var leaves = SchemeValidator.Leaves(Scheme.Criteria).ToList();
        // I.1, I.2, II.1.1, II.1.2, II.1.3.1, II.1.3.2, II.2, II.3.1, II.3.2, II.4, II.5.
        Assert.Equal(["I.1", "I.2", "II.1.1", "II.1.2", "II.1.3.1", "II.1.3.2", "II.2", "II.3.1", "II.3.2", "II.4", "II.5"], leaves.Select(l => l.Code));
        Assert.All(leaves, l => Assert.StartsWith("Phụ lục 1, mục A, " + l.Code, l.Citation!.Section, StringComparison.Ordinal));
        Assert.Equal(["III.1", "III.2", "III.3"], Scheme.Deductions.Select(d => d.Code));
        Assert.All(Scheme.Deductions, d => Assert.False(string.IsNullOrWhiteSpace(d.Citation?.Text)));
        // The appendix's own words, spot-checked.
        Assert.Contains("Từ 60% đến dưới 85%: Điểm = (Tỷ lệ giải ngân/85%) x 10, tối đa 10 điểm, làm tròn 02 chữ số", leaves.Single(l => l.Code == "II.4").Citation!.Text, StringComparison.Ordinal);
        Assert.Contains("Đạt từ 50 đến dưới 100 lượt: 3 điểm", leaves.Single(l => l.Code == "II.3.1").Citation!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scheme_that_names_a_document_without_citing_a_criterion_is_refused()
    {
        var uncited = Scheme with
        {
            Criteria = [.. Scheme.Criteria.Select(c => c.Code == "I" ? c with { Children = [c.Children[0] with { Citation = null }, c.Children[1]] } : c)],
        };
        var errors = SchemeValidator.Validate(uncited);
        Assert.Contains(errors, e => e.Contains("Tiêu chí I.1", StringComparison.Ordinal) && e.Contains("trích nguyên văn", StringComparison.Ordinal));
        var noDeductionCitation = Scheme with { Deductions = [.. Scheme.Deductions.Select(d => d with { Citation = null })] };
        Assert.Equal(3, SchemeValidator.Validate(noDeductionCitation).Count(e => e.StartsWith("Điểm trừ III.", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_commune_month_worked_by_hand_from_the_appendix()
    {
        var result = ScoreCalculator.Score(Scheme, Facts(new()
        {
            // I.1 not entered: no periodic report due this month, dropped ("không chấm tiêu chí này và điểm tối đa được giảm trừ").
            ["I.2"] = Count(1),                   // "Có 1 sáng kiến hoặc giải pháp mới: 5 điểm"
            ["II.1.1"] = Count(92),               // "Đạt từ 90% đến dưới 100%: 8 điểm"
            // II.1.2 not entered: no task from UBND tỉnh, dropped.
            // II.1.3.1 not entered: a commune is outside it; II.1.3.2 applies.
            ["II.1.3.2"] = Count(9),              // "cập nhật … không thường xuyên: 9 điểm"
            ["II.2.ke-hoach"] = Yes(),            // b) with a plan
            ["II.2.ty-le"] = Count(70),           // "Từ 60% đến dưới 85%: 4 điểm"
            ["II.3.1"] = Count(120),              // "Đạt từ 100 lượt … trở lên: 6 điểm"
            ["II.3.2"] = Count(0),                // "Không tổ chức: 0 điểm"
            ["II.5"] = Yes(),                     // "trước ngày 22 hằng tháng: 8 điểm"
        }, disbursed: 72, daysLate: 1, adHocMissed: 3));

        Assert.Null(Points(result, "I.1"));
        Assert.Equal(5, Points(result, "I.2"));
        Assert.Equal(8, Points(result, "II.1.1"));
        Assert.Null(Points(result, "II.1.2"));
        Assert.Null(Points(result, "II.1.3.1"));
        Assert.Equal(9, Points(result, "II.1.3.2"));
        Assert.Equal(9, Points(result, "II.1.3"));
        Assert.Equal(4, Points(result, "II.2"));
        Assert.Equal(6, Points(result, "II.3.1"));
        Assert.Equal(0, Points(result, "II.3.2"));
        Assert.Equal(8.47m, Points(result, "II.4"));   // 72 ÷ 85 × 10 = 8,4705… → 8,47
        Assert.Equal(8, Points(result, "II.5"));
        // 5 + 8 + 9 + 4 + 6 + 0 + 8,47 + 8 = 48,47 of 100 − 10 (I.1) − 10 (II.1.2) = 80; 1.3 counts 18 once.
        Assert.Equal(48.47m, result.Raw);
        Assert.Equal(80, result.ApplicableMax);
        Assert.Equal(60.59m, result.Normalised);  // 48,47 ÷ 80 × 100 = 60,5875
        // III.1: one day late, "chưa quá 01 ngày: trừ 02 điểm"; III.2: "0,5" for not doing ad-hoc reports.
        Assert.Equal(2, result.Deductions.Single(d => d.Code == "III.1").Points);
        Assert.Equal(0.5m, result.Deductions.Single(d => d.Code == "III.2").Points);
        Assert.Equal(58.09m, result.Total);
        Assert.Null(result.NotAccepted);
        Assert.Equal("", result.Class);
    }

    [Theory]
    [InlineData(59.99, 0)]     // "Dưới 60%: 0 điểm"
    [InlineData(60, 7.06)]     // 60 ÷ 85 × 10 = 7,0588 → 7,06
    [InlineData(84, 9.88)]     // 84 ÷ 85 × 10 = 9,8823 → 9,88
    [InlineData(85, 10)]       // "Đạt từ 85% trở lên: 10 điểm"
    [InlineData(100, 10)]
    public void Disbursement_follows_the_appendix(double rate, double points)
    {
        var result = ScoreCalculator.Score(Scheme, Facts([], disbursed: (decimal)rate));
        Assert.Equal((decimal)points, Points(result, "II.4"));
    }

    [Fact]
    public void A_unit_given_no_budget_is_not_scored_on_disbursement()
    {
        var result = ScoreCalculator.Score(Scheme, Facts([]));
        Assert.Null(Points(result, "II.4"));
    }

    [Theory]
    [InlineData(false, 1, 8)]     // a) "Có tổ chức: 8 điểm"
    [InlineData(false, 0, 0)]     // a) "Không Tổ chức: 0 điểm"
    [InlineData(true, 100, 12)]   // b) "Đạt từ 100% kế hoạch: 12 điểm"
    [InlineData(true, 85, 8)]     // b) "Đạt từ 85- dưới 100%: 8 điểm"
    [InlineData(true, 84.9, 4)]   // b) "Từ 60% đến dưới 85%: 4 điểm"
    [InlineData(true, 59, 2)]     // b) "Dưới 60%: 2 điểm"
    [InlineData(true, 0, 0)]      // b) "Không tổ chức: 0 điểm"
    public void Training_has_two_groups_chosen_by_whether_the_unit_has_a_plan(bool plan, double value, int points)
    {
        var inputs = new Dictionary<string, ManualEntry> { ["II.2.ke-hoach"] = plan ? Yes() : No() };
        inputs[plan ? "II.2.ty-le" : "II.2.so-lop"] = Count((decimal)value);
        var line = ScoreCalculator.Score(Scheme, Facts(inputs)).Lines.Single(l => l.Code == "II.2");
        Assert.Equal(points, line.Points);
        Assert.StartsWith(plan ? "Nhóm đơn vị có xây dựng Kế hoạch" : "Nhóm đơn vị không xây dựng Kế hoạch", line.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 6)]
    [InlineData(99, 3)]
    [InlineData(50, 3)]
    [InlineData(49, 1)]
    [InlineData(1, 1)]
    [InlineData(0, 0)]
    public void Communication_counts_reach_the_appendix_bands(int count, int points)
    {
        var result = ScoreCalculator.Score(Scheme, Facts(new() { ["II.3.1"] = Count(count), ["II.3.2"] = Count(count) }));
        Assert.Equal(points, Points(result, "II.3.1"));
        Assert.Equal(points, Points(result, "II.3.2"));
    }

    [Fact]
    public void The_provincial_database_criterion_scores_the_building_or_the_running_phase_and_replaces_the_commune_one()
    {
        // Building phase, 75% of the roadmap: "Hoàn thành từ 70% đến dưới 100% theo lộ trình: 10 điểm".
        var building = ScoreCalculator.Score(Scheme, Facts(new() { ["II.1.3.1.van-hanh"] = No(), ["II.1.3.1.xay-dung"] = Count(75) }));
        Assert.Equal(10, Points(building, "II.1.3"));
        Assert.Null(Points(building, "II.1.3.2"));
        // Running phase: "Hệ thống vận hành ổn định, cập nhật thường xuyên: 18 điểm"; a commune value entered too is not added.
        var running = ScoreCalculator.Score(Scheme, Facts(new() { ["II.1.3.1.van-hanh"] = Yes(), ["II.1.3.1.muc"] = Count(18), ["II.1.3.2"] = Count(9) }));
        Assert.Equal(18, Points(running, "II.1.3"));
        // A value that is not one of the levels scores nothing.
        var odd = ScoreCalculator.Score(Scheme, Facts(new() { ["II.1.3.2"] = Count(12) }));
        Assert.Equal(0, Points(odd, "II.1.3.2"));
    }

    [Fact]
    public void More_than_one_day_late_is_not_accepted_for_evaluation_unless_allowed_in_writing()
    {
        var inputs = new Dictionary<string, ManualEntry> { ["II.5"] = Yes(), ["II.1.1"] = Count(100) };
        var refused = ScoreCalculator.Score(Scheme, Facts(inputs, daysLate: 2));
        Assert.Equal(0, refused.Total);
        Assert.NotNull(refused.NotAccepted);
        Assert.Contains("không tiếp nhận đánh giá", refused.NotAccepted, StringComparison.Ordinal);

        // "trừ trường hợp có lý do khách quan được … chấp thuận bằng văn bản": accepted, still −2.
        var allowed = ScoreCalculator.Score(Scheme, Facts(new(inputs) { ["allowance"] = new ManualEntry(null, true, "Công văn 5/BCĐ") }, daysLate: 2));
        Assert.Null(allowed.NotAccepted);
        Assert.Equal(2, allowed.Deductions.Single(d => d.Code == "III.1").Points);
        // II.1.1 10 + II.5 8 = 18 of 10 + 10 + 12 + 6 + 6 + 8 = 52 applicable (I.1, II.1.2, II.1.3, II.4 dropped) → 34,62 − 2.
        Assert.Equal(32.62m, allowed.Total);
    }

    [Fact]
    public void A_deduction_decided_by_the_steering_committee_is_taken_off_from_its_input()
    {
        var result = ScoreCalculator.Score(Scheme, Facts(new() { ["III.3"] = new ManualEntry(null, true, "Thông báo kết luận số 3-TB/BCĐ") }));
        var d = result.Deductions.Single(x => x.Code == "III.3");
        Assert.Equal(1, d.Points);
        Assert.Contains("3-TB/BCĐ", d.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_format_additions_are_checked()
    {
        static Criterion Leaf(string code, decimal max, ScoringRule rule) => new() { Code = code, Name = "Tiêu chí " + code, Max = max, Rule = rule };
        var bad = new SchemeDefinition
        {
            Criteria =
            [
                new Criterion { Code = "A", Name = "Thay thế nhau", Max = 20, OneOf = true, Children = [Leaf("A1", 20, new ScoringRule(RuleKinds.Manual)), Leaf("A2", 10, new ScoringRule(RuleKinds.Manual))] },
                Leaf("B", 30, new ScoringRule(RuleKinds.Levels, Levels: [new Level(40, "Quá mức"), new Level(0, "Không")])),
                Leaf("C", 30, new ScoringRule(RuleKinds.Variants, ChooseBy: "C.nhom", IfYes: new ScoringRule(RuleKinds.Manual))),
                Leaf("D", 20, new ScoringRule(RuleKinds.Proportional, Input: "D", Target: 85, Floor: 90)),
            ],
            Deductions = [new Deduction("T", "Trừ", Measures.DaysLate, 1, Input: "T")],
            Classes = [],
        };
        var errors = SchemeValidator.Validate(bad);
        Assert.Contains(errors, e => e.Contains("A2 là 10", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("mức \"Quá mức\" cho 40 điểm", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("cần cả \"ifYes\" và \"ifNo\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("ngưỡng dưới (\"floor\") 90", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("cần đúng một trong \"measure\"", StringComparison.Ordinal));
        // Classes may be left out only by a scheme for following up.
        Assert.Contains(errors, e => e.Contains("Chưa có bảng xếp loại", StringComparison.Ordinal));
        Assert.DoesNotContain(SchemeValidator.Validate(bad with { MonitoringOnly = true }), e => e.Contains("Chưa có bảng xếp loại", StringComparison.Ordinal));
    }
}
