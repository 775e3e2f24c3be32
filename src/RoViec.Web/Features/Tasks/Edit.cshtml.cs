using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Tasks;

/// <summary>
/// Correct a task's fields through <see cref="CorrectTask"/> (the same use case as
/// <c>PUT /api/tasks/{id}</c>): a stale save is a 409 showing both versions, nothing overwritten.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.ManagePlans)]
public sealed class EditModel(RoViecDbContext db, CurrentUser currentUser, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class Form
    {
        public string? Name { get; set; }
        public string? Lead { get; set; }
        public string? Support { get; set; }
        public string? Output { get; set; }
        public string? Deadline { get; set; }
        public string? Directing { get; set; }
        public string? UpstreamSource { get; set; }
        public string? DecisionAuthority { get; set; }
        public bool Priority { get; set; }
        public Guid Version { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public PlanTaskRow? Theirs { get; private set; }

    /// <summary>Why the task's year no longer takes changes (a later year's programme is in force), or null.</summary>
    public string? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var task = await CorrectTask.ReadAsync(db, id, ct);
        if (task is null) return NotFound();
        if (CorrectTask.Refusal(await currentUser.ScopeAsync(User, ct), task) is IRefused refused) return this.Refuse(refused.Refusal);
        if (await CorrectTask.ClosedYearAsync(db, task, ct) is { } closed)
        {
            Closed = closed.In(L);
            return this.Refuse(Refusal.Conflict);
        }
        Input = new Form
        {
            Name = task.Name,
            Lead = task.LeadAsWritten,
            Support = task.SupportAsWritten,
            Output = task.Output,
            Deadline = task.DeadlineRaw,
            Directing = task.Directing,
            UpstreamSource = task.UpstreamSource,
            DecisionAuthority = task.DecisionAuthority,
            Priority = task.Priority,
            Version = task.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // Only a tampered form gets here (the version is a hidden field); nothing is saved.
            var task = await CorrectTask.ReadAsync(db, id, ct);
            if (task is null) return NotFound();
            if (CorrectTask.Refusal(await currentUser.ScopeAsync(User, ct), task) is IRefused refused) return this.Refuse(refused.Refusal);
            return this.Refuse(Refusal.BadRequest);
        }
        var result = await CorrectTask.RunAsync(db, await currentUser.ScopeAsync(User, ct), id, new TaskCorrection(Input.Name, Input.Lead, Input.Support, Input.Directing, Input.Output, Input.Deadline, Input.UpstreamSource, Input.DecisionAuthority, Input.Priority, Input.Version), ct);
        switch (result)
        {
            case CorrectTaskResult.Saved:
                return Redirect($"/nhiem-vu/{id}");
            case CorrectTaskResult.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                {
                    foreach (var message in messages) ModelState.AddModelError($"{nameof(Input)}.{char.ToUpperInvariant(field[0])}{field[1..]}", L[message]);
                }
                return this.Refuse(invalid.Refusal);
            case CorrectTaskResult.YearClosed yearClosed:
                Closed = yearClosed.Why.In(L);
                return this.Refuse(yearClosed.Refusal);
            case CorrectTaskResult.Conflict conflict:
                Theirs = conflict.Current;
                Input.Version = Theirs.Version;
                ModelState.Clear();
                return this.Refuse(conflict.Refusal);
            default:
                // Another commune's task does not exist for this user (404); one they may only read is refused (403).
                return this.Refuse(((IRefused)result).Refusal);
        }
    }
}
