using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RoViec.Cli.Tests.Fixtures;
using Xunit;

namespace RoViec.Cli.Tests;

/// <summary>`roviec import plan.xlsx`: the plan JSON from a workbook, and one clear line with exit 2 for an unusable one.</summary>
public sealed class XlsxImportCommandTests : IDisposable
{
    private readonly TempFolder dir = new();

    public void Dispose() => dir.Dispose();

    private static string Workbook(string name) => Path.Combine(BadFiles.FixturesDir, "xlsx", name);

    [Fact]
    public void Workbook_imports_to_the_plan_json_with_the_date_typed_in_excel()
    {
        var result = CliRunner.Run("import", Workbook("tan-ky-phu-luc.xlsx"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var tasks = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(7, tasks.Count);
        Assert.All(tasks, t => Assert.Equal("table", t.GetProperty("source").GetString()));
        var dated = tasks.Single(t => t.GetProperty("name").GetString()!.StartsWith("Nghiên cứu xây dựng", StringComparison.Ordinal));
        Assert.Equal("2026-03-31", dated.GetProperty("deadline").GetProperty("due").GetString());
    }

    [Fact]
    public void Folder_mode_imports_workbooks_too()
    {
        File.Copy(Workbook("xuan-giang-nhiem-vu.xlsx"), dir.File("ke-hoach.xlsx"));

        var result = CliRunner.Run("import", dir.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ke-hoach.xlsx: 22 nhiệm vụ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Impossible_deadline_refuses_the_workbook_naming_the_row()
    {
        var file = dir.File("sai-thoi-han.xlsx");
        WriteWorkbook(file, ["TT", "Nội dung", "Chủ trì", "Thời hạn"], ["1", "Rà soát thủ tục hành chính", "Công an xã", "Quý II/2026"], ["2", "Kiểm tra an toàn thông tin", "Công an xã", "Quý 5/2026"]);

        var result = CliRunner.Run("import", file);

        var line = AssertRefused(result);
        Assert.Contains("Dòng 3: thời hạn \"Quý 5/2026\" không hợp lệ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_of_a_workbook_says_the_sheet_and_row_of_each_task_and_the_cell_of_each_defect()
    {
        var file = dir.File("ke-hoach.xlsx");
        WriteWorkbook(file, ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Sản phẩm", "Thời hạn", "Trực tiếp chỉ đạo"],
            ["1", "Rà soát thủ tục hành chính", "Văn phòng HĐND và UBND xã", "Công an xã", "", "Quý II/2026", "Chủ tịch UBND xã"],
            ["2", "Số hóa hồ sơ hộ tịch", "Công an xã", "Văn phòng HĐND và UBND xã", "Hồ sơ được số hóa", "Theo chỉ đạo của cấp trên", "Phó Chủ tịch UBND xã"]);

        var result = CliRunner.Run("import", file);
        var word = CliRunner.Run("import", BadFiles.Seed(BadFiles.SeedPlans().First()));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("     Trang tính «Kế hoạch», dòng 2 · 6 rõ: chưa rõ sản phẩm (cột E)\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("     Trang tính «Kế hoạch», dòng 3 · 6 rõ: thời hạn chưa cụ thể (cột F)\n", result.Stdout, StringComparison.Ordinal);
        // A Word plan has no cells: its summary is as before.
        Assert.True(word.ExitCode == 0, word.ToString());
        Assert.DoesNotContain("Trang tính", word.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Impossible_deadline_on_a_second_sheet_names_the_sheet_and_row_in_one_line()
    {
        var file = dir.File("hai-trang.xlsx");
        WriteWorkbook(file, [
            ("Kế hoạch", [["TT", "Nội dung", "Chủ trì", "Thời hạn"], ["1", "Rà soát thủ tục hành chính", "Công an xã", "Quý II/2026"]]),
            ("Chuyển đổi số", [["TT", "Nội dung", "Chủ trì", "Thời hạn"], ["1", "Số hóa hồ sơ hộ tịch", "Công an xã", "Quý III/2026"], ["2", "Kiểm tra an toàn thông tin", "Công an xã", "31/02/2026"]]),
        ]);

        var line = AssertRefused(CliRunner.Run("import", file));

        Assert.Contains("Trang tính «Chuyển đổi số», dòng 3: thời hạn \"31/02/2026\" không hợp lệ (cột D)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Password_protected_workbook_is_refused_in_one_line()
    {
        var file = dir.File("mat-khau.xlsx");
        File.Copy(BadFiles.PasswordProtectedDocx, file);

        var line = AssertRefused(CliRunner.Run("import", file));

        Assert.Contains("mật khẩu", line, StringComparison.Ordinal);
        Assert.Contains("Excel", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Workbook_without_a_task_table_is_refused_in_one_line()
    {
        var file = dir.File("danh-sach.xlsx");
        WriteWorkbook(file, ["Họ và tên", "Chức vụ"], ["Nguyễn Văn A", "Chủ tịch"]);

        var line = AssertRefused(CliRunner.Run("import", file));

        Assert.Contains("Không tìm thấy bảng nhiệm vụ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_workbook_is_refused_in_one_line()
    {
        var file = dir.File("hong.xlsx");
        var whole = File.ReadAllBytes(Workbook("dien-chau-phu-luc.xlsx"));
        File.WriteAllBytes(file, whole[..(whole.Length / 2)]);

        var line = AssertRefused(CliRunner.Run("import", file));

        Assert.Contains("bị hỏng", line, StringComparison.Ordinal);
    }

    private static string AssertRefused(CliResult result)
    {
        Assert.True(result.ExitCode == 2, $"expected exit 2: {result}");
        Assert.True(result.Stdout.Length == 0, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        return line;
    }

    /// <summary>A one-sheet workbook of inline strings.</summary>
    private static void WriteWorkbook(string path, params string[][] rows) => WriteWorkbook(path, [("Kế hoạch", rows)]);

    /// <summary>A workbook of inline strings, one sheet per name.</summary>
    private static void WriteWorkbook(string path, (string Name, string[][] Rows)[] sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var list = new Sheets();
        for (var s = 0; s < sheets.Length; s++)
        {
            var (name, rows) = sheets[s];
            var sheet = workbook.AddNewPart<WorksheetPart>($"rId{s + 1}");
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                    row.Append(new Cell(new InlineString(new Text(rows[r][c]))) { CellReference = $"{(char)('A' + c)}{r + 1}", DataType = CellValues.InlineString });
                data.Append(row);
            }
            sheet.Worksheet = new Worksheet(data);
            list.Append(new Sheet { Name = name, SheetId = (uint)(s + 1), Id = $"rId{s + 1}" });
        }
        workbook.Workbook.Append(list);
    }
}
