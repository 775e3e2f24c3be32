using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Budgets;

/// <summary>
/// Who may do what with a task's money: the standing office (and the commune's administrator) allocates, marks an
/// information system and records disbursements; the lead unit's reporter records disbursements of its own tasks;
/// everyone who may read the task reads its money.
/// </summary>
public static class TaskBudgetAccess
{
    public const string NotOffice = "Chỉ cơ quan thường trực (hoặc quản trị) mới giao kinh phí và đánh dấu nhiệm vụ đầu tư hệ thống thông tin.";
    public const string NotLead = "Chỉ cơ quan thường trực hoặc cán bộ báo cáo của đơn vị chủ trì nhiệm vụ mới ghi giải ngân được.";

    /// <summary>The task and the year and state of its plan; null when the caller's commune boundary shows no such task.</summary>
    public static async Task<(PlanTaskRow Task, int Year, string PlanStatus)?> ReadTaskAsync(RoViecDbContext db, Guid taskId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId)
            .Join(db.Plans, t => t.PlanId, p => p.Id, (t, p) => new { Task = t, p.Year, p.Status }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Task, row.Year, row.Status);
    }

    public static bool MayAllocate(UserScope? caller, PlanTaskRow task) =>
        caller is { ManagesPlans: true } && task is not null && caller.CommuneId == task.CommuneId;

    public static bool MayDisburse(UserScope? caller, PlanTaskRow task) =>
        MayAllocate(caller, task)
        || (caller is { ReportsForUnit: true } && task is not null && caller.CommuneId == task.CommuneId && caller.UnitId == task.LeadUnitId);

    /// <summary>Why the caller may not change this task's money (404, 403, or 409 for a plan not in force); null: they may.</summary>
    public static BudgetOutcome? Refusal(UserScope? caller, PlanTaskRow task, string planStatus, bool disbursement)
    {
        ArgumentNullException.ThrowIfNull(task);
        switch (CurrentUser.AccessTo(caller, task.CommuneId, task.LeadUnitId))
        {
            case ResourceAccess.None: return new BudgetOutcome.NotFound();
            case ResourceAccess.Forbidden: return new BudgetOutcome.Forbidden(disbursement ? NotLead : NotOffice);
        }
        if (planStatus == PlanStatuses.Draft && !MayAllocate(caller, task)) return new BudgetOutcome.NotFound();
        if (disbursement ? !MayDisburse(caller, task) : !MayAllocate(caller, task))
            return new BudgetOutcome.Forbidden(disbursement ? NotLead : NotOffice);
        if (planStatus != PlanStatuses.Active)
            return new BudgetOutcome.Conflict("Chỉ ghi kinh phí cho nhiệm vụ của kế hoạch đang thực hiện.");
        return null;
    }

    /// <summary>
    /// What the task's allocation looked like when a form was shown (its lines and its information-system mark, by
    /// version): a save over a different one is someone else's change meanwhile, a conflict.
    /// </summary>
    public static async Task<string> FingerprintAsync(RoViecDbContext db, Guid taskId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Read, then written here: a database writes a Guid as text its own way.
        var lines = await db.TaskBudgetLines.AsNoTracking().Where(l => l.TaskId == taskId).Select(l => new { l.Source, l.Version }).ToListAsync(ct);
        var system = await db.TaskInformationSystems.AsNoTracking().Where(s => s.TaskId == taskId).Select(s => s.Version).ToListAsync(ct);
        return Fingerprint(lines.Select(l => l.Source + ":" + l.Version).Concat(system.Select(v => "is:" + v)));
    }

    public static string Fingerprint(IEnumerable<string> parts)
    {
        var text = string.Join("|", parts.Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }

    public static readonly Sentence Changed =
        "Kinh phí của nhiệm vụ vừa được người khác thay đổi; hãy xem lại số liệu mới rồi ghi lại.";
}
