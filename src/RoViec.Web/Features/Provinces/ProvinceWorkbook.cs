using RoViec.Data.Entities;
using RoViec.Documents.Sheets;

namespace RoViec.Web.Features.Provinces;

/// <summary>
/// The province's monthly workbook, compiled from its communes' summary rows and accepted values: the summary (communes
/// reporting, rates, key tasks, communes needing attention), every commune (the cockpit), the common indicators rolled
/// up with the communes missing, and the pushed tasks by state. Vietnamese sheet and column names.
/// </summary>
public static class ProvinceWorkbook
{
    public static string FileName(int year, int month) => $"tong-hop-tinh-{year}-{month:00}.xlsx";

    public static async Task<byte[]> BuildAsync(CockpitView cockpit, IReadOnlyList<RolledUp> indicators, PushDownQueries.Published pushed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cockpit);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(pushed);
        var t = cockpit.Totals;
        var accepted = cockpit.Rows.Count(r => r.Month?.Approval == ApprovalStates.Accepted);
        var summary = new List<Dictionary<string, object?>>
        {
            Line("Xã, phường của tỉnh", t.Communes),
            Line("Xã, phường có số liệu tháng", t.WithFigures),
            Line("Xã, phường được tỉnh tiếp nhận số liệu", accepted),
            Line("Báo cáo đơn vị đã nhận / phải nộp", $"{t.ReportsReceived}/{t.ReportsExpected}"),
            Line("Tỷ lệ báo cáo (%)", t.ReportRate),
            Line("Tỷ lệ đúng hạn (%)", t.OnTimeRate),
            Line("Nhiệm vụ trọng tâm đúng tiến độ / tổng", $"{t.KeyTasksOnSchedule}/{t.KeyTasks}"),
            Line("Tỷ lệ nhiệm vụ trọng tâm đúng tiến độ (%; mục tiêu ≥ 90)", t.KeyTaskShare),
            Line("Chỉ tiêu đạt / đánh giá được", $"{t.IndicatorsMet}/{t.IndicatorsJudged}"),
            Line("Kinh phí đã giải ngân (%)", t.BudgetShare),
            Line("Xã, phường cần quan tâm", t.AtRisk),
        };
        var communes = cockpit.Rows.Select(r => new Dictionary<string, object?>
        {
            ["Xã, phường"] = Spreadsheets.SafeText(r.Name),
            ["Loại"] = ProvinceLabels.Kind(r.Kind),
            ["Khu vực"] = Spreadsheets.SafeText(r.Area),
            ["Có số liệu"] = r.Month is null ? "Chưa có" : "Có",
            ["Báo cáo đã nhận"] = r.Month?.ReportsReceived,
            ["Báo cáo phải nộp"] = r.Month?.ReportsExpected,
            ["Tỷ lệ đúng hạn (%)"] = r.OnTimeRate,
            ["Trọng tâm đúng tiến độ (%)"] = r.KeyTaskShare,
            ["Nhiệm vụ quá hạn"] = r.Month?.TasksOverdue,
            ["Chỉ tiêu đạt"] = r.Month?.IndicatorsMet,
            ["Chỉ tiêu đánh giá được"] = r.Month?.IndicatorsJudged,
            ["Giải ngân (%)"] = r.BudgetShare,
            ["Điểm"] = r.Month?.Score,
            ["Xếp loại"] = r.Month?.Band,
            ["Hạng"] = r.Rank,
            ["Duyệt số liệu"] = r.Month is { } m ? ProvinceLabels.Approval(m.Approval) : "",
        }).ToList();
        var rolled = indicators.Select(i => new Dictionary<string, object?>
        {
            ["Chỉ tiêu"] = Spreadsheets.SafeText(i.Indicator.Name),
            ["Đơn vị tính"] = Spreadsheets.SafeText(i.Indicator.Unit),
            ["Mục tiêu"] = Spreadsheets.SafeText(i.Indicator.TargetRaw),
            ["Cách tổng hợp"] = ProvinceLabels.Aggregation(i.Indicator.Aggregation),
            ["Kết quả toàn tỉnh"] = i.Value,
            ["Số xã được tính"] = i.Counted.Count,
            ["Xã thiếu số liệu (không tính là 0)"] = Spreadsheets.SafeText(string.Join("; ", i.Missing.Select(m => $"{m.Commune} ({m.Why})"))),
        }).ToList();
        var tasks = pushed.Tasks.Select(x => new Dictionary<string, object?>
        {
            ["Nhiệm vụ"] = Spreadsheets.SafeText(x.Task.Name),
            ["Căn cứ"] = Spreadsheets.SafeText(x.Task.Basis),
            ["Thời hạn"] = Spreadsheets.SafeText(x.Task.DeadlineRaw),
            ["Đã đưa vào kế hoạch"] = x.Counts.Accepted,
            ["Không thực hiện"] = x.Counts.Declined,
            ["Chờ xã tiếp nhận"] = x.Counts.Pending,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["Tổng hợp"] = summary,
            ["Các xã, phường"] = communes,
            ["Chỉ tiêu chung"] = rolled.Count > 0 ? rolled : [new() { ["Chỉ tiêu"] = "Tỉnh chưa giao chỉ tiêu chung nào." }],
            ["Nhiệm vụ tỉnh giao"] = tasks.Count > 0 ? tasks : [new() { ["Nhiệm vụ"] = "Tỉnh chưa giao nhiệm vụ nào." }],
        };
        return await Spreadsheets.XlsxAsync(sheets, ct);
    }

    private static Dictionary<string, object?> Line(string name, object? value) => new() { ["Nội dung"] = name, ["Giá trị"] = value };
}
