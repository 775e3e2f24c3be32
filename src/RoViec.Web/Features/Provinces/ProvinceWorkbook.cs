using RoViec.Data.Entities;
using RoViec.Documents.Sheets;

namespace RoViec.Web.Features.Provinces;

/// <summary>
/// The province's monthly workbook, the same figures as its Word report (<see cref="ProvinceMonthlyReport"/>, accepted
/// months only): the summary (communes reporting, rates, key tasks, communes needing attention), the communes left out
/// and why, the ranking, every commune as on the cockpit (with its approval state), the common indicators rolled up with
/// the communes missing, and the pushed tasks by state and status. Vietnamese sheet and column names.
/// </summary>
public static class ProvinceWorkbook
{
    public static string FileName(int year, int month) => $"tong-hop-tinh-{year}-{month:00}.xlsx";

    public static async Task<byte[]> BuildAsync(CockpitView cockpit, ProvinceMonthlyReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cockpit);
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Totals;
        var summary = new List<Dictionary<string, object?>>
        {
            Line("Xã, phường của tỉnh", report.Communes),
            Line("Xã, phường có số liệu tháng", report.WithFigures),
            Line("Xã, phường được tỉnh tiếp nhận số liệu (các số liệu dưới đây chỉ tính các xã này)", report.Accepted),
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
        var leftOut = report.LeftOut.Select(x => new Dictionary<string, object?>
        {
            ["Xã, phường"] = Spreadsheets.SafeText(x.Commune),
            ["Tình trạng số liệu"] = x.Why,
        }).ToList();
        var ranking = report.Ranking.Select(x => new Dictionary<string, object?>
        {
            ["Hạng"] = x.Rank,
            ["Xã, phường"] = Spreadsheets.SafeText(x.Commune),
            ["Loại"] = ProvinceLabels.Kind(x.Kind),
            ["Điểm"] = x.Score,
            ["Xếp loại"] = x.Band,
            ["Trọng tâm đúng tiến độ (%)"] = x.KeyTaskShare,
        }).ToList();
        var rolled = report.Indicators.Select(i => new Dictionary<string, object?>
        {
            ["Chỉ tiêu"] = Spreadsheets.SafeText(i.Indicator.Name),
            ["Đơn vị tính"] = Spreadsheets.SafeText(i.Indicator.Unit),
            ["Mục tiêu"] = Spreadsheets.SafeText(i.Indicator.TargetRaw),
            ["Cách tổng hợp"] = ProvinceLabels.Aggregation(i.Indicator.Aggregation),
            ["Kết quả toàn tỉnh"] = i.Value,
            ["Số xã được tính"] = i.Counted.Count,
            ["Xã thiếu số liệu (không tính là 0)"] = Spreadsheets.SafeText(string.Join("; ", i.Missing.Select(m => $"{m.Commune} ({m.Why})"))),
        }).ToList();
        var tasks = report.Tasks.Select(x => new Dictionary<string, object?>
        {
            ["Nhiệm vụ"] = Spreadsheets.SafeText(x.Task.Name),
            ["Căn cứ"] = Spreadsheets.SafeText(x.Task.Basis),
            ["Thời hạn"] = Spreadsheets.SafeText(x.Task.DeadlineRaw),
            ["Đã đưa vào kế hoạch"] = x.Counts.Accepted,
            ["Không thực hiện"] = x.Counts.Declined,
            ["Chờ xã tiếp nhận"] = x.Counts.Pending,
            ["Hoàn thành"] = x.Done,
            ["Đang thực hiện"] = x.InProgress,
            ["Có nguy cơ chậm"] = x.AtRisk,
            ["Quá hạn"] = x.Overdue,
            ["Không thể thực hiện hoặc đã dừng"] = x.Stopped,
            ["Chưa có đánh giá"] = x.NotYetDerived,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["Tổng hợp"] = summary,
            ["Xã chưa tính"] = leftOut.Count > 0 ? leftOut : [new() { ["Xã, phường"] = "Tất cả các xã, phường đã được tỉnh tiếp nhận số liệu tháng." }],
            ["Xếp hạng"] = ranking.Count > 0 ? ranking : [new() { ["Xã, phường"] = "Chưa có xã, phường nào đã được tiếp nhận có điểm đánh giá." }],
            ["Các xã, phường"] = communes,
            ["Chỉ tiêu chung"] = rolled.Count > 0 ? rolled : [new() { ["Chỉ tiêu"] = "Tỉnh chưa giao chỉ tiêu chung nào." }],
            ["Nhiệm vụ tỉnh giao"] = tasks.Count > 0 ? tasks : [new() { ["Nhiệm vụ"] = "Tỉnh chưa giao nhiệm vụ nào." }],
        };
        return await Spreadsheets.XlsxAsync(sheets, ct);
    }

    private static Dictionary<string, object?> Line(string name, object? value) => new() { ["Nội dung"] = name, ["Giá trị"] = value };
}
