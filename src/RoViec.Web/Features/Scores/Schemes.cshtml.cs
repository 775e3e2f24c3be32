using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Scoring;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Evaluation;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Scores;

/// <summary>
/// `/diem/bo-tieu-chi`: the commune's scoring scheme versions. The standing office adds a version as JSON (pasted,
/// uploaded, or started from a shipped scheme) in force from a month not yet closed; a scheme that does not add up,
/// has gaps or overlaps in a band table, or would rewrite a closed month is refused with every reason (422), and
/// nothing is saved.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class SchemesModel(RoViecDbContext db, CurrentUser currentUser, PeriodChanges changes, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int MaxJson = 200_000;

    public IReadOnlyList<ScoringScheme> Versions { get; private set; } = [];
    public ScoringScheme? Shown { get; private set; }
    public SchemeDefinition? ShownDefinition { get; private set; }
    public bool RunsReporting { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty] public string? Json { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Basis { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? Note { get; set; }

    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? id, [FromQuery] string? mau, CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } communeId) return NotFound();
        Shown = id is { } chosen ? Versions.FirstOrDefault(v => v.Id == chosen) : (Versions.Count > 0 ? Versions[0] : null);
        if (id is not null && Shown is null) return NotFound();
        ShownDefinition = Shown is null ? null : SchemeJson.Parse(Shown.Definition, out _);
        var shipped = SchemeStore.ShippedSchemes.FirstOrDefault(s => s.Key == mau);
        Json = shipped is not null ? SchemeStore.Shipped(shipped.Key) : Shown?.Definition;
        Name = shipped is not null ? shipped.Name : Shown?.Name;
        Basis = shipped is not null ? shipped.Basis : Shown?.Basis;
        var today = RoViec.Domain.Text.VietnamTime.VietnamToday(clock);
        From = new DateOnly(today.Year, today.Month, 1).AddMonths(1).ToString("MM/yyyy", CultureInfo.InvariantCulture);
        _ = communeId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } communeId) return NotFound();
        if (!RunsReporting) return Forbid();
        var errors = new List<string>();
        var text = Json;
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > MaxJson) return Refuse([L["Tệp bộ tiêu chí lớn quá {0} KB.", MaxJson / 1000]]);
            using var reader = new StreamReader(Upload.OpenReadStream());
            text = await reader.ReadToEndAsync(ct);
            Json = text;
        }
        if ((text?.Length ?? 0) > MaxJson) return Refuse([L["Nội dung bộ tiêu chí dài quá {0} KB.", MaxJson / 1000]]);
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(L["Hãy đặt tên cho bộ tiêu chí."]);
        else if (name.Length > 500) errors.Add(L["Tên bộ tiêu chí dài quá 500 ký tự."]);
        if (!DateOnly.TryParseExact("01/" + From?.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            errors.Add(L["Tháng bắt đầu áp dụng phải viết dạng MM/yyyy, ví dụ 01/2027."]);
        var definition = SchemeJson.Parse(text ?? "", out var parseErrors);
        // The reader's language: the reader's fixed messages by their key, the validator's problems as sentences.
        errors.AddRange(parseErrors.Select(e => L[e].Value));
        if (definition is not null) errors.AddRange(SchemeValidator.Problems(definition).Select(p => Problem(p).In(L)));
        if (errors.Count == 0 && await SchemeStore.RefuseStartAsync(db, communeId, from, ct) is { } closed) errors.Add(closed.In(L));
        if (errors.Count > 0) return Refuse(errors);

        var (row, rescore) = await SchemeStore.AddVersionAsync(db, communeId, name!, Basis, Note, from, definition!, User.Identity?.Name, clock.GetUtcNow().UtcDateTime, changes, ct);
        foreach (var change in rescore) await changes.RaiseAsync(change, ct);
        Notice = L["Đã lưu bộ tiêu chí \"{0}\" (phiên bản {1}), áp dụng từ tháng {2}.", row.Name, row.Number, from.ToString("MM/yyyy", CultureInfo.InvariantCulture)];
        return Redirect($"/diem/bo-tieu-chi?id={row.Id}");
    }

    /// <summary>
    /// How a leaf is scored, in words ("từ 100% trở lên → 10; …"). The page's own words go through the localizer; what
    /// the scheme says (band and level texts, input and measure names) is shown as the scheme writes it.
    /// </summary>
    public static string RuleText(ScoringRule rule, decimal max, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(L);
        var source = rule.Input is { } input ? L["nhập \"{0}\"", input].Value : rule.Measure;
        var text = rule.Kind switch
        {
            RuleKinds.Bands => string.Join("; ", (rule.Steps ?? []).OrderByDescending(s => s.From).Select(s => $"{ScoreCalculator.StepText(s, rule.Unit)} → {Numbers.Points(s.Points)}"))
                + (rule.ZeroPoints is { } zero ? $"; {rule.ZeroText ?? "0"} → {Numbers.Points(zero)}" : "") + $" ({source})",
            RuleKinds.Proportional => $"{source} ÷ {Numbers.Points(rule.Target ?? 100)}% × {Numbers.Points(max)}"
                + (rule.Floor is { } floor ? "; " + L["dưới {0}% → 0", Numbers.Points(floor)] : ""),
            RuleKinds.YesNo => rule.EvidenceRequired ? L["Có/không, cần minh chứng"].Value : L["Có/không"].Value,
            RuleKinds.Levels => L["Chọn mức: {0}", string.Join("; ", (rule.Levels ?? []).Select(l => $"{l.Text} → {Numbers.Points(l.Points)}"))].Value,
            RuleKinds.Variants => L["Theo nhóm (\"{0}\"): {1}: {2} | {3}: {4}", rule.ChooseBy ?? "", rule.IfNo?.Label ?? L["Không"].Value.ToLower(CultureInfo.CurrentCulture), rule.IfNo is { } no ? RuleText(no, max, L) : "",
                rule.IfYes?.Label ?? L["Có"].Value.ToLower(CultureInfo.CurrentCulture), rule.IfYes is { } yes ? RuleText(yes, max, L) : ""].Value,
            _ => L["Chấm tay, ghi căn cứ"].Value,
        };
        return rule.NotApplicableWhenMissing ? text + " (" + L["để trống: không áp dụng"] + ")" : text;
    }

    /// <summary>
    /// The tie rule in the reader's language: <see cref="Ranking.Describe"/> (which the ranking page and the official
    /// report write in Vietnamese) with each part through the localizer, so the Vietnamese reads the same.
    /// </summary>
    public static string TieRuleText(SchemeDefinition scheme, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(L);
        var parts = scheme.TieBreakers.TakeWhile(t => t != TieBreakers.Shared).Select(t => t switch
        {
            TieBreakers.Results => L["có điểm phần kết quả thực hiện nhiệm vụ cao hơn"].Value,
            TieBreakers.FirstSubmitted => L["gửi báo cáo sớm hơn"].Value,
            TieBreakers.FewerDeductions => L["bị trừ ít điểm hơn"].Value,
            _ => t,
        }).ToList();
        var end = scheme.TieBreakers.Contains(TieBreakers.Shared) ? L["nếu vẫn bằng nhau thì đồng hạng"].Value : L["nếu vẫn bằng nhau thì xếp theo tên đơn vị"].Value;
        return parts.Count == 0
            ? L["Bằng điểm: {0}.", end]
            : L["Bằng điểm: xếp trên là đơn vị {0}; {1}.", string.Join(", " + L["rồi"] + " ", parts), end];
    }

    /// <summary>The classes in the reader's language, as <see cref="ScoreQueries.ClassesText"/> writes them in Vietnamese ("A: từ 90 điểm; …").</summary>
    public static string ClassesText(SchemeDefinition scheme, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(L);
        if (scheme.Classes is not { Count: > 0 }) return L["không xếp loại."];
        var ordered = scheme.Classes.OrderByDescending(c => c.Min).ToList();
        return string.Join("; ", ordered.Select((c, i) => i == 0
            ? L["{0}: từ {1} điểm", c.Label, Numbers.Points(c.Min)].Value
            : c.Min == 0 ? L["{0}: dưới {1} điểm", c.Label, Numbers.Points(ordered[i - 1].Min)].Value
            : L["{0}: từ {1} đến dưới {2} điểm", c.Label, Numbers.Points(c.Min), Numbers.Points(ordered[i - 1].Min)].Value)) + ".";
    }

    /// <summary>A problem of the scheme as a sentence the page writes in its reader's language (its parts translated too).</summary>
    public static Sentence Problem(SchemeProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new Sentence(problem.Format, [.. problem.Args.Select(a => a is SchemeProblem part ? Problem(part) : a)]);
    }

    private IActionResult Refuse(IReadOnlyList<string> errors)
    {
        Errors = errors;
        Shown = (Versions.Count > 0 ? Versions[0] : null);
        ShownDefinition = Shown is null ? null : SchemeJson.Parse(Shown.Definition, out _);
        return this.Refuse(Refusal.Invalid);
    }

    private async Task<Guid?> LoadAsync(CancellationToken ct)
    {
        var communeId = await currentUser.CommuneIdAsync(HttpContext, ct);
        var scope = await currentUser.ScopeAsync(User, ct);
        if (communeId is not { } id) return null;
        var plan = await PlanQueries.ActivePlanAsync(db, id, ct);
        if (plan is not null) await SchemeStore.InForceAsync(db, id, new DateOnly(plan.Year, 1, 1), clock, ct);
        RunsReporting = scope is { RunsReporting: true } && scope.CommuneId == id;
        Versions = await SchemeStore.VersionsAsync(db, id, ct);
        return id;
    }
}
