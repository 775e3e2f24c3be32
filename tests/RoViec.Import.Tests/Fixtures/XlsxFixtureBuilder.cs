using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RoViec.Import.Tests.Fixtures;

/// <summary>A formula cell with the value Excel cached for it (the importer reads only the cache).</summary>
internal sealed record XlsxFormula(string Formula, object Cached);

/// <summary>A number shown through a number format: a built-in one by its id (2 is "0.00"), or a custom format code.</summary>
internal sealed record XlsxNumber(double Value, uint FormatId, string? FormatCode = null);

/// <summary>One worksheet of a fixture workbook: rows of values from column <see cref="FirstColumn"/>, merged ranges.</summary>
internal sealed class XlsxSheetSpec(string name)
{
    public string Name { get; } = name;
    public int FirstColumn { get; init; } = 1;
    /// <summary>Text as inline strings (as some generators write) rather than in the shared string table.</summary>
    public bool InlineStrings { get; init; }
    public List<object?[]> Rows { get; } = [];
    public List<string> Merges { get; } = [];

    /// <summary>Adds a row (string, number, DateOnly as a date serial, XlsxFormula, decimal as a percentage) and returns its Excel row number.</summary>
    public int Add(params object?[] cells)
    {
        Rows.Add(cells);
        return Rows.Count;
    }

    /// <summary>Adds one cell merged across the given width: a title or a group row.</summary>
    public int AddMerged(string text, int width)
    {
        var row = Add(text);
        if (width > 1) Merges.Add($"{Column(FirstColumn)}{row}:{Column(FirstColumn + width - 1)}{row}");
        return row;
    }

    /// <summary>Merges a column (0-based within the row arrays) down from one row to another.</summary>
    public void MergeDown(int column, int fromRow, int toRow) =>
        Merges.Add($"{Column(FirstColumn + column)}{fromRow}:{Column(FirstColumn + column)}{toRow}");

    public static string Column(int number)
    {
        var name = "";
        for (var n = number; n > 0; n = (n - 1) / 26) name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }
}

/// <summary>
/// Writes fixture workbooks with the Open XML SDK as Excel does: a shared string table, a date style (number format
/// 14) for DateOnly values stored as serial numbers, a percentage style (9), merged cells, formulas with cached values.
/// </summary>
internal static class XlsxFixtureBuilder
{
    public static byte[] Build(params XlsxSheetSpec[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
            var numbers = new List<XlsxNumber>();
            var shared = new List<string>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var sheetList = new Sheets();
            uint sheetId = 1;
            foreach (var spec in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>($"rIdSheet{sheetId}");
                var data = new SheetData();
                for (var r = 0; r < spec.Rows.Count; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    var values = spec.Rows[r];
                    for (var c = 0; c < values.Length; c++)
                    {
                        if (values[c] is null) continue;
                        row.Append(CellOf(values[c]!, $"{XlsxSheetSpec.Column(spec.FirstColumn + c)}{r + 1}", spec.InlineStrings, shared, index, numbers));
                    }
                    data.Append(row);
                }
                var worksheet = new Worksheet(data);
                if (spec.Merges.Count > 0)
                    worksheet.Append(new MergeCells(spec.Merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)spec.Merges.Count });
                part.Worksheet = worksheet;
                sheetList.Append(new Sheet { Name = spec.Name, SheetId = sheetId, Id = $"rIdSheet{sheetId}" });
                sheetId++;
            }
            workbookPart.Workbook.Append(sheetList);
            styles.Stylesheet = Stylesheet(numbers);
            if (shared.Count > 0)
            {
                var strings = workbookPart.AddNewPart<SharedStringTablePart>("rIdStrings");
                strings.SharedStringTable = new SharedStringTable(shared.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve }))) { Count = (uint)shared.Count, UniqueCount = (uint)shared.Count };
            }
        }
        return stream.ToArray();
    }

    private static Cell CellOf(object value, string reference, bool inline, List<string> shared, Dictionary<string, int> index, List<XlsxNumber> numbers)
    {
        switch (value)
        {
            case XlsxNumber number:
                // Styles 0-2 are the general, date and percentage ones; each formatted number gets its own after them.
                numbers.Add(number);
                return new Cell { CellReference = reference, StyleIndex = (uint)(numbers.Count + 2), CellValue = new CellValue(number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            case XlsxFormula f:
                // Typed properties keep the schema's order: the formula, then its cached value.
                return f.Cached is string cachedText
                    ? new Cell { CellReference = reference, DataType = CellValues.String, CellFormula = new CellFormula(f.Formula), CellValue = new CellValue(cachedText) }
                    : new Cell { CellReference = reference, CellFormula = new CellFormula(f.Formula), CellValue = new CellValue(Convert.ToString(f.Cached, System.Globalization.CultureInfo.InvariantCulture)!) };
            case DateOnly date:
                return new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue((date.ToDateTime(TimeOnly.MinValue) - new DateTime(1899, 12, 30)).Days.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            case decimal percent:
                return new Cell { CellReference = reference, StyleIndex = 2, CellValue = new CellValue(percent.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            case int or double:
                return new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!) };
            case string s when inline:
                return new Cell(new InlineString(new Text(s) { Space = SpaceProcessingModeValues.Preserve })) { CellReference = reference, DataType = CellValues.InlineString };
            case string s:
                if (!index.TryGetValue(s, out var i))
                {
                    i = shared.Count;
                    shared.Add(s);
                    index[s] = i;
                }
                return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            default:
                throw new ArgumentException($"unsupported cell value {value.GetType().Name}", nameof(value));
        }
    }

    private static Stylesheet Stylesheet(List<XlsxNumber> numbers)
    {
        var stylesheet = new Stylesheet();
        var custom = numbers.Where(n => n.FormatCode is not null).Select(n => (n.FormatId, n.FormatCode)).Distinct().ToList();
        if (custom.Count > 0)
            stylesheet.Append(new NumberingFormats(custom.Select(c => new NumberingFormat { NumberFormatId = c.FormatId, FormatCode = c.FormatCode })) { Count = (uint)custom.Count });
        stylesheet.Append(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat[]
                {
                    new(),
                    new() { NumberFormatId = 14, ApplyNumberFormat = true },
                    new() { NumberFormatId = 9, ApplyNumberFormat = true },
                }.Concat(numbers.Select(n => new CellFormat { NumberFormatId = n.FormatId, ApplyNumberFormat = true })))
            { Count = (uint)(numbers.Count + 3) });
        return stylesheet;
    }
}
