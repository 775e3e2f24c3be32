using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Documents.Word;
using RoViec.Web.Features.CrossChecks;
using RoViec.Web.Features.Figures;
using RoViec.Web.Features.Measurement;
using RoViec.Web.Features.Periods;

using Fmt = RoViec.Documents.Word.ParagraphFormat;

namespace RoViec.Web.Features.OfficialReports;

/// <summary>
/// Writes a <see cref="MonthlyReport"/> as a Word document in the layout of administrative documents
/// (Nghị định 30/2020/NĐ-CP, Phụ lục I), or of the Party's documents (Hướng dẫn 36-HD/VPTW: "ĐẢNG CỘNG SẢN VIỆT NAM"
/// top right, an asterisk under the body, "Số 12-BC/BCĐ", "T/M"), as <see cref="MonthlyReportSettings.Kind"/> says: A4, margins 20/20/30/15 mm, Times New Roman 14 pt; the header as a
/// borderless two-column table (issuing body and number on the left, the national title, motto and the place
/// and date on the right); the title centred; body paragraphs justified with a 1 cm first-line indent; bordered
/// tables; "Nơi nhận" and the signature block side by side at the end; page numbers centred at the top from the
/// second page on.
/// </summary>
public static class MonthlyReportDocx
{
    // Sizes are in twentieths of a point (1 mm ≈ 56.7) and font sizes in half-points, as WordprocessingML counts them.
    private static readonly PageSetup Page = PageSetup.A4Vietnamese;
    private static readonly int TextWidth = Page.TextWidth;
    private static readonly int BodySize = Page.BodySize;
    private const int TableSize = 24;
    private const int FirstLineIndent = 567;
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public const string ContentType = WordDocuments.ContentType;

    /// <summary>What a draft says at the top of every page and at the start of its file name.</summary>
    public const string DraftMark = "DỰ THẢO";

    /// <summary>
    /// A report is a draft while it is not built from verified data: no unit's report is verified yet (the draft the
    /// office asks for with "?duthao=1"), or a unit's content received but not yet verified is in it (marked
    /// "(chưa xác minh)").
    /// </summary>
    public static bool IsDraft(MonthlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return !report.Units.Any(u => u.State == ReportStates.Verified)
            || report.Units.Any(u => u.State is ReportStates.Submitted or ReportStates.AwaitingApproval);
    }

    public static byte[] Write(MonthlyReport report, MonthlyReportSettings settings, ReportExtras? extras = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        var with = extras ?? new ReportExtras(null, null, [], null);
        return WordDocuments.Create(Page, new DocumentInfo("Báo cáo kết quả thực hiện " + report.ProgrammeWithin, report.IssuerPhrase), (main, body) =>
        {
            var detail = new List<Paragraph>();
            Heading(body, report, settings);
            Content(body, report, with, detail);
            Closing(body, report, settings);
            Appendix(body, report, settings, with, detail, main);
        }, IsDraft(report) ? DraftMark : null);
    }

    // ---- The parts of the document -------------------------------------------------------------------

    private static void Heading(Body body, MonthlyReport report, MonthlyReportSettings s)
    {
        var party = s.Kind == LayoutKinds.Party;
        body.Append(LayoutBlocks.Header(s, report.Place));

        body.Append(P("BÁO CÁO", new Fmt { Size = party ? 32 : BodySize, Bold = true, Align = JustificationValues.Center, Before = 480 }));
        body.Append(P("Kết quả thực hiện " + report.ProgrammeWithin,
            new Fmt { Bold = true, Align = JustificationValues.Center }));
        body.Append(party ? P("-----", new Fmt { Align = JustificationValues.Center }) : ShortLine(TextWidth, 2000));
        body.Append(Text(
            $"Thực hiện {report.ProgrammePhrase} của {report.IssuerPhrase}, trên cơ sở báo cáo của các cơ quan, đơn vị, "
            + $"Ban Chỉ đạo báo cáo kết quả thực hiện {report.PeriodPhrase} (số liệu tính đến ngày {DayText.Show(report.AsOf)}) như sau:", before: 240));
    }

    /// <summary>
    /// The body the committee reads: what was done, what is late, the indicators followed, difficulties, proposals, next month
    /// and the scores. What each unit reported on each task still in progress goes to <paramref name="detail"/> for the appendix.
    /// </summary>
    private static void Content(Body body, MonthlyReport report, ReportExtras extras, List<Paragraph> detail)
    {
        Paragraphs(body, report, ReportCompositions.Summary, Summary(report));
        Reporting(body, report);
        Tasks(body, report, detail);
        Fields(body, extras);
        Indicators(body, report, appendix: extras.Tasks is { Count: > 0 });
        Problems(body, report);
        Requests(body, report);
        Next(body, report);
        Scores(body, report, extras);
    }

    /// <summary>The opening sentence, generated from the figures: "Trong tháng 10/2026, 45/60 nhiệm vụ hoàn thành (75%) …".</summary>
    public static string Summary(MonthlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var done = report.ByStatus.Where(c => c.Health is TaskHealth.DoneOnTime or TaskHealth.DoneLate or TaskHealth.AlreadyDone).Sum(c => c.Count);
        var troubled = report.ByStatus.Where(c => c.Health is TaskHealth.Overdue or TaskHealth.AtRisk).Sum(c => c.Count);
        var r = report.Rate;
        return $"Trong {report.PeriodPhrase}, {done}/{report.TaskTotal} nhiệm vụ đã hoàn thành ({Share(done, report.TaskTotal)}), "
            + $"{troubled} nhiệm vụ quá hạn hoặc có nguy cơ chậm; {r.Received}/{r.Expected} cơ quan, đơn vị đã gửi báo cáo ({PeriodLabels.Percent(r.Rate)}), "
            + $"{r.OnTime} báo cáo đúng hạn"
            + (report.KeyTaskShare is { } key ? $"; {PeriodLabels.Percent(key)} nhiệm vụ trọng tâm đúng tiến độ (chỉ tiêu tối thiểu {Measure.Number(MonthlyReport.KeyTaskTarget)}%)." : ".");
    }

    /// <summary>The general assessment that opens section IV, generated from the figures.</summary>
    public static string AssessmentText(MonthlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var troubled = report.ByStatus.Where(c => c.Health is TaskHealth.Overdue or TaskHealth.AtRisk).Sum(c => c.Count);
        var r = report.Rate;
        var limits = new List<string>();
        if (troubled > 0) limits.Add($"còn {troubled} nhiệm vụ quá hạn hoặc có nguy cơ chậm tiến độ");
        if (r.Missing > 0) limits.Add($"{r.Missing} cơ quan, đơn vị chưa gửi báo cáo");
        if (r.Received > r.OnTime) limits.Add($"{r.Received - r.OnTime} báo cáo gửi trễ hạn");
        if (report.KeyTaskShare is { } key && key < MonthlyReport.KeyTaskTarget) limits.Add($"tỷ lệ nhiệm vụ trọng tâm đúng tiến độ mới đạt {PeriodLabels.Percent(key)}, chưa đạt chỉ tiêu");
        return limits.Count == 0
            ? $"Nhìn chung, {report.PeriodPhrase} các nhiệm vụ được triển khai đúng tiến độ và các cơ quan, đơn vị thực hiện nghiêm chế độ báo cáo."
            : $"Bên cạnh kết quả đạt được, việc thực hiện {report.ProgrammeWithin} còn một số tồn tại, hạn chế: {string.Join("; ", limits)}.";
    }

    /// <summary>The generated direction that closes section VI.</summary>
    public const string DirectionText = "Các cơ quan, đơn vị tiếp tục thực hiện các nhiệm vụ thường xuyên và báo cáo kết quả đúng thời hạn quy định.";

    /// <summary>The paragraphs of an editable part: the officer's text when there is one, else the generated; a line each.</summary>
    private static void Paragraphs(Body body, MonthlyReport report, string key, string generated)
    {
        var text = report.Narrative.TryGetValue(key, out var edited) ? edited : generated;
        foreach (var line in text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            body.Append(Text(line));
    }

    private static void Scores(Body body, MonthlyReport report, ReportExtras extras)
    {
        body.Append(Title("VII. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG CÁC CƠ QUAN, ĐƠN VỊ"));
        if (extras.Ranking.Count == 0)
        {
            body.Append(Text($"Chưa có kết quả chấm điểm {report.PeriodPhrase}: điểm chỉ được tính từ báo cáo đã được Cơ quan thường trực xác minh."));
            return;
        }
        body.Append(Text(extras.Averaged
            ? $"Kết quả chấm điểm {report.PeriodPhrase} (trung bình điểm các tháng đã khóa sổ, thang điểm 100) như sau:"
            : $"Kết quả chấm điểm {report.PeriodPhrase} theo bộ tiêu chí đang áp dụng (thang điểm 100) như sau:"));
        body.Append(Table([850, 3450, 1300, 1900, TextWidth - 7500],
            ["Hạng", "Cơ quan, đơn vị", "Điểm", "Xếp loại", "Điểm người đứng đầu"],
            extras.Ranking.Select(r => new[] { Int(r.Rank), r.Unit, Points(r.Total), r.Band, Points(r.HeadTotal) }),
            [Center, Left, Center, Center, Center]));
        if (extras.Classes is { } classes) body.Append(Text("Xếp loại: " + classes));
    }

    private static string Points(decimal value) => value.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>A chart as an inline picture, centred, the width of the text at most.</summary>
    private static Paragraph Picture(MainDocumentPart main, Shared.Charts.ChartImage chart, string name) =>
        WordParts.Picture(main, chart.Png, chart.Width, chart.Height, name, TextWidth);

    private static void Reporting(Body body, MonthlyReport report)
    {
        body.Append(Title("I. TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ"));
        var r = report.Rate;
        if (r.Expected == 0)
        {
            body.Append(Text($"Trong {report.PeriodPhrase}, không có cơ quan, đơn vị nào phải báo cáo."));
            return;
        }
        body.Append(Text($"Trong {report.PeriodPhrase}, có {r.Expected} cơ quan, đơn vị phải báo cáo; đã nhận {r.Received} báo cáo, "
            + $"đạt tỷ lệ {PeriodLabels.Percent(r.Rate)}"
            + (r.NotYetDue
                ? "; chưa đến hạn gửi báo cáo của đơn vị."
                : $"; trong {r.Due} báo cáo đã đến hạn, {r.OnTime} báo cáo đúng hạn (tỷ lệ đúng hạn {PeriodLabels.Percent(r.OnTimeRate)}), {r.Late} báo cáo trễ hạn.")));
        var missing = report.Units.Where(u => u.ReceivedOn is null).Select(u => u.Unit).ToList();
        body.Append(Text(missing.Count == 0
            ? "Tất cả các cơ quan, đơn vị đã gửi báo cáo."
            : $"Còn {missing.Count} cơ quan, đơn vị chưa gửi báo cáo: {string.Join(", ", missing)}."));
        var returned = report.Units.Count(u => u.State == ReportStates.Returned);
        if (returned > 0)
            body.Append(Text($"Có {returned} báo cáo bị trả lại để bổ sung, hoàn thiện; nội dung của các báo cáo này chưa được tổng hợp."));
        var verified = report.Units.Count(u => u.State == ReportStates.Verified);
        var waiting = report.Units.Count(u => u.State == ReportStates.Submitted);
        body.Append(Text($"Cơ quan thường trực đã xác minh {verified} báo cáo; {waiting} báo cáo đang chờ xác minh "
            + "(nội dung lấy từ báo cáo chưa xác minh được ghi chú “(chưa xác minh)”)."));
        body.Append(Table([700, 3000, 1300, 1700, 1300, TextWidth - 8000],
            ["STT", "Cơ quan, đơn vị", "Hạn báo cáo", "Tình trạng", "Ngày gửi", "Đúng hạn"],
            report.Units.Select((u, i) => new[]
            {
                Index(i), u.Unit, DayText.Show(u.DueOn), SubmissionState(u.State), DayText.Show(u.ReceivedOn),
                u.ReceivedOn is null ? (report.AsOf > u.DueOn ? "Quá hạn" : "—") : u.OnTime ? "Đúng hạn" : "Trễ hạn",
            }),
            [Center, Left, Center, Left, Center, Center]));
    }

    private static void Tasks(Body body, MonthlyReport report, List<Paragraph> detail)
    {
        body.Append(Title("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ"));
        body.Append(Title("1. Tình hình thực hiện chung", level: 2));
        string Count(TaskHealth health) => report.ByStatus.FirstOrDefault(c => c.Health == health)?.Count.ToString(CultureInfo.InvariantCulture) ?? "0";
        body.Append(Text($"Kế hoạch có {report.TaskTotal} nhiệm vụ. Tính đến ngày {DayText.Show(report.AsOf)}: "
            + $"{Count(TaskHealth.DoneOnTime)} nhiệm vụ hoàn thành đúng hạn, {Count(TaskHealth.DoneLate)} nhiệm vụ hoàn thành trễ hạn, "
            + $"{Count(TaskHealth.Overdue)} nhiệm vụ quá hạn, {Count(TaskHealth.AtRisk)} nhiệm vụ có nguy cơ chậm tiến độ; "
            + "chi tiết theo tình trạng như sau:"));
        var rows = report.ByStatus.Select((c, i) => new[]
        {
            Index(i), PeriodLabels.Health(c.Health), Int(c.Count), Share(c.Count, report.TaskTotal), Int(c.KeyCount),
        }).ToList();
        rows.Add(["", "Tổng số", Int(report.TaskTotal), report.TaskTotal == 0 ? "—" : "100%", Int(report.KeyTaskTotal)]);
        body.Append(Table([700, 3800, 1500, 1500, TextWidth - 7500],
            ["STT", "Tình trạng", "Số nhiệm vụ", "Tỷ lệ", "Trong đó nhiệm vụ trọng tâm"], rows,
            [Center, Left, Center, Center, Center], boldLastRow: true));

        body.Append(Title("2. Kết quả thực hiện trong kỳ theo từng nội dung", level: 2));
        if (report.Sections.Count == 0)
            body.Append(Text("Trong kỳ chưa có báo cáo kết quả thực hiện nhiệm vụ nào của các cơ quan, đơn vị được gửi đến Cơ quan thường trực."));
        IReadOnlyList<string> previous = [], previousDetail = [];
        // The plan's own headings, each printed once: a parent heading only when it changes.
        static IReadOnlyList<string> Headings(Action<Paragraph> add, IReadOnlyList<string> previous, IReadOnlyList<string> path)
        {
            var same = 0;
            while (same < previous.Count && same < path.Count && previous[same] == path[same]) same++;
            for (var level = same; level < path.Count; level++) add(Title(path[level], level: level == 0 ? 3 : 4));
            return path;
        }
        foreach (var section in report.Sections)
        {
            // (A lambda: the method group would bind Append(IEnumerable<OpenXmlElement>) and add the paragraph's children.)
            previous = Headings(p => body.Append(p), previous, section.Path);
            // The body names what was done, could not be done or has a reason given; what is simply in progress is in the appendix.
            var news = section.Tasks.Where(Newsworthy).ToList();
            var going = section.Tasks.Count - news.Count;
            body.Append(Text($"Các đơn vị báo cáo {section.Tasks.Count}/{section.TaskCount} nhiệm vụ của nội dung này; "
                + (section.Done == 0 ? "chưa có nhiệm vụ nào báo cáo hoàn thành trong kỳ" : $"{section.Done} nhiệm vụ báo cáo hoàn thành trong kỳ")
                + (going == 0 ? "." : $"; {going} nhiệm vụ đang thực hiện (chi tiết tại Phụ lục).")));
            foreach (var task in news) body.Append(TaskText(task));
            if (going == 0) continue;
            previousDetail = Headings(detail.Add, previousDetail, section.Path);
            detail.AddRange(section.Tasks.Except(news).Select(TaskText));
        }

        body.Append(Title("3. Nhiệm vụ trọng tâm", level: 2));
        body.Append(Text(report.KeyTaskShare is { } share
            ? $"Kế hoạch xác định {report.KeyTaskTotal} nhiệm vụ trọng tâm; có {report.KeyTasksOnSchedule} nhiệm vụ đúng tiến độ, đạt {PeriodLabels.Percent(share)} "
                + $"(chỉ tiêu: tối thiểu {Measure.Number(MonthlyReport.KeyTaskTarget)}% nhiệm vụ trọng tâm đúng tiến độ) — "
                + (share >= MonthlyReport.KeyTaskTarget ? "đạt chỉ tiêu." : "chưa đạt chỉ tiêu.")
            : $"Kế hoạch chưa xác định nhiệm vụ trọng tâm nên chưa tính được tỷ lệ nhiệm vụ trọng tâm đúng tiến độ (chỉ tiêu: tối thiểu {Measure.Number(MonthlyReport.KeyTaskTarget)}%)."));
    }

    /// <summary>A task the committee should read about: done in the period, reported done or impossible, or with a reason given.</summary>
    private static bool Newsworthy(TaskResult task) => task.DoneInPeriod
        || task.Lines.Any(l => l.Status is ReportedTaskStatuses.Done or ReportedTaskStatuses.CannotDo || !string.IsNullOrWhiteSpace(l.Reason));

    /// <summary>A paragraph a task: the start of its name (the appendix's list names it in full), then what each unit reported.</summary>
    private static Paragraph TaskText(TaskResult task)
    {
        var name = (task.Code is null ? "" : task.Code + ". ") + Short(task.Name);
        var lead = task.Lines.Any(l => l.Lead) ? "" : $" (chủ trì: {task.Lead})";
        return Text($"- {name}{lead}: {string.Join("; ", task.Lines.Select(LineText))}.");
    }

    private static void Indicators(Body body, MonthlyReport report, bool appendix)
    {
        body.Append(Title("III. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"));
        if (report.Indicators.Count == 0)
        {
            body.Append(Text("Kế hoạch không có chỉ tiêu định lượng."));
            return;
        }
        var reported = report.Indicators.Count(i => i.Reported);
        var judged = report.Indicators.Where(i => i.Met is not null).ToList();
        body.Append(Text($"Kế hoạch có {report.Indicators.Count} chỉ tiêu; trong kỳ có {reported} chỉ tiêu được các đơn vị báo cáo số liệu"
            + (judged.Count == 0 ? "." : $"; trong số {judged.Count} chỉ tiêu đánh giá được trong kỳ, {judged.Count(i => i.Met == true)} chỉ tiêu đạt mục tiêu.")));
        // Indicators no unit follows have nothing to report: a sentence here, their list in the appendix (when there is one).
        var followed = report.Indicators.Where(i => !appendix || !Unassigned(i)).ToList();
        var unassigned = report.Indicators.Count - followed.Count;
        if (unassigned > 0)
            body.Append(Text($"Còn {unassigned} chỉ tiêu chưa giao đơn vị theo dõi nên chưa có số liệu (danh mục tại Phụ lục)."));
        if (followed.Count == 0) return;
        body.Append(Table([700, 3400, 1400, 1600, 1400, TextWidth - 8500],
            ["STT", "Chỉ tiêu", "Mục tiêu", report.Kind is PeriodKinds.Annual or PeriodKinds.Quarterly ? "Kết quả (số liệu mới nhất)" : "Kết quả trong kỳ", "Đơn vị báo cáo", "Đánh giá"],
            followed.Select((i, n) => new[]
            {
                Index(n), Sentence(i.Name), Sentence(i.Target), i.Result + (i.Reported && !i.Verified ? "\n(chưa xác minh)" : ""), i.Unit ?? "",
                i.Met switch { true => "Đạt", false => "Chưa đạt", null => "" },
            }),
            [Center, Left, Center, Center, Left, Center]));
    }

    private static void Problems(Body body, MonthlyReport report)
    {
        body.Append(Title("IV. TỒN TẠI, HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC"));
        Paragraphs(body, report, ReportCompositions.Assessment, AssessmentText(report));
        if (report.Kind == PeriodKinds.Annual)
        {
            Unfinished(body, report);
        }
        else
        {
            Troubled(body, report);
        }
        var r = report.Rate;
        if (r.Missing > 0 || r.Late > 0)
            body.Append(Text($"Về chế độ báo cáo: còn {r.Missing} cơ quan, đơn vị chưa gửi báo cáo và {r.Late} báo cáo gửi trễ hạn."));

        body.Append(Title("2. Khó khăn, vướng mắc các đơn vị báo cáo", level: 2));
        Notes(body, report.Difficulties, "Các cơ quan, đơn vị không báo cáo khó khăn, vướng mắc trong kỳ.");
    }

    /// <summary>
    /// The year's tasks not done, with the cause the units gave and what became of them (carried into next year's plan,
    /// or still to be decided): what the committee accounts for in its annual report.
    /// </summary>
    private static void Unfinished(Body body, MonthlyReport report)
    {
        body.Append(Title("1. Nhiệm vụ chưa hoàn thành và nguyên nhân", level: 2));
        if (report.Unfinished.Count == 0)
        {
            body.Append(Text($"Tính đến ngày {DayText.Show(report.AsOf)}, không có nhiệm vụ quá hạn, có nguy cơ chậm tiến độ hoặc không thể thực hiện."));
            return;
        }
        var carried = report.Unfinished.Count(u => u.CarriedTo is not null);
        var overdue = report.Unfinished.Count(u => u.Task.Health == TaskHealth.Overdue);
        body.Append(Text($"Tính đến ngày {DayText.Show(report.AsOf)}, có {report.Unfinished.Count} nhiệm vụ chưa hoàn thành theo yêu cầu "
            + $"(trong đó {overdue} nhiệm vụ quá hạn)"
            + (carried == 0 ? ":" : $"; {carried} nhiệm vụ đã chuyển tiếp sang kế hoạch năm sau:")));
        body.Append(Table([700, 2700, 1400, 1450, 1100, TextWidth - 7350],
            ["STT", "Nhiệm vụ", "Thời hạn", "Đơn vị chủ trì", "Tình trạng", "Nguyên nhân, hướng xử lý"],
            report.Unfinished.Select((u, i) => new[]
            {
                Index(i), (u.Task.Code is null ? "" : u.Task.Code + ". ") + Sentence(Short(u.Task.Name)),
                u.Task.Due is { } due ? DayText.Show(due) : u.Task.DeadlineRaw ?? "", u.Task.Lead, PeriodLabels.Health(u.Task.Health),
                string.Join("\n", new[]
                {
                    u.Cause is { } cause ? Sentence(cause).TrimEnd('.', ';', ' ') + "." : "Đơn vị chưa báo cáo nguyên nhân.",
                    u.CarriedTo is { } year ? $"Chuyển tiếp sang năm {year.ToString(CultureInfo.InvariantCulture)}." : "",
                }.Where(x => x.Length > 0)),
            }),
            [Center, Left, Center, Left, Center, Left]));
    }

    private static void Troubled(Body body, MonthlyReport report)
    {
        body.Append(Title("1. Nhiệm vụ quá hạn, có nguy cơ chậm tiến độ", level: 2));
        var overdue = report.Troubled.Count(t => t.Health == TaskHealth.Overdue);
        if (report.Troubled.Count == 0)
        {
            body.Append(Text($"Tính đến ngày {DayText.Show(report.AsOf)}, không có nhiệm vụ quá hạn hoặc có nguy cơ chậm tiến độ."));
        }
        else
        {
            body.Append(Text($"Tính đến ngày {DayText.Show(report.AsOf)}, có {overdue} nhiệm vụ quá hạn và {report.Troubled.Count - overdue} nhiệm vụ có nguy cơ chậm tiến độ:"));
            body.Append(TaskTable(report.Troubled));
        }
    }

    private static void Requests(Body body, MonthlyReport report)
    {
        body.Append(Title("V. KIẾN NGHỊ, ĐỀ XUẤT"));
        var own = report.Narrative.GetValueOrDefault(ReportCompositions.Requests);
        Notes(body, report.Requests, string.IsNullOrWhiteSpace(own) ? "Các cơ quan, đơn vị không có kiến nghị, đề xuất trong kỳ." : null);
        Paragraphs(body, report, ReportCompositions.Requests, "");
    }

    private static void Next(Body body, MonthlyReport report)
    {
        body.Append(Title("VI. NHIỆM VỤ TRỌNG TÂM " + MonthlyReportSettings.Upper(report.NextPhrase)));
        if (report.NextTasks.Count == 0)
        {
            body.Append(Text($"Không có nhiệm vụ nào đến hạn đến ngày {DayText.Show(report.NextUntil)} hoặc đã quá hạn chưa hoàn thành."));
        }
        else
        {
            // The overdue and at-risk tasks are already listed in section IV: named there, not twice.
            var troubled = report.Troubled.ToHashSet();
            var rest = report.NextTasks.Where(t => !troubled.Contains(t)).ToList();
            var listed = report.NextTasks.Count - rest.Count;
            body.Append(Text($"Tập trung chỉ đạo các cơ quan, đơn vị hoàn thành {report.NextTasks.Count} nhiệm vụ đến hạn đến ngày "
                + $"{DayText.Show(report.NextUntil)} và các nhiệm vụ đã quá hạn"
                + (listed == 0 ? ":" : rest.Count == 0
                    ? $", là các nhiệm vụ quá hạn, có nguy cơ chậm tiến độ đã nêu tại mục IV."
                    : $"; trong đó {listed} nhiệm vụ quá hạn, có nguy cơ chậm tiến độ đã nêu tại mục IV và {rest.Count} nhiệm vụ sau:")));
            if (rest.Count > 0) body.Append(TaskTable(rest));
        }
        Paragraphs(body, report, ReportCompositions.Direction, DirectionText);
    }

    private static bool IsDone(TaskHealth h) => h is TaskHealth.DoneOnTime or TaskHealth.DoneLate or TaskHealth.AlreadyDone;

    /// <summary>Results by field: the plan's top-level sections with their tasks done, on track and troubled.</summary>
    private static void Fields(Body body, ReportExtras extras)
    {
        if (extras.Tasks is not { Count: > 0 } tasks) return;
        body.Append(Title("4. Kết quả theo lĩnh vực", level: 2));
        var rows = tasks.GroupBy(t => t.Field).Select((g, i) =>
        {
            var done = g.Count(t => IsDone(t.Health));
            return new[]
            {
                Index(i), Sentence(g.Key), Int(g.Count()), Int(done), Share(done, g.Count()),
                Int(g.Count(t => t.Health is TaskHealth.Overdue or TaskHealth.AtRisk)),
            };
        }).ToList();
        var all = tasks.Count(t => IsDone(t.Health));
        rows.Add(["", "Tổng số", Int(tasks.Count), Int(all), Share(all, tasks.Count), Int(tasks.Count(t => t.Health is TaskHealth.Overdue or TaskHealth.AtRisk))]);
        body.Append(Table([700, 3700, 1100, 1200, 1100, TextWidth - 7800],
            ["STT", "Lĩnh vực", "Số nhiệm vụ", "Đã hoàn thành", "Tỷ lệ", "Quá hạn, nguy cơ chậm"], rows,
            [Center, Left, Center, Center, Center, Center], boldLastRow: true));
    }

    /// <summary>
    /// The appendix on its own page after the signature: every task of the plan by field, with its lead unit,
    /// deadline and status, as the report's figures count them.
    /// </summary>
    private static void Appendix(Body body, MonthlyReport report, MonthlyReportSettings s, ReportExtras extras, List<Paragraph> detail, MainDocumentPart main)
    {
        if (extras.Tasks is not { Count: > 0 } tasks)
        {
            // No appendix: what it would hold stays at the end of the body.
            body.Append(detail);
            Charts(body, extras, main);
            return;
        }
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        body.Append(P("PHỤ LỤC", new Fmt { Bold = true, Align = JustificationValues.Center }));
        body.Append(P("DANH MỤC NHIỆM VỤ VÀ TÌNH TRẠNG THỰC HIỆN", new Fmt { Bold = true, Align = JustificationValues.Center }));
        body.Append(P($"(Kèm theo Báo cáo {LayoutProfiles.NumberLine(s.Kind, s.Number, s.Symbol).Replace("Số: ", "số ", StringComparison.Ordinal).Replace("Số ", "số ", StringComparison.Ordinal)} ngày {DayText.Show(s.Date)})",
            new Fmt { Italic = true, Align = JustificationValues.Center, After = 120 }));
        var rows = new List<string[]>();
        var boldRows = new HashSet<int>();
        var n = 0;
        foreach (var field in tasks.GroupBy(t => t.Field))
        {
            boldRows.Add(rows.Count);
            rows.Add(["", Sentence(field.Key), "", "", ""]);
            foreach (var t in field.Where(t => t.LeadUnitId is not null))
                rows.Add([Int(++n), (t.Code is null ? "" : t.Code + ". ") + Sentence(t.Name), t.Lead, t.Due is { } due ? DayText.Show(due) : "", PeriodLabels.Health(t.Health)]);
            // Tasks no unit leads are nobody's to report on: one line for the section, with their numbers in the plan.
            var unassigned = field.Where(t => t.LeadUnitId is null).ToList();
            if (unassigned.Count > 0)
                rows.Add(["", UnassignedTasks(unassigned), "", "", ""]);
        }
        body.Append(Table([700, 4300, 1900, 1300, TextWidth - 8200],
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tình trạng"], rows,
            [Center, Left, Left, Center, Center], boldRows: boldRows));

        if (detail.Count > 0)
        {
            body.Append(AppendixTitle("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ ĐANG THỰC HIỆN"));
            body.Append(detail);
        }

        var indicators = report.Indicators.Where(Unassigned).ToList();
        if (indicators.Count > 0)
        {
            body.Append(AppendixTitle("CHỈ TIÊU CHƯA GIAO ĐƠN VỊ THEO DÕI"));
            body.Append(Table([700, 6000, TextWidth - 6700],
                ["STT", "Chỉ tiêu", "Mục tiêu"],
                indicators.Select((i, k) => new[] { Index(k), Sentence(i.Name), Sentence(i.Target) }),
                [Center, Left, Center]));
        }

        if (extras.StatusChart is not null || extras.IndicatorChart is not null) body.Append(AppendixTitle("BIỂU ĐỒ"));
        Charts(body, extras, main);
    }

    private static Paragraph AppendixTitle(string text) =>
        P(text, new Fmt { Bold = true, Align = JustificationValues.Center, Before = 240, After = 120, KeepNext = true });

    /// <summary>The dashboard's charts: they draw what the body's tables say, so they follow the appendix's lists.</summary>
    private static void Charts(Body body, ReportExtras extras, MainDocumentPart main)
    {
        if (extras.StatusChart is { } status) body.Append(Picture(main, status, "Nhiệm vụ theo tình trạng"));
        if (extras.IndicatorChart is { } bars) body.Append(Picture(main, bars, "Chỉ tiêu so với mục tiêu"));
    }

    /// <summary>"7 nhiệm vụ chưa giao đơn vị theo dõi (1.2, 1.5, 2.3 và 2 nhiệm vụ không đánh số)".</summary>
    public static string UnassignedTasks(IReadOnlyCollection<Figures.TaskFigure> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var codes = tasks.Where(t => t.Code is not null).Select(t => t.Code!).ToList();
        var uncoded = tasks.Count - codes.Count;
        var which = codes.Count == 0 ? "" : " (" + string.Join(", ", codes) + (uncoded == 0 ? "" : $" và {uncoded} nhiệm vụ không đánh số") + ")";
        return $"{tasks.Count} nhiệm vụ chưa giao đơn vị theo dõi{which}";
    }

    private static bool Unassigned(IndicatorResult indicator) => !indicator.Reported && indicator.Result == MonthlyReportQuery.UnassignedIndicator;

    /// <summary>Words of a task's name the body's lists print; the appendix names every task in full.</summary>
    private const int ShortWords = 12;

    /// <summary>A task's name for the body's lists: its first <see cref="ShortWords"/> words, then "…".</summary>
    private static string Short(string name)
    {
        var text = name.Trim().TrimEnd('.', ';', ' ');
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= ShortWords ? text : string.Join(' ', words.Take(ShortWords)).TrimEnd(',', ';', ':', '.', '-', ' ') + "…";
    }

    private static void Closing(Body body, MonthlyReport report, MonthlyReportSettings s)
    {
        body.Append(Text($"Trên đây là báo cáo kết quả thực hiện {report.ProgrammeWithin} của {report.IssuerPhrase}./.", keepNext: true));
        body.Append(LayoutBlocks.Closing(s));
    }

    // ---- Texts ---------------------------------------------------------------------------------------

    private static string LineText(LineResult line)
    {
        var work = string.IsNullOrWhiteSpace(line.WorkDone) ? "không ghi nội dung" : Sentence(line.WorkDone).TrimEnd('.', ';', ' ');
        var status = line.Status is null ? null : CrossCheckLabels.TaskStatus(line.Status).ToLower(Vietnamese);
        var details = new List<string>();
        if (status is not null) details.Add(status);
        if (line.Percent is { } p && line.Status != ReportedTaskStatuses.Done) details.Add($"đạt {p}%");
        if (line.CompletedOn is { } on) details.Add("ngày hoàn thành " + DayText.Show(on));
        if (!string.IsNullOrWhiteSpace(line.Reason)) details.Add("lý do: " + line.Reason.TrimEnd('.', ' '));
        return $"{line.Unit}{(line.Lead ? "" : " (phối hợp)")}: {work}"
            + (details.Count > 0 ? " (" + string.Join("; ", details) + ")" : "")
            + (line.Verified ? "" : " (chưa xác minh)");
    }

    private static void Notes(Body body, IReadOnlyList<UnitNotes> notes, string? none)
    {
        if (notes.Count == 0)
        {
            if (none is not null) body.Append(Text(none));
            return;
        }
        foreach (var unit in notes)
            body.Append(Text($"- {unit.Unit}: {string.Join("; ", unit.Notes.Select(n => Sentence(n).TrimEnd('.', ';', ' ')))}{(unit.Verified ? "." : " (chưa xác minh).")}"));
    }

    private static Table TaskTable(IReadOnlyList<TaskRef> tasks) => Table([700, 4300, 1300, 1900, TextWidth - 8200],
        ["STT", "Nhiệm vụ", "Thời hạn", "Đơn vị chủ trì", "Tình trạng"],
        tasks.Select((t, i) => new[]
        {
            Index(i), (t.Code is null ? "" : t.Code + ". ") + Sentence(Short(t.Name)), t.Due is { } due ? DayText.Show(due) : t.DeadlineRaw ?? "",
            t.Lead, PeriodLabels.Health(t.Health),
        }),
        [Center, Left, Center, Left, Center]);

    private static string SubmissionState(string state) => state switch
    {
        ReportStates.Draft => "Chưa gửi",
        ReportStates.AwaitingApproval => "Chờ trưởng đơn vị duyệt",
        _ => PeriodLabels.Report(state),
    };

    /// <summary>A text as a sentence: its first letter in capitals ("nhiệm vụ …" → "Nhiệm vụ …").</summary>
    private static string Sentence(string text)
    {
        var t = text.Trim();
        return t.Length == 0 ? t : char.ToUpper(t[0], Vietnamese) + t[1..];
    }

    private static string Index(int i) => (i + 1).ToString(CultureInfo.InvariantCulture);

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Share(int count, int total) => total == 0 ? "—" : PeriodLabels.Percent(Math.Round(count * 100m / total, 1));

    // ---- The report's paragraph kinds (the general WordprocessingML pieces are RoViec.Documents.Word) ----------------

    private static readonly JustificationValues Center = JustificationValues.Center;
    private static readonly JustificationValues Left = JustificationValues.Left;

    private static Paragraph P(string text, Fmt f) => WordParts.Paragraph(text, f);

    private static Paragraph ShortLine(int width, int length) => WordParts.ShortLine(width, length);

    private static Table Borderless(int[] widths, IReadOnlyList<IReadOnlyList<Paragraph>> cells, bool cantSplit = false) =>
        WordParts.Borderless(widths, cells, cantSplit);

    /// <summary>A body paragraph: justified, 1 cm first-line indent, 6 pt before.</summary>
    private static Paragraph Text(string text, int before = 120, bool keepNext = false) =>
        P(text, new Fmt { Align = JustificationValues.Both, FirstLine = FirstLineIndent, Before = before, KeepNext = keepNext });

    /// <summary>A heading, kept with what follows: "I. …" bold capitals, "1. …" bold, the plan's headings bold italic, then italic.</summary>
    private static Paragraph Title(string text, int level = 1) =>
        P(text, new Fmt { Bold = level <= 3, Italic = level >= 3, Align = JustificationValues.Both, FirstLine = FirstLineIndent, Before = level == 1 ? 240 : 120, KeepNext = true });

    /// <summary>A bordered table in the report's table type (12 pt).</summary>
    private static Table Table(int[] widths, string[] headers, IEnumerable<string[]> rows, JustificationValues[] align, bool boldLastRow = false, HashSet<int>? boldRows = null) =>
        WordParts.Bordered(widths, headers, rows, align, TableSize, boldLastRow, boldRows);
}
