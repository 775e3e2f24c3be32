using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Tests;

/// <summary>
/// December of the demo plan opened and reported on, put straight into the database: the police verified on
/// time with one task done, an indicator as a ratio, a difficulty and a request; another unit submitted late
/// (not verified); a third unit's report returned and a fourth still a draft, whose texts must not reach the
/// report; every other unit has not reported.
/// </summary>
public static class MonthlyReportArrange
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public const string DoneWork = "Hoàn thành lắp đặt camera giám sát an ninh tại 12 thôn";
    public const string PoliceWork = "Đang rà soát dữ liệu dân cư của 4 thôn";
    public const string LateWork = "Tổ chức 3 buổi tuyên truyền về chuyển đổi số";
    public const string PoliceDifficulty = "Thiếu kinh phí mua thiết bị";
    public const string PoliceRequest = "Đề nghị UBND xã bổ sung kinh phí cho camera";
    public const string LateDifficulty = "Nhân lực làm công tác chuyển đổi số còn thiếu";
    public const string ReturnedText = "NỘI DUNG BÁO CÁO BỊ TRẢ LẠI";
    public const string DraftText = "NỘI DUNG BÁO CÁO NHÁP";

    /// <summary>The arranged December: the period, the police's done task, the indicator it reported, and each unit's report.</summary>
    public sealed record December(Guid PeriodId, Guid PlanId, Guid DoneTaskId, Guid IndicatorId, Guid Police, Guid Late, Guid Returned, Guid Draft,
        IReadOnlyDictionary<Guid, string> UnitNames);

    public static async Task<December> ReportedDecemberAsync(this RoViecApp app)
    {
        var (periodId, _, reports) = await app.OpenMonthAsync(12);
        var police = await app.UnitIdAsync("cong-an");
        var names = await app.WithDbAsync(db => db.Units.ToDictionaryAsync(u => u.Id, u => u.Name, Ct));
        var others = reports.Values.Where(u => u != police).OrderBy(u => names[u], StringComparer.Ordinal).ToList();
        Assert.True(others.Count >= 4, "December needs at least five units with work");
        var (late, returned, draft) = (others[0], others[1], others[2]);
        var reportOf = reports.ToDictionary(r => r.Value, r => r.Key);

        var (done, indicator) = await app.WithDbAsync(async db =>
        {
            var items = await db.ReportItems.Where(i => i.ReportId == reportOf[police]).OrderBy(i => i.Order).ToListAsync(Ct);
            var tasks = items.Where(i => i.Kind == ReportItemKinds.Task).ToList();
            var indicatorLine = items.First(i => i.Kind == ReportItemKinds.Indicator);
            tasks[0].TaskStatus = ReportedTaskStatuses.Done;
            tasks[0].Percent = 100;
            tasks[0].CompletedOn = new DateOnly(2026, 12, 14);
            tasks[0].WorkDone = DoneWork;
            tasks[0].Difficulties = PoliceDifficulty;
            tasks[0].Requests = PoliceRequest;
            foreach (var line in tasks.Skip(1))
            {
                line.TaskStatus = ReportedTaskStatuses.InProgress;
                line.Percent = 60;
                line.WorkDone = PoliceWork;
            }
            indicatorLine.Numerator = 45;
            indicatorLine.Denominator = 50;
            await SubmitAsync(db, reportOf[police], ReportStates.Verified, new DateOnly(2026, 12, 15));
            await FillAsync(db, reportOf[late], LateWork, LateDifficulty);
            await SubmitAsync(db, reportOf[late], ReportStates.Submitted, new DateOnly(2026, 12, 21));
            await FillAsync(db, reportOf[returned], ReturnedText, ReturnedText);
            await SubmitAsync(db, reportOf[returned], ReportStates.Returned, new DateOnly(2026, 12, 18));
            await FillAsync(db, reportOf[draft], DraftText, DraftText);
            await db.SaveChangesAsync(Ct);
            return (tasks[0].TaskId!.Value, indicatorLine.IndicatorId!.Value);
        });
        var planId = await app.WithDbAsync(db => db.Periods.Where(p => p.Id == periodId).Select(p => p.PlanId).SingleAsync(Ct));
        return new December(periodId, planId, done, indicator, police, late, returned, draft,
            reports.Values.ToDictionary(u => u, u => names[u]));
    }

    private static async Task FillAsync(RoViec.Data.RoViecDbContext db, Guid reportId, string work, string difficulty)
    {
        var items = await db.ReportItems.Where(i => i.ReportId == reportId && i.Kind == ReportItemKinds.Task).ToListAsync(Ct);
        foreach (var item in items)
        {
            item.TaskStatus = ReportedTaskStatuses.InProgress;
            item.Percent = 30;
            item.WorkDone = work;
            item.Difficulties = difficulty;
        }
    }

    /// <summary>Moves the report to <paramref name="state"/>, first submitted at 10:00 Vietnam time on <paramref name="day"/>.</summary>
    private static async Task SubmitAsync(RoViec.Data.RoViecDbContext db, Guid reportId, string state, DateOnly day)
    {
        var report = await db.Reports.SingleAsync(r => r.Id == reportId, Ct);
        var at = day.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
        report.State = state;
        report.FirstSubmittedAtUtc = report.SubmittedAtUtc = at;
        if (state == ReportStates.Verified) report.VerifiedAtUtc = at.AddHours(2);
        if (state == ReportStates.Returned) (report.ReturnedAtUtc, report.ReturnComment) = (at.AddHours(2), "Bổ sung minh chứng");
        report.Version = Guid.NewGuid();
    }

    /// <summary>The paragraphs' texts of the document's body, outside tables, in order.</summary>
    public static List<Paragraph> BodyParagraphs(WordprocessingDocument doc) =>
        [.. doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()];

    /// <summary>Rows of a table as cell texts.</summary>
    public static List<string[]> Rows(Table table) =>
        [.. table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(CellText).ToArray())];

    /// <summary>The borderless table of "Nơi nhận" and the signature (the appendix follows it).</summary>
    public static Table SignatureTable(Body body) =>
        body.Elements<Table>().Last(t => t.Descendants<TableCell>().FirstOrDefault()?.Elements<Paragraph>().Select(ParagraphText).FirstOrDefault() == "Nơi nhận:");

    public static string CellText(TableCell cell) => string.Join("\n", cell.Elements<Paragraph>().Select(ParagraphText));

    /// <summary>A paragraph's text with its line breaks as "\n".</summary>
    public static string ParagraphText(Paragraph p) =>
        string.Concat(p.Descendants().Select(e => e switch { Text t => t.Text, Break => "\n", _ => "" }));

    /// <summary>The day figures are derived for in these tests: the compile day of December.</summary>
    public static readonly DateOnly ReportDay = new(2026, 12, 22);

    /// <summary>The derived status of every task on the report's day, as the overview derives it.</summary>
    public static Task<IReadOnlyDictionary<Guid, Domain.Reporting.TaskHealth>> HealthAsync(this RoViecApp app, Guid planId) =>
        app.WithDbAsync(db => PlanHealth.ComputeAsync(db, planId, ReportDay, Ct));
}
