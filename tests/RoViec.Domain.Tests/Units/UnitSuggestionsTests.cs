using RoViec.Domain.Units;

namespace RoViec.Domain.Tests.Units;

public sealed class UnitSuggestionsTests
{
    private static readonly IReadOnlyList<Unit> Catalogue = UnitCatalog.CreateDefault().Units;

    [Theory]
    [InlineData("Phòng Văn hóa, Thông tin và Xã hội", "phong-van-hoa-xa-hoi")]
    // Abbreviations are written out before comparing: "UB MTTQ VN" is the Fatherland Front committee.
    [InlineData("Ban Thường trực UB MTTQ VN xã", "mttq")]
    [InlineData("Trung tâm PVHCC xã Hòa Bình", "trung-tam-phvc")]
    public void An_unknown_spelling_suggests_the_unit_it_means_first(string name, string expected)
    {
        var suggestions = UnitSuggestions.For(name, Catalogue);

        Assert.NotEmpty(suggestions);
        Assert.Equal(expected, suggestions[0].Unit.Id);
        Assert.True(suggestions.Count <= 3);
        Assert.Equal(suggestions.OrderByDescending(s => s.Score).Select(s => s.Unit.Id), suggestions.Select(s => s.Unit.Id));
    }

    [Fact]
    public void A_name_sharing_no_words_with_any_unit_suggests_nothing()
    {
        Assert.Empty(UnitSuggestions.For("Hợp tác xã dịch vụ nông nghiệp số 7", [new Unit("cong-an", "Công an xã", UnitKind.Police, ["CA xã"])]));
    }
}
