using RoViec.Domain.Plans;

namespace RoViec.Import.Tests.Importing;

/// <summary>What the plan is, who issued it, on what basis — read from the samples' first pages.</summary>
public sealed class DocumentInfoTests
{
    private static PlanDocument Of(string sample) =>
        Assert.IsType<ImportOutcome.Imported>(PlanImporter.ImportFile(FixturePaths.Dir("seeds", sample + ".txt"))).Draft.Document;

    [Theory]
    [InlineData("dien-chau-ctr-2026", DocumentKind.WorkProgramme, "Diễn Châu")]
    [InlineData("tan-ky-kh-2026", DocumentKind.Decision, "Tân Kỳ")]
    [InlineData("thien-tan-kh-2026", DocumentKind.Plan, "Thiện Tân")]
    [InlineData("xuan-giang-ctr-2026", DocumentKind.WorkProgramme, "Xuân Giang")]
    public void Kind_place_year_and_issuer_are_read(string sample, DocumentKind kind, string place)
    {
        var document = Of(sample);

        Assert.Equal(kind, document.Kind);
        Assert.Equal(place, document.Place);
        Assert.Equal(2026, document.Year);
        Assert.NotNull(document.Issuer);
        Assert.EndsWith(place, document.Issuer, StringComparison.Ordinal);
    }

    [Fact]
    public void Legal_basis_is_normalised_to_type_number_and_date()
    {
        var document = Of("dien-chau-ctr-2026");

        Assert.Contains("Nghị quyết số 57-NQ/TW ngày 22/12/2024", document.LegalBasis);
        Assert.Contains("Chương trình số 01-CTr/BCĐ ngày 14/4/2026", document.LegalBasis);
        Assert.Contains("Quyết định số 97-QĐ/ĐU ngày 14/8/2025", document.LegalBasis);
        Assert.Equal(6, document.LegalBasis.Count);
    }

    [Fact]
    public void Plan_replaced_by_this_one_is_named()
    {
        Assert.Equal("Kế hoạch số 14/KH-UBND ngày 15/01/2026", Of("thien-tan-kh-2026").Replaces);
        Assert.Null(Of("xuan-giang-ctr-2026").Replaces);
    }
}
