using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// The plan's indicators ("chỉ tiêu") with their targets as written and as read ("≥ 90 %"), owner
/// and section; search ignoring diacritics. Unit-scoped users see the indicators their unit owns.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class IndicatorsModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "nhom")] public string? Section { get; set; }

    public Plan? Plan { get; private set; }
    public IReadOnlyList<IndicatorRow> Indicators { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<string> Sections { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> UnitNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plan = await PlanQueries.ActivePlanAsync(db, await currentUser.CommuneIdAsync(HttpContext, ct), ct);
        if (Plan is null) return;
        var scope = await currentUser.ScopeAsync(User, ct);
        var all = await PlanQueries.IndicatorsAsync(db, Plan.Id, scope is { IsUnitScoped: true } ? scope.UnitId : null, unitScoped: scope is { IsUnitScoped: true }, ct);
        UnitNames = await PlanQueries.UnitNamesAsync(db, Plan.CommuneId, ct);
        Total = all.Count;
        Sections = [.. all.Select(i => i.Section).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];
        var query = VietnameseText.Fold(Query);
        Indicators = [.. all
            .Where(i => query.Length == 0 || VietnameseText.Fold(i.Name + " " + i.TargetRaw + " " + i.Owner).Contains(query, StringComparison.Ordinal))
            .Where(i => string.IsNullOrEmpty(Section) || i.Section == Section)];
    }

    /// <summary>The target as read: "≥ 90 %", "25 – 35 %", "01 mô hình"; numbers in Vietnamese style ("12,5").</summary>
    public static string Target(IndicatorRow i)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        string Number(decimal value) => value.ToString("0.##", vi);
        var unit = i.TargetUnit switch { "%" => "%", "count" => "", _ => i.TargetUnit };
        var value = i.TargetValueMax is { } max ? $"{Number(i.TargetValue)} – {Number(max)}" : Number(i.TargetValue);
        return $"{i.TargetOp} {value} {unit}".Trim();
    }
}
