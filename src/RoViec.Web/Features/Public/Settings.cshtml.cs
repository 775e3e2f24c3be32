using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Features.Public;

/// <summary>`/cong-khai/cai-dat`: the standing office chooses what the commune publishes and at which address.</summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed partial class SettingsModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
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
        if (await LoadAsync(ct) is { } refused) return refused;
        var errors = new List<string>();
        var slug = Slug?.Trim().ToLowerInvariant() ?? "";
        if (!SlugPattern().IsMatch(slug)) errors.Add("Địa chỉ trang chỉ gồm chữ thường không dấu, số và dấu gạch ngang (3–60 ký tự), ví dụ dien-chau.");
        else if (await db.PublicPages.AnyAsync(p => p.Slug == slug && p.Id != Page0.Id, ct)) errors.Add($"Địa chỉ \"{slug}\" đã được xã khác dùng.");
        if ((Intro?.Length ?? 0) > 4000) errors.Add("Lời giới thiệu dài quá 4 000 ký tự.");
        if (FeedbackRules.LooksLikeCode(Intro)) errors.Add(FeedbackRules.ScriptRefused);
        var known = Indicators.Select(i => i.Id).ToHashSet();
        if (IndicatorIds.Any(id => !known.Contains(id))) errors.Add("Có chỉ tiêu không thuộc kế hoạch của xã; hãy tải lại trang.");
        if (Version != Page0.Version) errors.Add("Cài đặt vừa được người khác thay đổi; hãy tải lại trang rồi làm lại.");
        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = Version != Page0.Version ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var page = await db.PublicPages.SingleAsync(p => p.Id == Page0.Id, ct);
        page.Enabled = Enabled;
        page.Slug = slug;
        page.Intro = string.IsNullOrWhiteSpace(Intro) ? null : Intro.Trim();
        page.ShowIndicators = ShowIndicators;
        page.ShowFields = ShowFields;
        page.ShowRanking = ShowRanking;
        page.IndicatorIds = string.Join('|', IndicatorIds.Distinct());
        page.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        Notice = "Đã lưu cài đặt trang công khai.";
        return RedirectToPage();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        var communeId = await currentUser.CommuneIdAsync(HttpContext, ct);
        if (communeId is not { } id) return NotFound();
        if (scope is not { RunsReporting: true } || scope.CommuneId != id) return Forbid();
        Page0 = await PublicFigures.EnsureAsync(db, id, ct);
        db.Entry(Page0).State = EntityState.Detached;
        var plan = await PlanQueries.ActivePlanAsync(db, id, ct);
        Indicators = plan is null ? [] : await db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id).OrderBy(i => i.Order).ToListAsync(ct);
        return null;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,58})[a-z0-9]$")]
    private static partial Regex SlugPattern();
}
