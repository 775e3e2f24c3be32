using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Plans;

/// <summary>What became of a change on the review screen; expected failures are values with a Vietnamese message.</summary>
public abstract record ReviewResult
{
    /// <summary>Saved; <paramref name="Id"/> is the row the officer should look at next (the merged or the new task).</summary>
    public sealed record Done(Guid? Id = null) : ReviewResult;

    /// <summary>Not a draft row of the user's commune: answered as if it did not exist.</summary>
    public sealed record NotFound : ReviewResult, IRefused
    {
        public Refusal Refusal => Refusal.NotFound;
        public string Message => "Dòng này không còn trong bản nháp; có thể người khác vừa gộp hoặc xóa nó.";
    }

    /// <summary>Someone saved the row after the officer read it; nothing was written.</summary>
    public sealed record Conflict : ReviewResult, IRefused
    {
        public Refusal Refusal => Refusal.Conflict;
        public string Message => "Dòng này vừa được người khác sửa hoặc xóa trong lúc bạn xem; chưa có gì thay đổi.";
    }

    /// <summary>The input is wrong; one Vietnamese message per field (the form's property name).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : ReviewResult, IRefused
    {
        public Refusal Refusal => Refusal.BadRequest;
        public string Message => string.Join(" ", Errors.Values);

        public static Invalid Of(string field, string message) => new(new Dictionary<string, string> { [field] = message });
    }
}

/// <summary>The rows of a draft, and only of a draft: a confirmed plan is not changed from the review screen. The commune is the boundary's (ADR 0005).</summary>
internal static class DraftRows
{
    public static IQueryable<PlanTaskRow> Tasks(RoViecDbContext db, Guid planId) =>
        db.Tasks.Where(t => t.PlanId == planId
            && db.Plans.Any(p => p.Id == planId && p.Status == PlanStatuses.Draft));

    public static IQueryable<IndicatorRow> Indicators(RoViecDbContext db, Guid planId) =>
        db.Indicators.Where(i => i.PlanId == planId
            && db.Plans.Any(p => p.Id == planId && p.Status == PlanStatuses.Draft));

    /// <summary>Saves, turning a concurrency failure (a row saved by someone else in between) into a value.</summary>
    public static async Task<ReviewResult> SaveAsync(RoViecDbContext db, ReviewResult done, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ReviewResult.Conflict();
        }
    }
}
