using RoViec.Domain.Scoring;

namespace RoViec.Domain.Tests.Scoring;

/// <summary>Bad schemes are refused with every reason, in Vietnamese; a good one passes and survives JSON.</summary>
public sealed class SchemeValidatorTests
{
    private static readonly ClassBand[] Abcd = [new("A", 90), new("B", 75), new("C", 50), new("D", 0)];

    private static Criterion Bands(string code, decimal max, params Step[] steps) =>
        new() { Code = code, Name = "Tiêu chí " + code, Max = max, Rule = new ScoringRule(RuleKinds.Bands, Measures.TasksOnTime, steps) };

    private static readonly Step[] Good = [new(100, null, 10), new(90, 100, 8), new(80, 90, 6), new(70, 80, 4), new(0, 70, 0)];

    private static SchemeDefinition Valid => new()
    {
        Criteria =
        [
            new Criterion { Code = "A", Name = "Chỉ đạo, báo cáo", Max = 20, Children = [Bands("A1", 10, Good), new Criterion { Code = "A2", Name = "Sáng kiến", Max = 10, Rule = new ScoringRule(RuleKinds.Manual) }] },
            new Criterion { Code = "B", Name = "Kết quả", Max = 80, Children = [Bands("B1", 70, [new(100, null, 70), new(0, 100, 35)]), new Criterion { Code = "B2", Name = "Giải ngân", Max = 10, Rule = new ScoringRule(RuleKinds.Proportional, Measures.BudgetDisbursed, Target: 85) }] },
        ],
        Deductions = [new Deduction("TRE", "Chậm báo cáo", Measures.DaysLate, 2, 10)],
        Bonus = new Bonus("ST", "Sáng kiến", Measures.Initiatives, 2, 5),
        Classes = Abcd,
    };

    [Fact]
    public void A_well_formed_scheme_passes_and_reads_back_from_its_json()
    {
        Assert.Empty(SchemeValidator.Validate(Valid));
        var json = SchemeJson.Write(Valid);
        Assert.Contains("\"criteria\"", json, StringComparison.Ordinal);
        Assert.Contains("Chỉ đạo, báo cáo", json, StringComparison.Ordinal);
        var back = SchemeJson.Parse(json, out var errors);
        Assert.Empty(errors);
        Assert.NotNull(back);
        Assert.Equal(SchemeJson.Write(Valid), SchemeJson.Write(back));
    }

    [Fact]
    public void Top_level_criteria_must_add_up_to_100()
    {
        var errors = SchemeValidator.Validate(Valid with { Criteria = [Valid.Criteria[0], Valid.Criteria[1] with { Max = 75, Children = [Bands("B1", 75, [new(0, null, 75)])] }] });
        Assert.Contains(errors, e => e.Contains("Tổng điểm tối đa của các tiêu chí cấp 1 là 95, phải bằng 100", StringComparison.Ordinal));
    }

    [Fact]
    public void Children_must_add_up_to_their_parent()
    {
        var errors = SchemeValidator.Validate(Valid with { Criteria = [Valid.Criteria[0] with { Children = [Bands("A1", 10, Good), Bands("A2", 5, Good)] }, Valid.Criteria[1]] });
        Assert.Contains(errors, e => e.Contains("các tiêu chí con cộng lại 15 điểm, khác điểm tối đa 20", StringComparison.Ordinal));
    }

    [Fact]
    public void A_band_table_with_a_gap_is_refused()
    {
        var errors = SchemeValidator.Validate(Valid with { Criteria = [Valid.Criteria[0] with { Children = [Bands("A1", 10, new(100, null, 10), new(90, 100, 8), new(0, 80, 0)), Valid.Criteria[0].Children[1]] }, Valid.Criteria[1]] });
        Assert.Contains(errors, e => e.Contains("bị hở từ 80% đến dưới 90%", StringComparison.Ordinal));
    }

    [Fact]
    public void A_band_table_with_an_overlap_is_refused()
    {
        var errors = SchemeValidator.Validate(Valid with { Criteria = [Valid.Criteria[0] with { Children = [Bands("A1", 10, new(100, null, 10), new(85, 100, 8), new(0, 90, 0)), Valid.Criteria[0].Children[1]] }, Valid.Criteria[1]] });
        Assert.Contains(errors, e => e.Contains("chồng lên", StringComparison.Ordinal) && e.Contains("từ 85% đến dưới 90%", StringComparison.Ordinal));
    }

    [Fact]
    public void A_band_table_must_start_at_0_and_end_open()
    {
        var errors = SchemeValidator.Validate(Valid with { Criteria = [Valid.Criteria[0] with { Children = [Bands("A1", 10, new(90, 100, 10), new(50, 90, 5)), Valid.Criteria[0].Children[1]] }, Valid.Criteria[1]] });
        Assert.Contains(errors, e => e.Contains("bỏ trống từ 0% đến dưới 50%", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("không chấm giá trị từ 100% trở lên", StringComparison.Ordinal));
    }

    [Fact]
    public void Points_above_the_criterion_s_maximum_and_unknown_measures_are_refused()
    {
        var bad = Valid with
        {
            Criteria =
            [
                Valid.Criteria[0] with { Children = [Bands("A1", 10, new Step(0, null, 12)), Valid.Criteria[0].Children[1]] },
                Valid.Criteria[1] with { Children = [Valid.Criteria[1].Children[0], new Criterion { Code = "B2", Name = "Giải ngân", Max = 10, Rule = new ScoringRule(RuleKinds.Proportional, "budget.spent", Target: 0) }] },
            ],
        };
        var errors = SchemeValidator.Validate(bad);
        Assert.Contains(errors, e => e.Contains("cho 12 điểm, phải trong khoảng 0 đến 10", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("\"budget.spent\" không có", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("mức chuẩn", StringComparison.Ordinal));
    }

    [Fact]
    public void Classes_must_start_at_0_without_duplicates_and_codes_must_be_unique()
    {
        var errors = SchemeValidator.Validate(Valid with
        {
            Classes = [new("Xuất sắc", 90), new("Tốt", 90), new("Hoàn thành", 50)],
            Deductions = [new Deduction("A1", "Chậm", Measures.DaysLate, 2)],
            TieBreakers = [TieBreakers.Shared, TieBreakers.Results],
        });
        Assert.Contains(errors, e => e.Contains("cùng bắt đầu từ 90 điểm", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("bỏ trống từ 0 đến dưới 50 điểm", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Mã \"A1\" được dùng hai lần", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("phải đứng cuối", StringComparison.Ordinal));
    }

    [Fact]
    public void Null_lists_in_the_json_are_read_as_empty_and_reported_not_thrown()
    {
        var scheme = SchemeJson.Parse("{ \"criteria\": [ { \"code\": \"A\", \"name\": \"X\", \"max\": 100, \"children\": null } ], \"classes\": [ { \"label\": \"Đạt\", \"min\": 0 } ] }", out var errors);
        Assert.Empty(errors);
        Assert.NotNull(scheme);
        Assert.Contains(SchemeValidator.Validate(scheme), e => e.Contains("chưa có cách chấm", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ \"criteria\": [ { \"code\": \"A\", ")]
    [InlineData("{ \"criteria\": [ { \"code\": \"A\", \"name\": \"X\", \"max\": \"hai mươi\" } ], \"classes\": [] }")]
    [InlineData("{ \"classes\": [] }")]
    public void Malformed_json_gives_a_vietnamese_message_not_an_exception(string json)
    {
        Assert.Null(SchemeJson.Parse(json, out var errors));
        var message = Assert.Single(errors);
        Assert.True(message.StartsWith("Không đọc được bộ tiêu chí", StringComparison.Ordinal) || message.StartsWith("Bộ tiêu chí trống", StringComparison.Ordinal), message);
    }
}
