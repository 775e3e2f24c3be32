using RoViec.Data.Entities;
using RoViec.Domain.SixRo;
using RoViec.Domain.Tasks;
using RoViec.Domain.Text;
using RoViec.Import;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// Where a task of a plan kept in Excel sits in the workbook: its row, the cell each field was read from, and the cell
/// each "6 rõ" defect is about (the field's own cell, or the empty one of the row under the field's column; none when
/// the table has no such column). Derived from the plan's text alone (<see cref="XlsxSourceMap"/>), so a draft saved
/// long ago still says it; a field the officer corrected keeps no cell.
/// </summary>
public sealed record TaskCells(XlsxCellLocation Row, IReadOnlyDictionary<TaskField, XlsxCellLocation> Fields, IReadOnlyList<XlsxCellLocation?> Defects)
{
    /// <summary>A cell in the task's own row is named by its column ("cột E"); one in another row (a sub-task's deadline merged down from its parent) by row and column.</summary>
    public bool InRow(XlsxCellLocation cell) => cell.Sheet == Row.Sheet && cell.Row == Row.Row;
}

public static class WorkbookCells
{
    /// <summary>Each task's cells, by task id; empty for a plan that did not come from a workbook.</summary>
    public static IReadOnlyDictionary<Guid, TaskCells> Of(string? sourceText, IEnumerable<PlanTaskRow> tasks, IReadOnlyDictionary<Guid, IReadOnlyList<SixRoDefect>> defects)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(defects);
        var cells = new Dictionary<Guid, TaskCells>();
        if (XlsxSourceMap.Of(sourceText) is not { } map) return cells;
        foreach (var task in tasks)
        {
            var rowSpan = new SourceSpan(task.NameSpanStart, task.NameSpanLength);
            if (task.NameSpanLength <= 0 || map.Locate(rowSpan) is not { } row) continue;
            var spans = TaskSpans.Read(task.Spans);
            var fields = new Dictionary<TaskField, XlsxCellLocation>();
            foreach (var (field, span) in spans)
            {
                if (map.Locate(span) is { } cell) fields[field] = cell;
            }
            var ofDefects = defects.TryGetValue(task.Id, out var list)
                ? list.Select(d => map.DefectCell(d.Criterion, spans, rowSpan)).ToList()
                : [];
            cells[task.Id] = new TaskCells(row, fields, ofDefects);
        }
        return cells;
    }
}
