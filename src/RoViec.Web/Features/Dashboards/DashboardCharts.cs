using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using RoViec.Data;
using RoViec.Domain.Reporting;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Charts;
using RoViec.Web.Features.Figures;
using RoViec.Web.Features.Periods;

namespace RoViec.Web.Features.Dashboards;

/// <summary>
/// The dashboard's charts, drawn on the server from the month's snapshot for the viewer's lens:
/// `GET /bang-dieu-khien/{period}/trang-thai.svg` (tasks by status), `chi-tieu.svg` (indicators against their
/// targets), `xu-huong.svg` (monthly trend). Each is drawn once per snapshot version and lens, then served from memory;
/// the same drawings go into the Word report as PNG (<see cref="StatusDonut"/>, <see cref="IndicatorBars"/>).
/// </summary>
public static class DashboardCharts
{
    public static readonly IReadOnlyDictionary<TaskHealth, string> Colours = new Dictionary<TaskHealth, string>
    {
        [TaskHealth.DoneOnTime] = "#2e7d32",
        [TaskHealth.AlreadyDone] = "#66bb6a",
        [TaskHealth.DoneLate] = "#9e9d24",
        [TaskHealth.OnTrack] = "#1565c0",
        [TaskHealth.Recurring] = "#4fc3f7",
        [TaskHealth.External] = "#90a4ae",
        [TaskHealth.NotStarted] = "#bdbdbd",
        [TaskHealth.AtRisk] = "#ef6c00",
        [TaskHealth.Overdue] = "#c62828",
        [TaskHealth.CannotDo] = "#6d4c41",
        [TaskHealth.Closed] = "#e0e0e0",
    };

    public static ChartImage StatusDonut(IEnumerable<(TaskHealth Health, int Count)> byStatus, int width = 520, int height = 300) =>
        Shared.Charts.Charts.Donut("Nhiệm vụ theo tình trạng",
            [.. byStatus.Select(s => new ChartValue(PeriodLabels.Health(s.Health), s.Count, Colours.GetValueOrDefault(s.Health, "#757575")))], width, height);

    /// <summary>Share indicators (a percentage against a target), at most 12, as bars against their target lines.</summary>
    public static ChartImage IndicatorBars(IEnumerable<IndicatorFigure> indicators, int width = 640, int height = 340)
    {
        var shares = indicators.Where(i => i.Unit == "%" && i.Number is not null).Take(12).ToList();
        return Shared.Charts.Charts.Bars("Chỉ tiêu so với mục tiêu (%)",
            [.. shares.Select((i, n) => new TargetBar("CT" + (n + 1), (double)i.Number!.Value, (double)i.TargetValue))], "%", width, height);
    }

    public static ChartImage Trend(IReadOnlyList<TrendPoint> points, int width = 640, int height = 300) =>
        Shared.Charts.Charts.Trend("Diễn biến theo tháng (%)", [.. points.Select(p => p.Month)],
        [
            new TrendSeries("Tỷ lệ báo cáo", [.. points.Select(p => (double?)p.Rate)], "#1565c0"),
            new TrendSeries("Đúng hạn", [.. points.Select(p => (double?)p.OnTime)], "#2e7d32"),
            new TrendSeries("Nhiệm vụ trọng tâm đúng tiến độ", [.. points.Select(p => (double?)p.KeyShare)], "#ef6c00"),
        ], target: 90, width, height);

    public static void Map(WebApplication app) => app.MapGet("/bang-dieu-khien/{periodId:guid}/{chart}.svg", async (
        Guid periodId, string chart, HttpContext http, RoViecDbContext db, CurrentUser currentUser, IMemoryCache cache,
        TimeProvider clock, CancellationToken ct) =>
    {
        if (chart is not ("trang-thai" or "chi-tieu" or "xu-huong")) return Results.NotFound();
        var period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null || !await currentUser.CanReadCommuneAsync(http.User, period.CommuneId, ct)) return Results.NotFound();
        var scope = await currentUser.ScopeAsync(http.User, ct);
        if (scope is null || await DashboardLens.OfAsync(db, scope, period.CommuneId, ct) is not { } lens) return Results.Forbid();
        var figures = await PeriodSnapshots.ReadAsync(db, period, clock, ct);
        var version = await db.PeriodSnapshots.AsNoTracking().Where(s => s.PeriodId == periodId).Select(s => s.Version).FirstOrDefaultAsync(ct);
        var key = ("chart", periodId, chart, lens.Key, version, figures.AsOf);
        if (!cache.TryGetValue(key, out string? svg) || svg is null)
        {
            var view = DashboardView.Of(figures, lens);
            svg = chart switch
            {
                "trang-thai" => StatusDonut(view.ByStatus).Svg,
                "chi-tieu" => IndicatorBars(view.Indicators).Svg,
                _ => Trend(await DashboardTrend.UpToAsync(db, cache, period, clock, ct)).Svg,
            };
            cache.Set(key, svg, TimeSpan.FromMinutes(30));
        }
        http.Response.Headers.CacheControl = "private, max-age=300";
        return Results.Text(svg, "image/svg+xml; charset=utf-8");
    }).RequireAuthorization(Policies.ReadPlans);
}
