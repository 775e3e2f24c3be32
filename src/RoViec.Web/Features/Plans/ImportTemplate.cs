using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Documents.Sheets;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// "Tải mẫu Excel": an empty task list for a commune that keeps its plan in Excel. The header is one the importer
/// reads (TT, Nội dung nhiệm vụ, Đơn vị chủ trì, Đơn vị phối hợp, Sản phẩm, Thời hạn hoàn thành, Ghi chú) under the
/// plan's title for this year, and the lead column offers the commune's active units as a drop-down, so a filled-in
/// template imports with every lead recognised.
/// </summary>
public static class ImportTemplate
{
    public const string FileName = "mau-ke-hoach.xlsx";

    public static readonly IReadOnlyList<string> Header = ["TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm, kết quả", "Thời hạn hoàn thành", "Ghi chú"];

    /// <summary>The lead column, 0-based.</summary>
    public const int LeadColumn = 2;

    public static async Task<byte[]> BuildAsync(RoViecDbContext db, Guid communeId, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var names = await db.Units.AsNoTracking()
            .Where(u => u.CommuneId == communeId && u.Active && !u.Key.StartsWith(CommuneCatalog.UnrecognisedPrefix))
            .Select(u => u.Name)
            .ToListAsync(ct);
        var units = names.Distinct(StringComparer.Ordinal).Order(StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();
        return TemplateWorkbook.Build(new TemplateSheet(
            "Kế hoạch",
            [$"KẾ HOẠCH THỰC HIỆN NHIỆM VỤ NĂM {clock.VietnamToday().Year.ToString(CultureInfo.InvariantCulture)}"],
            Header,
            LeadColumn,
            "Đơn vị",
            units,
            "Chọn đơn vị chủ trì trong danh sách đơn vị của xã; nhiều đơn vị thì ghi cách nhau bằng dấu chấm phẩy (;).",
            // TT as text: Excel would turn a typed "2.10" into the number 2.1.
            TextColumn: 0));
    }
}
