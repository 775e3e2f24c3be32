using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using RoViec.Domain.Text;
using RoViec.Import.Parsing;

namespace RoViec.Import.Reading;

/// <summary>What an Excel workbook reads as: the blocks for the parser, and rows that cannot be right.</summary>
internal sealed class XlsxBlocks : List<RawBlock>
{
    /// <summary>Rows refused before parsing (a numbered row without content), with where they are.</summary>
    public List<XlsxRowProblem> Problems { get; } = [];
}

internal sealed record XlsxRowProblem(string Sheet, int Row, string Message);

/// <summary>
/// Excel workbooks (.xlsx) through the Open XML SDK, read into the same paragraphs and tables as a Word plan so the
/// same table rules apply. In each visible worksheet the task table is found by its header row (any of the column
/// names the table rules know, in any order, wherever the row is); rows above it are title paragraphs. Cells are read
/// as Excel shows them: shared and inline strings, numbers, dates stored as serial numbers (by their number format)
/// as dd/MM/yyyy, percentages with "%"; a formula is never evaluated, only its cached value is read. Merged cells
/// repeat their text down and leave blanks across, as Word's do; a row that is one merged "I. …" or "A. …" cell is
/// a group row, its numeral in the TT column. Before the table a line "Trang tính "X", bảng từ dòng N, cột C" names
/// where it is, so every span can be traced back to its cell (<see cref="XlsxLocations"/>). The package is checked
/// as a Word one is (<see cref="OfficePackage"/>); a sheet with more rows, columns or cells than a plan has is refused.
/// </summary>
internal static partial class XlsxDocumentReader
{
    /// <summary>The last row with a value a plan sheet may have.</summary>
    public const int MaxRows = 20_000;

    /// <summary>The last column with a value a plan sheet may have.</summary>
    public const int MaxColumns = 100;

    /// <summary>Cells with a value in one workbook.</summary>
    public const int MaxCells = 200_000;

    private const int MaxMerges = 20_000;

    /// <summary>The longest column title: "Cơ quan, đơn vị chủ trì theo dõi, đánh giá và báo cáo" is 54 characters.</summary>
    private const int MaxHeaderCell = 80;

    public static XlsxBlocks Read(byte[] bytes, ImportOptions options)
    {
        OfficePackage.Check(bytes, options, OfficeFormat.Xlsx);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = options.MaxExpandedBytes / 2 });
            var workbook = document.WorkbookPart ?? throw new ImportRefusal(new CorruptXlsx("no workbook part"));
            var sheets = workbook.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? throw new ImportRefusal(new CorruptXlsx("no sheets"));
            var strings = SharedStrings(workbook);
            var formats = CellFormats(workbook);
            var result = new XlsxBlocks();
            var cells = 0;
            var chars = 0L;
            foreach (var sheet in sheets)
            {
                if (sheet.State is { } state && state.Value != SheetStateValues.Visible) continue;
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part) continue;
                var name = sheet.Name?.Value ?? "";
                var grid = ReadGrid(part, name, strings, formats, ref cells);
                chars += grid.Values.Sum(r => r.Values.Sum(v => (long)v.Length));
                if (chars > options.MaxTextChars) throw new ImportRefusal(new DocumentTooLong(options.MaxTextChars));
                AddSheet(result, name, grid);
            }
            if (!result.OfType<RawTable>().Any()) throw new ImportRefusal(new NoTaskTable());
            return result;
        }
        catch (ImportRefusal)
        {
            throw;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or FormatException or InvalidOperationException)
        {
            throw new ImportRefusal(new CorruptXlsx(ex.Message));
        }
    }

    /// <summary>The shared string table, rich text runs joined, phonetic hints left out.</summary>
    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part) return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (!reader.IsStartElement || reader.ElementType != typeof(SharedStringItem)) continue;
            strings.Add(ItemText((SharedStringItem)reader.LoadCurrentElement()!));
        }
        return strings;
    }

    private static string ItemText(OpenXmlElement item)
    {
        var sb = new StringBuilder();
        foreach (var text in item.Descendants<Text>())
        {
            if (text.Parent is PhoneticRun) continue;
            sb.Append(text.Text);
        }
        return sb.ToString();
    }

    private enum ShownKind
    {
        Number,
        Date,
        Percent,
    }

    /// <summary>How a cell style shows a number; for a plain number, the digits after the point its format asks for (none: General, as many as needed).</summary>
    private readonly record struct Shown(ShownKind Kind, int? MinDecimals = null, int? MaxDecimals = null)
    {
        public static readonly Shown General = new(ShownKind.Number);
        public static readonly Shown Date = new(ShownKind.Date);
        public static readonly Shown Percent = new(ShownKind.Percent);
    }

    /// <summary>
    /// How each cell style shows a number: as a date (built-in date formats, or a custom one with d/m/y), a percentage, or a
    /// number with the decimals its format shows ("0.00" shows 2.1 as "2.10", the tenth task of group 2 as typed).
    /// </summary>
    private static List<Shown> CellFormats(WorkbookPart workbook)
    {
        var shown = new List<Shown>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is not { } formats) return shown;
        var custom = new Dictionary<uint, string>();
        foreach (var nf in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (nf.NumberFormatId?.Value is { } fid && nf.FormatCode?.Value is { } code) custom[fid] = code;
        }
        foreach (var xf in formats.Elements<CellFormat>())
        {
            var id = xf.NumberFormatId?.Value ?? 0;
            shown.Add(id switch
            {
                // Built-in "0", "0.00", "#,##0", "#,##0.00".
                1 or 3 => new Shown(ShownKind.Number, 0, 0),
                2 or 4 => new Shown(ShownKind.Number, 2, 2),
                9 or 10 => Shown.Percent,
                (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58) => Shown.Date,
                _ when custom.TryGetValue(id, out var code) => CustomFormat(code),
                _ => Shown.General,
            });
        }
        return shown;
    }

    private static Shown CustomFormat(string code)
    {
        // Quoted text, escapes and [colour]/[locale] brackets say nothing about the kind of value.
        var bare = FormatNoiseRegex().Replace(code, "");
        if (bare.Contains('%', StringComparison.Ordinal)) return Shown.Percent;
        return bare.IndexOfAny(['d', 'D', 'y', 'Y']) >= 0 || (bare.Contains('m', StringComparison.OrdinalIgnoreCase) && !bare.Contains('0', StringComparison.Ordinal) && !bare.Contains('#', StringComparison.Ordinal))
            ? Shown.Date
            : NumberFormat(bare);
    }

    /// <summary>
    /// The decimals a number format shows, from its first section: "0.00" two, "#,##0.0#" one to two, "0" none. A
    /// scientific or fraction format, or one with no digit placeholder ("General", "@"), shows the number as it is.
    /// </summary>
    private static Shown NumberFormat(string bare)
    {
        var section = bare.Split(';')[0];
        if (section.IndexOfAny(['E', 'e', '/', '?']) >= 0 || section.IndexOfAny(['0', '#']) < 0) return Shown.General;
        var point = section.IndexOf('.', StringComparison.Ordinal);
        if (point < 0) return new Shown(ShownKind.Number, 0, 0);
        int min = 0, max = 0;
        for (var i = point + 1; i < section.Length && section[i] is '0' or '#'; i++)
        {
            max++;
            if (section[i] == '0') min = max;
        }
        return new Shown(ShownKind.Number, min, max);
    }

    /// <summary>The sheet's values by row and column (1-based), merged cells resolved.</summary>
    private static SortedDictionary<int, SortedDictionary<int, string>> ReadGrid(WorksheetPart part, string sheetName, List<string> strings, List<Shown> formats, ref int cellCount)
    {
        var grid = new SortedDictionary<int, SortedDictionary<int, string>>();
        var merges = new List<(int Row1, int Col1, int Row2, int Col2)>();
        var nextRow = 1;
        using (var reader = OpenXmlReader.Create(part))
        {
            var more = reader.Read();
            while (more)
            {
                if (reader.IsStartElement && reader.ElementType == typeof(Row))
                {
                    var row = (Row)reader.LoadCurrentElement()!;
                    var rowIndex = row.RowIndex?.Value is { } ri ? (int)Math.Min(ri, int.MaxValue) : nextRow;
                    nextRow = rowIndex + 1;
                    var nextColumn = 1;
                    foreach (var cell in row.Elements<Cell>())
                    {
                        var (cellRow, column) = cell.CellReference?.Value is { } reference && ParseReference(reference) is { } parsed ? parsed : (rowIndex, nextColumn);
                        nextColumn = column + 1;
                        var text = CellText(cell, strings, formats);
                        if (text.Trim().Length == 0) continue;
                        if (cellRow > MaxRows) throw new ImportRefusal(new SheetTooLarge(sheetName, "dòng", MaxRows));
                        if (column > MaxColumns) throw new ImportRefusal(new SheetTooLarge(sheetName, "cột", MaxColumns));
                        if (++cellCount > MaxCells) throw new ImportRefusal(new SheetTooLarge(sheetName, "ô có dữ liệu", MaxCells));
                        if (!grid.TryGetValue(cellRow, out var cells)) grid[cellRow] = cells = [];
                        cells[column] = text;
                    }
                    more = !reader.EOF;
                    continue;
                }
                if (reader.IsStartElement && reader.ElementType == typeof(MergeCell))
                {
                    var merge = (MergeCell)reader.LoadCurrentElement()!;
                    if (merges.Count < MaxMerges && merge.Reference?.Value is { } range && ParseRange(range) is { } r) merges.Add(r);
                    more = !reader.EOF;
                    continue;
                }
                more = reader.Read();
            }
        }
        ApplyMerges(grid, merges);
        return grid;
    }

    /// <summary>A merged range repeats its top-left text down its first column, as Word's vertically merged cells do; across it stays blank.</summary>
    private static void ApplyMerges(SortedDictionary<int, SortedDictionary<int, string>> grid, List<(int Row1, int Col1, int Row2, int Col2)> merges)
    {
        if (grid.Count == 0) return;
        var lastRow = grid.Keys.Max();
        foreach (var (row1, col1, row2, _) in merges)
        {
            if (row2 <= row1 || !grid.TryGetValue(row1, out var top) || !top.TryGetValue(col1, out var text)) continue;
            for (var r = row1 + 1; r <= Math.Min(row2, lastRow); r++)
            {
                if (!grid.TryGetValue(r, out var cells)) grid[r] = cells = [];
                cells[col1] = text;
            }
        }
    }

    private static string CellText(Cell cell, List<string> strings, List<Shown> formats)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? ItemText(inline) : "";
        // A formula's cached result only: nothing is ever evaluated.
        var value = cell.CellValue?.Text ?? "";
        if (value.Length == 0) return "";
        if (type == CellValues.SharedString)
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < strings.Count ? strings[index] : "";
        if (type == CellValues.String) return value;
        if (type == CellValues.Boolean) return value == "1" ? "TRUE" : "FALSE";
        if (type == CellValues.Error) return "";
        if (type == CellValues.Date)
            return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso) ? iso.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : value;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return value;
        var style = cell.StyleIndex?.Value is { } s && s < formats.Count ? formats[(int)s] : Shown.General;
        return style switch
        {
            // Serial 60 is Excel's 29/02/1900, which never was; a serial beyond 31/12/9999 is no date either: the number stays.
            { Kind: ShownKind.Date } when number is >= 1 and < 2958466 => DateTime.FromOADate(number).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            { Kind: ShownKind.Percent } => (number * 100).ToString("0.##", Numbers.Vi) + "%",
            { MinDecimals: { } min, MaxDecimals: { } max } => number.ToString(max == 0 ? "0" : "0." + new string('0', min) + new string('#', max - min), CultureInfo.InvariantCulture),
            _ => number.ToString("0.##########", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Adds the sheet's title rows and each task table found in it (a header row the table rules recognise).</summary>
    private static void AddSheet(XlsxBlocks blocks, string sheetName, SortedDictionary<int, SortedDictionary<int, string>> grid)
    {
        if (grid.Count == 0) return;
        var rows = grid.Keys.ToList();
        var headers = new List<int>();
        string? currentKey = null;
        foreach (var r in rows)
        {
            var texts = RowTexts(grid[r], 1, grid[r].Keys.Max());
            if (!IsHeader(texts)) continue;
            var key = string.Join("|", texts.Select(VietnameseText.Fold).Where(t => t.Length > 0));
            // A header repeated further down (printed on each page) stays inside the table; the table rules skip it.
            if (key == currentKey) continue;
            headers.Add(r);
            currentKey = key;
        }
        if (headers.Count == 0) return;
        foreach (var r in rows.TakeWhile(r => r < headers[0]))
        {
            var text = string.Join(" ", grid[r].Values.Select(v => v.Trim()).Where(v => v.Length > 0));
            if (text.Length > 0) blocks.Add(new RawParagraph(text));
        }
        for (var h = 0; h < headers.Count; h++)
        {
            var first = headers[h];
            var last = h + 1 < headers.Count ? headers[h + 1] - 1 : rows[^1];
            var inTable = rows.Where(r => r >= first && r <= last).ToList();
            var firstColumn = inTable.Min(r => grid[r].Keys.Min());
            var lastColumn = inTable.Max(r => grid[r].Keys.Max());
            var header = RowTexts(grid[first], firstColumn, lastColumn);
            var (codeColumn, nameColumn) = CodeAndNameColumns(header);
            blocks.Add(new RawParagraph(XlsxLocations.Marker(sheetName, first, firstColumn)));
            var table = new List<IReadOnlyList<string>>(last - first + 1);
            for (var r = first; r <= last; r++)
            {
                var cells = grid.TryGetValue(r, out var found) ? RowTexts(found, firstColumn, lastColumn) : new string[lastColumn - firstColumn + 1];
                for (var i = 0; i < cells.Length; i++) cells[i] ??= "";
                if (r > first) CheckRow(blocks, sheetName, r, cells, codeColumn, nameColumn);
                table.Add(cells);
            }
            blocks.Add(new RawTable(table));
        }
    }

    /// <summary>
    /// A row that is one "I. …" / "A. …" cell (merged across, usually) is a group row: its numeral goes to the TT
    /// column and its title to the name column, as a Word table has them. A numbered row with other cells filled
    /// but no content is a problem for the officer to fix.
    /// </summary>
    private static void CheckRow(XlsxBlocks blocks, string sheetName, int row, string[] cells, int codeColumn, int nameColumn)
    {
        var filled = cells.Select((text, i) => (Text: text.Trim(), Index: i)).Where(c => c.Text.Length > 0).ToList();
        if (filled.Count == 1 && codeColumn >= 0 && nameColumn >= 0 && GroupRowRegex().Match(filled[0].Text) is { Success: true } group)
        {
            cells[filled[0].Index] = "";
            cells[codeColumn] = group.Groups["code"].Value;
            cells[nameColumn] = group.Groups["title"].Value.Trim();
            return;
        }
        if (codeColumn >= 0 && nameColumn >= 0 && cells[codeColumn].Trim().Length > 0 && cells[nameColumn].Trim().Length == 0 && filled.Count >= 2)
            blocks.Problems.Add(new XlsxRowProblem(sheetName, row, $"có số thứ tự \"{cells[codeColumn].Trim()}\" nhưng thiếu nội dung nhiệm vụ"));
    }

    /// <summary>
    /// A row of at least two short column titles of the family (TT, Nội dung, Chủ trì, Thời hạn …) that the table rules
    /// read as a task or indicator table's header; a task row whose name says "nhiệm vụ" is not one.
    /// </summary>
    private static bool IsHeader(string[] texts) =>
        texts.Count(t => t.Trim().Length > 0 && ColumnTitleRegex().IsMatch(VietnameseText.Fold(t))) >= 2
        && texts.All(t => t.Trim().Length <= MaxHeaderCell)
        && TableTasks.IsRecognised(new TableBlock([texts.Select(t => new Parsing.Cell(SourceDocument.Clean(t), default)).ToList()], default));

    /// <summary>The TT column and the task-name column, as the table rules name them (Tên nhiệm vụ, Nhiệm vụ, Nội dung).</summary>
    private static (int Code, int Name) CodeAndNameColumns(string[] header)
    {
        int code = -1, name = -1, nameRank = int.MaxValue;
        for (var i = 0; i < header.Length; i++)
        {
            var h = VietnameseText.Fold(header[i]);
            if (code < 0 && h is "tt" or "stt" or "so tt" or "so thu tu" or "ma") { code = i; continue; }
            var rank = h.StartsWith("ten nhiem vu", StringComparison.Ordinal) ? 0
                : h.StartsWith("nhiem vu", StringComparison.Ordinal) ? 1
                : h.StartsWith("noi dung", StringComparison.Ordinal) ? 2
                : h.Contains("nhiem vu", StringComparison.Ordinal) ? 3
                : int.MaxValue;
            if (rank < nameRank) (nameRank, name) = (rank, i);
        }
        return (code, name);
    }

    private static string[] RowTexts(SortedDictionary<int, string> cells, int firstColumn, int lastColumn)
    {
        var texts = new string[lastColumn - firstColumn + 1];
        for (var c = firstColumn; c <= lastColumn; c++) texts[c - firstColumn] = cells.GetValueOrDefault(c, "");
        return texts;
    }

    /// <summary>"C14" → (14, 3).</summary>
    internal static (int Row, int Column)? ParseReference(string reference)
    {
        var i = 0;
        var column = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16384) return null;
            i++;
        }
        if (i == 0 || i == reference.Length) return null;
        return int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row >= 1 ? (row, column) : null;
    }

    private static (int, int, int, int)? ParseRange(string range)
    {
        var parts = range.Split(':');
        if (parts.Length != 2 || ParseReference(parts[0]) is not { } a || ParseReference(parts[1]) is not { } b) return null;
        return (Math.Min(a.Row, b.Row), Math.Min(a.Column, b.Column), Math.Max(a.Row, b.Row), Math.Max(a.Column, b.Column));
    }

    [GeneratedRegex(@"^(?:tt|stt|so tt|so thu tu|ma)$|^(?:ten nhiem vu|nhiem vu|noi dung|thoi han|thoi gian|tien do|ket qua|du kien ket qua|san pham|ghi chu|chi tieu|don vi|co quan|kpi|chi so|muc tieu|nam 20\d\d)|chu tri|phoi hop|chi dao")]
    private static partial Regex ColumnTitleRegex();

    [GeneratedRegex(@"""[^""]*""|\\.|\[[^\]]*\]")]
    private static partial Regex FormatNoiseRegex();

    [GeneratedRegex(@"^(?<code>[IVXL]{1,5}|[A-Z])\s*[.)\-–:]\s*(?<title>\S.*)$")]
    private static partial Regex GroupRowRegex();
}
