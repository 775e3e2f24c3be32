using System.Globalization;
using System.Text;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Plans;
using RoViec.Domain.SixRo;
using RoViec.Domain.Tasks;
using RoViec.Import;

namespace RoViec.Cli.Import;

/// <summary>
/// The readable summary `roviec import FILE` prints: what the plan is, its tasks, indicators and "6 rõ" defects. For a
/// workbook, each task also says where it is ("Trang tính «Kế hoạch», dòng 14") and which cell each of its defects is
/// about ("chưa rõ chủ trì (cột C)"), so the officer can correct the file in Excel.
/// </summary>
internal static class PlanSummary
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Render(PlanDraft draft, string file)
    {
        var d = draft.Document;
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Tệp: {Path.GetFileName(file)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Loại văn bản: {KindName(d.Kind)}{(d.Number is null ? "" : $" · Số: {d.Number}")}{(d.Year is null ? "" : $" · Năm {d.Year}")}");
        if (d.Issuer is not null) sb.AppendLine(CultureInfo.InvariantCulture, $"Cơ quan ban hành: {d.Issuer}");
        if (d.Place is not null) sb.AppendLine(CultureInfo.InvariantCulture, $"Địa phương: {d.Place}");
        if (d.LegalBasis.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"Căn cứ ({d.LegalBasis.Count}):");
            foreach (var basis in d.LegalBasis) sb.AppendLine(CultureInfo.InvariantCulture, $"  - {basis}");
        }
        if (d.Replaces is not null) sb.AppendLine(CultureInfo.InvariantCulture, $"Thay thế: {d.Replaces}");
        sb.AppendLine();

        var bySource = draft.Tasks.GroupBy(t => t.Source).ToDictionary(g => g.Key, g => g.Count());
        sb.AppendLine(CultureInfo.InvariantCulture, $"Nhiệm vụ: {draft.Tasks.Count} (bảng phụ lục: {bySource.GetValueOrDefault(TaskSource.Table)}, \"Nhiệm vụ N\": {bySource.GetValueOrDefault(TaskSource.Numbered)}, gạch đầu dòng: {bySource.GetValueOrDefault(TaskSource.Bullet)})");
        var i = 0;
        var workbook = XlsxSourceMap.Of(draft.SourceText);
        foreach (var task in draft.Tasks)
        {
            i++;
            var lead = task.Lead.Count == 0 ? "(chưa rõ chủ trì)" : string.Join("; ", task.Lead.Select(l => l.AsWritten));
            sb.AppendLine(CultureInfo.InvariantCulture, $"{i,3}. {(task.Code is null ? "" : task.Code + " ")}{Shorten(task.Name, 90)}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"     Chủ trì: {lead} · Thời hạn: {DeadlineText(task)}");
            if (workbook is not null && WorkbookLine(workbook, task) is { } cells) sb.AppendLine(CultureInfo.InvariantCulture, $"     {cells}");
        }
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Chỉ tiêu: {draft.Indicators.Count}");
        foreach (var indicator in draft.Indicators)
            sb.AppendLine(CultureInfo.InvariantCulture, $"  - {Shorten(indicator.Name, 80)}: {indicator.TargetRaw}");
        sb.AppendLine();

        var defects = draft.Tasks.SelectMany(t => t.Defects).GroupBy(x => x.Criterion).OrderBy(g => g.Key).ToList();
        var clean = draft.Tasks.Count(t => t.Defects.Count == 0);
        sb.AppendLine(CultureInfo.InvariantCulture, $"Kiểm tra \"6 rõ\": {clean}/{draft.Tasks.Count} nhiệm vụ đủ 6 rõ.");
        foreach (var group in defects)
            sb.AppendLine(CultureInfo.InvariantCulture, $"  - {CriterionName(group.Key)}: {group.Count()} nhiệm vụ");
        var unrecognised = draft.Units.Where(u => u.Kind == RoViec.Domain.Units.UnitKind.Unrecognised).ToList();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Đơn vị: {draft.Units.Count} ({unrecognised.Count} chưa có trong danh mục{(unrecognised.Count > 0 ? ": " + string.Join("; ", unrecognised.Take(8).Select(u => u.Name)) : "")})");
        return sb.ToString();
    }

    /// <summary>"Trang tính «Kế hoạch», dòng 14 · 6 rõ: chưa rõ chủ trì (cột C); thời hạn chưa cụ thể (cột F)".</summary>
    private static string? WorkbookLine(XlsxSourceMap workbook, PlanTask task)
    {
        if (!task.Spans.TryGetValue(TaskField.Name, out var rowSpan) || workbook.Locate(rowSpan) is not { } row) return null;
        var defects = task.Defects.Select(d =>
        {
            var cell = workbook.DefectCell(d.Criterion, task.Spans, rowSpan);
            var where = cell is null ? "" : cell.Sheet == row.Sheet && cell.Row == row.Row ? $" (cột {cell.Column})" : $" (dòng {cell.Row.ToString(CultureInfo.InvariantCulture)}, cột {cell.Column})";
            return (d.Problem == SixRoProblem.Missing ? $"chưa rõ {ShortName(d.Criterion)}" : $"{ShortName(d.Criterion)} chưa cụ thể") + where;
        }).ToList();
        return row.RowVietnamese + (defects.Count == 0 ? " · đủ 6 rõ" : " · 6 rõ: " + string.Join("; ", defects));
    }

    private static string ShortName(SixRoCriterion criterion) => criterion switch
    {
        SixRoCriterion.Lead => "chủ trì",
        SixRoCriterion.Content => "nội dung",
        SixRoCriterion.Deadline => "thời hạn",
        SixRoCriterion.Coordination => "phối hợp",
        SixRoCriterion.Output => "sản phẩm",
        _ => "thẩm quyền quyết định",
    };

    private static string DeadlineText(PlanTask task) => task.Deadline.Kind switch
    {
        DeadlineKind.None => "(chưa có)",
        DeadlineKind.Recurring => "thường xuyên",
        DeadlineKind.External => $"theo cấp trên ({task.DeadlineRaw})",
        DeadlineKind.Done => "đã thực hiện",
        DeadlineKind.Milestones => string.Join(", ", task.Deadline.Milestones.Select(m => m.Due is { } due ? $"{m.Label}: {due.ToString("dd/MM/yyyy", Vi)}" : $"{m.Label}: đã xong")),
        _ => task.Deadline.Due?.ToString("dd/MM/yyyy", Vi) ?? "(chưa có)",
    };

    private static string KindName(DocumentKind kind) => kind switch
    {
        DocumentKind.WorkProgramme => "Chương trình công tác (CTr)",
        DocumentKind.Plan => "Kế hoạch (KH)",
        DocumentKind.Decision => "Quyết định ban hành kế hoạch (QĐ)",
        _ => "Chưa xác định",
    };

    private static string CriterionName(SixRoCriterion criterion) => criterion switch
    {
        SixRoCriterion.Lead => "Chưa rõ người chủ trì",
        SixRoCriterion.Content => "Chưa rõ nội dung",
        SixRoCriterion.Deadline => "Chưa rõ thời gian hoàn thành",
        SixRoCriterion.Coordination => "Chưa rõ trách nhiệm phối hợp",
        SixRoCriterion.Output => "Chưa rõ sản phẩm đầu ra",
        _ => "Chưa rõ thẩm quyền quyết định",
    };

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
