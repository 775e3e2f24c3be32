using System.Text;

namespace RoViec.Import.Tests.Importing;

/// <summary>
/// The importer has no clock: the plan's year comes from the document, else from the caller (the web application and
/// the CLI pass the year of their "today"), else from the year the text names most; a plan that names none is refused
/// with a clear reason instead of being dated by the machine's calendar.
/// </summary>
public sealed class PlanYearTests
{
    private const string NoYearAnywhere =
        "KẾ HOẠCH\nThực hiện chuyển đổi số\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n1. Công tác chỉ đạo\n" +
        "- Phòng Văn hóa - Xã hội chủ trì rà soát thủ tục hành chính, hoàn thành trong Quý II.\n";

    private static ImportOutcome Import(string text, int? year = null) =>
        PlanImporter.Import(Encoding.UTF8.GetBytes(text), "plan.txt", new ImportOptions { DefaultYear = year });

    [Fact]
    public void A_plan_that_names_no_year_is_refused_when_the_caller_gives_none()
    {
        var refused = Assert.IsType<ImportOutcome.Refused>(Import(NoYearAnywhere));

        Assert.Equal("no-year", refused.Error.Code);
        Assert.Contains("không ghi năm", refused.Error.Vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public void The_callers_year_dates_a_plan_that_names_none()
    {
        var draft = Assert.IsType<ImportOutcome.Imported>(Import(NoYearAnywhere, 2031)).Draft;

        Assert.Equal(2031, draft.Document.Year);
        Assert.Equal(new DateOnly(2031, 6, 30), Assert.Single(draft.Tasks).Deadline.Due);
    }

    [Fact]
    public void A_plan_whose_only_year_is_in_a_deadline_is_imported_and_that_deadline_keeps_its_year()
    {
        var text = NoYearAnywhere.Replace("Quý II.", "Quý II/2029.", StringComparison.Ordinal);

        var draft = Assert.IsType<ImportOutcome.Imported>(Import(text)).Draft;

        Assert.Equal(new DateOnly(2029, 6, 30), Assert.Single(draft.Tasks).Deadline.Due);
        // The caller's year dates only what names none.
        Assert.Equal(new DateOnly(2029, 6, 30), Assert.Single(Assert.IsType<ImportOutcome.Imported>(Import(text, 2031)).Draft.Tasks).Deadline.Due);
    }
}
