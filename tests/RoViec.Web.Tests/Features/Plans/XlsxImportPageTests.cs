using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
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
    public async Task Template_takes_the_tt_column_as_text_so_a_code_typed_2_10_is_not_turned_into_the_number_2_1()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();
        var ct = TestContext.Current.CancellationToken;

        var template = await (await client.GetAsync(new Uri("/nhap-ke-hoach?handler=Template", UriKind.Relative), ct)).Content.ReadAsByteArrayAsync(ct);

        using var document = SpreadsheetDocument.Open(new MemoryStream(template), isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == "Kế hoạch");
        var columns = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!.Descendants<Column>().ToList();
        var formats = workbook.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        // Number format 49 is Excel's "Text" ("@"); only the TT column has it.
        Assert.Equal(49u, formats[(int)columns.Single(c => c.Min!.Value == 1).Style!.Value].NumberFormatId!.Value);
        Assert.All(columns.Where(c => c.Min!.Value > 1), c => Assert.Null(c.Style));
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document, ct).Select(e => e.Description));
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
    public async Task Review_of_a_workbook_plan_names_each_tasks_sheet_and_row_and_the_column_of_each_field_and_defect()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();
        var ct = TestContext.Current.CancellationToken;
        var template = await (await client.GetAsync(new Uri("/nhap-ke-hoach?handler=Template", UriKind.Relative), ct)).Content.ReadAsByteArrayAsync(ct);
        var (units, _) = ReadTemplate(template);
        // Template columns: A TT, B Nội dung, C Chủ trì, D Phối hợp, E Sản phẩm, F Thời hạn; the header is on row 2.
        var filled = Fill(template,
            ["1", "Rà soát, chuẩn hóa quy trình tiếp nhận hồ sơ trực tuyến", units[0], null, "Quy trình được ban hành", "Quý II/2026"],
            ["2", "Tập huấn kỹ năng số cho cán bộ", units[0], units[^1], null, "Theo chỉ đạo của cấp trên"]);

        var review = await UploadAsync(client, filled, "ke-hoach.xlsx");
        var html = WebUtility.HtmlDecode(await review.Content.ReadAsStringAsync(ct));
        var tasks = TaskArticles(html);

        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Equal(2, tasks.Count);
        Assert.Contains("Trang tính «Kế hoạch», dòng 3</span>", tasks[0], StringComparison.Ordinal);
        Assert.Contains("Rà soát, chuẩn hóa quy trình tiếp nhận hồ sơ trực tuyến</a>", tasks[0], StringComparison.Ordinal);
        Assert.Contains("<span class=\"cell-ref\">cột B</span>", tasks[0], StringComparison.Ordinal);
        Assert.Contains("<span class=\"cell-ref\">cột F</span>", tasks[0], StringComparison.Ordinal);
        // The support cell was left empty: the defect points at it.
        Assert.Matches("Chưa rõ đơn vị phối hợp\\.\\s*<span class=\"cell-ref\"[^>]*>cột D</span>", tasks[0]);
        Assert.Contains("Trang tính «Kế hoạch», dòng 4</span>", tasks[1], StringComparison.Ordinal);
        Assert.Matches("Chưa rõ sản phẩm đầu ra\\.\\s*<span class=\"cell-ref\"[^>]*>cột E</span>", tasks[1]);
        Assert.Matches("Theo chỉ đạo của cấp trên\"\\.\\s*<span class=\"cell-ref\"[^>]*>cột F</span>", tasks[1]);

        (await client.GetAsync(new Uri("/ngon-ngu?culture=en&returnUrl=%2F", UriKind.Relative), ct)).EnsureSuccessStatusCode();
        var english = TaskArticles(WebUtility.HtmlDecode(await client.GetStringAsync(review.RequestMessage!.RequestUri, ct)));

        Assert.Contains("Sheet «Kế hoạch», row 3</span>", english[0], StringComparison.Ordinal);
        Assert.Matches("<span class=\"cell-ref\"[^>]*>column D</span>", english[0]);
        Assert.DoesNotContain("cột", english[0], StringComparison.Ordinal);

        // A plan from a text (or Word) document has no cells to name: its review is as it was.
        var text = "KẾ HOẠCH thực hiện nhiệm vụ năm 2026\n\nTT\tNội dung\tChủ trì\tThời hạn\n1\tRà soát thủ tục hành chính\tCông an xã\tQuý II/2026\n";
        var plain = WebUtility.HtmlDecode(await (await UploadAsync(client, System.Text.Encoding.UTF8.GetBytes(text), "ke-hoach.txt")).Content.ReadAsStringAsync(ct));

        Assert.Contains("Rà soát thủ tục hành chính", Assert.Single(TaskArticles(plain)), StringComparison.Ordinal);
        Assert.DoesNotContain("cell-ref", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workbook_with_an_impossible_deadline_on_its_second_sheet_is_refused_naming_sheet_and_row_and_nothing_is_kept()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();
        var ct = TestContext.Current.CancellationToken;
        string[] header = ["TT", "Nội dung", "Chủ trì", "Thời hạn"];
        var workbook = Workbook(
            ("Kế hoạch", [header, ["1", "Rà soát thủ tục hành chính", "Công an xã", "Quý II/2026"]]),
            ("Chuyển đổi số", [header, ["1", "Số hóa hồ sơ hộ tịch", "Công an xã", "Quý 5/2026"], ["2", "Kiểm tra an toàn thông tin", "Công an xã", "Tháng 13/2026"]]));
        var before = await app.WithDbAsync(async db => (await db.Plans.CountAsync(ct), await db.Uploads.CountAsync(ct), await db.Tasks.CountAsync(ct)));
        var filesBefore = StoredFiles(app);

        var response = await UploadAsync(client, workbook, "ke-hoach.xlsx");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct));
        var after = await app.WithDbAsync(async db => (await db.Plans.CountAsync(ct), await db.Uploads.CountAsync(ct), await db.Tasks.CountAsync(ct)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tệp Excel có 2 dòng không hợp lệ nên chưa nhập gì", html, StringComparison.Ordinal);
        Assert.Contains("<li>Trang tính «Chuyển đổi số», dòng 2: thời hạn \"Quý 5/2026\" không hợp lệ (cột D)</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Trang tính «Chuyển đổi số», dòng 3: thời hạn \"Tháng 13/2026\" không hợp lệ (cột D)</li>", html, StringComparison.Ordinal);
        Assert.Equal(before, after);
        Assert.Equal(filesBefore, StoredFiles(app));
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

    private static int StoredFiles(RoViecApp app) =>
        Directory.Exists(app.FilesFolder) ? Directory.EnumerateFiles(app.FilesFolder, "*", SearchOption.AllDirectories).Count() : 0;

    /// <summary>The review page's task cards, in order.</summary>
    private static List<string> TaskArticles(string html) =>
        [.. TaskArticle().Matches(html).Select(m => m.Value)];

    /// <summary>A workbook of inline strings, one sheet per name.</summary>
    private static byte[] Workbook(params (string Name, string[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var list = new Sheets();
            for (var s = 0; s < sheets.Length; s++)
            {
                var part = workbook.AddNewPart<WorksheetPart>($"rId{s + 1}");
                var data = new SheetData();
                for (var r = 0; r < sheets[s].Rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < sheets[s].Rows[r].Length; c++)
                        row.Append(new Cell(new InlineString(new Text(sheets[s].Rows[r][c]))) { CellReference = $"{(char)('A' + c)}{r + 1}", DataType = CellValues.InlineString });
                    data.Append(row);
                }
                part.Worksheet = new Worksheet(data);
                list.Append(new Sheet { Name = sheets[s].Name, SheetId = (uint)(s + 1), Id = $"rId{s + 1}" });
            }
            workbook.Workbook.Append(list);
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

    [GeneratedRegex("<article class=\"task[^\"]*\" id=\"task-.*?</article>", RegexOptions.Singleline)]
    private static partial Regex TaskArticle();
}
