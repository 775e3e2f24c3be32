using Microsoft.EntityFrameworkCore;
using RoViec.Data;

namespace RoViec.Web.Features.Plans;

/// <summary>Removes a line of a draft that is not a task (a heading or a sentence the importer took for one).</summary>
public static class RemoveTask
{
    public static async Task<ReviewResult> RunAsync(RoViecDbContext db, Guid communeId, Guid planId, Guid taskId, Guid version, CancellationToken ct)
    {
        var task = await DraftRows.Tasks(db, planId).FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return new ReviewResult.NotFound();
        if (task.Version != version) return new ReviewResult.Conflict();
        db.Tasks.Remove(task);
        return await DraftRows.SaveAsync(db, new ReviewResult.Done(), ct);
    }
}
