using RoViec.Domain.Scoring;

namespace RoViec.Domain.Tests.Scoring;

/// <summary>Scoring rules case by case: bands, proportional, yes/no, manual, normalisation, deductions, bonus caps and classes.</summary>
public sealed class ScoreCalculatorTests
{
    /// <summary>The issue's band table: 100% → 10; 90 to under 100 → 8; 80 to under 90 → 6; 70 to under 80 → 4; under 70 → 0.</summary>
    private static readonly Step[] TenPointBands =
    [
        new(100, null, 10), new(90, 100, 8), new(80, 90, 6), new(70, 80, 4), new(0, 70, 0),
    ];

    private static readonly ClassBand[] Abcd = [new("A", 90), new("B", 75), new("C", 50), new("D", 0)];

    private static Criterion Leaf(string code, decimal max, ScoringRule rule) => new() { Code = code, Name = "Tiêu chí " + code, Max = max, Rule = rule };

    private static SchemeDefinition Single(Criterion leaf, decimal headFactor = 1) =>
        new() { Criteria = [leaf with { Max = 100 }], Classes = Abcd, HeadFactor = headFactor };

    private static UnitFacts Facts(Dictionary<string, decimal?>? measures = null, Dictionary<string, ManualEntry>? inputs = null) =>
        new(Guid.NewGuid(), "Công an xã",
            (measures ?? []).ToDictionary(m => m.Key, m => new MeasureValue(m.Value, $"số liệu {m.Key}")),
            inputs ?? [], null);

    [Theory]
    [InlineData(100, 10)]
    [InlineData(99.9, 8)]
    [InlineData(90, 8)]
    [InlineData(89.99, 6)]
    [InlineData(80, 6)]
    [InlineData(75, 4)]
    [InlineData(70, 4)]
    [InlineData(69.99, 0)]
    [InlineData(0, 0)]
    public void Band_steps_score_the_issue_table(double percent, int points)
    {
        var scheme = new SchemeDefinition
        {
            Criteria = [Leaf("K1", 10, new ScoringRule(RuleKinds.Bands, Measures.TasksOnTime, TenPointBands)), Leaf("K2", 90, new ScoringRule(RuleKinds.Manual))],
            Classes = Abcd,
        };
        var result = ScoreCalculator.Score(scheme, Facts(new() { [Measures.TasksOnTime] = (decimal)percent }, new() { ["K2"] = new ManualEntry(90, null, "Biên bản họp") }));
        Assert.Equal(points, result.Lines.Single(l => l.Code == "K1").Points);
        Assert.Equal(points + 90, result.Total);
    }

    [Theory]
    [InlineData(68, 8)]       // 68 ÷ 85 × 10 = 8
    [InlineData(42.5, 5)]     // 42,5 ÷ 85 × 10 = 5
    [InlineData(85, 10)]
    [InlineData(97, 10)]      // 11,41 capped at 10
    [InlineData(0, 0)]
    public void Proportional_is_value_over_target_times_max_capped(double disbursed, double points)
    {
        var scheme = new SchemeDefinition
        {
            Criteria = [Leaf("G", 10, new ScoringRule(RuleKinds.Proportional, Measures.BudgetDisbursed, Target: 85)), Leaf("M", 90, new ScoringRule(RuleKinds.Manual))],
            Classes = Abcd,
        };
        var result = ScoreCalculator.Score(scheme, Facts(new() { [Measures.BudgetDisbursed] = (decimal)disbursed }, new() { ["M"] = new ManualEntry(0, null, "x") }));
        Assert.Equal((decimal)points, result.Lines.Single(l => l.Code == "G").Points);
    }

    [Fact]
    public void Yes_no_needs_its_evidence_when_the_scheme_asks()
    {
        var rule = new ScoringRule(RuleKinds.YesNo, EvidenceRequired: true);
        var scheme = Single(Leaf("TD", 5, rule));
        Assert.Equal(100, ScoreCalculator.Score(scheme, Facts(inputs: new() { ["TD"] = new ManualEntry(null, true, "Biên bản tự đánh giá số 3 ngày 18/10/2026") })).Total);
        Assert.Equal(0, ScoreCalculator.Score(scheme, Facts(inputs: new() { ["TD"] = new ManualEntry(null, true, " ") })).Total);
        Assert.Equal(0, ScoreCalculator.Score(scheme, Facts(inputs: new() { ["TD"] = new ManualEntry(null, false, "Chưa tự đánh giá") })).Total);
        var unanswered = ScoreCalculator.Score(scheme, Facts());
        Assert.Equal(0, unanswered.Total);
        Assert.True(unanswered.Lines.Single().Applies, "a yes/no not yet answered still counts, with 0 points");
    }

    [Fact]
    public void A_manual_score_keeps_its_basis_and_stays_within_its_maximum()
    {
        var scheme = new SchemeDefinition
        {
            Criteria = [Leaf("DT", 5, new ScoringRule(RuleKinds.Manual)), Leaf("X", 95, new ScoringRule(RuleKinds.Manual))],
            Classes = Abcd,
        };
        var result = ScoreCalculator.Score(scheme, Facts(inputs: new() { ["DT"] = new ManualEntry(7, null, "Tổ chức 2 lớp tập huấn"), ["X"] = new ManualEntry(95, null, "x") }));
        var line = result.Lines.Single(l => l.Code == "DT");
        Assert.Equal(5, line.Points);
        Assert.Equal("Tổ chức 2 lớp tập huấn", line.Data);
    }

    /// <summary>
    /// Reporting (20) = on time 10 + evidence 10; results (80) = tasks 50 + indicators 30. The unit owns no indicator,
    /// so indicators (30) are dropped: raw = 10 + 5 + 40 = 55 of the 70 that apply → 55 ÷ 70 × 100 = 78,57.
    /// </summary>
    [Fact]
    public void A_criterion_that_does_not_apply_is_dropped_and_the_rest_scaled_to_100()
    {
        var scheme = new SchemeDefinition
        {
            Criteria =
            [
                new Criterion
                {
                    Code = "A", Name = "Chỉ đạo, báo cáo", Max = 20, Children =
                    [
                        Leaf("A1", 10, new ScoringRule(RuleKinds.Bands, Measures.ReportsOnTime, [new(100, null, 10), new(0, 100, 0)])),
                        Leaf("A2", 10, new ScoringRule(RuleKinds.Bands, Measures.EvidenceBeforeDue, [new(90, null, 10), new(50, 90, 5), new(0, 50, 0)])),
                    ],
                },
                new Criterion
                {
                    Code = "B", Name = "Kết quả", Max = 80, Children =
                    [
                        Leaf("B1", 50, new ScoringRule(RuleKinds.Bands, Measures.TasksOnTime, [new(100, null, 50), new(80, 100, 40), new(0, 80, 20)])),
                        Leaf("B2", 30, new ScoringRule(RuleKinds.Bands, Measures.IndicatorsMet, [new(100, null, 30), new(0, 100, 10)])),
                    ],
                },
            ],
            Classes = Abcd,
        };
        var facts = Facts(new()
        {
            [Measures.ReportsOnTime] = 100,
            [Measures.EvidenceBeforeDue] = 60,
            [Measures.TasksOnTime] = 85,
            [Measures.IndicatorsMet] = null,
        });

        var result = ScoreCalculator.Score(scheme, facts);

        Assert.Equal(55, result.Raw);
        Assert.Equal(70, result.ApplicableMax);
        Assert.Equal(78.57m, result.Normalised);
        Assert.Equal(78.57m, result.Total);
        Assert.Equal("B", result.Class);
        Assert.False(result.Lines.Single(l => l.Code == "B2").Applies);
        Assert.Equal(40, result.Lines.Single(l => l.Code == "B").Points);
        Assert.Equal(["A", "A1", "A2", "B", "B1", "B2"], result.Lines.Select(l => l.Code));
        Assert.Equal([0, 1, 1, 0, 1, 1], result.Lines.Select(l => l.Depth));
        Assert.Equal("số liệu tasks.onTime", result.Lines.Single(l => l.Code == "B1").Data);
    }

    private static SchemeDefinition WithAdjustments(decimal? deductionCap = 10) => new()
    {
        Criteria = [Leaf("M", 100, new ScoringRule(RuleKinds.Manual))],
        Deductions =
        [
            new Deduction("TRE", "Báo cáo tháng chậm", Measures.DaysLate, 2, deductionCap),
            new Deduction("KHONG", "Không được tiếp nhận sau ngày khóa sổ", Measures.NotAccepted, 10, WaivedBy: "allowance"),
            new Deduction("DX", "Thiếu báo cáo đột xuất", Measures.AdHocMissed, 0.5m),
        ],
        Bonus = new Bonus("ST", "Sáng kiến được công nhận", Measures.Initiatives, 2, 5),
        Classes = Abcd,
    };

    [Theory]
    [InlineData(0, 80)]
    [InlineData(3, 74)]      // −2 × 3
    [InlineData(5, 70)]      // −10, exactly the cap
    [InlineData(7, 70)]      // −14 capped at −10
    public void Late_days_are_deducted_per_day_up_to_the_cap(int daysLate, double total)
    {
        var result = ScoreCalculator.Score(WithAdjustments(), Facts(new() { [Measures.DaysLate] = daysLate }, new() { ["M"] = new ManualEntry(80, null, "x") }));
        Assert.Equal((decimal)total, result.Total);
    }

    [Fact]
    public void An_allowance_in_writing_waives_the_deduction_it_names_and_only_that()
    {
        var measures = new Dictionary<string, decimal?> { [Measures.NotAccepted] = 1, [Measures.AdHocMissed] = 2 };
        var without = ScoreCalculator.Score(WithAdjustments(), Facts(measures, new() { ["M"] = new ManualEntry(80, null, "x") }));
        Assert.Equal(80 - 10 - 1, without.Total);

        var allowed = ScoreCalculator.Score(WithAdjustments(), Facts(measures, new()
        {
            ["M"] = new ManualEntry(80, null, "x"),
            ["allowance"] = new ManualEntry(null, true, "Công văn số 12/BCĐ ngày 23/10/2026 cho phép nộp muộn"),
        }));
        Assert.Equal(80 - 1, allowed.Total);
        var waived = allowed.Deductions.Single(d => d.Code == "KHONG");
        Assert.Equal(0, waived.Points);
        Assert.Contains("Công văn số 12/BCĐ", waived.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 82)]
    [InlineData(2, 84)]
    [InlineData(4, 85)]      // 8 capped at 5
    public void The_bonus_for_initiatives_is_capped(int initiatives, double total)
    {
        var result = ScoreCalculator.Score(WithAdjustments(), Facts(new() { [Measures.Initiatives] = initiatives }, new() { ["M"] = new ManualEntry(80, null, "x") }));
        Assert.Equal((decimal)total, result.Total);
    }

    [Fact]
    public void The_total_stays_between_0_and_100()
    {
        var high = ScoreCalculator.Score(WithAdjustments(), Facts(new() { [Measures.Initiatives] = 3 }, new() { ["M"] = new ManualEntry(100, null, "x") }));
        Assert.Equal(100, high.Total);
        var low = ScoreCalculator.Score(WithAdjustments(deductionCap: null), Facts(new() { [Measures.DaysLate] = 30 }, new() { ["M"] = new ManualEntry(10, null, "x") }));
        Assert.Equal(0, low.Total);
    }

    [Theory]
    [InlineData(100, "A")]
    [InlineData(90, "A")]
    [InlineData(89.99, "B")]
    [InlineData(75, "B")]
    [InlineData(74.99, "C")]
    [InlineData(50, "C")]
    [InlineData(49.99, "D")]
    [InlineData(0, "D")]
    public void Classes_follow_the_bands(double total, string expected)
    {
        Assert.Equal(expected, ScoreCalculator.ClassOf(new SchemeDefinition { Criteria = [], Classes = Abcd }, (decimal)total));
    }

    [Fact]
    public void The_head_s_score_follows_the_unit_s()
    {
        var scheme = Single(Leaf("M", 100, new ScoringRule(RuleKinds.Manual)), headFactor: 0.9m);
        var result = ScoreCalculator.Score(scheme, Facts(inputs: new() { ["M"] = new ManualEntry(80, null, "x") }));
        Assert.Equal(80, result.Total);
        Assert.Equal(72, result.HeadTotal);
    }

    [Fact]
    public void Nothing_applies_gives_0_not_a_division_by_zero()
    {
        var scheme = Single(Leaf("K", 100, new ScoringRule(RuleKinds.Bands, Measures.TasksOnTime, TenPointBands)));
        var result = ScoreCalculator.Score(scheme, Facts(new() { [Measures.TasksOnTime] = null }));
        Assert.Equal(0, result.ApplicableMax);
        Assert.Equal(0, result.Total);
    }
}
