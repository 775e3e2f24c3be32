using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.SixRo;
using RoViec.Domain.Tasks;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Tasks;

/// <summary>A task with all its fields, its "6 rõ" defects, the source text each field came from (highlighted) and its history.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.ReadPlans)]
public sealed class DetailModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    public PlanTaskRow? Task { get; private set; }
    public string? LeadUnitName { get; private set; }
    public string SourceHtml { get; private set; } = "";
    public IReadOnlyDictionary<TaskField, SourceSpan> Spans { get; private set; } = new Dictionary<TaskField, SourceSpan>();
    public IReadOnlyList<SixRoDefect> Defects { get; private set; } = [];
    public IReadOnlyList<RoViec.Web.Features.History.HistoryRow> History { get; private set; } = [];
    /// <summary>The task of the replaced plan this one continues (its reports are this task's history).</summary>
    public (Guid Id, string Name, string Plan)? Continues { get; private set; }
    /// <summary>For a task of a replaced plan: the task of the new plan that continues it, or none (superseded).</summary>
    public (Guid Id, string Name, string Plan)? ContinuedBy { get; private set; }
    /// <summary>A task of a replaced plan that no task of the plan replacing it continues.</summary>
    public bool Superseded { get; private set; }

    /// <summary><see cref="ContinuedBy"/> is the task carried over into next year's plan.</summary>
    public bool CarriedInto { get; private set; }
    public bool CanEdit { get; private set; }
    /// <summary>The standing office: it may stop the task by amending the plan.</summary>
    public bool ManagesPlan { get; private set; }
    /// <summary>The task's deadline as moved and its requests to move it.</summary>
    public RoViec.Web.Features.DeadlineChanges.TaskDeadlineChanges? DeadlineChanges { get; private set; }
    /// <summary>The task's money: its budget lines, disbursements and information-system mark, with the forms the caller may use.</summary>
    public RoViec.Web.Features.Budgets.TaskBudgetSection? Budget { get; private set; }
    /// <summary>The task's derived status today, for a task of a plan in force.</summary>
    public RoViec.Domain.Reporting.TaskHealth? Health { get; private set; }
    /// <summary>The amendments of the plan that added or stopped this task, with their reasons and documents.</summary>
    public IReadOnlyList<PlanAmendment> Amendments { get; private set; } = [];
    /// <summary>The same work in another plan, whose report line answers for this task.</summary>
    public (Guid Id, string Name, string Plan)? SameAs { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var task = await PlanQueries.TaskAsync(db, id, ct);
        if (task is null) return NotFound();
        switch (await currentUser.AccessAsync(HttpContext, task.CommuneId, task.LeadUnitId, ct))
        {
            case ResourceAccess.None: return NotFound();
            case ResourceAccess.Forbidden: return this.Refuse(Refusal.Forbidden);
            case ResourceAccess.Write: CanEdit = true; break;
        }
        // A draft under review is not the commune's plan yet: only those who review it see its rows.
        if (!CanEdit && await PlanQueries.IsDraftAsync(db, task.PlanId, ct)) return NotFound();
        Task = task;
        ManagesPlan = (await currentUser.ScopeAsync(User, ct)) is { RunsReporting: true } scope && scope.CommuneId == task.CommuneId;
        var units = await PlanQueries.UnitsAsync(db, task.CommuneId, ct);
        LeadUnitName = task.LeadUnitId is { } lead && units.TryGetValue(lead, out var unit) ? unit.Name : null;
        Defects = TaskDefects.Of(task, units);
        if (!await PlanQueries.IsDraftAsync(db, task.PlanId, ct))
        {
            var today = RoViec.Domain.Text.VietnamTime.FromUtc(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var facts = await RoViec.Web.Features.Periods.PlanHealth.FactsAsync(db, task.PlanId, DateOnly.FromDateTime(today), ct);
            if (facts.TryGetValue(task.Id, out var mine)) Health = RoViec.Domain.Reporting.TaskStatusRules.Derive(mine, DateOnly.FromDateTime(today));
        }
        var text = await PlanQueries.SourceTextAsync(db, task.PlanId, ct);
        var spans = TaskSpans.Read(task.Spans).ToDictionary();
        // Plans stored before every field had its span still know where the task's text is.
        if (!spans.ContainsKey(TaskField.Name) && task.NameSpanLength > 0)
            spans[TaskField.Name] = new SourceSpan(task.NameSpanStart, task.NameSpanLength);
        Spans = spans;
        SourceHtml = FieldHighlighter.Render(text, spans);
        History = await PlanQueries.HistoryAsync(db, nameof(PlanTaskRow), id, ct);
        DeadlineChanges = await RoViec.Web.Features.DeadlineChanges.DeadlineChangeQueries.ForTaskAsync(db, await currentUser.ScopeAsync(User, ct), task, ct);
        var clock = HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        Budget = new RoViec.Web.Features.Budgets.TaskBudgetSection(
            await RoViec.Web.Features.Budgets.TaskBudgetQueries.ForTaskAsync(db, await currentUser.ScopeAsync(User, ct), task, RoViec.Domain.Text.VietnamTime.VietnamToday(clock), ct));
        (Continues, ContinuedBy, Superseded, CarriedInto) = await ReplacePlan.ContinuationAsync(db, task, ct);
        Amendments = await RoViec.Web.Features.Amendments.AmendPlan.OfTaskAsync(db, task.Id, ct);
        SameAs = await RoViec.Web.Features.Amendments.AmendPlan.SameAsAsync(db, task, ct);
        return Page();
    }
}
