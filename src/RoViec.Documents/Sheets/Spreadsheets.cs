using System.Text;
using MiniExcelLibs;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace RoViec.Documents.Sheets;

/// <summary>
/// Excel and CSV files from rows of named cells (column title → value), written by MiniExcel: the header row is the
/// titles of the first row, in their order.
/// </summary>
public static class Spreadsheets
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A workbook with one sheet per entry, in the order given.</summary>
    public static async Task<byte[]> XlsxAsync(IReadOnlyDictionary<string, object> sheets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>A workbook of one sheet.</summary>
    public static async Task<byte[]> XlsxAsync(string sheetName, IEnumerable<IDictionary<string, object?>> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, rows, sheetName: sheetName, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>CSV in UTF-8 with a byte order mark (so Excel reads the diacritics), quoted as RFC 4180 says.</summary>
    public static async Task<byte[]> CsvAsync(IEnumerable<IDictionary<string, object?>> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        stream.Write(Encoding.UTF8.GetPreamble());
        await MiniExcel.SaveAsAsync(stream, rows, excelType: ExcelType.CSV, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>
    /// A cell as text a spreadsheet will not run: one starting with =, +, -, @, a tab or a carriage return (a formula
    /// to Excel) gets a leading apostrophe.
    /// </summary>
    public static string SafeText(string? text)
    {
        var t = text ?? "";
        return t.Length > 0 && t[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + t : t;
    }
}
