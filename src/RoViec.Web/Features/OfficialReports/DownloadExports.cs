using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.OfficialReports;

/// <summary>
/// The period's figures for other programs, for those who may publish the report (<see cref="DownloadMonthlyReport.MayPublish"/>):
/// `GET /ky-bao-cao/{id}/so-lieu.xlsx` (the report's tables, <see cref="PeriodWorkbook"/>) and
/// `GET /ky-bao-cao/{id}/xuat-len.csv|json` (results per indicator and task for upward systems, <see cref="UpwardExport"/>).
/// `?ke-hoach=` writes one plan of the period alone (<see cref="OnePlan"/>). Another commune's period, or none, is a 404; any other role is refused.
/// </summary>
internal static class DownloadExports
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/ky-bao-cao/{id:guid}/so-lieu.xlsx", async (Guid id, HttpContext http, RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, CancellationToken ct) =>
        {
            if (await DownloadMonthlyReport.FindAsync(db, currentUser, http.User, id, ct) is not { } found) return Results.NotFound();
            if (found.Refused) return Results.Forbid();
            if (await DownloadMonthlyReport.UnreadyAsync(db, found.Period, http.Request.Query, ct) is { } unready) return unready;
            var (onlyPlan, known) = await OnePlan.ChosenAsync(db, found.Period, http.Request.Query, ct);
            if (!known) return Results.NotFound();
            var bytes = await PeriodWorkbook.WriteAsync(await OnePlan.FiguresAsync(db, found.Period, onlyPlan, clock, ct), ct);
            return Results.File(bytes, PeriodWorkbook.ContentType,
                OnePlan.FileName(Path.ChangeExtension(DownloadMonthlyReport.FileName(found.Period), ".xlsx").Replace("bao-cao-", "so-lieu-", StringComparison.Ordinal), onlyPlan));
        }).RequireAuthorization(Policies.ReadPlans);

        app.MapGet("/ky-bao-cao/{id:guid}/xuat-len.{format}", async (Guid id, string format, HttpContext http, RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, CancellationToken ct) =>
        {
            if (format is not ("csv" or "json")) return Results.NotFound();
            if (await DownloadMonthlyReport.FindAsync(db, currentUser, http.User, id, ct) is not { } found) return Results.NotFound();
            if (found.Refused) return Results.Forbid();
            if (await DownloadMonthlyReport.UnreadyAsync(db, found.Period, http.Request.Query, ct) is { } unready) return unready;
            var (onlyPlan, known) = await OnePlan.ChosenAsync(db, found.Period, http.Request.Query, ct);
            if (!known) return Results.NotFound();
            var rows = await UpwardExport.RowsAsync(db, found.Period, clock, ct, onlyPlan);
            var name = OnePlan.FileName(Path.ChangeExtension(DownloadMonthlyReport.FileName(found.Period), "." + format).Replace("bao-cao-", "xuat-len-", StringComparison.Ordinal), onlyPlan);
            if (format == "csv") return Results.File(await UpwardExport.CsvAsync(rows, ct), "text/csv; charset=utf-8", name);
            var commune = await db.Communes.AsNoTracking().Where(c => c.Id == found.Period.CommuneId).Select(c => c.Name).FirstAsync(ct);
            return Results.File(UpwardExport.ToJson(found.Period, commune, rows), "application/json; charset=utf-8", name);
        }).RequireAuthorization(Policies.ReadPlans);
    }

}
