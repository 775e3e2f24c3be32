using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Provinces;

/// <summary>
/// `/tinh/giao-viec` — the province office pushes its plan's tasks and common indicators down to all or some of its
/// communes (<see cref="PushDown"/>), and sees for each how many communes have localised it, declined it or not yet
/// answered. Province office only.
/// </summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class PushDownPageModel(RoViecDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PushDownQueries.Published View { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    /// <summary>Which form the errors belong to ("task" or "indicator").</summary>
    public string? FailedForm { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostTaskAsync(string? basis, string? code, string? name, string? output, string? deadline, bool priority, List<Guid>? communes, CancellationToken ct) =>
        RunAsync("task", scope => PushDown.PublishTaskAsync(db, scope, new PushDown.TaskInput(basis, code, name, output, deadline, priority, communes ?? []), Now, ct), ct);

    public Task<IActionResult> OnPostIndicatorAsync(string? name, string? unit, string? target, string? rhythm, string? numerator, string? denominator, string? aggregation,
        List<Guid>? communes, CancellationToken ct) =>
        RunAsync("indicator", scope => PushDown.PublishIndicatorAsync(db, scope, new PushDown.IndicatorInput(name, unit, target, rhythm, numerator, denominator, aggregation, communes ?? []), Now, ct), ct);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<IActionResult> RunAsync(string form, Func<UserScope?, Task<PushDown.Outcome>> work, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        switch (await work(await currentUser.ScopeAsync(User, ct)))
        {
            case PushDown.Outcome.Done done:
                Notice = done.Note.In(localizer);
                return Redirect("/tinh/giao-viec");
            case PushDown.Outcome.Invalid invalid:
                Errors = invalid.Errors.ToDictionary(e => e.Key, e => e.Value.In(localizer));
                FailedForm = form;
                return this.Refuse(Refusal.BadRequest);
            default:
                return this.Refuse(Refusal.Forbidden);
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        if (scope is not { IsProvinceLevel: true, ProvinceId: { } provinceId } || !scope.IsIn(Roles.ProvinceOffice)) return this.Refuse(Refusal.Forbidden);
        View = await PushDownQueries.PublishedAsync(db, provinceId, ct);
        return null;
    }

    public string? Error(string form, string field) => FailedForm == form && Errors.TryGetValue(field, out var e) ? e : null;
}
