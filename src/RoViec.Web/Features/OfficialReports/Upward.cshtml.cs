using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;
using Microsoft.Extensions.Localization;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.OfficialReports;

/// <summary>
/// `/ky-bao-cao/{id}/nhap-len`: the period's results per indicator and task as upward systems (theodoinq.dcs.vn)
/// take them, with their CSV and JSON downloads; the standing office ticks what it has entered upward, so the next
/// person knows what is left and what changed since. The chair may look; only the standing office marks. A mark for
/// something not in the period is refused (422) and nothing is saved.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class UpwardModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public ReportingPeriod Period { get; private set; } = null!;
    public IReadOnlyList<UpwardExport.Row> Rows { get; private set; } = [];
    public bool MayMark { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Why the period has no official figures yet: the downloads are drafts.</summary>
    public string? NotReady { get; private set; }

    /// <summary>The query that asks for a draft when the period is not ready, else nothing.</summary>
    public string Draft => DownloadMonthlyReport.DraftQuery(NotReady);

    [BindProperty] public List<string> Chon { get; set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostMarkAsync(Guid id, CancellationToken ct) => MarkAsync(id, entered: true, ct);

    public Task<IActionResult> OnPostUnmarkAsync(Guid id, CancellationToken ct) => MarkAsync(id, entered: false, ct);

    private async Task<IActionResult> MarkAsync(Guid id, bool entered, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, marking: true) is { } refused) return refused;
        if (Chon.Count == 0)
        {
            Error = L["Hãy chọn ít nhất một chỉ tiêu hoặc nhiệm vụ."];
            return this.Refuse(Refusal.Invalid);
        }
        var unknown = await UpwardExport.MarkAsync(db, Period, Rows, Chon, entered, User.Identity?.Name, clock.GetUtcNow().UtcDateTime, ct);
        if (unknown.Count > 0)
        {
            Error = L["Không có {0} mục đã chọn trong kỳ báo cáo này; chưa lưu gì. Hãy tải lại trang.", unknown.Count];
            return this.Refuse(Refusal.Invalid);
        }
        Notice = entered
            ? L["Đã đánh dấu {0} mục đã nhập lên hệ thống cấp trên.", Chon.Distinct().Count()]
            : L["Đã bỏ đánh dấu {0} mục.", Chon.Distinct().Count()];
        return Redirect($"/ky-bao-cao/{Period.Id}/nhap-len");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct, bool marking = false)
    {
        if (await DownloadMonthlyReport.FindAsync(db, currentUser, User, id, ct) is not { } found) return NotFound();
        if (found.Refused) return Forbid();
        var (period, scope) = (found.Period, found.Scope);
        MayMark = scope.RunsReporting && scope.CommuneId == period.CommuneId;
        if (marking && !MayMark) return Forbid();
        if (period.State == PeriodStates.Scheduled) return NotFound();
        Period = period;
        Rows = await UpwardExport.RowsAsync(db, period, clock, ct);
        NotReady = (await DownloadMonthlyReport.NotReadyAsync(db, period, ct))?.In(L);
        return null;
    }
}
