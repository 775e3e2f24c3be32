using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.SixRo;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.Plans;

/// <summary>The "6 rõ" defect list of the plan in force: each defect with a link to its task, counted by criterion.</summary>
[Authorize(Policy = Policies.ReadPlans)]
public sealed class DefectsModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    public sealed record Line(PlanTaskRow Task, SixRoDefect Defect);

    public Plan? Plan { get; private set; }
    public int TaskCount { get; private set; }
    public int CleanCount { get; private set; }
    public IReadOnlyList<Line> Lines { get; private set; } = [];
    public IReadOnlyList<(SixRoCriterion Criterion, int Count)> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plan = await PlanQueries.ActivePlanAsync(db, await currentUser.CommuneIdAsync(HttpContext, ct), ct);
        if (Plan is null) return;
        var units = await PlanQueries.UnitsAsync(db, Plan.CommuneId, ct);
        var visible = await currentUser.VisibleTasksAsync(HttpContext, ct);
        var tasks = await visible.AsNoTracking().Where(t => t.PlanId == Plan.Id).OrderBy(t => t.Order).ToListAsync(ct);
        var defects = tasks.Select(t => (Task: t, Defects: TaskDefects.Of(t, units))).ToList();
        TaskCount = tasks.Count;
        CleanCount = defects.Count(d => d.Defects.Count == 0);
        Lines = [.. defects.SelectMany(d => d.Defects.Select(x => new Line(d.Task, x)))];
        Counts = [.. Enum.GetValues<SixRoCriterion>().Select(c => (c, Lines.Count(l => l.Defect.Criterion == c)))];
    }
}
