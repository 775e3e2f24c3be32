using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Documents.Sheets;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.Plans;

/// <summary>`GET /xuat-excel`: the commune's current plan as an Excel sheet with Vietnamese headers.</summary>
internal static class ExportTasks
{
    public static void Map(WebApplication app) => app.MapGet("/xuat-excel", async (HttpContext http, RoViecDbContext db, CurrentUser currentUser, CancellationToken ct) =>
    {
        var plan = await PlanQueries.ActivePlanAsync(db, await currentUser.CommuneIdAsync(http, ct), ct);
        if (plan is null) return Results.NotFound();
        var visible = await currentUser.VisibleTasksAsync(http, ct);
        var rows = await visible.AsNoTracking().Where(t => t.PlanId == plan.Id).OrderBy(t => t.Order)
            .Select(t => new { t.Code, t.Name, t.LeadAsWritten, t.SupportAsWritten, t.Output, t.DeadlineRaw, t.DeadlineDue, t.Section })
            .ToListAsync(ct);
        var sheet = rows.Select((t, i) => new Dictionary<string, object?>
        {
            ["STT"] = i + 1,
            ["Mã"] = t.Code,
            ["Nhiệm vụ"] = t.Name,
            ["Chủ trì"] = t.LeadAsWritten,
            ["Phối hợp"] = t.SupportAsWritten,
            ["Sản phẩm"] = t.Output,
            ["Thời hạn"] = t.DeadlineRaw,
            ["Hạn cuối"] = t.DeadlineDue?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            ["Mục"] = t.Section,
        });
        return Results.File(await Spreadsheets.XlsxAsync("Nhiệm vụ", sheet, ct), Spreadsheets.XlsxContentType, $"nhiem-vu-{plan.Year}.xlsx");
    }).RequireAuthorization(Policies.ReadPlans);
}
