using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Budgets;

/// <summary>
/// The standing office sets what a task is allocated from one source for the plan's year. The amount may not fall
/// below what was already disbursed from that source, nor leave the task less than its information-security share.
/// </summary>
public static class AllocateTaskBudget
{
    public static async Task<BudgetOutcome> RunAsync(RoViecDbContext db, UserScope? caller, Guid taskId, string? source, string? amount, string? seen,
        DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await TaskBudgetAccess.ReadTaskAsync(db, taskId, ct) is not { } found) return new BudgetOutcome.NotFound();
        var (task, _, status) = found;
        if (TaskBudgetAccess.Refusal(caller, task, status, disbursement: false) is { } refused) return refused;

        var errors = new Dictionary<string, Sentence>(StringComparer.Ordinal);
        var key = BudgetText.ParseSource(source);
        if (key is null) errors["Source"] = UnknownSource;
        var allocated = BudgetText.ParseMoney(amount, out var moneyError);
        if (moneyError is not null) errors["Amount"] = moneyError;
        if (errors.Count > 0) return new BudgetOutcome.Invalid(errors);

        if (await TaskBudgetAccess.FingerprintAsync(db, taskId, ct) != (seen ?? "").Trim()) return new BudgetOutcome.Conflict(TaskBudgetAccess.Changed);
        var lines = await db.TaskBudgetLines.Where(l => l.TaskId == taskId).ToListAsync(ct);
        var disbursed = (await db.TaskDisbursements.AsNoTracking().Where(d => d.TaskId == taskId && d.Source == key).Select(d => d.Amount).ToListAsync(ct)).Sum();
        if (allocated < disbursed)
            errors["Amount"] = new Sentence("Kinh phí giao từ nguồn {0} không được thấp hơn số đã giải ngân ({1:#,0} đồng).", new Sentence(BudgetText.SourceLabel(key!)), disbursed);
        var total = lines.Where(l => l.Source != key).Sum(l => l.Allocated) + allocated!.Value;
        var security = await db.TaskInformationSystems.AsNoTracking().Where(s => s.TaskId == taskId).Select(s => (decimal?)s.SecurityAllocated).FirstOrDefaultAsync(ct);
        if (security is { } share && share > total)
            errors["Amount"] = new Sentence("Tổng kinh phí của nhiệm vụ ({0:#,0} đồng) sẽ thấp hơn kinh phí dành cho an toàn thông tin ({1:#,0} đồng).", total, share);
        if (errors.Count > 0) return new BudgetOutcome.Invalid(errors);

        var line = lines.FirstOrDefault(l => l.Source == key);
        if (line is null)
        {
            line = new TaskBudgetLine { Id = Guid.NewGuid(), CommuneId = task.CommuneId, TaskId = taskId, Source = key! };
            db.TaskBudgetLines.Add(line);
        }
        else if (line.Allocated == allocated) return new BudgetOutcome.Done();
        line.Allocated = allocated.Value;
        line.EnteredBy = caller!.UserName;
        line.EnteredAtUtc = nowUtc;
        line.Version = Guid.NewGuid();
        return await SaveAsync(db, ct);
    }

    /// <summary>One save; a row someone else saved meanwhile (a version changed, or the same source added twice) is a conflict.</summary>
    internal static async Task<BudgetOutcome> SaveAsync(RoViecDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new BudgetOutcome.Done();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new BudgetOutcome.Conflict(TaskBudgetAccess.Changed);
        }
    }

    internal static readonly Sentence UnknownSource = "Nguồn kinh phí không hợp lệ: hãy chọn Ngân sách xã, Ngân sách tỉnh, Xã hội hóa hoặc Khác.";
}
