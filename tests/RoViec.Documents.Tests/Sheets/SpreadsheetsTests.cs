using System.Text;
using MiniExcelLibs;
using RoViec.Documents.Sheets;

namespace RoViec.Documents.Tests.Sheets;

public sealed class SpreadsheetsTests
{
    [Fact]
    public async Task A_csv_starts_with_the_byte_order_mark_and_quotes_as_rfc_4180_says()
    {
        IDictionary<string, object?>[] rows =
        [
            new Dictionary<string, object?> { ["Mã"] = "1.1", ["Tên"] = "Chuyển đổi số, \"xã thông minh\"" },
            new Dictionary<string, object?> { ["Mã"] = "1.2", ["Tên"] = "Hà Tĩnh" },
        ];

        var bytes = await Spreadsheets.CsvAsync(rows, TestContext.Current.CancellationToken);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        // A field with a comma or a quote is quoted and its quotes doubled; MiniExcel also quotes a field with a space,
        // which RFC 4180 allows.
        Assert.Equal(["Mã,Tên", "1.1,\"Chuyển đổi số, \"\"xã thông minh\"\"\"", "1.2,\"Hà Tĩnh\""], lines);
    }

    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+84912345678", "'+84912345678")]
    [InlineData("-5", "'-5")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("Hà Tĩnh", "Hà Tĩnh")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_cell_a_spreadsheet_would_run_is_kept_as_text(string? text, string expected)
    {
        Assert.Equal(expected, Spreadsheets.SafeText(text));
    }

    [Fact]
    public async Task A_workbook_has_its_sheets_in_order_with_their_rows()
    {
        var sheets = new Dictionary<string, object>
        {
            ["Tổng hợp"] = new List<Dictionary<string, object?>> { new() { ["Chỉ số"] = "Nhiệm vụ", ["Giá trị"] = 60 } },
            ["Quá hạn"] = new List<Dictionary<string, object?>> { new() { ["STT"] = 1, ["Nhiệm vụ"] = "Số hóa hồ sơ" } },
        };

        var bytes = await Spreadsheets.XlsxAsync(sheets, TestContext.Current.CancellationToken);

        using var stream = new MemoryStream(bytes);
        Assert.Equal(["Tổng hợp", "Quá hạn"], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var late = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Quá hạn").Cast<IDictionary<string, object>>().Single();
        Assert.Equal("Số hóa hồ sơ", late["Nhiệm vụ"]);
    }

    [Fact]
    public async Task A_one_sheet_workbook_is_named_as_asked()
    {
        IDictionary<string, object?>[] rows = [new Dictionary<string, object?> { ["STT"] = 1, ["Nhiệm vụ"] = "Lắp camera" }];

        var bytes = await Spreadsheets.XlsxAsync("Nhiệm vụ", rows, TestContext.Current.CancellationToken);

        using var stream = new MemoryStream(bytes);
        Assert.Equal(["Nhiệm vụ"], MiniExcel.GetSheetNames(stream));
    }
}
