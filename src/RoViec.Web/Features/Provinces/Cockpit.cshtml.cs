using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Provinces;

/// <summary>
/// `/tinh` — "Toàn tỉnh": the province office's cockpit, every commune of the province side by side for a month
/// (<see cref="ProvinceCockpit"/>), sortable and filterable, with the leaders and the laggards, each figure leading to
/// the commune's own pages. Only province-level accounts (the province office, the province's administrator).
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class CockpitModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public CockpitView View { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "thang")]
    public int? Month { get; set; }

    [BindProperty(SupportsGet = true, Name = "sap-xep")]
    public string? Sort { get; set; }

    /// <summary>"?nguoc=1": the weakest first.</summary>
    [BindProperty(SupportsGet = true, Name = "nguoc")]
    public int? ReverseFlag { get; set; }

    public bool Reverse => ReverseFlag == 1;

    [BindProperty(SupportsGet = true, Name = "loai")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "khu-vuc")]
    public string? Area { get; set; }

    /// <summary>How many leaders and laggards to list ("?top=5"); 3 by default.</summary>
    [BindProperty(SupportsGet = true, Name = "top")]
    public int? Top { get; set; }

    public int TopCount => Math.Clamp(Top ?? 3, 1, 20);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        if (scope is not { IsProvinceLevel: true, ProvinceId: { } provinceId }) return this.Refuse(Refusal.Forbidden);
        if (Month is < 1 or > 12 || (Month is null) != (Year is null)) return this.Refuse(Refusal.NotFound);
        if (Sort is not null && !ProvinceCockpit.Sorts.Contains(Sort)) Sort = null;
        var kind = ProvinceLabels.KindKey(Kind);
        var view = await ProvinceCockpit.ReadAsync(db, provinceId, new CockpitQuery(Year, Month, Sort, Reverse, kind, Area), clock.VietnamToday(), ct);
        if (view is null) return this.Refuse(Refusal.NotFound);
        View = view;
        return Page();
    }

    /// <summary>The month's name in the reader's language.</summary>
    public static string MonthName(int year, int month) =>
        new PeriodName(PeriodKinds.Monthly, month, year, $"Tháng {month}/{year}").Shown();

    /// <summary>This page's address with some settings changed (a null value drops it), the others kept.</summary>
    public string With(params (string Key, string? Value)[] changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var query = new Dictionary<string, string?>
        {
            ["nam"] = View.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["thang"] = View.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sap-xep"] = Sort,
            ["nguoc"] = Reverse ? "1" : null,
            ["loai"] = Kind,
            ["khu-vuc"] = Area,
            ["top"] = Top?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in changes) query[key] = value;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/tinh", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    /// <summary>The header link that sorts by a key: best first, or the other way round when already sorted so.</summary>
    public string SortLink(string key) => With(("sap-xep", key), ("nguoc", (Sort ?? "diem") == key && !Reverse ? "1" : null));

    public string? SortedBy(string key) => (Sort ?? "diem") == key ? (Reverse ? "ascending" : "descending") : null;

    public static string Percent(decimal? value) => Numbers.Percent(value);
}
