using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RoViec.Web.Tests;

/// <summary>Plans kept in Excel: the template from the import page, filled in and uploaded back; unusable workbooks refused with the reader's message.</summary>
public sealed partial class XlsxImportPageTests
{
    [Fact]
    public async Task Template_offers_the_communes_units_in_the_lead_column_and_imports_back_once_filled_in()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();
        var ct = TestContext.Current.CancellationToken;

        var page = await client.GetStringAsync(new Uri("/nhap-ke-hoach", UriKind.Relative), ct);
        var href = WebUtility.HtmlDecode(TemplateLink().Match(page).Groups["href"].Value);
        var download = await client.GetAsync(new Uri(href, UriKind.Relative), ct);
        var template = await download.Content.ReadAsByteArrayAsync(ct);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType?.MediaType);
        var (units, validated) = ReadTemplate(template);
        Assert.NotEmpty(units);
        Assert.Equal("C3:C502", validated);
        var filled = Fill(template, ["1", "Rà soát, chuẩn hóa quy trình tiếp nhận hồ sơ trực tuyến", units[0], null, "Quy trình được ban hành", "Quý II/2026"], ["2", "Tập huấn kỹ năng số cho cán bộ", units[^1], units[0], "Lớp tập huấn", "Thường xuyên"]);

        var review = await UploadAsync(client, filled, "ke-hoach.xlsx");
        var html = WebUtility.HtmlDecode(await review.Content.ReadAsStringAsync(ct));

        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Contains("2 nhiệm vụ", html, StringComparison.Ordinal);
        Assert.Contains("Tập huấn kỹ năng số cho cán bộ", html, StringComparison.Ordinal);
        // Every lead came from the list: nothing for the officer to map.
        Assert.DoesNotContain("/don-vi\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workbook_with_an_impossible_deadline_is_refused_naming_the_row_and_400()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();
        var ct = TestContext.Current.CancellationToken;
        var template = await (await client.GetAsync(new Uri("/nhap-ke-hoach?handler=Template", UriKind.Relative), ct)).Content.ReadAsByteArrayAsync(ct);
        var filled = Fill(template, ["1", "Kiểm tra an toàn thông tin", null, null, "Báo cáo", "Quý 5/2026"]);

        var response = await UploadAsync(client, filled, "ke-hoach.xlsx");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Dòng 3: thời hạn \"Quý 5/2026\" không hợp lệ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_protected_workbook_is_refused_with_a_vietnamese_message_and_400()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();
        // Excel saves an encrypted workbook as an OLE compound file holding "EncryptionInfo" and "EncryptedPackage" streams.
        byte[] encrypted = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. System.Text.Encoding.Unicode.GetBytes("EncryptionInfo"), .. new byte[64], .. System.Text.Encoding.Unicode.GetBytes("EncryptedPackage")];

        var response = await UploadAsync(client, encrypted, "ke-hoach.xlsx");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tệp Excel được bảo vệ bằng mật khẩu", html, StringComparison.Ordinal);
    }

    /// <summary>The units on the hidden list sheet, and the cells the lead column's drop-down covers.</summary>
    private static (List<string> Units, string Validated) ReadTemplate(byte[] template)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(template), isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook!.Sheets!.Elements<Sheet>().ToList();
        var list = (WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == "Đơn vị").Id!);
        var main = (WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == "Kế hoạch").Id!);
        var validation = main.Worksheet!.Descendants<DataValidation>().Single();
        Assert.Equal(DataValidationValues.List, validation.Type!.Value);
        Assert.Equal("'Đơn vị'!$A$1:$A$" + list.Worksheet!.Descendants<Row>().Count(), validation.Formula1!.Text);
        return ([.. list.Worksheet.Descendants<Cell>().Select(c => c.InnerText)], validation.SequenceOfReferences!.InnerText!);
    }

    /// <summary>The template with rows typed under its header, as an officer fills it in Excel.</summary>
    private static byte[] Fill(byte[] template, params string?[][] rows)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == "Kế hoạch");
            var data = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!.GetFirstChild<SheetData>()!;
            var next = (uint)data.Elements<Row>().Count() + 1;
            foreach (var values in rows)
            {
                var row = new Row { RowIndex = next };
                for (var c = 0; c < values.Length; c++)
                {
                    if (values[c] is null) continue;
                    row.Append(new Cell(new InlineString(new Text(values[c]!))) { CellReference = $"{(char)('A' + c)}{next}", DataType = CellValues.InlineString });
                }
                data.Append(row);
                next++;
            }
        }
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        var form = await client.GetStringAsync(new Uri("/nhap-ke-hoach", UriKind.Relative));
        var token = RoViecApp.AntiforgeryToken(form);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Document", fileName);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(new Uri("/nhap-ke-hoach", UriKind.Relative), content);
    }

    [GeneratedRegex("<a id=\"template-link\" href=\"(?<href>[^\"]+)\"")]
    private static partial Regex TemplateLink();
}
