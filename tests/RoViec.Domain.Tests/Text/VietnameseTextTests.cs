using System.Text;
using RoViec.Domain.Text;

namespace RoViec.Domain.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Chữ ký số", "chu ky so")]
    [InlineData("ĐẢNG ỦY", "dang uy")]
    [InlineData("Phòng Văn hoá – Xã hội", "phong van hoa xa hoi")]
    [InlineData("  Tối thiểu   90%. ", "toi thieu 90%")]
    [InlineData("HĐND&UBND", "hdnd ubnd")]
    public void Fold_drops_case_marks_and_punctuation(string text, string folded)
    {
        Assert.Equal(folded, VietnameseText.Fold(text));
    }

    [Fact]
    public void Fold_reads_decomposed_text_like_composed_text()
    {
        Assert.Equal("chu ky so", VietnameseText.Fold("Chữ ký số".Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" - ")]
    public void Fold_of_nothing_is_empty(string? text)
    {
        Assert.Equal("", VietnameseText.Fold(text));
    }

    [Fact]
    public void Similarity_of_identical_texts_is_one()
    {
        Assert.Equal(1.0, VietnameseText.Similarity("Triển khai chữ ký số", "Triển khai chữ ký số"));
    }

    [Fact]
    public void Similarity_ignores_case_and_marks()
    {
        Assert.Equal(1.0, VietnameseText.Similarity("Triển khai chữ ký số", "TRIEN KHAI CHU KY SO"));
    }

    [Fact]
    public void Similarity_of_disjoint_texts_is_zero()
    {
        Assert.Equal(0.0, VietnameseText.Similarity("Chữ ký số", "Công an xã"));
    }

    [Fact]
    public void Similarity_of_overlapping_texts_is_between_zero_and_one()
    {
        // Grams: {chu, ky, so, chu ky, ky so} and {chu, ky, chu ky}: 2*3/(5+3).
        Assert.Equal(0.75, VietnameseText.Similarity("Chữ ký số", "Chữ ký"), 10);
    }

    [Fact]
    public void Similarity_with_empty_text_is_zero()
    {
        Assert.Equal(0.0, VietnameseText.Similarity("", "Chữ ký số"));
        Assert.Equal(0.0, VietnameseText.Similarity(null, null));
    }

    [Theory]
    [InlineData("  a   b\t\nc  ", "a b c")]
    [InlineData("", "")]
    public void Squash_collapses_whitespace_and_trims(string text, string squashed)
    {
        Assert.Equal(squashed, VietnameseText.Squash(text));
    }

    [Fact]
    public void Strip_marks_keeps_punctuation_and_length()
    {
        const string text = "Quý II/2026 (Đảng ủy)";

        var stripped = VietnameseFolding.StripMarks(text);

        Assert.Equal("quy ii/2026 (dang uy)", stripped);
        Assert.Equal(text.Length, stripped.Length);
    }
}
