using System.Globalization;
using System.Text.RegularExpressions;
using RoViec.Domain.Text;

namespace RoViec.Import;

/// <summary>A cell of an imported workbook: the sheet, the row and the column as Excel names them (1-based row, "E").</summary>
public sealed record XlsxCellLocation(string Sheet, int Row, string Column)
{
    /// <summary>"Trang tính Kế hoạch, dòng 14, cột E", for the officer.</summary>
    public string Vietnamese => $"Trang tính {Sheet}, dòng {Row.ToString(CultureInfo.InvariantCulture)}, cột {Column}";

    public string English => $"sheet {Sheet}, row {Row.ToString(CultureInfo.InvariantCulture)}, column {Column}";
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
        if (span.Start < 0 || span.Start > sourceText.Length) return null;
        var markers = MarkerRegex().Matches(sourceText);
        Match? marker = null;
        foreach (Match m in markers)
        {
            if (m.Index > span.Start) break;
            marker = m;
        }
        if (marker is null) return null;
        // The marker line, a blank line, then the table's rows.
        var tableStart = marker.Index + marker.Length + 2;
        if (span.Start < tableStart) return null;
        var rowOffset = 0;
        var lineStart = tableStart;
        for (var i = tableStart; i < span.Start; i++)
        {
            if (sourceText[i] != '\n') continue;
            // A blank line ends the table: the span is in a paragraph after it.
            if (i + 1 < sourceText.Length && sourceText[i + 1] == '\n') return null;
            rowOffset++;
            lineStart = i + 1;
        }
        var columnOffset = 0;
        for (var i = lineStart; i < span.Start; i++)
        {
            if (sourceText[i] == '\t') columnOffset++;
        }
        var row = int.Parse(marker.Groups["row"].Value, CultureInfo.InvariantCulture) + rowOffset;
        var column = ColumnNumber(marker.Groups["col"].Value) + columnOffset;
        return new XlsxCellLocation(marker.Groups["sheet"].Value, row, ColumnName(column));
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

    private static int ColumnNumber(string name) => name.Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1));

    [GeneratedRegex(@"(?<=^|\n)Trang tính ""(?<sheet>[^\n]*)"", bảng từ dòng (?<row>\d{1,7}), cột (?<col>[A-Z]{1,3})(?=\n)")]
    private static partial Regex MarkerRegex();
}
