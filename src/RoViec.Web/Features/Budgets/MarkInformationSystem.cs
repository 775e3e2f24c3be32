using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Budgets;

/// <summary>
/// The standing office marks a task as an investment in an information system ("đầu tư hệ thống thông tin") with the
/// money of its allocation set aside for information security, or takes the mark off. The security money may not be
/// more than the task's whole allocation.
/// </summary>
public static class MarkInformationSystem
{
    public static async Task<BudgetOutcome> RunAsync(RoViecDbContext db, UserScope? caller, Guid taskId, bool informationSystem, string? security, string? seen,
        DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await TaskBudgetAccess.ReadTaskAsync(db, taskId, ct) is not { } found) return new BudgetOutcome.NotFound();
        var (task, _, status) = found;
        if (TaskBudgetAccess.Refusal(caller, task, status, disbursement: false) is { } refused) return refused;

        decimal amount = 0;
        if (informationSystem)
        {
            var parsed = BudgetText.ParseMoney(security, out var error);
            if (error is not null) return new BudgetOutcome.Invalid(new Dictionary<string, Sentence>(StringComparer.Ordinal) { ["Security"] = error });
            amount = parsed!.Value;
        }
        if (await TaskBudgetAccess.FingerprintAsync(db, taskId, ct) != (seen ?? "").Trim()) return new BudgetOutcome.Conflict(TaskBudgetAccess.Changed);
        var row = await db.TaskInformationSystems.FirstOrDefaultAsync(s => s.TaskId == taskId, ct);
        if (!informationSystem)
        {
            if (row is null) return new BudgetOutcome.Done();
            db.TaskInformationSystems.Remove(row);
            return await AllocateTaskBudget.SaveAsync(db, ct);
        }
        var total = (await db.TaskBudgetLines.AsNoTracking().Where(l => l.TaskId == taskId).Select(l => l.Allocated).ToListAsync(ct)).Sum();
        if (amount > total)
            return new BudgetOutcome.Invalid(new Dictionary<string, Sentence>(StringComparer.Ordinal)
            {
                ["Security"] = new Sentence("Kinh phí cho an toàn thông tin ({0:#,0} đồng) vượt tổng kinh phí được giao của nhiệm vụ ({1:#,0} đồng).", amount, total),
            });
        if (row is null)
        {
            row = new TaskInformationSystem { Id = Guid.NewGuid(), CommuneId = task.CommuneId, TaskId = taskId };
            db.TaskInformationSystems.Add(row);
        }
        else if (row.SecurityAllocated == amount) return new BudgetOutcome.Done();
        row.SecurityAllocated = amount;
        row.EnteredBy = caller!.UserName;
        row.EnteredAtUtc = nowUtc;
        row.Version = Guid.NewGuid();
        return await AllocateTaskBudget.SaveAsync(db, ct);
    }
}
