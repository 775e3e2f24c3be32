using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RoViec.Documents.Sheets;

/// <summary>What a template sheet holds: title rows, the header, and one column whose cells are chosen from a list.</summary>
/// <param name="SheetName">The sheet to fill in.</param>
/// <param name="Titles">Rows above the header, one text each, merged across the header's width.</param>
/// <param name="Header">The column titles, in bold.</param>
/// <param name="ListColumn">The 0-based column whose cells get the drop-down.</param>
/// <param name="ListName">The hidden sheet holding the list's values.</param>
/// <param name="ListValues">The values offered, in order.</param>
/// <param name="ListPrompt">The hint Excel shows in a list cell, and the warning for a value typed outside the list.</param>
/// <param name="Rows">How many rows under the header get the drop-down.</param>
/// <param name="TextColumn">A 0-based column whose cells take what is typed as text: a task code "2.10" stays "2.10" instead of the number 2.1.</param>
public sealed record TemplateSheet(
    string SheetName,
    IReadOnlyList<string> Titles,
    IReadOnlyList<string> Header,
    int ListColumn,
    string ListName,
    IReadOnlyList<string> ListValues,
    string ListPrompt,
    int Rows = 500,
    int? TextColumn = null);

/// <summary>
/// An empty .xlsx to fill in: title rows, a bold header, and a drop-down (data validation of type list) in one column
/// whose values sit on a hidden sheet, so the list can be long and its names can hold commas. A value typed outside
/// the list gets a warning, not a refusal, so a cell can still name two units. Written with the Open XML SDK: MiniExcel
/// (<see cref="Spreadsheets"/>) writes rows of values and has no data validation.
/// </summary>
public static class TemplateWorkbook
{
    public static byte[] Build(TemplateSheet template)
    {
        ArgumentNullException.ThrowIfNull(template);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();

            var main = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var width = template.Header.Count;
            var row = 0u;
            var merges = new MergeCells();
            foreach (var title in template.Titles)
            {
                row++;
                data.Append(new Row(TextCell(title, $"A{row}", style: 1)) { RowIndex = row });
                if (width > 1) merges.Append(new MergeCell { Reference = $"A{row}:{Column(width)}{row}" });
            }
            row++;
            var headerRow = row;
            data.Append(new Row(template.Header.Select((h, i) => TextCell(h, $"{Column(i + 1)}{headerRow}", style: 2))) { RowIndex = headerRow });

            var columns = new Columns(template.Header.Select((h, i) => new Column
            {
                Min = (uint)(i + 1),
                Max = (uint)(i + 1),
                Width = i == 0 ? 6 : Math.Clamp(h.Length + 4, 16, 60) + (i == 1 ? 30 : 0),
                CustomWidth = true,
                Style = i == template.TextColumn ? TextStyle : null,
            }));
            var worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = headerRow, TopLeftCell = $"A{headerRow + 1}", State = PaneStateValues.Frozen, ActivePane = PaneValues.BottomLeft }) { WorkbookViewId = 0 }),
                columns,
                data);
            if (merges.HasChildren) worksheet.Append(merges);
            if (template.ListValues.Count > 0)
            {
                var listColumn = Column(template.ListColumn + 1);
                worksheet.Append(new DataValidations(new DataValidation
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowInputMessage = true,
                    ShowErrorMessage = true,
                    ErrorStyle = DataValidationErrorStyleValues.Warning,
                    PromptTitle = Shorten(template.Header[template.ListColumn], 32),
                    Prompt = Shorten(template.ListPrompt, 255),
                    ErrorTitle = Shorten(template.Header[template.ListColumn], 32),
                    Error = Shorten(template.ListPrompt, 255),
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{listColumn}{headerRow + 1}:{listColumn}{headerRow + template.Rows}" },
                    Formula1 = new Formula1($"'{template.ListName.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:$A${template.ListValues.Count}"),
                })
                { Count = 1 });
            }
            main.Worksheet = worksheet;

            var list = workbook.AddNewPart<WorksheetPart>();
            list.Worksheet = new Worksheet(new SheetData(template.ListValues.Select((v, i) => new Row(TextCell(v, $"A{i + 1}", style: 0)) { RowIndex = (uint)(i + 1) })));

            workbook.Workbook.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheets(
                new Sheet { Name = template.SheetName, SheetId = 1, Id = workbook.GetIdOfPart(main) },
                new Sheet { Name = template.ListName, SheetId = 2, Id = workbook.GetIdOfPart(list), State = SheetStateValues.Hidden }));
        }
        return stream.ToArray();
    }

    /// <summary>Inline text: the template stays readable by any reader, with no shared string table to keep in step.</summary>
    private static Cell TextCell(string text, string reference, uint style) =>
        new(new InlineString(new Text(Spreadsheets.SafeText(text)) { Space = SpaceProcessingModeValues.Preserve })) { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style };

    private static string Column(int number)
    {
        var name = "";
        for (var n = number; n > 0; n = (n - 1) / 26) name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>The cell style whose number format is Text ("@", built-in 49).</summary>
    private const uint TextStyle = 3;

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }))
        { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(
            new Border(),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin },
                new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin },
                new BottomBorder { Style = BorderStyleValues.Thin },
                new DiagonalBorder()))
        { Count = 2 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true, Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center } },
            new CellFormat { FontId = 1, BorderId = 1, ApplyFont = true, ApplyBorder = true, Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true } },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true })
        { Count = 4 });
}
