using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Outcomes;
using Microsoft.Extensions.Localization;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Public;

/// <summary>`/cong-khai/cai-dat`: the standing office chooses what the commune publishes and at which address.</summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class SettingsModel(RoViecDbContext db, CurrentUser currentUser, IStringLocalizer<SharedResource> L) : PageModel
{
    public PublicPage Page0 { get; private set; } = null!;
    public IReadOnlyList<IndicatorRow> Indicators { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    [BindProperty] public bool Enabled { get; set; }
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? Intro { get; set; }
    [BindProperty] public bool ShowIndicators { get; set; }
    [BindProperty] public bool ShowFields { get; set; }
    [BindProperty] public bool ShowRanking { get; set; }
    [BindProperty] public List<Guid> IndicatorIds { get; set; } = [];
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        (Enabled, Slug, Intro, ShowIndicators, ShowFields, ShowRanking, Version) =
            (Page0.Enabled, Page0.Slug, Page0.Intro, Page0.ShowIndicators, Page0.ShowFields, Page0.ShowRanking, Page0.Version);
        IndicatorIds = [.. Page0.IndicatorIds.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } cannot) return cannot;
        var input = new PublicPageSettings.Input(Enabled, Slug, Intro, ShowIndicators, ShowFields, ShowRanking, IndicatorIds, Version);
        if (await PublicPageSettings.SaveAsync(db, Page0, Indicators, input, ct) is PublicPageSettings.Outcome.Refused refused)
        {
            Errors = [.. refused.Errors.Select(e => e.In(L))];
            return this.Refuse(refused.Refusal);
        }
        Notice = L["Đã lưu cài đặt trang công khai."];
        return RedirectToPage();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        var communeId = await currentUser.CommuneIdAsync(HttpContext, ct);
        if (communeId is not { } id) return NotFound();
        if (scope is not { RunsReporting: true } || scope.CommuneId != id) return Forbid();
        (Page0, Indicators) = await PublicPageSettings.OpenAsync(db, id, ct);
        return null;
    }
}
