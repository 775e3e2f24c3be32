using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Tasks;

/// <summary>The answer of <see cref="CorrectTask"/>: one of its nested records.</summary>
public abstract record CorrectTaskResult
{
    private CorrectTaskResult()
    {
    }

    /// <summary>Saved; the row as it now reads, with its new version.</summary>
    public sealed record Saved(PlanTaskRow Task) : CorrectTaskResult;

    /// <summary>Refused input: Vietnamese messages per field (camelCase keys: "name", "lead", …); nothing saved.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : CorrectTaskResult, IRefused
    {
        public Refusal Refusal => Refusal.BadRequest;
        public string Message => string.Join(" ", Errors.Values.SelectMany(m => m));
    }

    /// <summary>Someone saved the task after the caller read it; nothing was overwritten. The row as it now reads.</summary>
    public sealed record Conflict(PlanTaskRow Current) : CorrectTaskResult, IRefused
    {
        public Refusal Refusal => Refusal.Conflict;
        public string Message => "Người khác vừa lưu nhiệm vụ này sau khi bạn đọc; chưa có gì bị ghi đè. Hãy xem bản đang lưu (current), rồi gửi lại với version = currentVersion nếu vẫn muốn thay.";
    }

    /// <summary>No such task, or one of another commune (which the caller must not learn exists).</summary>
    public sealed record NotFound : CorrectTaskResult, IRefused
    {
        public Refusal Refusal => Refusal.NotFound;
        public string Message => "Không có nhiệm vụ này, hoặc nó không thuộc phạm vi của bạn.";
    }

    /// <summary>The task's year is closed (a later year's programme is in force): it stays readable, no longer changed.</summary>
    public sealed record YearClosed(Sentence Why) : CorrectTaskResult, IRefused
    {
        public Refusal Refusal => Refusal.Conflict;
        public string Message => Why.ToString();
    }

    /// <summary>The caller may know the task but not change it (another unit's, or not a plan manager).</summary>
    public sealed record Forbidden : CorrectTaskResult, IRefused
    {
        public Refusal Refusal => Refusal.Forbidden;
        public string Message => "Nhiệm vụ này thuộc đơn vị khác hoặc bạn không có quyền sửa nó.";
    }
}

/// <summary>
/// Correct a task's fields, shared by the edit page and <c>PUT /api/tasks/{id}</c>. The version read
/// with the form travels back with it: if someone else saved in between, nothing is overwritten and
/// the caller gets the row as it now reads. The fields follow <see cref="TaskFields"/>.
/// </summary>
public static class CorrectTask
{
    /// <summary>Why the task can no longer be changed because its year is closed, or null.</summary>
    public static Task<Sentence?> ClosedYearAsync(RoViecDbContext db, PlanTaskRow task, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Plans.PlanQueries.ClosedYearAsync(db, task.PlanId, ct);
    }

    /// <summary>The task as it now reads (not tracked), for the form; null if there is none the caller may see.</summary>
    public static Task<PlanTaskRow?> ReadAsync(RoViecDbContext db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
    }

    /// <summary>Whether <paramref name="caller"/> may change the task, without changing anything: the page asks this before showing the form.</summary>
    public static CorrectTaskResult? Refusal(UserScope? caller, PlanTaskRow task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return CurrentUser.AccessTo(caller, task.CommuneId, task.LeadUnitId) switch
        {
            ResourceAccess.None => new CorrectTaskResult.NotFound(),
            ResourceAccess.Write => null,
            _ => new CorrectTaskResult.Forbidden(),
        };
    }

    public static Task<CorrectTaskResult> RunAsync(RoViecDbContext db, UserScope? caller, Guid id, TaskCorrection input, CancellationToken ct) =>
        RunAsync(db, caller, id, _ => input, ct);

    /// <param name="build">The correction from the row as it now reads (an API call may leave some fields as they are).</param>
    public static async Task<CorrectTaskResult> RunAsync(RoViecDbContext db, UserScope? caller, Guid id, Func<PlanTaskRow, TaskCorrection> build, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(build);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return new CorrectTaskResult.NotFound();
        if (Refusal(caller, task) is { } refused) return refused;
        if (await Plans.PlanQueries.ClosedYearAsync(db, task.PlanId, ct) is { } closed) return new CorrectTaskResult.YearClosed(closed);
        var input = build(task);
        var year = await db.Plans.Where(p => p.Id == task.PlanId).Select(p => p.Year).FirstAsync(ct);
        // The version the officer edited, not the one just read: a save in between is a conflict.
        db.Entry(task).Property(t => t.Version).OriginalValue = input.Version;
        if (input.Version != Guid.Empty && task.Version != input.Version)
        {
            db.ChangeTracker.Clear();
            return new CorrectTaskResult.Conflict(await db.Tasks.AsNoTracking().FirstAsync(t => t.Id == id, ct));
        }
        var (errors, changed) = await TaskFields.ApplyAsync(db, task, year, input, ct);
        // All the refusals at once, the missing version among them; nothing is saved (the row stays unsaved in this request).
        var refusals = errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => new[] { e.Value }, StringComparer.Ordinal);
        if (input.Version == Guid.Empty) refusals["version"] = [MissingVersion];
        if (refusals.Count > 0) return new CorrectTaskResult.Invalid(refusals);
        if (!changed) return new CorrectTaskResult.Saved(task);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
            return current is null ? new CorrectTaskResult.NotFound() : new CorrectTaskResult.Conflict(current);
        }
        return new CorrectTaskResult.Saved(task);
    }

    public const string MissingVersion = "Thiếu phiên bản (version) của nhiệm vụ: hãy đọc nhiệm vụ trước rồi gửi lại đúng phiên bản đã đọc.";
}
