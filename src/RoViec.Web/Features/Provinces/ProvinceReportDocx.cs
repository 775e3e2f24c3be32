using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using RoViec.Data.Entities;
using RoViec.Documents.Word;
using RoViec.Web.Features.OfficialReports;
using RoViec.Web.Features.Periods;

using Fmt = RoViec.Documents.Word.ParagraphFormat;

namespace RoViec.Web.Features.Provinces;

/// <summary>
/// The province's monthly report (<see cref="ProvinceMonthlyReport"/>) as a Word document, in the layout the province office
/// chooses on the download form (<see cref="MonthlyReportSettings"/>: the administrative layout or the Party's, as the
/// commune's report): the header table, the title, the communes' reporting, the results summed over the accepted months,
/// the common indicators rolled up, the tasks pushed down by status, the communes needing attention, the ranking, and the
/// closing with "Nơi nhận" and the signature block.
/// </summary>
public static class ProvinceReportDocx
{
    private static readonly PageSetup Page = PageSetup.A4Vietnamese;
    private static readonly int TextWidth = Page.TextWidth;
    private const int TableSize = 24;
    private const int FirstLineIndent = 567;
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string FileName(int year, int month) => $"bao-cao-tinh-{year}-{month:00}.docx";

    /// <summary>The defaults of the province office's form: the administrative layout of the province's steering committee, dated today.</summary>
    public static MonthlyReportSettings Defaults(string province, DateOnly today) => new()
    {
        Kind = LayoutKinds.State,
        UpperBody = MonthlyReportSettings.Upper("Ủy ban nhân dân tỉnh " + province),
        Body = "BAN CHỈ ĐẠO",
        Symbol = MonthlyReportSettings.DefaultSymbol,
        Date = today,
        Authority = MonthlyReportSettings.DefaultAuthority,
        SignerTitle = MonthlyReportSettings.DefaultSignerTitle,
        Recipients =
        [
            "Thường trực Tỉnh ủy, UBND tỉnh (để báo cáo);",
            "Các thành viên Ban Chỉ đạo;",
            "UBND các xã, phường, đặc khu;",
            "Lưu: VT.",
        ],
    };

    public static byte[] Write(ProvinceMonthlyReport report, MonthlyReportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        var subject = $"Tổng hợp kết quả thực hiện {report.MonthLabel} của các xã, phường, đặc khu tỉnh {report.Province}";
        return WordDocuments.Create(Page, new DocumentInfo(subject, settings.Body), (_, body) =>
        {
            Heading(body, report, settings, subject);
            Reporting(body, report);
            Results(body, report);
            Indicators(body, report);
            Pushed(body, report);
            NeedAttention(body, report);
            Ranking(body, report);
            Closing(body, report, settings);
        });
    }

    private static void Heading(Body body, ProvinceMonthlyReport report, MonthlyReportSettings s, string subject)
    {
        var party = s.Kind == LayoutKinds.Party;
        body.Append(LayoutBlocks.Header(s, report.Province));
        body.Append(P("BÁO CÁO", new Fmt { Size = party ? 32 : Page.BodySize, Bold = true, Align = JustificationValues.Center, Before = 480 }));
        body.Append(P(subject, new Fmt { Bold = true, Align = JustificationValues.Center }));
        body.Append(party ? P("-----", new Fmt { Align = JustificationValues.Center }) : WordParts.ShortLine(TextWidth, 2000));
        var asOf = report.AsOf is { } day ? $" (số liệu tính đến ngày {DayText.Show(day)})" : "";
        body.Append(Text($"Trên cơ sở số liệu báo cáo {report.MonthLabel} của các xã, phường, đặc khu đã được tỉnh tiếp nhận{asOf}, "
            + "kết quả thực hiện được tổng hợp như sau:", before: 240));
    }

    private static void Reporting(Body body, ProvinceMonthlyReport r)
    {
        body.Append(Title("I. TÌNH HÌNH BÁO CÁO CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU"));
        body.Append(Text($"Toàn tỉnh có {Int(r.Communes)} xã, phường, đặc khu; {Int(r.WithFigures)} có số liệu {r.MonthLabel}, "
            + $"{Int(r.Accepted)} đã được tỉnh tiếp nhận số liệu ({Share(r.Accepted, r.Communes)}). Các số liệu tổng hợp dưới đây chỉ tính các xã, phường đã được tiếp nhận."));
        if (r.LeftOut.Count == 0) body.Append(Text("Tất cả các xã, phường, đặc khu đã được tỉnh tiếp nhận số liệu tháng."));
        else
        {
            body.Append(Text($"Có {Int(r.LeftOut.Count)} xã, phường, đặc khu chưa được tính vào báo cáo (không tính là 0):", keepNext: true));
            body.Append(Table([700, 4000, TextWidth - 4700], ["STT", "Xã, phường, đặc khu", "Tình trạng số liệu"],
                r.LeftOut.Select((x, i) => new[] { Index(i), x.Commune, x.Why }), [Center, Left, Left]));
        }
        var t = r.Totals;
        if (t.ReportsExpected > 0)
            body.Append(Text($"Tại các xã, phường đã được tiếp nhận, các cơ quan, đơn vị đã gửi {Int(t.ReportsReceived)}/{Int(t.ReportsExpected)} báo cáo "
                + $"({Percent(t.ReportRate)}); {Int(t.ReportsOnTime)}/{Int(t.ReportsDue)} báo cáo đến hạn được gửi đúng hạn ({Percent(t.OnTimeRate)})."));
    }

    private static void Results(Body body, ProvinceMonthlyReport r)
    {
        var t = r.Totals;
        body.Append(Title("II. KẾT QUẢ THỰC HIỆN"));
        body.Append(Title("1. Nhiệm vụ trọng tâm và chỉ tiêu của các xã, phường", 2));
        body.Append(Text(t.KeyTasks == 0
            ? "Các xã, phường đã được tiếp nhận chưa có nhiệm vụ trọng tâm đến kỳ đánh giá."
            : $"{Int(t.KeyTasksOnSchedule)}/{Int(t.KeyTasks)} nhiệm vụ trọng tâm đúng tiến độ ({Percent(t.KeyTaskShare)}; chỉ tiêu tối thiểu 90%)."));
        if (t.IndicatorsJudged > 0)
            body.Append(Text($"{Int(t.IndicatorsMet)}/{Int(t.IndicatorsJudged)} chỉ tiêu đánh giá được đã đạt mục tiêu ({Percent(t.IndicatorShare)})."));
        if (t.BudgetAllocated > 0)
            body.Append(Text($"Kinh phí đã giải ngân {Money(t.BudgetDisbursed)}/{Money(t.BudgetAllocated)} đồng ({Percent(t.BudgetShare)})."));
    }

    private static void Indicators(Body body, ProvinceMonthlyReport r)
    {
        body.Append(Title("2. Chỉ tiêu chung của tỉnh", 2));
        if (r.Indicators.Count == 0)
        {
            body.Append(Text("Tỉnh chưa giao chỉ tiêu chung nào."));
            return;
        }
        body.Append(Table([700, 2900, 1200, 1400, 1200, TextWidth - 7400], ["STT", "Chỉ tiêu", "Mục tiêu", "Kết quả toàn tỉnh", "Số xã được tính", "Xã chưa có số liệu được tiếp nhận"],
            r.Indicators.Select((x, i) => new[]
            {
                Index(i), $"{x.Indicator.Name} ({x.Indicator.Unit}); {ProvinceLabels.Aggregation(x.Indicator.Aggregation).ToLower(Vietnamese)}",
                x.Indicator.TargetRaw ?? "", x.Value is { } v ? Number(v) + (x.Indicator.Aggregation == Aggregations.Ratio ? "%" : "") : "Chưa có",
                Int(x.Counted.Count), x.Missing.Count == 0 ? "—" : string.Join("; ", x.Missing.Select(m => $"{m.Commune} ({m.Why})")),
            }), [Center, Left, Center, Center, Center, Left]));
    }

    private static void Pushed(Body body, ProvinceMonthlyReport r)
    {
        body.Append(Title("3. Nhiệm vụ tỉnh giao cho các xã, phường", 2));
        if (r.Tasks.Count == 0)
        {
            body.Append(Text("Tỉnh chưa giao nhiệm vụ nào qua hệ thống."));
            return;
        }
        body.Append(Table([700, 2600, 1300, 1000, 900, 900, TextWidth - 7400],
            ["STT", "Nhiệm vụ", "Thời hạn", "Đã đưa vào kế hoạch", "Không thực hiện", "Chờ tiếp nhận", "Tình trạng tại các xã đã đưa vào kế hoạch"],
            r.Tasks.Select((x, i) => new[]
            {
                Index(i), (x.Task.Code is { Length: > 0 } c ? c + ". " : "") + x.Task.Name, x.Task.DeadlineRaw ?? "",
                Int(x.Counts.Accepted), Int(x.Counts.Declined), Int(x.Counts.Pending), StatusText(x),
            }), [Center, Left, Center, Center, Center, Center, Left]));
    }

    private static string StatusText(PushedTaskLine x)
    {
        var parts = new List<string>();
        if (x.Done > 0) parts.Add($"{x.Done} hoàn thành");
        if (x.InProgress > 0) parts.Add($"{x.InProgress} đang thực hiện");
        if (x.AtRisk > 0) parts.Add($"{x.AtRisk} có nguy cơ chậm");
        if (x.Overdue > 0) parts.Add($"{x.Overdue} quá hạn");
        if (x.Stopped > 0) parts.Add($"{x.Stopped} không thể thực hiện hoặc đã dừng");
        if (x.NotYetDerived > 0) parts.Add($"{x.NotYetDerived} chưa có đánh giá");
        return parts.Count == 0 ? "—" : string.Join("; ", parts);
    }

    private static void NeedAttention(Body body, ProvinceMonthlyReport r)
    {
        body.Append(Title("III. XÃ, PHƯỜNG, ĐẶC KHU CẦN QUAN TÂM"));
        if (r.Attention.Count == 0)
        {
            body.Append(Text("Không có xã, phường nào đã được tiếp nhận có nhiệm vụ quá hạn hoặc tỷ lệ nhiệm vụ trọng tâm đúng tiến độ dưới 90%."));
            return;
        }
        foreach (var a in r.Attention)
        {
            var why = new List<string>();
            if (a.Overdue > 0) why.Add($"{a.Overdue} nhiệm vụ quá hạn");
            if (a.KeyTaskShare is { } k && k < 90) why.Add($"nhiệm vụ trọng tâm đúng tiến độ {Percent(k)}, dưới mức 90%");
            body.Append(Text($"- {a.Commune}: {string.Join("; ", why)}."));
        }
    }

    private static void Ranking(Body body, ProvinceMonthlyReport r)
    {
        body.Append(Title("IV. XẾP HẠNG CÁC XÃ, PHƯỜNG, ĐẶC KHU"));
        if (r.Ranking.Count == 0)
        {
            body.Append(Text("Chưa có xã, phường nào đã được tiếp nhận có điểm đánh giá trong tháng."));
            return;
        }
        body.Append(Text("Xếp theo điểm đánh giá của tháng, trong các xã, phường đã được tỉnh tiếp nhận số liệu:", keepNext: true));
        body.Append(Table([800, 3000, 1000, 1100, 1300, TextWidth - 7200], ["Hạng", "Xã, phường, đặc khu", "Loại", "Điểm", "Xếp loại", "Trọng tâm đúng tiến độ"],
            r.Ranking.Select(x => new[]
            {
                Int(x.Rank), x.Commune, ProvinceLabels.Kind(x.Kind), Number(x.Score), x.Band ?? "—", Percent(x.KeyTaskShare),
            }), [Center, Left, Center, Center, Center, Center]));
    }

    private static void Closing(Body body, ProvinceMonthlyReport r, MonthlyReportSettings s)
    {
        body.Append(Text($"Trên đây là báo cáo tổng hợp kết quả thực hiện {r.MonthLabel} của các xã, phường, đặc khu tỉnh {r.Province}./.", keepNext: true));
        body.Append(LayoutBlocks.Closing(s));
    }

    private static readonly JustificationValues Center = JustificationValues.Center;
    private static readonly JustificationValues Left = JustificationValues.Left;

    private static Paragraph P(string text, Fmt f) => WordParts.Paragraph(text, f);

    private static Paragraph Text(string text, int before = 120, bool keepNext = false) =>
        P(text, new Fmt { Align = JustificationValues.Both, FirstLine = FirstLineIndent, Before = before, KeepNext = keepNext });

    private static Paragraph Title(string text, int level = 1) =>
        P(text, new Fmt { Bold = true, Align = JustificationValues.Both, FirstLine = FirstLineIndent, Before = level == 1 ? 240 : 120, KeepNext = true });

    private static Table Table(int[] widths, string[] headers, IEnumerable<string[]> rows, JustificationValues[] align) =>
        WordParts.Bordered(widths, headers, rows, align, TableSize, false, null);

    private static string Index(int i) => (i + 1).ToString(CultureInfo.InvariantCulture);

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal n) => n.ToString("#,0.##", Vietnamese);

    private static string Money(decimal n) => n.ToString("#,0", Vietnamese);

    private static string Percent(decimal? share) => share is { } v ? PeriodLabels.Percent(v) : "—";

    private static string Share(int count, int total) => total == 0 ? "—" : PeriodLabels.Percent(Math.Round(count * 100m / total, 1));
}
