using System.Text.RegularExpressions;
using RoViec.Domain.Indicators;
using RoViec.Domain.Tasks;
using RoViec.Domain.Text;

namespace RoViec.Import.Parsing;

/// <summary>
/// Tasks and indicators from appendix tables. Columns are recognised by their header
/// (TT, Nhiệm vụ / Tên nhiệm vụ / Nội dung, Chủ trì, Phối hợp, Trực tiếp chỉ đạo, Kết quả /
/// Sản phẩm / Dự kiến kết quả, Thời hạn / Thời gian hoàn thành, Ghi chú, Chỉ tiêu, KPI), so any
/// column order works. Rows that repeat the header (a page break), separator rows, group rows
/// (Roman numeral, no unit, no deadline) and continuation rows (no number, text carried over from
/// the row above) are handled as the gold conventions in the evaluation README describe.
/// </summary>
internal static partial class TableTasks
{
    private sealed class Columns
    {
        public int Code = -1, Name = -1, Lead = -1, Support = -1, Directing = -1, Output = -1, Deadline = -1, Note = -1, Indicator = -1, Target = -1, Unit = -1, Upstream = -1;
        public bool IsTaskTable => Name >= 0;
        public bool IsIndicatorTable => Name < 0 && Indicator >= 0 && Target >= 0;
    }

    public static bool IsRecognised(TableBlock table) => table.Rows.Count > 0 && Classify(table.Rows[0]) is { } c && (c.IsTaskTable || c.IsIndicatorTable);

    /// <summary>The 0-based column of a task table's header that a field is read from, or -1 (not a task table, no such column).</summary>
    public static int ColumnOf(IReadOnlyList<Cell> header, TaskField field) => Classify(header) is { IsTaskTable: true } c
        ? field switch
        {
            TaskField.Name => c.Name,
            TaskField.Lead => c.Lead,
            TaskField.Support => c.Support,
            TaskField.Directing => c.Directing,
            TaskField.Output => c.Output,
            TaskField.Deadline => c.Deadline,
            TaskField.UpstreamSource => c.Upstream >= 0 ? c.Upstream : c.Note,
            _ => -1,
        }
        : -1;

    public static void Extract(TableBlock table, string section, List<TaskDraft> tasks, List<IndicatorDraft> indicators)
    {
        var header = table.Rows[0];
        var cols = Classify(header);
        if (cols is null) return;
        var width = table.Rows.Max(r => r.Count);
        var headerKey = string.Join("|", header.Select(c => VietnameseText.Fold(c.Text)));
        var rows = new List<Cell[]>();
        foreach (var row in table.Rows.Skip(1))
        {
            var cells = Normalise(row, width);
            if (string.Join("|", cells.Select(c => VietnameseText.Fold(c.Text))) == headerKey) continue;
            if (cells.All(c => SeparatorRegex().IsMatch(c.Text))) continue;
            // "(1) | (2) | (3) …" under the header numbers the columns.
            if (cells.Count(c => c.Text.Length > 0) >= 2 && cells.All(c => c.Text.Length == 0 || ColumnNumberRegex().IsMatch(c.Text))) continue;
            // The second line of a two-line header ("Thời gian" over "Bắt đầu | Hoàn thành") repeats the merged name cell.
            var nameColumn = cols.IsTaskTable ? cols.Name : cols.Indicator;
            if (nameColumn >= 0 && rows.Count == 0 && VietnameseText.Fold(Get(cells, nameColumn)) == VietnameseText.Fold(header[nameColumn].Text)) continue;
            var code = Get(cells, cols.Code);
            var name = Get(cells, cols.IsTaskTable ? cols.Name : cols.Indicator);
            // "(Nhóm nhiệm vụ do … theo dõi)" under a group row: a note, not a task and not the rest of the row above.
            if (code.Length == 0 && cells.Where(c => c.Text.Length > 0).All(c => NoteRegex().IsMatch(c.Text)) && cells.Any(c => c.Text.Length > 0)) continue;
            var isContinuation = rows.Count > 0 && code.Length == 0 && (name.Length == 0 || char.IsLower(name[0]));
            if (isContinuation)
            {
                var previous = rows[^1];
                for (var i = 0; i < Math.Min(previous.Length, cells.Length); i++)
                {
                    if (cells[i].Text.Length == 0) continue;
                    previous[i] = previous[i].Text.Length == 0
                        ? cells[i]
                        : new Cell(previous[i].Text + " " + cells[i].Text, SourceSpan.Cover(previous[i].Span, cells[i].Span));
                }
                continue;
            }
            rows.Add(cells);
        }

        var group = "";
        string? groupUpstream = UpstreamRegex().Match(section) is { Success: true } sm ? Squash(sm.Value) : null;
        var byCode = new Dictionary<string, TaskDraft>(StringComparer.Ordinal);
        // The last numbered row: lettered sub-rows ("a)", "b)") under "8 | Mua sắm …, gồm:" belong to it.
        TaskDraft? numbered = null;
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r];
            var code = Get(cells, cols.Code).TrimEnd('.');
            var name = Get(cells, cols.IsTaskTable ? cols.Name : cols.Indicator);
            if (name.Length == 0)
            {
                // A group row merged into one cell: "I. HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH" across the whole row.
                if (MergedGroupRegex().IsMatch(code) && cells.Count(c => c.Text.Length > 0) == 1)
                {
                    group = VietnameseText.Squash(code);
                    byCode.Clear();
                    numbered = null;
                }
                continue;
            }
            var lead = Get(cells, cols.Lead);
            var directing = Get(cells, cols.Directing);
            var deadline = Get(cells, cols.Deadline);
            var output = Get(cells, cols.Output);
            var target = WithUnit(Get(cells, cols.Target), Get(cells, cols.Unit));
            var nextCode = r + 1 < rows.Count ? Get(rows[r + 1], cols.Code).TrimEnd('.') : "";
            if (MergedGroupRegex().IsMatch(code) && lead.Length == 0 && directing.Length == 0 && deadline.Length == 0)
            {
                // "I. THỂ CHẾ" written in the number cell, with a note carried into the next cell.
                group = VietnameseText.Squash(code);
                byCode.Clear();
                numbered = null;
                continue;
            }
            if (IsGroupRow(code, name, lead, directing, deadline, cols.IsIndicatorTable ? target : output)
                || IsNumberedGroupRow(code, nextCode, lead, directing, deadline, output, Get(cells, cols.Support)))
            {
                group = (code.Length > 0 ? code + ". " : "") + name;
                // Numbering restarts in each group: "1" of group II is not the parent of "1.1" in group III.
                if (!IsNumberedGroupRow(code, nextCode, lead, directing, deadline, output, Get(cells, cols.Support))) byCode.Clear();
                numbered = null;
                var um = UpstreamRegex().Match(name);
                groupUpstream = um.Success ? Squash(um.Value) : groupUpstream;
                continue;
            }
            var path = group.Length > 0 ? section + " > " + group : section;
            if (cols.IsTaskTable)
            {
                var task = new TaskDraft
                {
                    Source = TaskSource.Table,
                    Section = path,
                    Code = code.Length > 0 ? code : null,
                    Name = name,
                    NameSpan = cells[cols.Name].Span,
                };
                var leadText = lead.Length > 0 ? lead : directing;
                if (leadText.Length > 0)
                {
                    task.Lead = UnitPhrases.Split(leadText);
                    task.LeadSpan = cells[lead.Length > 0 ? cols.Lead : cols.Directing].Span;
                }
                var support = Get(cells, cols.Support);
                if (support.Length > 0)
                {
                    task.Support = UnitPhrases.Split(support);
                    task.SupportSpan = cells[cols.Support].Span;
                }
                if (directing.Length > 0)
                {
                    task.Directing = directing;
                    task.DirectingSpan = cells[cols.Directing].Span;
                }
                if (output.Length > 0)
                {
                    task.Output = output;
                    task.OutputSpan = cells[cols.Output].Span;
                }
                if (deadline.Length > 0)
                {
                    task.DeadlineRaw = deadline;
                    task.DeadlineSpan = cells[cols.Deadline].Span;
                }
                var note = Get(cells, cols.Note);
                var upstream = UpstreamRegex().Match(note);
                var upperTask = Get(cells, cols.Upstream);
                var inName = UpstreamRegex().Match(name);
                if (upperTask.Length > 0)
                {
                    // A column naming the national task it implements ("NV theo KH 05-KH/BCĐTW": "NV 12").
                    task.Upstream = Squash(header[cols.Upstream].Text) + ": " + upperTask;
                    task.UpstreamSpan = cells[cols.Upstream].Span;
                }
                else if (upstream.Success)
                {
                    task.Upstream = Squash(upstream.Value);
                    task.UpstreamSpan = cells[cols.Note].Span;
                }
                else if (inName.Success)
                {
                    task.Upstream = Squash(inName.Value);
                    task.UpstreamSpan = new SourceSpan(cells[cols.Name].Span.Start + inName.Index, inName.Length);
                }
                else if (groupUpstream is not null) task.Upstream = groupUpstream;

                // A sub-row ("2.1.1" under "2.1", "a)" under "8") shares the cells merged down from its parent.
                var isLettered = task.Code is not null && LetteredRegex().IsMatch(task.Code);
                TaskDraft? parent = null;
                if (isLettered) parent = numbered;
                else if (task.Code is not null && ParentCode(task.Code) is { } parentCode) byCode.TryGetValue(parentCode, out parent);
                if (!isLettered) numbered = task.Code is not null ? task : null;
                if (parent is not null)
                {
                    if (task.DeadlineRaw is null) (task.DeadlineRaw, task.DeadlineSpan) = (parent.DeadlineRaw, parent.DeadlineSpan);
                    if (task.Output is null) (task.Output, task.OutputSpan) = (parent.Output, parent.OutputSpan);
                    if (task.Lead.Count == 0) (task.Lead, task.LeadSpan) = (parent.Lead, parent.LeadSpan);
                    if (task.Support.Count == 0) (task.Support, task.SupportSpan) = (parent.Support, parent.SupportSpan);
                    task.Upstream ??= parent.Upstream;
                }
                if (task.Code is not null) byCode[task.Code] = task;
                tasks.Add(task);

                if (cols.Indicator >= 0)
                {
                    var indicatorName = Get(cells, cols.Indicator);
                    var kpi = WithUnit(Get(cells, cols.Target), Get(cells, cols.Unit));
                    if (indicatorName.Length > 0 && TableTarget(kpi, Get(cells, cols.Unit)) is { } t)
                        indicators.Add(new IndicatorDraft { Section = path, Name = indicatorName, TargetRaw = kpi, Target = t, Owner = lead.Length > 0 ? lead : null, Span = cells[cols.Indicator].Span, TargetSpan = cells[cols.Target].Span, FromTable = true });
                }
                else
                {
                    var owner = lead.Length > 0 ? lead : directing.Length > 0 ? directing : null;
                    var row = cells[cols.Name].Span.Start;
                    IndicatorFinder.FindInCell(cells[cols.Name], path, owner, indicators, row: row);
                    if (cols.Output >= 0) IndicatorFinder.FindInCell(cells[cols.Output], path, owner, indicators, context: name, row: row);
                }
            }
            else if (TableTarget(target, Get(cells, cols.Unit)) is { } t)
            {
                indicators.Add(new IndicatorDraft
                {
                    Section = path,
                    Name = name,
                    TargetRaw = target,
                    Target = t,
                    Owner = lead.Length > 0 ? lead : null,
                    Span = cells[cols.Indicator].Span,
                    TargetSpan = cells[cols.Target].Span,
                    FromTable = true,
                });
            }
        }
    }

    /// <summary>
    /// The target of an indicator row. An "Đơn vị tính" that measures rather than counts ("Điểm", "Ngày", "km") makes the
    /// target unit other, with that word: "85 - 90" points is not 85 to 90 things.
    /// </summary>
    private static Target? TableTarget(string target, string unit)
    {
        var parsed = TargetParser.Parse(target);
        if (parsed is not { Unit: TargetUnit.Count }) return parsed;
        var folded = VietnameseText.Fold(unit.Trim());
        return MeasureUnitRegex().IsMatch(folded) ? parsed with { Unit = TargetUnit.Other, UnitText = unit.Trim() } : parsed;
    }

    /// <summary>"100" with "%" in an "Đơn vị tính" column is "100%"; "Từ 95 trở lên" is "Từ 95% trở lên" (after the last number).</summary>
    private static string WithUnit(string target, string unit)
    {
        if (target.Length == 0 || unit.Length == 0 || target.Contains('%', StringComparison.Ordinal)) return target;
        if (unit.Trim() != "%") return target + " " + unit.Trim();
        var last = target.AsSpan().LastIndexOfAnyInRange('0', '9');
        return last < 0 ? target + "%" : target.Insert(last + 1, "%");
    }

    /// <summary>
    /// "II | PHÁT TRIỂN HẠ TẦNG SỐ | | | (05 nhiệm vụ) |": a Roman numeral or capital letter, no unit and no deadline. Stray
    /// text in another cell (a count in parentheses, a note) does not make it a task when the name is upper case.
    /// </summary>
    private static bool IsGroupRow(string code, string name, string lead, string directing, string deadline, string output) =>
        (RomanRegex().IsMatch(code) || (code.Length == 1 && char.IsUpper(code[0]))) && lead.Length == 0 && directing.Length == 0
        && (deadline.Length == 0 || (NoteRegex().IsMatch(deadline) && !deadline.Any(char.IsDigit)))
        && (output.Length == 0 || NoteRegex().IsMatch(output) || IsUpperCase(name));

    private static bool IsUpperCase(string text)
    {
        int letters = 0, upper = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        return letters >= 4 && upper * 10 >= letters * 8;
    }

    /// <summary>"1 | Hạ tầng số" with nothing else, followed by "1.1 …": a numbered group heading, not a task.</summary>
    private static bool IsNumberedGroupRow(string code, string nextCode, string lead, string directing, string deadline, string output, string support) =>
        code.Length > 0 && nextCode.StartsWith(code + ".", StringComparison.Ordinal)
        && lead.Length == 0 && directing.Length == 0 && deadline.Length == 0 && output.Length == 0 && support.Length == 0;

    /// <summary>"(Theo Quyết định số 125-QĐ/TU ngày 12/12/2025 của …)" in a task's text: the upper-level source it implements.</summary>
    public static string? UpstreamIn(string text) => UpstreamRegex().Match(text) is { Success: true } m ? Squash(m.Value) : null;

    private static string? ParentCode(string code)
    {
        var dot = code.LastIndexOf('.');
        return dot > 0 ? code[..dot] : null;
    }

    private static string Get(Cell[] cells, int index) => index >= 0 && index < cells.Length ? cells[index].Text.Trim() : "";

    private static string Squash(string text) => VietnameseText.Squash(text).TrimEnd('.', ',', ';');

    private static Cell[] Normalise(IReadOnlyList<Cell> row, int width)
    {
        var cells = new Cell[Math.Max(width, row.Count)];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = i < row.Count ? new Cell(row[i].Text.Replace("**", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal).Trim(), row[i].Span) : new Cell("", default);
        return cells;
    }

    private static Columns? Classify(IReadOnlyList<Cell> header)
    {
        var cols = new Columns();
        var nameRank = int.MaxValue;
        for (var i = 0; i < header.Count; i++)
        {
            var h = VietnameseText.Fold(header[i].Text);
            if (h.Length == 0) continue;
            if (cols.Code < 0 && h is "tt" or "stt" or "so tt" or "so thu tu" or "ma") { cols.Code = i; continue; }
            // "NV theo KH 05-KH/BCĐTW", "Nhiệm vụ theo Kế hoạch của tỉnh": the upper-level task each row implements.
            if (UpstreamColumnRegex().IsMatch(h)) { if (cols.Upstream < 0) cols.Upstream = i; continue; }
            if (h.Contains("phoi hop", StringComparison.Ordinal)) { if (cols.Support < 0) cols.Support = i; continue; }
            if (h.Contains("chu tri", StringComparison.Ordinal)) { if (cols.Lead < 0) cols.Lead = i; continue; }
            if (h.Contains("chi dao", StringComparison.Ordinal)) { if (cols.Directing < 0) cols.Directing = i; continue; }
            if (h.StartsWith("thoi han", StringComparison.Ordinal) || h.StartsWith("thoi gian", StringComparison.Ordinal) || h.StartsWith("tien do", StringComparison.Ordinal)) { if (cols.Deadline < 0) cols.Deadline = i; continue; }
            if (h.StartsWith("ghi chu", StringComparison.Ordinal)) { cols.Note = i; continue; }
            if (h is "dvt" or "don vi tinh" || h.StartsWith("don vi tinh", StringComparison.Ordinal)) { cols.Unit = i; continue; }
            if (h.Contains("kpi", StringComparison.Ordinal) || h.StartsWith("chi so", StringComparison.Ordinal) || h.StartsWith("muc tieu", StringComparison.Ordinal) || h.StartsWith("gia tri", StringComparison.Ordinal) || h.StartsWith("chi tieu nam", StringComparison.Ordinal) || h.StartsWith("ke hoach nam", StringComparison.Ordinal) || YearColumnRegex().IsMatch(h)) { if (cols.Target < 0) cols.Target = i; continue; }
            if (h is "chi tieu" || h.StartsWith("ten chi tieu", StringComparison.Ordinal)) { if (cols.Indicator < 0) cols.Indicator = i; continue; }
            var rank = h switch
            {
                _ when h.StartsWith("ten nhiem vu", StringComparison.Ordinal) => 0,
                _ when h.StartsWith("nhiem vu", StringComparison.Ordinal) => 1,
                _ when h.StartsWith("noi dung", StringComparison.Ordinal) => 2,
                _ when h.Contains("nhiem vu", StringComparison.Ordinal) => 3,
                _ => int.MaxValue,
            };
            if (rank < nameRank) { nameRank = rank; cols.Name = i; continue; }
            if (h.StartsWith("ket qua", StringComparison.Ordinal) || h.Contains("san pham", StringComparison.Ordinal) || h.StartsWith("du kien ket qua", StringComparison.Ordinal))
            {
                if (cols.Output < 0) cols.Output = i;
                continue;
            }
            if ((h.StartsWith("don vi", StringComparison.Ordinal) || h.StartsWith("co quan", StringComparison.Ordinal)) && cols.Lead < 0) cols.Lead = i;
        }
        // In an indicator table the "Kết quả" column holds the target.
        if (cols.Name < 0 && cols.Indicator >= 0 && cols.Target < 0 && cols.Output >= 0)
        {
            cols.Target = cols.Output;
            cols.Output = -1;
        }
        return cols.IsTaskTable || cols.IsIndicatorTable ? cols : null;
    }

    [GeneratedRegex(@"^(?:nam\s+)?20\d\d$|^(?:ke hoach|muc tieu|chi tieu)\s+(?:nam\s+)?20\d\d$")]
    private static partial Regex YearColumnRegex();

    [GeneratedRegex(@"^[\(\[]?(?:\d{1,2}|[A-Z])[\)\]]?(?:\s*=\s*.*)?$")]
    private static partial Regex ColumnNumberRegex();

    [GeneratedRegex(@"^[-–—_.\s]*$")]
    private static partial Regex SeparatorRegex();

    [GeneratedRegex(@"^(?:[IVXL]{1,5})$")]
    private static partial Regex RomanRegex();

    [GeneratedRegex(@"^(?:[IVXL]{1,5}|[A-Z])\s*[.\-–)]\s*\S")]
    private static partial Regex MergedGroupRegex();

    [GeneratedRegex(@"^\(.*\)\.?$")]
    private static partial Regex NoteRegex();

    [GeneratedRegex(@"^[a-zđ]\)$")]
    private static partial Regex LetteredRegex();

    [GeneratedRegex(@"^(?:nv|nhiem vu|stt nv|ma nv)\s+(?:theo|tai|thuoc)\s+(?:kh|ke hoach|qd|quyet dinh|nq|nghi quyet|ctr|chuong trinh)\b|^(?:nhiem vu|nv) (?:cap tren|cua tw|trung uong)")]
    private static partial Regex UpstreamColumnRegex();

    [GeneratedRegex(@"^(?:diem|ngay|gio|phut|km|ha|m2|tan|mbps|gb|trieu dong|ty dong)$")]
    private static partial Regex MeasureUnitRegex();

    [GeneratedRegex(@"(?i:theo|tại)\s+(?:Quyết định|Kế hoạch|Nghị quyết|Chương trình|Công văn|Chỉ thị|Thông báo|Kết luận)\s+(?:số\s*)?[\w\-/Đđ]{1,40}(?:\s*(?:,\s*)?ngày\s+\d{1,2}/\d{1,2}/\d{4})?", RegexOptions.IgnoreCase)]
    private static partial Regex UpstreamRegex();
}
