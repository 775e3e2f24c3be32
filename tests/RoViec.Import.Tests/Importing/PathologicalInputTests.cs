using System.Text;

namespace RoViec.Import.Tests.Importing;

/// <summary>Inputs shaped to hurt the parser: they finish (the timeout only catches a hang) and never crash.</summary>
public sealed class PathologicalInputTests
{
    private static ImportOutcome Import(string text) => PlanImporter.Import(Encoding.UTF8.GetBytes(text), "plan.txt");

    [Fact(Timeout = 30_000)]
    public void Continuation_row_shorter_than_the_row_above_does_not_crash()
    {
        var outcome = Import("KẾ HOẠCH năm 2026\n\nPHỤ LỤC\nTT\tTên nhiệm vụ\tChủ trì\tThời hạn\tGhi chú\n1\tRà soát\tCông an xã\tQuý II/2026\tx\n\ttiếp\n");

        var task = Assert.Single(Assert.IsType<ImportOutcome.Imported>(outcome).Draft.Tasks);
        Assert.Equal("Rà soát tiếp", task.Name);
    }

    [Fact(Timeout = 30_000)]
    public void Very_long_legal_basis_line_without_a_date_finishes()
    {
        var line = "Căn cứ Luật " + string.Concat(Enumerable.Repeat("Tổ chức chính quyền địa phương Nghị quyết ", 2000));

        var outcome = Import("KẾ HOẠCH năm 2026\n\n" + line + "\n\nII. NHIỆM VỤ, GIẢI PHÁP\n\n1. Công tác chỉ đạo\n\n- Rà soát thủ tục hành chính, hoàn thành trong Quý II/2026.\n");

        Assert.Single(Assert.IsType<ImportOutcome.Imported>(outcome).Draft.Tasks);
    }

    [Fact(Timeout = 30_000)]
    public void Thousands_of_wrapped_lines_join_in_linear_time()
    {
        var body = string.Join("\n", Enumerable.Repeat("tiếp tục rà soát thủ tục hành chính trên địa bàn", 30_000));

        var outcome = Import("KẾ HOẠCH năm 2026\n\nII. NHIỆM VỤ, GIẢI PHÁP\n\n1. Công tác chỉ đạo\n\n- Rà soát\n" + body + "\n");

        var task = Assert.Single(Assert.IsType<ImportOutcome.Imported>(outcome).Draft.Tasks);
        Assert.True(task.Name.Length > 1_000_000);
    }

    [Fact(Timeout = 30_000)]
    public void Cell_with_thousands_of_commas_finishes()
    {
        var units = string.Join(", ", Enumerable.Repeat("Phòng Văn hóa - Xã hội và UBND xã", 20_000));

        var outcome = Import("KẾ HOẠCH năm 2026\n\nPHỤ LỤC\nTT\tTên nhiệm vụ\tChủ trì\tThời hạn\n1\tRà soát thủ tục\t" + units + "\tQuý II/2026\n");

        Assert.Single(Assert.IsType<ImportOutcome.Imported>(outcome).Draft.Tasks);
    }
}
