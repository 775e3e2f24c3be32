using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Figures;
using RoViec.Web.Shared.Outcomes;
using Microsoft.Extensions.Localization;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.OfficialReports;

/// <summary>
/// `/ky-bao-cao/{id}/soan-bao-cao`: the standing office composes the period's official report before downloading it —
/// the layout (State or Party), number, date, signer and recipients, and the generated narrative paragraphs, which
/// it may rewrite. What it saves is kept with the report (<see cref="ReportCompositions"/>) and used by every
/// download, from the page or the command line; a save over someone else's newer one is refused (409), a bad value
/// is refused with its reason (422), and nothing is saved in part. "Lưu làm thể thức mặc định" keeps the layout as
/// the commune's profile for the issuing body; the commune's profiles are listed, one chosen with <c>?hoso={id}</c>
/// fills the layout fields, and the standing office removes one it no longer uses.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class ComposeModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public ReportingPeriod Period { get; private set; } = null!;
    public MonthlyReportSettings Settings { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Generated { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<string> Outdated { get; private set; } = [];
    public ReportCompositions.Composition Composition { get; private set; } = ReportCompositions.Composition.None;
    public string? Error { get; private set; }

    /// <summary>Why the period has no official figures yet: the download is a draft.</summary>
    public string? NotReady { get; private set; }

    /// <summary>The query that asks for a draft when the period is not ready, else nothing.</summary>
    public string Draft => DownloadMonthlyReport.DraftQuery(NotReady);

    [BindProperty] public Dictionary<string, string?> Texts { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Fields { get; set; } = [];
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public bool KeepProfile { get; set; }
    [TempData] public string? Notice { get; set; }

    /// <summary>The commune's stored layout profiles, one per issuing body, the default first.</summary>
    public IReadOnlyList<LayoutProfile> Profiles { get; private set; } = [];

    /// <summary>The profile chosen with <c>?hoso=</c> whose values fill the layout fields, if any.</summary>
    public LayoutProfile? Chosen { get; private set; }

    /// <summary>The standing office (not the chair, who reads) removes profiles.</summary>
    public bool MayManageProfiles { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? hoso, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (hoso is { } profileId)
        {
            if (Profiles.FirstOrDefault(p => p.Id == profileId) is not { } chosen) return NotFound();
            Chosen = chosen;
            Settings = MonthlyReportSettings.FromProfile(chosen, Settings.Date, Settings.SignerName) with { Number = Settings.Number };
        }
        Texts = ReportCompositions.Keys.ToDictionary(k => k, k => (string?)(Composition.Narrative.GetValueOrDefault(k)?.Text ?? Generated[k]));
        Version = Composition.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var today = Today();
        var defaults = await MonthlyReportSettings.DefaultsAsync(db, Period, today, ct);
        var outcome = await ReportCompositions.SaveAsync(db, Period, Version, Texts, Fields, Generated, defaults,
            User.Identity?.Name, clock.GetUtcNow().UtcDateTime, ct);
        switch (outcome)
        {
            case ReportCompositions.SaveOutcome.Invalid invalid:
                Error = string.Join(" ", invalid.Problems.Select(p => p.In(L)));
                return this.Refuse(invalid.Refusal);
            case ReportCompositions.SaveOutcome.Conflict conflict:
                Error = conflict.Text.In(L);
                return this.Refuse(conflict.Refusal);
        }
        if (KeepProfile)
        {
            await ReportCompositions.KeepAsDefaultAsync(db, Period, defaults, ct);
        }
        Notice = KeepProfile ? L["Đã lưu báo cáo và thể thức mặc định của cơ quan ban hành."] : L["Đã lưu báo cáo."];
        return Redirect($"/ky-bao-cao/{Period.Id}/soan-bao-cao");
    }

    public async Task<IActionResult> OnPostDeleteProfileAsync(Guid id, Guid profileId, CancellationToken ct)
    {
        if (await DownloadMonthlyReport.FindAsync(db, currentUser, User, id, ct) is not { } found) return NotFound();
        if (found.Refused || !ManagesProfiles(found)) return Forbid();
        if (found.Period.State == PeriodStates.Scheduled) return NotFound();
        if (await LayoutProfiles.DeleteAsync(db, found.Period.CommuneId, profileId, ct) is not { } profile) return NotFound();
        Notice = profile.IsDefault
            ? L["Đã xóa thể thức của {0}. Báo cáo sau sẽ lấy thể thức theo văn bản kế hoạch.", profile.Body]
            : L["Đã xóa thể thức của {0}.", profile.Body];
        return Redirect($"/ky-bao-cao/{found.Period.Id}/soan-bao-cao");
    }

    private static bool ManagesProfiles(DownloadMonthlyReport.Publishable found) =>
        found.Scope.RunsReporting && found.Scope.CommuneId == found.Period.CommuneId;

    private DateOnly Today() => clock.VietnamToday();

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await DownloadMonthlyReport.FindAsync(db, currentUser, User, id, ct) is not { } found) return NotFound();
        if (found.Refused) return Forbid();
        var period = found.Period;
        if (period.State == PeriodStates.Scheduled) return NotFound();
        Period = period;
        MayManageProfiles = ManagesProfiles(found);
        Profiles = await LayoutProfiles.ListAsync(db, period.CommuneId, ct);
        var today = Today();
        var figures = await PeriodSnapshots.ReadAsync(db, period, clock, ct);
        Generated = ReportCompositions.Generated(figures.Report);
        Composition = await ReportCompositions.ReadAsync(db, period.Id, ct);
        Outdated = ReportCompositions.Outdated(Composition, Generated);
        Settings = await OfficialReport.SettingsAsync(db, period, today, ct);
        NotReady = (await DownloadMonthlyReport.NotReadyAsync(db, period, ct))?.In(L);
        return null;
    }
}
