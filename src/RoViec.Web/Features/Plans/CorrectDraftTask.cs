using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Tasks;

namespace RoViec.Web.Features.Plans;

/// <summary>Corrects a draft task by the rules of <see cref="TaskFields"/>. A stale version changes nothing.</summary>
public static class CorrectDraftTask
{
    public static async Task<ReviewResult> RunAsync(RoViecDbContext db, Guid communeId, Guid planId, Guid taskId, TaskCorrection input, CancellationToken ct)
    {
        var task = await DraftRows.Tasks(db, planId).FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return new ReviewResult.NotFound();
        if (task.Version != input.Version) return new ReviewResult.Conflict();
        var year = await db.Plans.Where(p => p.Id == planId).Select(p => p.Year).FirstAsync(ct);

        var (errors, changed) = await TaskFields.ApplyAsync(db, task, year, input, ct);
        if (errors.Count > 0) return new ReviewResult.Invalid(errors);
        if (!changed) return new ReviewResult.Done(task.Id);
        return await DraftRows.SaveAsync(db, new ReviewResult.Done(task.Id), ct);
    }
}
