using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Reporting;
using RoViec.Web.Features.Periods;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.CarryOver;

/// <summary>
/// The year turns (issue 16): the standing office carries last year's unfinished tasks into this year's plan. A carried
/// task is a new task of the plan ("chuyển tiếp", <see cref="TaskSources.CarriedOver"/>) linked to the old one
/// (<see cref="PlanTaskRow.ReplacesTaskId"/>), so each year keeps its own reports and either task's page leads to the other.
/// </summary>
public static class CarryOver
{
    /// <summary>An unfinished task of last year that nothing continues yet.</summary>
    public sealed record Candidate(Guid TaskId, string? Code, string Name, string Plan, string Lead, TaskHealth Health, string? Output);

    public abstract record Outcome
    {
        public sealed record Done(int Count) : Outcome;

        public sealed record NotFound : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.NotFound;
            public string Message => "Không tìm thấy kế hoạch đang thực hiện này, hoặc nó không thuộc phạm vi của bạn.";
        }

        public sealed record Refused(string Message) : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.BadRequest;
        }
    }

    /// <summary>The tasks of the commune's plans of the year before <paramref name="plan"/>'s still open on <paramref name="today"/> and not yet carried or continued.</summary>
    public static async Task<IReadOnlyList<Candidate>> CandidatesAsync(RoViecDbContext db, Plan plan, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var earlier = await db.Plans.AsNoTracking()
            .Where(p => p.CommuneId == plan.CommuneId && p.Year == plan.Year - 1 && p.Status != PlanStatuses.Draft)
            .OrderBy(p => p.ConfirmedAtUtc).ToListAsync(ct);
        if (earlier.Count == 0) return [];
        var continued = (await db.Tasks.AsNoTracking().Where(t => t.CommuneId == plan.CommuneId && t.ReplacesTaskId != null)
            .Select(t => t.ReplacesTaskId!.Value).ToListAsync(ct)).ToHashSet();
        var units = await PlanQueries.UnitNamesAsync(db, plan.CommuneId, ct);
        var candidates = new List<Candidate>();
        foreach (var old in earlier)
        {
            var health = await PlanHealth.ComputeAsync(db, old.Id, today, ct);
            var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == old.Id).OrderBy(t => t.Order).ToListAsync(ct);
            foreach (var task in tasks)
            {
                var status = health.GetValueOrDefault(task.Id, TaskHealth.NotStarted);
                if (continued.Contains(task.Id) || !TaskStatusRules.IsOpen(status) || task.DeadlineKind == nameof(DeadlineKind.Done)) continue;
                var lead = task.LeadUnitId is { } id && units.TryGetValue(id, out var name) ? name : task.LeadAsWritten;
                candidates.Add(new Candidate(task.Id, task.Code, task.Name, old.Title, lead, status, task.Output));
            }
        }
        return candidates;
    }

    /// <summary>
    /// Carries the chosen tasks into the plan in force, at its end under "Nhiệm vụ chuyển tiếp từ năm …", due by the end
    /// of the plan's year (the officer edits the deadline on the task's page); the plan's open period gets their lines.
    /// Every chosen task must still be a candidate, or nothing is saved.
    /// </summary>
    public static async Task<Outcome> ApplyAsync(RoViecDbContext db, Guid planId, IReadOnlyCollection<Guid> chosen, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(chosen);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.Status == PlanStatuses.Active, ct);
        if (plan is null) return new Outcome.NotFound();
        if (chosen.Count == 0) return new Outcome.Refused("Hãy chọn ít nhất một nhiệm vụ để chuyển tiếp.");
        var today = DateOnly.FromDateTime(RoViec.Domain.Text.VietnamTime.FromUtc(nowUtc));
        var open = (await CandidatesAsync(db, plan, today, ct)).Select(c => c.TaskId).ToHashSet();
        if (chosen.Any(id => !open.Contains(id)))
            return new Outcome.Refused("Có nhiệm vụ được chọn không còn chuyển tiếp được (đã hoàn thành, đã được chuyển tiếp hoặc không thuộc kế hoạch năm trước); hãy tải lại trang và chọn lại.");

        var old = await db.Tasks.AsNoTracking().Where(t => chosen.Contains(t.Id)).ToListAsync(ct);
        var plans = await db.Plans.AsNoTracking().Where(p => old.Select(t => t.PlanId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.ConfirmedAtUtc, ct);
        var order = await PlanDrafts.NextOrderAsync(db, plan.Id, ct);
        foreach (var task in old.OrderBy(t => plans.GetValueOrDefault(t.PlanId)).ThenBy(t => t.Order))
        {
            db.Tasks.Add(new PlanTaskRow
            {
                Id = Guid.NewGuid(),
                CommuneId = plan.CommuneId,
                PlanId = plan.Id,
                Order = order,
                Source = TaskSources.CarriedOver,
                Section = $"Nhiệm vụ chuyển tiếp từ năm {plan.Year - 1}",
                Code = task.Code,
                Name = task.Name,
                LeadUnitId = task.LeadUnitId,
                LeadAsWritten = task.LeadAsWritten,
                SupportAsWritten = task.SupportAsWritten,
                Directing = task.Directing,
                Output = task.Output,
                DeadlineRaw = $"Năm {plan.Year} (chuyển tiếp)",
                DeadlineKind = nameof(DeadlineKind.Year),
                DeadlineDue = new DateOnly(plan.Year, 12, 31),
                UpstreamSource = task.UpstreamSource,
                DecisionAuthority = task.DecisionAuthority,
                Priority = task.Priority,
                ReplacesTaskId = task.Id,
                Version = Guid.NewGuid(),
            });
            order += PlanDrafts.OrderStep;
        }
        await db.SaveChangesAsync(ct);
        // The period open now asks the carried tasks' units about them at once (reports still being written get the lines).
        var periods = await db.Periods.Where(p => p.PlanId == plan.Id && p.State == PeriodStates.Open).ToListAsync(ct);
        foreach (var period in periods) await OpenPeriod.OpenAsync(db, period, nowUtc, ct);
        return new Outcome.Done(old.Count);
    }
}
