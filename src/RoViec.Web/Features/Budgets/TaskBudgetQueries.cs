using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;

namespace RoViec.Web.Features.Budgets;

/// <summary>A task's money for its page: the lines by source, every disbursement, its information-system mark, and what the caller may record.</summary>
public static class TaskBudgetQueries
{
    public sealed record Line(string Source, decimal Allocated, decimal Disbursed)
    {
        public decimal? Rate => BudgetText.Rate(Disbursed, Allocated);
    }

    public sealed record Payment(int Year, int Month, string Source, decimal Amount, string Basis, string RecordedBy, DateTime RecordedAtUtc);

    public sealed record TaskBudget(Guid TaskId, int Year, int DefaultMonth, IReadOnlyList<Line> Lines, IReadOnlyList<Payment> Payments,
        bool InformationSystem, decimal SecurityAllocated, decimal Threshold, bool CanAllocate, bool CanDisburse, string Seen)
    {
        public decimal Allocated => Lines.Sum(l => l.Allocated);
        public decimal Disbursed => Lines.Sum(l => l.Disbursed);
        public decimal? Rate => BudgetText.Rate(Disbursed, Allocated);
        public decimal? SecurityShare => InformationSystem ? BudgetText.Rate(SecurityAllocated, Allocated) : null;
        public bool BelowThreshold => InformationSystem && Allocated > 0 && SecurityAllocated * 100m < Threshold * Allocated;

        /// <summary>Whether the task page has anything to show or offer.</summary>
        public bool Shown => Lines.Count > 0 || InformationSystem || CanAllocate;
    }

    /// <param name="today">Vietnam's date: the month offered for a disbursement (the plan's last month for a past year's plan).</param>
    public static async Task<TaskBudget> ForTaskAsync(RoViecDbContext db, UserScope? caller, PlanTaskRow task, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(task);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == task.PlanId).Select(p => new { p.Year, p.Status }).SingleAsync(ct);
        var lines = await db.TaskBudgetLines.AsNoTracking().Where(l => l.TaskId == task.Id).ToListAsync(ct);
        var payments = await db.TaskDisbursements.AsNoTracking().Where(d => d.TaskId == task.Id)
            .Select(d => new Payment(d.Year, d.Month, d.Source, d.Amount, d.Basis, d.RecordedBy, d.RecordedAtUtc)).ToListAsync(ct);
        var system = await db.TaskInformationSystems.AsNoTracking().FirstOrDefaultAsync(s => s.TaskId == task.Id, ct);
        var (threshold, _) = await SecurityThreshold.ReadAsync(db, task.CommuneId, ct);
        var active = plan.Status == PlanStatuses.Active;
        var seen = TaskBudgetAccess.Fingerprint(lines.Select(l => l.Source + ":" + l.Version).Concat(system is null ? [] : ["is:" + system.Version]));
        var month = plan.Year < today.Year ? 12 : today.Month;
        return new TaskBudget(task.Id, plan.Year, month,
            [.. BudgetSources.All.Where(s => lines.Any(l => l.Source == s))
                .Select(s => new Line(s, lines.Single(l => l.Source == s).Allocated, payments.Where(p => p.Source == s).Sum(p => p.Amount)))],
            [.. payments.OrderBy(p => p.Year).ThenBy(p => p.Month).ThenBy(p => p.RecordedAtUtc)],
            system is not null, system?.SecurityAllocated ?? 0, threshold,
            active && TaskBudgetAccess.MayAllocate(caller, task), active && lines.Count > 0 && TaskBudgetAccess.MayDisburse(caller, task), seen);
    }
}
