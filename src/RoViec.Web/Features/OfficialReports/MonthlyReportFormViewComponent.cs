using Microsoft.AspNetCore.Mvc;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;
using Microsoft.Extensions.Localization;

namespace RoViec.Web.Features.OfficialReports;

/// <summary>
/// "Tải báo cáo tháng (Word)" on a period's page: the download form with the number, issuing body and signer
/// filled in with their defaults, for those who may publish the report (<see cref="DownloadMonthlyReport.MayPublish"/>) once the period has opened.
/// </summary>
public sealed class MonthlyReportFormViewComponent(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> L) : ViewComponent
{
    /// <param name="NotReady">Why the period has no official figures yet (<see cref="DownloadMonthlyReport.NotReadyAsync"/>): the downloads are drafts.</param>
    public sealed record Form(Guid PeriodId, string Label, MonthlyReportSettings Defaults, string? NotReady)
    {
        /// <summary>The query that asks for a draft when the period is not ready, else nothing.</summary>
        public string Draft => DownloadMonthlyReport.DraftQuery(NotReady);
    }

    public async Task<IViewComponentResult> InvokeAsync(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var ct = HttpContext.RequestAborted;
        var scope = await currentUser.ScopeAsync(HttpContext.User, ct);
        if (period.State == PeriodStates.Scheduled || scope is null || !DownloadMonthlyReport.MayPublish(scope, period.CommuneId)) return Content("");
        var today = clock.VietnamToday();
        var defaults = await OfficialReport.SettingsAsync(db, period, today, ct);
        return View("/Features/OfficialReports/_MonthlyReportForm.cshtml", new Form(period.Id, PeriodName.Of(period).Shown(), defaults, (await DownloadMonthlyReport.NotReadyAsync(db, period, ct))?.In(L)));
    }
}
