using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.OfficialReports;

/// <summary>
/// `GET /ky-bao-cao/{id}/bao-cao.docx`: the period's compiled report as a Word document, for the standing office
/// that publishes it and the committee chair who signs it. The query overrides the defaults of
/// <see cref="MonthlyReportSettings"/>: so (number), kyhieu (symbol), captren (upper-level body), coquan (issuing
/// body), ngay (date, dd/mm/yyyy), tm (authority), chucvu (signer's title), nguoiky (signer), noinhan (recipients,
/// one a line), thethuc (layout: dang | nha-nuoc), ke-hoach (one plan of the period alone, <see cref="OnePlan"/>). What the office kept with the report (<see cref="ReportCompositions"/>) comes first. Another commune's period, or none, is a 404; any other role is refused.
/// </summary>
internal static class DownloadMonthlyReport
{
    public static void Map(WebApplication app) => app.MapGet("/ky-bao-cao/{id:guid}/bao-cao.docx", async (
        Guid id, HttpContext http, RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L, CancellationToken ct) =>
    {
        if (await FindAsync(db, currentUser, http.User, id, ct) is not { } found) return Results.NotFound();
        if (found.Refused) return Results.Forbid();
        var period = found.Period;
        if (await UnreadyAsync(db, period, http.Request.Query, ct) is { } unready) return unready;
        var (onlyPlan, known) = await OnePlan.ChosenAsync(db, period, http.Request.Query, ct);
        if (!known) return Results.NotFound();

        var today = clock.VietnamToday();
        var defaults = await OfficialReport.SettingsAsync(db, period, today, ct);
        var q = http.Request.Query;
        var settings = defaults.With(q["captren"], q["coquan"], q["so"], q["kyhieu"], q["ngay"], q["tm"], q["chucvu"], q["nguoiky"], q["noinhan"], out var error, q["thethuc"]);
        if (error is not null) return Results.Problem(detail: error.In(L), statusCode: Refusals.Status(Refusal.BadRequest), title: L["Không tạo được báo cáo"]);

        var written = await OfficialReport.WriteDocxAsync(db, period, settings, clock, ct, onlyPlan);
        return Results.File(written.Content, MonthlyReportDocx.ContentType, OnePlan.FileName(written.Draft ? DraftFileName(period) : FileName(period), onlyPlan));
    }).RequireAuthorization(Policies.ReadPlans);

    /// <summary>A period as those who publish its report reach it (the Word report, its composition, the workbook, the upward export).</summary>
    /// <param name="Refused">The period is the user's commune's, but the user may not publish it: answer 403.</param>
    public sealed record Publishable(ReportingPeriod Period, UserScope Scope, bool Refused);

    /// <summary>The period, or null when there is none or it is not the user's commune's (answer 404).</summary>
    public static async Task<Publishable?> FindAsync(RoViecDbContext db, CurrentUser currentUser, System.Security.Claims.ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(currentUser);
        var period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (period is null || !await currentUser.CanReadCommuneAsync(user, period.CommuneId, ct)) return null;
        var scope = await currentUser.ScopeAsync(user, ct);
        return scope is null ? null : new Publishable(period, scope, !MayPublish(scope, period.CommuneId));
    }

    /// <summary>The query asks for a draft: the report is written even though nothing in the period is verified yet.</summary>
    public const string DraftParameter = "duthao";

    /// <summary>The query a download link carries: a draft's when the period is not ready (<paramref name="notReady"/> set), else nothing.</summary>
    public static string DraftQuery(string? notReady) => notReady is null ? "" : "?" + DraftParameter + "=1";

    /// <summary>
    /// Why the period has no official figures yet, in Vietnamese, or null when it has: a period that has not opened,
    /// or one where the standing office has verified no unit's report (for a quarter or the year, none in it nor in its months). Scores and the official figures come from
    /// verified data only; a draft (<see cref="DraftParameter"/>) is written anyway, the unverified lines marked.
    /// </summary>
    public static async Task<Sentence?> NotReadyAsync(RoViecDbContext db, ReportingPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var opened = period.State != PeriodStates.Scheduled;
        if (opened && await db.Reports.AsNoTracking().AnyAsync(r => r.PeriodId == period.Id && r.State == ReportStates.Verified, ct)) return null;
        // A quarter's or the year's report rests on the verified months within it as well as on its own reports.
        if (opened && period.Kind is PeriodKinds.Quarterly or PeriodKinds.Annual)
        {
            var line = await Plans.ReplacePlan.PlanLineAsync(db, period.PlanId, ct);
            if (await (from r in db.Reports.AsNoTracking()
                       join p in db.Periods.AsNoTracking() on r.PeriodId equals p.Id
                       where line.Contains(p.PlanId) && p.StartsOn >= period.StartsOn && p.EndsOn <= period.EndsOn && r.State == ReportStates.Verified
                       select r.Id).AnyAsync(ct))
                return null;
        }
        var commune = await db.Communes.AsNoTracking().Where(c => c.Id == period.CommuneId).Select(c => c.Name).FirstAsync(ct);
        if (!opened)
            return new Sentence("Kỳ báo cáo {0} của xã {1} chưa mở (mở ngày {2}), chưa có số liệu để báo cáo.", PeriodName.Of(period), commune, Periods.DayText.Show(period.OpensOn));
        return new Sentence("Kỳ báo cáo {0} của xã {1} chưa có báo cáo nào được Cơ quan thường trực xác minh, nên chưa có số liệu chính thức.", PeriodName.Of(period), commune);
    }

    /// <summary>A 409 with <see cref="NotReadyAsync"/>'s message, unless the query asks for a draft.</summary>
    public static async Task<IResult?> UnreadyAsync(RoViecDbContext db, ReportingPeriod period, IQueryCollection query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(query);
        if (await NotReadyAsync(db, period, ct) is not { } message) return null;
        if (query[DraftParameter] == "1" && period.State != PeriodStates.Scheduled) return null;
        return Results.Problem(detail: message.ToString() + " Hãy xác minh báo cáo của các đơn vị trước, hoặc tải bản dự thảo (thêm ?" + DraftParameter + "=1; nội dung chưa xác minh được ghi chú).",
            statusCode: Refusals.Status(Refusal.Conflict), title: "Chưa có số liệu đã xác minh");
    }

    /// <summary>The standing office (and its administrator) publishes the commune's report; the chair reads it before signing.</summary>
    public static bool MayPublish(UserScope scope, Guid communeId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.CommuneId == communeId && (scope.RunsReporting || scope.IsIn(Roles.Chair));
    }

    /// <summary>A draft's file name says so first: "du-thao-bao-cao-thang-12-2026.docx".</summary>
    public static string DraftFileName(ReportingPeriod period) => "du-thao-" + FileName(period);

    /// <summary>"bao-cao-thang-12-2026.docx", "bao-cao-quy-4-2026.docx", "bao-cao-nam-2026.docx", "bao-cao-dot-xuat-05-12-2026.docx".</summary>
    public static string FileName(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var year = period.Year.ToString(CultureInfo.InvariantCulture);
        var number = period.Number.ToString(CultureInfo.InvariantCulture);
        return period.Kind switch
        {
            PeriodKinds.Monthly => $"bao-cao-thang-{number}-{year}.docx",
            PeriodKinds.Quarterly => $"bao-cao-quy-{number}-{year}.docx",
            PeriodKinds.Annual => $"bao-cao-nam-{year}.docx",
            _ => "bao-cao-dot-xuat-" + period.UnitDueOn.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) + ".docx",
        };
    }
}
