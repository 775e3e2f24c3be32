using RoViec.Data.Entities;
using RoViec.Documents.Sheets;

namespace RoViec.Web.Features.Proposals;

/// <summary>
/// "Dự thảo kế hoạch năm Y": the submitted items not declined, unit by unit, as one Excel sheet the standing office
/// works from (STT, Nội dung, Đơn vị chủ trì, Sản phẩm, Thời hạn, Kinh phí đề xuất, Trạng thái). An indicator's target
/// stands in the product column.
/// </summary>
public static class ProposalWorkbook
{
    public static string FileName(int year) => $"du-thao-ke-hoach-{year}.xlsx";

    public static async Task<byte[]> BuildAsync(ProposalQueries.Compiled compiled, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        var rows = compiled.SubmittedItems.Where(x => x.Item.Decision != ProposalDecisions.Declined).Select((x, i) => new Dictionary<string, object?>
        {
            ["STT"] = i + 1,
            ["Nội dung"] = Spreadsheets.SafeText((x.Item.Kind == ProposalItemKinds.Indicator ? "Chỉ tiêu: " : "") + x.Item.Name),
            ["Đơn vị chủ trì"] = Spreadsheets.SafeText(x.Unit.UnitName),
            ["Sản phẩm"] = Spreadsheets.SafeText(x.Item.Kind == ProposalItemKinds.Indicator ? x.Item.Target : x.Item.Output),
            ["Thời hạn"] = Spreadsheets.SafeText(x.Item.Deadline),
            ["Kinh phí đề xuất"] = x.Item.Budget,
            ["Trạng thái"] = ProposalLabels.Decision(x.Item),
        }).ToList();
        if (rows.Count == 0)
        {
            // MiniExcel writes no header for no rows: the sheet still names its columns.
            rows.Add(new Dictionary<string, object?> { ["STT"] = null, ["Nội dung"] = null, ["Đơn vị chủ trì"] = null, ["Sản phẩm"] = null, ["Thời hạn"] = null, ["Kinh phí đề xuất"] = null, ["Trạng thái"] = null });
        }
        return await Spreadsheets.XlsxAsync($"Dự thảo KH năm {compiled.Year}", rows, ct);
    }
}
