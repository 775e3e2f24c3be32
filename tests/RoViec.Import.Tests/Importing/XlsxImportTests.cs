using System.IO.Compression;
using System.Text;
using RoViec.Domain.Deadlines;
using RoViec.Domain.SixRo;
using RoViec.Domain.Tasks;
using RoViec.Import.Tests.Fixtures;

namespace RoViec.Import.Tests.Importing;

/// <summary>Plans kept in Excel: read into the same table as a Word plan, traced to their cells, refused when unusable.</summary>
public sealed class XlsxImportTests
{
    private static readonly string[] Header = ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Sản phẩm", "Thời hạn"];

    [Fact]
    public void Appendix_in_excel_gives_the_same_tasks_with_the_same_fields_and_defects_as_in_word()
    {
        var word = Imported(File.ReadAllBytes(FixtureCatalog.DocxPath("dien-chau-ctr-2026")), "plan.docx").Tasks.Where(t => t.Source == TaskSource.Table).ToList();
        var excel = Imported(File.ReadAllBytes(FixtureCatalog.Output("xlsx", "dien-chau-phu-luc.xlsx")), "phu-luc.xlsx").Tasks;

        Assert.Equal(word.Select(t => t.Code), excel.Select(t => t.Code));
        foreach (var (w, x) in word.Zip(excel))
        {
            Assert.Equal(w.Name, x.Name);
            Assert.Equal(w.Lead.Select(u => u.AsWritten), x.Lead.Select(u => u.AsWritten));
            Assert.Equal(w.Directing, x.Directing);
            Assert.Equal(w.Output, x.Output);
            Assert.Equal(w.Deadline, x.Deadline);
            Assert.Equal(w.Section.Split(" > ")[^1], x.Section.Split(" > ")[^1]);
            Assert.Equal(w.Defects.Select(d => d.Criterion), x.Defects.Select(d => d.Criterion));
        }
    }

    [Fact]
    public void Header_below_title_rows_with_columns_in_another_order_is_found_and_read_by_its_names()
    {
        var sheet = new XlsxSheetSpec("Kế hoạch") { FirstColumn = 2 };
        sheet.AddMerged("KẾ HOẠCH thực hiện nhiệm vụ năm 2026", 6);
        sheet.Add();
        sheet.Add("Thời hạn", "Chủ trì", "STT", "Phối hợp", "Nhiệm vụ", "Kết quả");
        sheet.Add("Quý II/2026", "Văn phòng HĐND và UBND xã", "1", "Công an xã", "Rà soát quy trình tiếp nhận hồ sơ", "Báo cáo rà soát");

        var task = Assert.Single(Imported(XlsxFixtureBuilder.Build(sheet), "kh.xlsx").Tasks);

        Assert.Equal("1", task.Code);
        Assert.Equal("Rà soát quy trình tiếp nhận hồ sơ", task.Name);
        Assert.Equal("Văn phòng HĐND và UBND xã", Assert.Single(task.Lead).AsWritten);
        Assert.Equal("Công an xã", Assert.Single(task.Support).AsWritten);
        Assert.Equal("Báo cáo rà soát", task.Output);
        Assert.Equal(new DateOnly(2026, 6, 30), task.Deadline.Due);
    }

    [Fact]
    public void Date_serial_is_that_date_and_a_formula_is_read_from_its_cached_value_never_evaluated()
    {
        object?[] dated = ["1", new XlsxFormula("CONCATENATE(\"Sai\";\"\")", "Cập nhật dữ liệu dân cư"), "Công an xã", null, "Dữ liệu được cập nhật", new DateOnly(2026, 9, 15)];
        object?[] bare = ["2", "Tổ chức tập huấn kỹ năng số", "Phòng Văn hóa - Xã hội", null, "Lớp tập huấn", new XlsxFormula("DATE(2026;3;31)", 46112)];

        var task = Assert.Single(Imported(XlsxFixtureBuilder.Build(Sheet(dated)), "kh.xlsx").Tasks);
        var refused = Refused(XlsxFixtureBuilder.Build(Sheet(dated, bare)), "kh.xlsx");

        Assert.Equal("Cập nhật dữ liệu dân cư", task.Name);
        Assert.Equal(new DateOnly(2026, 9, 15), task.Deadline.Due);
        Assert.Equal(DeadlineKind.Date, task.Deadline.Kind);
        Assert.Equal("15/09/2026", task.DeadlineRaw);
        // A number without a date format is not taken for a date: the officer is told which row to fix.
        Assert.Equal("Dòng 3: thời hạn \"46112\" không hợp lệ (cột F)", Assert.Single(Assert.IsType<InvalidRows>(refused).Problems));
    }

    [Fact]
    public void Task_code_is_read_as_excel_shows_it_also_when_the_cell_is_a_formatted_number()
    {
        var sheet = Sheet(
            ["2.9", "Rà soát thủ tục hành chính", "Công an xã", null, "Báo cáo", "Quý II/2026"],
            [new XlsxNumber(2.1, 2), "Số hóa hồ sơ hộ tịch", "Công an xã", null, "Hồ sơ được số hóa", "Quý III/2026"],
            [new XlsxNumber(2.11, 164, "0.00"), "Cập nhật dữ liệu dân cư", "Công an xã", null, "Dữ liệu được cập nhật", "Quý IV/2026"],
            ["2.12", "Tập huấn kỹ năng số", "Công an xã", null, "Lớp tập huấn", "Quý IV/2026"],
            [new XlsxNumber(3, 165, "0.0"), "Kiểm tra an toàn thông tin", "Công an xã", null, "Báo cáo", "Quý IV/2026"]);

        var tasks = Imported(XlsxFixtureBuilder.Build(sheet), "kh.xlsx").Tasks;

        // "0.00" (built-in 2, or written out) shows 2.1 as "2.10": the tenth task of group 2, as the officer typed it.
        Assert.Equal(["2.9", "2.10", "2.11", "2.12", "3.0"], tasks.Select(t => t.Code));
    }

    [Fact]
    public void Merged_group_row_names_the_group_and_cells_merged_down_repeat_for_each_task()
    {
        var sheet = new XlsxSheetSpec("Phụ lục");
        sheet.Add(Header);
        sheet.AddMerged("I. Hạ tầng số", 6);
        var first = sheet.Add("1.1", "Nâng cấp mạng nội bộ", "Văn phòng HĐND và UBND xã", null, "Mạng ổn định", "Quý III/2026");
        var second = sheet.Add("1.2", "Trang bị máy tính", null, null, null, null);
        sheet.MergeDown(2, first, second);
        sheet.MergeDown(5, first, second);

        var tasks = Imported(XlsxFixtureBuilder.Build(sheet), "kh.xlsx").Tasks;

        Assert.Equal(["1.1", "1.2"], tasks.Select(t => t.Code));
        Assert.All(tasks, t => Assert.EndsWith("I. Hạ tầng số", t.Section, StringComparison.Ordinal));
        Assert.Equal("Văn phòng HĐND và UBND xã", Assert.Single(tasks[1].Lead).AsWritten);
        Assert.Equal(new DateOnly(2026, 9, 30), tasks[1].Deadline.Due);
    }

    [Fact]
    public void Every_field_is_traced_to_its_sheet_row_and_column()
    {
        var draft = Imported(File.ReadAllBytes(FixtureCatalog.Output("xlsx", "tan-ky-phu-luc.xlsx")), "tan-ky.xlsx");
        var task = draft.Tasks.Single(t => t.Name.StartsWith("Nghiên cứu xây dựng chương trình", StringComparison.Ordinal));

        // Phụ lục 2: two title rows, the header on row 3, task 5 on row 8; columns TT, Thời hạn, Tên nhiệm vụ, Chủ trì …
        Assert.Equal("Trang tính «Phụ lục 2», dòng 8, cột B", XlsxLocations.Locate(draft.SourceText, task.Spans[TaskField.Deadline])!.Vietnamese);
        Assert.Equal("Trang tính «Phụ lục 2», dòng 8, cột C", XlsxLocations.Locate(draft.SourceText, task.Spans[TaskField.Name])!.Vietnamese);
        Assert.Equal("Trang tính «Phụ lục 2», dòng 8, cột D", XlsxLocations.Locate(draft.SourceText, task.Spans[TaskField.Lead])!.Vietnamese);
        Assert.Null(XlsxLocations.Locate(draft.SourceText, new Domain.Text.SourceSpan(0, 1)));
    }

    [Fact]
    public void Defect_points_at_the_cell_to_fix_its_own_when_read_the_empty_one_of_the_row_when_missing()
    {
        var sheet = new XlsxSheetSpec("Kế hoạch") { FirstColumn = 2 };
        sheet.AddMerged("KẾ HOẠCH năm 2026", 6);
        sheet.Add(Header);
        sheet.Add("1", "Rà soát thủ tục hành chính", null, "Công an xã", "Báo cáo", "Quý II/2026");
        sheet.Add("2", "Số hóa hồ sơ hộ tịch", "Công an xã", "Văn phòng HĐND và UBND xã", "Hồ sơ được số hóa", "Theo chỉ đạo của cấp trên");

        var draft = Imported(XlsxFixtureBuilder.Build(sheet), "kh.xlsx");
        var map = XlsxSourceMap.Of(draft.SourceText)!;
        var (noLead, vague) = (draft.Tasks[0], draft.Tasks[1]);

        Assert.Equal(1, map.Sheets);
        Assert.Equal("Trang tính «Kế hoạch», dòng 3", map.Locate(noLead.Spans[TaskField.Name])!.RowVietnamese);
        // The lead cell of row 3 is empty: the column the header names "Chủ trì".
        Assert.Equal("Trang tính «Kế hoạch», dòng 3, cột D", map.DefectCell(SixRoCriterion.Lead, noLead.Spans, noLead.Spans[TaskField.Name])!.Vietnamese);
        var deadline = Assert.Single(vague.Defects, d => d.Criterion == SixRoCriterion.Deadline);
        Assert.Equal("Trang tính «Kế hoạch», dòng 4, cột G", map.DefectCell(deadline.Criterion, vague.Spans, vague.Spans[TaskField.Name])!.Vietnamese);
        // No "Trực tiếp chỉ đạo" column: nowhere to point.
        Assert.Null(map.DefectCell(SixRoCriterion.Authority, vague.Spans, vague.Spans[TaskField.Name]));
        Assert.Null(XlsxSourceMap.Of(Imported(File.ReadAllBytes(FixtureCatalog.DocxPath("dien-chau-ctr-2026")), "plan.docx").SourceText));
    }

    [Fact]
    public void Row_error_names_the_sheet_when_the_workbook_has_tables_on_more_than_one()
    {
        var first = Sheet(["1", "Rà soát thủ tục hành chính", "Công an xã", null, "Báo cáo", "Quý II/2026"]);
        var second = new XlsxSheetSpec("Chuyển đổi số");
        second.Add(Header);
        second.Add("1", "Số hóa hồ sơ hộ tịch", "Công an xã", null, "Hồ sơ được số hóa", "Quý III/2026");
        second.Add("2", "Kiểm tra an toàn thông tin", "Công an xã", null, "Báo cáo", "Tháng 13/2026");

        var error = Assert.IsType<InvalidRows>(Refused(XlsxFixtureBuilder.Build(first, second), "kh.xlsx"));

        Assert.Equal("Trang tính «Chuyển đổi số», dòng 3: thời hạn \"Tháng 13/2026\" không hợp lệ (cột F)", Assert.Single(error.Problems));
    }

    [Fact]
    public void Impossible_deadline_refuses_the_whole_workbook_naming_the_row_while_a_missing_lead_is_a_defect()
    {
        var rows = Enumerable.Range(1, 12).Select(i => new object?[] { $"{i}", $"Nhiệm vụ thứ {i} của kế hoạch", i == 3 ? null : "Công an xã", null, "Báo cáo", "Quý II/2026" }).ToList();
        rows.Add(["13", "Kiểm tra an toàn thông tin", "Công an xã", null, "Báo cáo", "Quý 5/2026"]);
        var bad = Sheet([.. rows]);
        var good = Sheet([.. rows.Take(12)]);

        var refused = Assert.IsType<ImportOutcome.Refused>(PlanImporter.Import(XlsxFixtureBuilder.Build(bad), "kh.xlsx"));
        var imported = Imported(XlsxFixtureBuilder.Build(good), "kh.xlsx");

        var error = Assert.IsType<InvalidRows>(refused.Error);
        Assert.Equal("Dòng 14: thời hạn \"Quý 5/2026\" không hợp lệ (cột F)", Assert.Single(error.Problems));
        Assert.Contains(imported.Tasks[2].Defects, d => d.Criterion == SixRoCriterion.Lead);
    }

    [Theory]
    [InlineData("Tháng 13/2026")]
    [InlineData("31/02/2026")]
    [InlineData("Quý V năm 2026")]
    public void Other_impossible_periods_are_row_errors(string deadline)
    {
        var outcome = PlanImporter.Import(XlsxFixtureBuilder.Build(Sheet(["1", "Rà soát thủ tục hành chính", "Công an xã", null, "Báo cáo", deadline])), "kh.xlsx");

        var error = Assert.IsType<InvalidRows>(Assert.IsType<ImportOutcome.Refused>(outcome).Error);
        Assert.StartsWith("Dòng 2: thời hạn", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Numbered_row_without_content_is_a_row_error()
    {
        var outcome = PlanImporter.Import(XlsxFixtureBuilder.Build(Sheet(["1", "Rà soát thủ tục hành chính", "Công an xã", null, "Báo cáo", "Quý II/2026"], ["2", null, "Công an xã", null, null, "Quý III/2026"])), "kh.xlsx");

        var error = Assert.IsType<InvalidRows>(Assert.IsType<ImportOutcome.Refused>(outcome).Error);
        Assert.Equal("Dòng 3: có số thứ tự \"2\" nhưng thiếu nội dung nhiệm vụ", Assert.Single(error.Problems));
    }

    [Fact]
    public void Workbook_without_a_task_table_is_refused()
    {
        var sheet = new XlsxSheetSpec("Danh sách");
        sheet.Add("Họ và tên", "Chức vụ");
        sheet.Add("Nguyễn Văn A", "Chủ tịch");

        Assert.IsType<NoTaskTable>(Refused(XlsxFixtureBuilder.Build(sheet), "ds.xlsx"));
    }

    [Fact]
    public void Password_protected_workbook_is_refused_as_such()
    {
        // Excel encrypts a workbook into the same OLE container as Word.
        var encrypted = File.ReadAllBytes(FixtureCatalog.Output("bad", "password-protected.docx"));

        var error = Assert.IsType<PasswordProtectedWorkbook>(Refused(encrypted, "kh.xlsx"));
        Assert.Contains("mật khẩu", error.Vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_workbook_and_old_binary_excel_are_refused()
    {
        var whole = XlsxFixtureBuilder.Build(Sheet(["1", "Rà soát thủ tục hành chính", "Công an xã", null, "Báo cáo", "Quý II/2026"]));

        Assert.IsType<CorruptXlsx>(Refused(whole[..(whole.Length / 2)], "kh.xlsx"));
        Assert.IsType<CorruptXlsx>(Refused(Encoding.UTF8.GetBytes("TT,Nội dung\n1,Việc"), "kh.xlsx"));
        Assert.IsType<LegacyExcelFormat>(Refused([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "kh.xls"));
    }

    [Fact]
    public void Sheet_expanding_to_hundreds_of_megabytes_is_refused_as_a_zip_bomb()
    {
        var bomb = Bomb(expanded: 200L * 1024 * 1024);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb must be small: {bomb.Length} bytes");

        var error = Refused(bomb, "bomb.xlsx");

        Assert.True(error is SuspiciousArchive or DocumentPartTooLarge, error.English);
        Assert.Contains(".xlsx", error.Vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public void Sheet_with_more_rows_than_a_plan_has_is_refused_with_one_clear_line()
    {
        var sheet = Sheet(["1", "Rà soát thủ tục hành chính", "Công an xã", null, "Báo cáo", "Quý II/2026"]);
        for (var i = sheet.Rows.Count; i < 20_005; i++) sheet.Add(new XlsxFormula("A1", i));

        var error = Assert.IsType<SheetTooLarge>(Refused(XlsxFixtureBuilder.Build(sheet), "kh.xlsx"));
        Assert.Contains("dòng", error.Vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public void Sheet_with_more_cells_than_a_plan_has_is_refused_with_one_clear_line()
    {
        var sheet = Sheet(["1", "Rà soát thủ tục hành chính", "Công an xã", null, "Báo cáo", "Quý II/2026"]);
        var wide = Enumerable.Range(0, 90).Select(i => (object?)new XlsxFormula("1+1", 2)).ToArray();
        for (var i = 0; i < 2_300; i++) sheet.Add(wide);

        var error = Assert.IsType<SheetTooLarge>(Refused(XlsxFixtureBuilder.Build(sheet), "kh.xlsx"));
        Assert.Contains("ô", error.Vietnamese, StringComparison.Ordinal);
    }

    private static XlsxSheetSpec Sheet(params object?[][] rows)
    {
        var sheet = new XlsxSheetSpec("Kế hoạch");
        sheet.Add(Header);
        foreach (var row in rows) sheet.Add(row);
        return sheet;
    }

    private static Domain.Plans.PlanDraft Imported(byte[] bytes, string name) =>
        PlanImporter.Import(bytes, name, new ImportOptions { DefaultYear = 2026 }) switch
        {
            ImportOutcome.Imported imported => imported.Draft,
            ImportOutcome.Refused refused => throw new Xunit.Sdk.XunitException(refused.Error.English),
            _ => throw new InvalidOperationException(),
        };

    private static ImportError Refused(byte[] bytes, string name) =>
        Assert.IsType<ImportOutcome.Refused>(PlanImporter.Import(bytes, name, new ImportOptions { DefaultYear = 2026 })).Error;

    /// <summary>A workbook whose sheet is hundreds of megabytes of the same row, compressed to almost nothing.</summary>
    private static byte[] Bomb(long expanded)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
            Write(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
            var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize);
            using var s = entry.Open();
            var row = Encoding.ASCII.GetBytes(new string(' ', 1 << 20));
            for (long written = 0; written < expanded; written += row.Length) s.Write(row);
        }
        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var s = zip.CreateEntry(name).Open();
        s.Write(Encoding.UTF8.GetBytes(content));
    }
}
