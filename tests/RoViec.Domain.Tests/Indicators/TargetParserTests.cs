using System.Globalization;
using RoViec.Domain.Indicators;

namespace RoViec.Domain.Tests.Indicators;

public sealed class TargetParserTests
{
    private static decimal N(string invariant) => decimal.Parse(invariant, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static Target Expected(TargetOp op, string value, string? max, TargetUnit unit, string? unitText = null, int? baselineYear = null) =>
        new(op, N(value), max is null ? null : N(max), unit, unitText, baselineYear);

    [Theory]
    [InlineData("100%", "100")]
    [InlineData("Phấn đấu 100%", "100")]
    [InlineData("Phân đấu 100%", "100")]
    [InlineData("đạt 85%", "85")]
    [InlineData("đạt 100%", "100")]
    [InlineData("24,0%", "24.0")]
    [InlineData("36,5%", "36.5")]
    [InlineData("Phấn đấu 15%", "15")]
    [InlineData("70 %", "70")]
    public void Plain_percentage_is_equal(string raw, string value)
    {
        Assert.Equal(Expected(TargetOp.Equal, value, null, TargetUnit.Percent), TargetParser.Parse(raw));
    }

    [Theory]
    [InlineData("Top 10", "10")]
    [InlineData("Top 10 Thứ hạng", "10")]
    [InlineData("top 03", "3")]
    public void Top_n_is_a_rank_at_most_that_place(string raw, string value)
    {
        Assert.Equal(Expected(TargetOp.AtMost, value, null, TargetUnit.Other, "hạng"), TargetParser.Parse(raw));
    }

    [Theory]
    [InlineData("Tối thiểu 90%", "90")]
    [InlineData("tối thiểu 95%", "95")]
    [InlineData("Tối thiểu 100%", "100")]
    [InlineData("đạt tối thiểu 95%", "95")]
    [InlineData("trên 50%", "50")]
    [InlineData("từ 80%", "80")]
    [InlineData("ít nhất 60%", "60")]
    [InlineData("không dưới 70%", "70")]
    [InlineData("≥ 98%", "98")]
    [InlineData("> 90%", "90")]
    [InlineData("đạt 60% trở lên", "60")]
    [InlineData("tối thiếu 45 %", "45")]
    public void Floor_percentage_is_at_least(string raw, string value)
    {
        Assert.Equal(Expected(TargetOp.AtLeast, value, null, TargetUnit.Percent), TargetParser.Parse(raw));
    }

    [Theory]
    [InlineData("không quá 5%", "5")]
    [InlineData("Tối đa 10%", "10")]
    [InlineData("dưới 2%", "2")]
    [InlineData("không vượt quá 3%", "3")]
    [InlineData("≤ 5%", "5")]
    [InlineData("10% trở xuống", "10")]
    public void Ceiling_percentage_is_at_most(string raw, string value)
    {
        Assert.Equal(Expected(TargetOp.AtMost, value, null, TargetUnit.Percent), TargetParser.Parse(raw));
    }

    [Theory]
    [InlineData("11-12,5%", "11", "12.5")]
    [InlineData("11,81%-12%", "11.81", "12")]
    [InlineData("11 – 12%", "11", "12")]
    [InlineData("từ 80 đến 90%", "80", "90")]
    public void Two_percentages_are_a_range(string raw, string value, string max)
    {
        Assert.Equal(Expected(TargetOp.Range, value, max, TargetUnit.Percent), TargetParser.Parse(raw));
    }

    [Fact]
    public void Increase_over_a_base_year_keeps_range_and_base_year()
    {
        Assert.Equal(
            Expected(TargetOp.Increase, "25", "35", TargetUnit.Percent, baselineYear: 2025),
            TargetParser.Parse("tăng tối thiểu 25 - 35% ... so với năm 2025"));
    }

    [Fact]
    public void Single_increase_over_a_base_year_has_no_maximum()
    {
        Assert.Equal(
            Expected(TargetOp.Increase, "10", null, TargetUnit.Percent, baselineYear: 2025),
            TargetParser.Parse("tăng 10% so với năm 2025"));
    }

    [Fact]
    public void Increase_without_a_base_year_is_still_an_increase()
    {
        Assert.Equal(
            Expected(TargetOp.Increase, "10", null, TargetUnit.Percent),
            TargetParser.Parse("tăng 10%"));
    }

    [Fact]
    public void Dot_groups_thousands()
    {
        var target = TargetParser.Parse("tối thiểu 1.500 người");

        Assert.NotNull(target);
        Assert.Equal(TargetOp.AtLeast, target.Op);
        Assert.Equal(1500m, target.Value);
        Assert.Equal(TargetUnit.Count, target.Unit);
    }

    [Fact]
    public void Decrease_is_a_negative_increase()
    {
        var target = TargetParser.Parse("giảm 30% so với năm 2025");

        Assert.NotNull(target);
        Assert.Equal(TargetOp.Increase, target.Op);
        Assert.Equal(-30m, target.Value);
        Assert.Equal(2025, target.BaselineYear);
    }

    [Fact]
    public void Growth_rate_is_not_an_increase()
    {
        // "tăng trưởng" is growth: the target is the rate itself.
        Assert.Equal(
            Expected(TargetOp.Range, "11.81", "12", TargetUnit.Percent),
            TargetParser.Parse("Tốc độ tăng trưởng kinh tế bình quân đạt: 11,81%-12%"));
    }

    [Fact]
    public void Base_year_is_kept_only_for_an_increase()
    {
        Assert.Equal(
            Expected(TargetOp.Equal, "90", null, TargetUnit.Percent),
            TargetParser.Parse("đạt 90% so với năm 2025"));
    }

    [Theory]
    [InlineData("tối thiểu 01", "1")]
    [InlineData("tối thiểu 03", "3")]
    [InlineData("ít nhất 01", "1")]
    [InlineData("ít nhất một người", "1")]
    [InlineData("ít nhất hai mô hình", "2")]
    public void Floor_count_is_at_least(string raw, string value)
    {
        Assert.Equal(Expected(TargetOp.AtLeast, value, null, TargetUnit.Count), TargetParser.Parse(raw));
    }

    [Theory]
    [InlineData("Có 5", "5")]
    [InlineData("03", "3")]
    [InlineData("12 mô hình", "12")]
    public void Plain_count_is_equal(string raw, string value)
    {
        Assert.Equal(Expected(TargetOp.Equal, value, null, TargetUnit.Count), TargetParser.Parse(raw));
    }

    [Fact]
    public void Money_range_keeps_its_unit_as_written()
    {
        Assert.Equal(
            Expected(TargetOp.Range, "75", "80", TargetUnit.Other, "triệu đồng/người/năm"),
            TargetParser.Parse("75-80 triệu đồng/người/năm"));
    }

    [Fact]
    public void Money_amount_keeps_its_unit_as_written()
    {
        Assert.Equal(
            Expected(TargetOp.AtLeast, "2.5", null, TargetUnit.Other, "tỷ đồng"),
            TargetParser.Parse("tối thiểu 2,5 tỷ đồng"));
    }

    [Fact]
    public void Year_in_the_phrase_is_not_read_as_the_word_five()
    {
        // "năm" is both "year" and "five"; "năm 2026" is a year.
        Assert.Equal(Expected(TargetOp.Equal, "90", null, TargetUnit.Percent), TargetParser.Parse("năm 2026 đạt 90%"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Hoàn thành")]
    [InlineData("Hoàn thành trong năm")]
    [InlineData("Sau khi có hướng dẫn")]
    [InlineData("Theo kế hoạch của tỉnh")]
    public void Phrase_without_a_number_has_no_target(string raw)
    {
        Assert.Null(TargetParser.Parse(raw));
    }

    [Fact]
    public void Decomposed_unicode_reads_like_composed()
    {
        var decomposed = "Tối thiểu 90%".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal(Expected(TargetOp.AtLeast, "90", null, TargetUnit.Percent), TargetParser.Parse(decomposed));
    }

    [Fact]
    public void Decimal_comma_does_not_depend_on_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal(Expected(TargetOp.Equal, "12.5", null, TargetUnit.Percent), TargetParser.Parse("12,5%"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("11,81", "11.81")]
    [InlineData("01", "1")]
    [InlineData("một", "1")]
    [InlineData("mot", "1")]
    [InlineData("mười", "10")]
    public void Number_reads_decimal_comma_and_number_words(string text, string expected)
    {
        Assert.Equal(N(expected), TargetParser.ParseNumber(text));
    }

    [Theory]
    [InlineData("Trung tâm đạt 90%", "90")]
    [InlineData("Sau khi có hướng dẫn, đạt 90%", "90")]
    public void Word_that_only_looks_like_a_number_is_not_read_as_one(string raw, string value)
    {
        // Without diacritics "tâm" (centre) reads "tám" (eight) and "sau" (after) reads "sáu" (six).
        Assert.Equal(Expected(TargetOp.Equal, value, null, TargetUnit.Percent), TargetParser.Parse(raw));
    }
}
