using System.Globalization;
using RoViec.Data;
using RoViec.Documents.Sheets;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Web.Features.Figures;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Features.OfficialReports;

/// <summary>
/// The figures of a period's official report as an Excel workbook, one sheet per table of the Word report, written
/// from the same snapshot (so the workbook, the Word report and the dashboard agree): "Tổng hợp" (headline
/// figures), "Báo cáo đơn vị", "Tình trạng", "Nhiệm vụ", "Chỉ tiêu", "Quá hạn", "Xếp hạng". Numbers are numbers,
/// shares are percentages as numbers (75.5 for 75,5%), days are dd/mm/yyyy.
/// </summary>
public static class PeriodWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> WriteAsync(RoViecDbContext db, ReportingPeriod period, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var figures = await PeriodSnapshots.ReadAsync(db, period, clock, ct);
        return await WriteAsync(figures, ct);
    }

    public static async Task<byte[]> WriteAsync(PeriodFigures figures, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var report = figures.Report;
        var sheets = new Dictionary<string, object>
        {
            ["Tổng hợp"] = Summary(figures),
            ["Báo cáo đơn vị"] = report.Units.Select((u, i) => new Dictionary<string, object?>
            {
                ["STT"] = i + 1,
                ["Cơ quan, đơn vị"] = u.Unit,
                ["Hạn báo cáo"] = Day(u.DueOn),
                ["Tình trạng"] = u.State switch
                {
                    ReportStates.Draft => "Chưa gửi",
                    ReportStates.AwaitingApproval => "Chờ trưởng đơn vị duyệt",
                    _ => PeriodLabels.Report(u.State),
                },
                ["Ngày gửi"] = u.ReceivedOn is { } on ? Day(on) : null,
                ["Đúng hạn"] = u.ReceivedOn is null ? null : u.OnTime ? "Đúng hạn" : "Trễ hạn",
            }).ToList(),
            ["Tình trạng"] = report.ByStatus.Select(c => new Dictionary<string, object?>
            {
                ["Tình trạng"] = PeriodLabels.Health(c.Health),
                ["Số nhiệm vụ"] = c.Count,
                ["Tỷ lệ (%)"] = report.TaskTotal == 0 ? null : Math.Round(c.Count * 100m / report.TaskTotal, 1),
                ["Trong đó nhiệm vụ trọng tâm"] = c.KeyCount,
            }).ToList(),
            ["Nhiệm vụ"] = figures.Tasks.Select((t, i) => new Dictionary<string, object?>
            {
                ["STT"] = i + 1,
                ["Mã"] = t.Code,
                ["Nhiệm vụ"] = t.Name,
                ["Lĩnh vực"] = t.Field,
                ["Đơn vị chủ trì"] = t.Lead,
                ["Hạn hoàn thành"] = t.Due is { } due ? Day(due) : null,
                ["Trọng tâm"] = t.Priority ? "Có" : null,
                ["Tình trạng"] = PeriodLabels.Health(t.Health),
            }).ToList(),
            ["Chỉ tiêu"] = figures.Indicators.Select((ind, i) =>
            {
                var result = report.Indicators.FirstOrDefault(r => r.Name == ind.Name);
                return new Dictionary<string, object?>
                {
                    ["STT"] = i + 1,
                    ["Chỉ tiêu"] = ind.Name,
                    ["Mục tiêu"] = ind.Target,
                    ["Giá trị mục tiêu"] = ind.TargetValue,
                    ["Đơn vị tính"] = ind.Unit,
                    ["Kết quả trong kỳ"] = ind.Number,
                    ["Kết quả (như báo cáo)"] = result?.Result,
                    ["Đơn vị báo cáo"] = result?.Unit,
                    ["Đánh giá"] = ind.Met switch { true => "Đạt", false => "Chưa đạt", null => null },
                };
            }).ToList(),
            ["Quá hạn"] = report.Troubled.Select((t, i) => new Dictionary<string, object?>
            {
                ["STT"] = i + 1,
                ["Mã"] = t.Code,
                ["Nhiệm vụ"] = t.Name,
                ["Thời hạn"] = t.Due is { } due ? Day(due) : t.DeadlineRaw,
                ["Đơn vị chủ trì"] = t.Lead,
                ["Tình trạng"] = PeriodLabels.Health(t.Health),
            }).ToList(),
            ["Xếp hạng"] = figures.Ranking.Select(r => new Dictionary<string, object?>
            {
                ["Hạng"] = r.Rank,
                ["Cơ quan, đơn vị"] = r.Unit,
                ["Điểm"] = r.Total,
                ["Xếp loại"] = r.Band,
                ["Điểm người đứng đầu"] = r.HeadTotal,
            }).ToList(),
        };
        return await Spreadsheets.XlsxAsync(sheets, ct);
    }

    /// <summary>The headline figures, one a row: what the dashboard's tiles and the report's summary say.</summary>
    private static List<Dictionary<string, object?>> Summary(PeriodFigures figures)
    {
        var report = figures.Report;
        var rate = report.Rate;
        var done = report.ByStatus.Where(c => c.Health is TaskHealth.DoneOnTime or TaskHealth.DoneLate or TaskHealth.AlreadyDone).Sum(c => c.Count);
        var troubled = report.ByStatus.Where(c => c.Health is TaskHealth.Overdue or TaskHealth.AtRisk).Sum(c => c.Count);
        var rows = new List<(string Name, object? Value, string? Unit)>
        {
            ("Kỳ báo cáo", figures.Label, null),
            ("Số liệu tính đến ngày", Day(figures.AsOf), null),
            ("Cơ quan, đơn vị phải báo cáo", rate.Expected, "đơn vị"),
            ("Báo cáo đã nhận", rate.Received, "báo cáo"),
            ("Tỷ lệ báo cáo", rate.Rate, "%"),
            ("Báo cáo đúng hạn", rate.OnTime, "báo cáo"),
            ("Tỷ lệ đúng hạn", rate.OnTimeRate, "%"),
            ("Tổng số nhiệm vụ", report.TaskTotal, "nhiệm vụ"),
            ("Nhiệm vụ đã hoàn thành", done, "nhiệm vụ"),
            ("Nhiệm vụ quá hạn hoặc có nguy cơ chậm", troubled, "nhiệm vụ"),
            ("Nhiệm vụ trọng tâm", report.KeyTaskTotal, "nhiệm vụ"),
            ("Nhiệm vụ trọng tâm đúng tiến độ", report.KeyTasksOnSchedule, "nhiệm vụ"),
            ("Tỷ lệ nhiệm vụ trọng tâm đúng tiến độ", report.KeyTaskShare, "%"),
            ("Chỉ tiêu tỷ lệ nhiệm vụ trọng tâm đúng tiến độ", MonthlyReport.KeyTaskTarget, "%"),
            ("Chỉ tiêu được đánh giá", figures.IndicatorsJudged, "chỉ tiêu"),
            ("Chỉ tiêu đạt", figures.IndicatorsMet, "chỉ tiêu"),
            ("Kinh phí được giao", figures.BudgetAllocated == 0 ? null : figures.BudgetAllocated, "đồng"),
            ("Kinh phí đã giải ngân", figures.BudgetAllocated == 0 ? null : figures.BudgetDisbursed, "đồng"),
            ("Tỷ lệ giải ngân", figures.BudgetShare, "%"),
        };
        return [.. rows.Select(r => new Dictionary<string, object?> { ["Nội dung"] = r.Name, ["Giá trị"] = r.Value, ["Đơn vị tính"] = r.Unit })];
    }

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
