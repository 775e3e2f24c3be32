using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Workspace;

/// <summary>
/// Bulk assignment of a lead unit to several tasks of the commune, in one save: every task or none.
/// Each task travels with the version the officer saw; if any was changed in between, nothing is
/// saved and the officer is told which.
/// </summary>
public static class AssignLead
{
    public abstract record Result
    {
        public sealed record Assigned(int Count) : Result;
        public sealed record Invalid(string Field, string Message) : Result, IRefused
        {
            public Refusal Refusal => Refusal.BadRequest;
        }

        public sealed record Conflict(IReadOnlyList<string> ChangedTasks) : Result, IRefused
        {
            public Refusal Refusal => Refusal.Conflict;
            public string Message => $"Chưa giao: nhiệm vụ sau vừa được người khác sửa, hãy xem lại rồi giao lại: {string.Join("; ", ChangedTasks)}.";
        }
    }

    public static async Task<Result> RunAsync(RoViecDbContext db, Guid communeId, IReadOnlyList<(Guid Id, Guid Version)> tasks, Guid? unitId, CancellationToken ct)
    {
        if (tasks.Count == 0) return new Result.Invalid("tasks", "Hãy chọn ít nhất một nhiệm vụ để giao.");
        if (unitId is null) return new Result.Invalid("unit", "Hãy chọn đơn vị chủ trì.");
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId && u.Active, ct);
        if (unit is null) return new Result.Invalid("unit", "Đơn vị chủ trì không thuộc xã hoặc đã ngừng hoạt động.");
        var ids = tasks.Select(t => t.Id).Distinct().ToList();
        var rows = await db.Tasks.Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        if (rows.Count != ids.Count) return new Result.Invalid("tasks", "Có nhiệm vụ được chọn không thuộc kế hoạch của xã.");
        foreach (var planId in rows.Select(r => r.PlanId).Distinct())
        {
            if (await Plans.PlanQueries.ClosedYearAsync(db, planId, ct) is { } closed) return new Result.Invalid("tasks", closed.ToString());
        }
        var seen = tasks.ToDictionary(t => t.Id, t => t.Version);
        var changed = rows.Where(r => r.Version != seen[r.Id]).Select(r => r.Code is { Length: > 0 } code ? code : r.Name).ToList();
        if (changed.Count > 0) return new Result.Conflict(changed);
        foreach (var row in rows)
        {
            db.Entry(row).Property(r => r.Version).OriginalValue = seen[row.Id];
            row.LeadUnitId = unit.Id;
            row.LeadAsWritten = unit.Name;
            row.Spans = Plans.TaskSpans.Without(row.Spans, Domain.Tasks.TaskField.Lead);
            row.Version = Guid.NewGuid();
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            return new Result.Conflict([.. e.Entries.Select(x => x.Entity).OfType<Data.Entities.PlanTaskRow>().Select(r => r.Code ?? r.Name)]);
        }
        return new Result.Assigned(rows.Count);
    }
}
