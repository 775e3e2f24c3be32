using System.Globalization;
using System.Text.RegularExpressions;
using RoViec.Domain.SixRo;
using RoViec.Domain.Tasks;
using RoViec.Domain.Text;
using RoViec.Import.Parsing;

namespace RoViec.Import;

/// <summary>A cell of an imported workbook: the sheet, the row and the column as Excel names them (1-based row, "E").</summary>
public sealed record XlsxCellLocation(string Sheet, int Row, string Column)
{
    /// <summary>"Trang tính «Kế hoạch», dòng 14, cột E", for the officer.</summary>
    public string Vietnamese => $"{RowVietnamese}, cột {Column}";

    /// <summary>"Trang tính «Kế hoạch», dòng 14": where a task's row is.</summary>
    public string RowVietnamese => $"Trang tính «{Sheet}», dòng {Row.ToString(CultureInfo.InvariantCulture)}";

    public string English => $"sheet «{Sheet}», row {Row.ToString(CultureInfo.InvariantCulture)}, column {Column}";
}

/// <summary>
/// Traces a span of an imported workbook's text back to its cell. The Excel reader writes a line
/// "Trang tính "X", bảng từ dòng N, cột C" before each table and every sheet row from the header on as one line of
/// the table, every column as one cell; so the row is the header row plus the lines counted from the table's start,
/// and the column the first column plus the tabs before the span on its line. It needs nothing but the source text
/// kept with the plan (ADR 0001), so a draft saved long ago can still say where a field came from.
/// </summary>
public static partial class XlsxLocations
{
    internal static string Marker(string sheet, int headerRow, int firstColumn) =>
        $"Trang tính \"{sheet}\", bảng từ dòng {headerRow.ToString(CultureInfo.InvariantCulture)}, cột {ColumnName(firstColumn)}";

    /// <summary>The cell a span starts in, or null when the text is not a workbook's or the span is outside its tables.</summary>
    public static XlsxCellLocation? Locate(string sourceText, SourceSpan span)
    {
        ArgumentNullException.ThrowIfNull(sourceText);
        return XlsxSourceMap.Of(sourceText)?.Locate(span);
    }

    /// <summary>Whether the text is an imported workbook's.</summary>
    public static bool IsWorkbookText(string sourceText) => MarkerRegex().IsMatch(sourceText ?? "");

    /// <summary>3 → "C", 27 → "AA".</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column; n > 0; n = (n - 1) / 26) name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }

    internal static int ColumnNumber(string name) => name.Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1));

    [GeneratedRegex(@"(?<=^|\n)Trang tính ""(?<sheet>[^\n]*)"", bảng từ dòng (?<row>\d{1,7}), cột (?<col>[A-Z]{1,3})(?=\n)")]
    internal static partial Regex MarkerRegex();
}

/// <summary>
/// The tables of an imported workbook's text, read once (a review page asks for every field of every task): where each
/// starts, its sheet, header row and first column, its header cells and where each of its lines starts. It answers which
/// cell a span is in, and which cell of a task's row a field has or would have — an empty cell is where a missing "6 rõ"
/// field goes.
/// </summary>
public sealed class XlsxSourceMap
{
    private sealed record Table(int Start, string Sheet, int HeaderRow, int FirstColumn, int[] LineStarts, IReadOnlyList<Cell> Header);

    private readonly string text;
    private readonly List<Table> tables;

    private XlsxSourceMap(string text, List<Table> tables)
    {
        this.text = text;
        this.tables = tables;
    }

    /// <summary>How many sheets hold a table.</summary>
    public int Sheets => tables.Select(t => t.Sheet).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The map of a workbook's text; null for a Word, PDF or text plan's.</summary>
    public static XlsxSourceMap? Of(string? sourceText)
    {
        if (string.IsNullOrEmpty(sourceText)) return null;
        var tables = new List<Table>();
        foreach (Match m in XlsxLocations.MarkerRegex().Matches(sourceText))
        {
            // The marker line, a blank line, then the table's rows up to the next blank line.
            var start = m.Index + m.Length + 2;
            if (start > sourceText.Length) continue;
            var lines = new List<int> { start };
            for (var i = start; i < sourceText.Length - 1; i++)
            {
                if (sourceText[i] != '\n') continue;
                if (sourceText[i + 1] == '\n') break;
                lines.Add(i + 1);
            }
            var headerEnd = sourceText.IndexOf('\n', start);
            var header = new List<Cell>();
            var at = start;
            foreach (var cell in sourceText[start..(headerEnd < 0 ? sourceText.Length : headerEnd)].Split('\t'))
            {
                header.Add(new Cell(cell, new SourceSpan(at, cell.Length)));
                at += cell.Length + 1;
            }
            tables.Add(new Table(start, m.Groups["sheet"].Value, int.Parse(m.Groups["row"].Value, CultureInfo.InvariantCulture), XlsxLocations.ColumnNumber(m.Groups["col"].Value), [.. lines], header));
        }
        return tables.Count == 0 ? null : new XlsxSourceMap(sourceText, tables);
    }

    /// <summary>The cell a span starts in, or null when the span is outside the workbook's tables.</summary>
    public XlsxCellLocation? Locate(SourceSpan span) => Find(span) is { } at ? Cell(at.Table, at.Line, ColumnIndex(at.Table, at.Line, span.Start)) : null;

    /// <summary>The cell of the span's row under the column its table reads a field from (null: no such column).</summary>
    public XlsxCellLocation? FieldCell(SourceSpan rowSpan, TaskField field)
    {
        if (Find(rowSpan) is not { } at) return null;
        var column = TableTasks.ColumnOf(at.Table.Header, field);
        return column < 0 ? null : Cell(at.Table, at.Line, column);
    }

    /// <summary>
    /// Where a "6 rõ" defect of a task is: the field's own cell when it was read from one (a vague deadline, an unclear
    /// lead), else the cell of the task's row under the field's column (left empty); null when the table has no such column.
    /// </summary>
    public XlsxCellLocation? DefectCell(SixRoCriterion criterion, IReadOnlyDictionary<TaskField, SourceSpan> spans, SourceSpan rowSpan)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var field = FieldOf(criterion);
        return spans.TryGetValue(field, out var span) && Locate(span) is { } cell ? cell : FieldCell(rowSpan, field);
    }

    /// <summary>The field a "6 rõ" criterion is about: the authority to decide is the directing member's column.</summary>
    public static TaskField FieldOf(SixRoCriterion criterion) => criterion switch
    {
        SixRoCriterion.Lead => TaskField.Lead,
        SixRoCriterion.Content => TaskField.Name,
        SixRoCriterion.Deadline => TaskField.Deadline,
        SixRoCriterion.Coordination => TaskField.Support,
        SixRoCriterion.Output => TaskField.Output,
        _ => TaskField.Directing,
    };

    private (Table Table, int Line)? Find(SourceSpan span)
    {
        if (span.Start < 0 || span.Start > text.Length) return null;
        Table? table = null;
        foreach (var t in tables)
        {
            if (t.Start > span.Start) break;
            table = t;
        }
        if (table is null) return null;
        var line = Array.BinarySearch(table.LineStarts, span.Start);
        if (line < 0) line = ~line - 1;
        if (line < 0) return null;
        // Past the table's last line: the span is in a paragraph after it.
        var lineEnd = text.IndexOf('\n', table.LineStarts[line]);
        if (lineEnd >= 0 && span.Start > lineEnd) return null;
        return (table, line);
    }

    private int ColumnIndex(Table table, int line, int position)
    {
        var tabs = 0;
        for (var i = table.LineStarts[line]; i < position; i++)
        {
            if (text[i] == '\t') tabs++;
        }
        return tabs;
    }

    private static XlsxCellLocation Cell(Table table, int line, int column) =>
        new(table.Sheet, table.HeaderRow + line, XlsxLocations.ColumnName(table.FirstColumn + column));
}
