using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Tests;

/// <summary>
/// Reporting periods and unit reports for the report tests: a period of the demo plan with its days set
/// around today (so the tests do not age), opened by the real <see cref="OpenPeriod"/>; and the report
/// form posted back as a browser would.
/// </summary>
public static partial class ReportsArrange
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Opens a monthly period of the demo plan due in <paramref name="dueInDays"/> days (compiled two days later)
    /// and returns its id. The police unit is first given a counted indicator, so its report has a task line,
    /// a ratio indicator ("%") and a counted one.
    /// </summary>
    public static Task<Guid> OpenPeriodAsync(this RoViecApp app, int dueInDays = 5, bool requireHeadApproval = false, string? label = null) =>
        app.WithDbAsync(db => OpenPeriodAsync(db, app.Clock, dueInDays, requireHeadApproval, label));

    /// <inheritdoc cref="OpenPeriodAsync(RoViecApp, int, bool, string?)"/>
    public static async Task<Guid> OpenPeriodAsync(RoViecDbContext db, TimeProvider clock, int dueInDays = 5, bool requireHeadApproval = false, string? label = null)
    {
        var plan = await db.Plans.Where(p => p.Status == PlanStatuses.Active).SingleAsync(Ct);
        var police = await db.Units.Where(u => u.Key == "cong-an").Select(u => u.Id).SingleAsync(Ct);
        if (!await db.Indicators.AnyAsync(i => i.OwnerUnitId == police && i.TargetUnit != "%", Ct))
        {
            var counted = await db.Indicators.Where(i => i.PlanId == plan.Id && i.TargetUnit == "count").OrderBy(i => i.Order).FirstAsync(Ct);
            counted.OwnerUnitId = police;
            counted.Rhythm = IndicatorRhythms.Monthly;
        }
        var rules = await db.ReportingRules.SingleAsync(r => r.PlanId == plan.Id, Ct);
        rules.RequireHeadApproval = requireHeadApproval;
        rules.Version = Guid.NewGuid();
        var today = clock.VietnamToday();
        var first = new DateOnly(today.Year, today.Month, 1);
        var period = new ReportingPeriod
        {
            Id = Guid.NewGuid(),
            CommuneId = plan.CommuneId,
            PlanId = plan.Id,
            Kind = PeriodKinds.Monthly,
            Year = today.Year,
            Number = today.Month,
            Label = label ?? $"Tháng {today.Month}/{today.Year} (kiểm thử)",
            StartsOn = first,
            EndsOn = first.AddMonths(1).AddDays(-1),
            OpensOn = today.AddDays(-10),
            UnitDueOn = today.AddDays(dueInDays),
            CompileDueOn = today.AddDays(dueInDays + 2),
            Version = Guid.NewGuid(),
        };
        db.Periods.Add(period);
        await db.SaveChangesAsync(Ct);
        await OpenPeriod.OpenAsync(db, period, clock.GetUtcNow().UtcDateTime, Ct);
        return period.Id;
    }

    /// <summary>The report of a unit (by catalogue key) in a period.</summary>
    public static Task<Guid> ReportIdAsync(this RoViecApp app, Guid periodId, string unitKey = "cong-an") =>
        app.WithDbAsync(db => ReportIdAsync(db, periodId, unitKey));

    public static Task<Guid> ReportIdAsync(RoViecDbContext db, Guid periodId, string unitKey = "cong-an") =>
        (from r in db.Reports
         join u in db.Units on r.UnitId equals u.Id
         where r.PeriodId == periodId && u.Key == unitKey
         select r.Id).SingleAsync(Ct);

    /// <summary>The report with its lines, read fresh from the database.</summary>
    public static Task<UnitReport> ReportAsync(this RoViecApp app, Guid reportId) =>
        app.WithDbAsync(db => db.Reports.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.Id == reportId, Ct));

    /// <summary>The lines of a report: id, kind and whether an indicator line is a ratio.</summary>
    public static Task<List<(Guid Id, string Kind, bool Ratio)>> LinesAsync(this RoViecApp app, Guid reportId) =>
        app.WithDbAsync(db => LinesAsync(db, reportId));

    public static async Task<List<(Guid Id, string Kind, bool Ratio)>> LinesAsync(RoViecDbContext db, Guid reportId) =>
        (await (from i in db.ReportItems
                where i.ReportId == reportId
                orderby i.Order
                select new { i.Id, i.Kind, Unit = db.Indicators.Where(x => x.Id == i.IndicatorId).Select(x => x.TargetUnit).FirstOrDefault() })
                                            .ToListAsync(Ct))
            .Select(l => (l.Id, l.Kind, l.Unit == "%")).ToList();

    /// <summary>A client signed in as a demo account that does not follow redirects, so a test sees where a post sends it.</summary>
    public static async Task<HttpClient> ClientAsync(this RoViecApp app, string userName)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await RoViecApp.SignInAsync(client, userName, RoViecApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static Task<string> PageAsync(this HttpClient client, Guid reportId) =>
        client.GetStringAsync(new Uri($"/bao-cao/{reportId}", UriKind.Relative), Ct);

    /// <summary>A form of the report page posted with the page's antiforgery token and the version it shows.</summary>
    public static async Task<HttpResponseMessage> PostReportAsync(this HttpClient client, Guid reportId, string handler, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(new Uri($"/bao-cao/{reportId}", UriKind.Relative), Ct);
        var all = fields.ToList();
        // The version the page shows, when it shows a form that posts one.
        if (!all.Any(f => f.Name == "version") && VersionRegex().Match(html) is { Success: true } shown) all.Add(("version", shown.Groups[1].Value));
        return await client.PostTokenFormAsync(html, $"/bao-cao/{reportId}?handler={handler}", [.. all]);
    }

    /// <summary>A save as the page's autosave script makes it (JSON back).</summary>
    public static Task<HttpResponseMessage> AutosaveAsync(this HttpClient client, Guid reportId, params (string Name, string Value)[] fields) =>
        client.AutosaveAsync(reportId, null, fields);

    /// <param name="version">The version to send; by default the one the page shows.</param>
    public static async Task<HttpResponseMessage> AutosaveAsync(this HttpClient client, Guid reportId, Guid? version, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(new Uri($"/bao-cao/{reportId}", UriKind.Relative), Ct);
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        all.Add(new("version", version?.ToString() ?? VersionIn(html)));
        all.Add(new("__RequestVerificationToken", RoViecApp.AntiforgeryToken(html)));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/bao-cao/{reportId}?handler=Draft", UriKind.Relative)) { Content = new FormUrlEncodedContent(all) };
        request.Headers.Add("X-RoViec-Autosave", "1");
        return await client.SendAsync(request, Ct);
    }

    public static string VersionIn(string html)
    {
        var match = VersionRegex().Match(html);
        Assert.True(match.Success, "the page shows no version to post back");
        return match.Groups[1].Value;
    }

    /// <summary>Every field of a complete report: each task line in progress at 60%, each ratio 45/50, each count 3.</summary>
    public static Task<(string, string)[]> CompleteFieldsAsync(this RoViecApp app, Guid reportId) =>
        app.WithDbAsync(db => CompleteFieldsAsync(db, reportId));

    public static async Task<(string, string)[]> CompleteFieldsAsync(RoViecDbContext db, Guid reportId)
    {
        var fields = new List<(string, string)>();
        foreach (var (id, kind, ratio) in await LinesAsync(db, reportId))
        {
            switch (kind)
            {
                case ReportItemKinds.Task:
                    fields.Add(($"line[{id}].status", ReportedTaskStatuses.InProgress));
                    fields.Add(($"line[{id}].percent", "60"));
                    fields.Add(($"line[{id}].work", "Đã triển khai tới các tổ công tác."));
                    break;
                case ReportItemKinds.Indicator when ratio:
                    fields.Add(($"line[{id}].numerator", "45"));
                    fields.Add(($"line[{id}].denominator", "50"));
                    fields.Add(($"line[{id}].source", "Sổ theo dõi của đơn vị"));
                    break;
                case ReportItemKinds.Indicator:
                    fields.Add(($"line[{id}].value", "3"));
                    break;
            }
        }
        fields.Add(("summary", "Đơn vị hoàn thành kế hoạch tháng."));
        return [.. fields];
    }

    public static void IsRedirectBack(HttpResponseMessage response, Guid reportId)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/bao-cao/{reportId}", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"name=""version"" value=""([0-9a-f-]{36})""")]
    private static partial Regex VersionRegex();
}
