using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RoViec.Domain.Text;

namespace RoViec.Import.Tests.Fixtures;

/// <summary>A fixture workbook and its expected parse, both made from a seed sample.</summary>
internal sealed record XlsxFixture(string Name, byte[] Workbook, string Gold);

/// <summary>
/// The committed workbooks under tests/fixtures/xlsx, each made from a seed: its appendix table as it is (group rows
/// merged across, sub-task cells merged down, title rows above the header), or its tasks laid out as a commune would
/// keep them in Excel (columns in another order, a margin column, deadlines as date serials, names as formulas with
/// cached values, inline strings, a column-number row under the header). The gold is the seed's gold for those tasks
/// (a date typed as a date is that date), with the seed's indicators from the same sections whose target is in a cell.
/// </summary>
internal static class XlsxFixtureCatalog
{
    public static readonly string[] Names = ["dien-chau-phu-luc", "tan-ky-phu-luc", "thien-tan-nhiem-vu", "xuan-giang-nhiem-vu"];

    public static XlsxFixture Build(string name) => name switch
    {
        "dien-chau-phu-luc" => DienChau(),
        "tan-ky-phu-luc" => TanKy(),
        "thien-tan-nhiem-vu" => ThienTan(),
        "xuan-giang-nhiem-vu" => XuanGiang(),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    /// <summary>The appendix table as in the seed: title rows, Roman group rows merged across, 2.1.x cells merged down from 2.1.</summary>
    private static XlsxFixture DienChau()
    {
        const string seed = "dien-chau-ctr-2026";
        var rows = SeedTable(seed, "TT\tNhiệm vụ\tTrực tiếp chỉ đạo");
        var sheet = new XlsxSheetSpec("Phụ lục");
        sheet.AddMerged("BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ XÃ DIỄN CHÂU", 5);
        sheet.AddMerged("PHỤ LỤC CHƯƠNG TRÌNH CÔNG TÁC NĂM 2026", 5);
        sheet.AddMerged("Danh mục nhiệm vụ chuyển đổi số trong các cơ quan Đảng, Mặt trận Tổ quốc và các đoàn thể", 5);
        sheet.Add();
        sheet.Add(rows[0]);
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cells in rows.Skip(1))
        {
            if (IsRoman(cells[0]) && cells.Skip(2).All(c => c.Length == 0))
            {
                sheet.AddMerged($"{cells[0]}. {cells[1]}", 5);
                continue;
            }
            var row = sheet.Add(cells);
            byCode[cells[0]] = row;
            // "2.1.1" … under "2.1" with no result and no deadline of their own: the parent's cells are merged down.
            var dot = cells[0].LastIndexOf('.');
            if (dot > 0 && byCode.TryGetValue(cells[0][..dot], out var parentRow) && cells[3].Length == 0 && cells[4].Length == 0)
            {
                sheet.Merges.RemoveAll(m => m.StartsWith($"D{parentRow}:", StringComparison.Ordinal) || m.StartsWith($"E{parentRow}:", StringComparison.Ordinal));
                sheet.MergeDown(3, parentRow, row);
                sheet.MergeDown(4, parentRow, row);
                sheet.Rows[row - 1][3] = null;
                sheet.Rows[row - 1][4] = null;
            }
        }
        return new XlsxFixture("dien-chau-phu-luc", XlsxFixtureBuilder.Build(sheet), Gold(seed, [sheet], t => t["source"]!.GetValue<string>() == "table", _ => { }));
    }

    /// <summary>Two sheets: the indicators' plan (header on row 1) and the task list with its columns in another order and a date serial.</summary>
    private static XlsxFixture TanKy()
    {
        const string seed = "tan-ky-kh-2026";
        var indicators = SeedTable(seed, "TT\tChỉ tiêu\tNhiệm vụ/Giải pháp");
        var first = new XlsxSheetSpec("Phụ lục 1B");
        foreach (var cells in indicators)
        {
            if (cells.All(c => c.Trim('-').Length == 0)) continue;
            first.Add(cells);
        }
        var tasks = SeedTable(seed, "TT\tTên nhiệm vụ\tChủ trì");
        // TT, Tên nhiệm vụ, Chủ trì, Phối hợp, Kết quả, Thời hạn, Ghi chú → TT, Thời hạn, Tên nhiệm vụ, Chủ trì, Phối hợp, Ghi chú, Kết quả.
        int[] order = [0, 5, 1, 2, 3, 6, 4];
        var second = new XlsxSheetSpec("Phụ lục 2");
        second.AddMerged("PHỤ LỤC 2: DANH MỤC NHIỆM VỤ THỰC HIỆN NĂM 2026", 7);
        second.AddMerged("(Kèm theo Kế hoạch của Ủy ban nhân dân xã Tân Kỳ)", 7);
        foreach (var cells in tasks)
        {
            var reordered = order.Select(i => (object?)cells[i]).ToArray();
            if (DateOnly.TryParseExact(cells[5], "d/M/yyyy", out var date)) reordered[1] = date;
            second.Add(reordered);
        }
        return new XlsxFixture("tan-ky-phu-luc", XlsxFixtureBuilder.Build(first, second), Gold(seed, [first, second], t => t["source"]!.GetValue<string>() == "table", _ => { }));
    }

    /// <summary>The "Nhiệm vụ N" blocks as a commune's spreadsheet: margin column, reordered columns, months typed as dates, names as formulas.</summary>
    private static XlsxFixture ThienTan()
    {
        const string seed = "thien-tan-kh-2026";
        var gold = GoldTasks(seed);
        var sheet = new XlsxSheetSpec("Nhiệm vụ 2026") { FirstColumn = 2 };
        sheet.AddMerged("ỦY BAN NHÂN DÂN XÃ THIỆN TÂN", 6);
        sheet.AddMerged("KẾ HOẠCH thực hiện nhiệm vụ chuyển đổi số năm 2026", 6);
        sheet.Add();
        sheet.Add("STT", "Nội dung nhiệm vụ", "Thời hạn hoàn thành", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm");
        var group = "";
        var groupNumber = 0;
        var taskNumber = 0;
        var dated = new Dictionary<string, DateOnly>(StringComparer.Ordinal) { ["Tháng 12/2026."] = new(2026, 12, 31), ["Tháng 6/2026."] = new(2026, 6, 30) };
        foreach (var task in gold)
        {
            var section = task["section"]!.GetValue<string>();
            if (section != group)
            {
                group = section;
                groupNumber++;
                taskNumber = 0;
                var title = section.Split(" > ")[^1];
                title = title.Contains(": ", StringComparison.Ordinal) ? title[(title.IndexOf(": ", StringComparison.Ordinal) + 2)..] : title;
                sheet.AddMerged($"{Roman(groupNumber)}. {title}", 6);
            }
            taskNumber++;
            var name = task["name"]!.GetValue<string>();
            var raw = task["deadline_raw"]?.GetValue<string>();
            object? deadline = raw is not null && dated.TryGetValue(raw, out var date) ? date : raw;
            sheet.Add($"{groupNumber}.{taskNumber}", taskNumber % 4 == 0 ? new XlsxFormula("TRIM(Z1)", name) : name, deadline, Units(task["lead"]), Units(task["support"]), task["output"]?.GetValue<string>());
        }
        var xlsxGold = Gold(seed, [sheet], _ => true, task =>
        {
            if (task["deadline_raw"]?.GetValue<string>() is { } raw && dated.TryGetValue(raw, out var date))
            {
                task["deadline_raw"] = date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
                task["deadline"] = new JsonObject { ["kind"] = "date", ["due"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["milestones"] = new JsonArray() };
            }
        });
        return new XlsxFixture("thien-tan-nhiem-vu", XlsxFixtureBuilder.Build(sheet), xlsxGold);
    }

    /// <summary>The action bullets as rows of a workbook written with inline strings: header on row 3, a column-number row, "A. …" group rows.</summary>
    private static XlsxFixture XuanGiang()
    {
        const string seed = "xuan-giang-ctr-2026";
        var gold = GoldTasks(seed);
        var sheet = new XlsxSheetSpec("KH năm 2026") { InlineStrings = true };
        sheet.AddMerged("CHƯƠNG TRÌNH CÔNG TÁC NĂM 2026 VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ", 6);
        sheet.AddMerged("Đảng ủy xã Xuân Giang", 6);
        sheet.Add("TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Tiến độ", "Ghi chú");
        sheet.Add("(1)", "(2)", "(3)", "(4)", "(5)", "(6)");
        var group = "";
        var groupNumber = 0;
        var taskNumber = 0;
        foreach (var task in gold)
        {
            var parts = task["section"]!.GetValue<string>().Split(" > ");
            var top = parts.Length > 1 ? parts[1] : parts[0];
            if (top != group)
            {
                group = top;
                groupNumber++;
                var title = top.Contains(". ", StringComparison.Ordinal) ? top[(top.IndexOf(". ", StringComparison.Ordinal) + 2)..] : top;
                sheet.AddMerged($"{(char)('A' + groupNumber - 1)}. {title}", 6);
            }
            taskNumber++;
            sheet.Add(taskNumber, task["name"]!.GetValue<string>(), Units(task["lead"]), Units(task["support"]), task["deadline_raw"]?.GetValue<string>(), null);
        }
        return new XlsxFixture("xuan-giang-nhiem-vu", XlsxFixtureBuilder.Build(sheet), Gold(seed, [sheet], _ => true, _ => { }));
    }

    private static string? Units(JsonNode? units)
    {
        var list = units?.AsArray().Select(u => u!.GetValue<string>()).ToList() ?? [];
        return list.Count == 0 ? null : string.Join("; ", list);
    }

    private static List<JsonNode> GoldTasks(string seed) =>
        [.. JsonNode.Parse(File.ReadAllText(FixtureCatalog.Output("seeds", seed + ".gold.json")))!["tasks"]!.AsArray().Select(t => t!)];

    /// <summary>The seed's gold for the tasks kept, every one now from a table, with the indicators of their sections.</summary>
    private static string Gold(string seed, XlsxSheetSpec[] sheets, Func<JsonNode, bool> keep, Action<JsonNode> adjust)
    {
        // Indicators the workbook states: their target is written in one of its cells.
        var cells = string.Join(" | ", sheets.SelectMany(s => s.Rows).SelectMany(r => r).Select(c => c switch { string t => VietnameseText.Fold(t), XlsxFormula f => VietnameseText.Fold(f.Cached as string), _ => "" }));
        var source = JsonNode.Parse(File.ReadAllText(FixtureCatalog.Output("seeds", seed + ".gold.json")))!;
        var tasks = new JsonArray();
        var sections = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in source["tasks"]!.AsArray())
        {
            if (!keep(task!)) continue;
            var copy = task!.DeepClone();
            copy["source"] = "table";
            adjust(copy);
            sections.Add(copy["section"]!.GetValue<string>());
            tasks.Add(copy);
        }
        var indicators = new JsonArray();
        foreach (var indicator in source["indicators"]!.AsArray())
        {
            var section = indicator!["section"]!.GetValue<string>();
            if ((section.StartsWith("Phụ lục", StringComparison.Ordinal) || sections.Any(s => s == section || s.StartsWith(section + " >", StringComparison.Ordinal) || section.StartsWith(s + " >", StringComparison.Ordinal)))
                && cells.Contains(VietnameseText.Fold(indicator["target_raw"]!.GetValue<string>()), StringComparison.Ordinal))
                indicators.Add(indicator.DeepClone());
        }
        var gold = new JsonObject { ["document"] = source["document"]!.DeepClone(), ["tasks"] = tasks, ["indicators"] = indicators };
        return gold.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>The rows of the seed's table whose header starts so: tab lines, blank lines between them allowed, emphasis marks removed.</summary>
    private static List<string[]> SeedTable(string seed, string headerStart)
    {
        var lines = FixtureCatalog.SeedText(seed).Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(headerStart, StringComparison.Ordinal));
        var rows = new List<string[]>();
        for (var i = start; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            if (!lines[i].Contains('\t', StringComparison.Ordinal)) break;
            rows.Add(lines[i].Replace("**", "", StringComparison.Ordinal).Split('\t').Select(c => c.Trim()).ToArray());
        }
        var width = rows[0].Length;
        // A row the page broke (no number, text carried on) joins the row above, as one Excel row holds it.
        var joined = new List<string[]>();
        // A header the page break repeated is not kept: one sheet has one header.
        foreach (var row in rows.Select(r => r.Concat(Enumerable.Repeat("", Math.Max(0, width - r.Length))).Take(width).ToArray()).Where((r, i) => i == 0 || !r.SequenceEqual(rows[0])))
        {
            if (joined.Count > 0 && row[0].Length == 0 && row.Any(c => c.Length > 0) && !row.All(c => c.Trim('-').Length == 0) && !row.SequenceEqual(rows[0]))
            {
                var above = joined[^1];
                for (var c = 0; c < width; c++)
                    above[c] = row[c].Length == 0 ? above[c] : above[c].Length == 0 ? row[c] : above[c] + " " + row[c];
                continue;
            }
            joined.Add(row);
        }
        return joined;
    }

    private static bool IsRoman(string code) => code.Length > 0 && code.All(c => c is 'I' or 'V' or 'X' or 'L');

    private static string Roman(int n) => n switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        5 => "V",
        6 => "VI",
        7 => "VII",
        8 => "VIII",
        9 => "IX",
        10 => "X",
        11 => "XI",
        12 => "XII",
        _ => throw new ArgumentOutOfRangeException(nameof(n)),
    };
}
