using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Web.Features.Access;

namespace RoViec.Web.Features.Tasks;

/// <summary>
/// What an officer sends to correct a task: the fields as they should read, and the version they
/// read before editing. A field left empty is cleared (the name excepted: it is required).
/// </summary>
public sealed record TaskCorrection(string? Name, string? Lead, string? Support, string? Output, string? Deadline, Guid Version);

/// <summary>The answer of <see cref="CorrectTask"/>: one of its nested records.</summary>
public abstract record CorrectTaskResult
{
    private CorrectTaskResult()
    {
    }

    /// <summary>Saved; the row as it now reads, with its new version.</summary>
    public sealed record Saved(PlanTaskRow Task) : CorrectTaskResult;

    /// <summary>Refused input: Vietnamese messages per field (camelCase keys: "name", "lead", …); nothing saved.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : CorrectTaskResult;

    /// <summary>Someone saved the task after the caller read it; nothing was overwritten. The row as it now reads.</summary>
    public sealed record Conflict(PlanTaskRow Current) : CorrectTaskResult;

    /// <summary>No such task, or one of another commune (which the caller must not learn exists).</summary>
    public sealed record NotFound : CorrectTaskResult;

    /// <summary>The caller may know the task but not change it (another unit's, or not a plan manager).</summary>
    public sealed record Forbidden : CorrectTaskResult;
}

/// <summary>
/// Correct a task's fields, shared by the edit page and <c>PUT /api/tasks/{id}</c>. The version read
/// with the form travels back with it: if someone else saved in between, nothing is overwritten and
/// the caller gets the row as it now reads. The deadline is re-read from its new wording.
/// </summary>
public sealed class CorrectTask(RoViecDbContext db, CurrentUser currentUser)
{
    public const int NameMax = 4000;
    public const int LeadMax = 500;
    public const int SupportMax = 1000;
    public const int OutputMax = 2000;
    public const int DeadlineMax = 500;

    /// <summary>Whether the caller may change the task, without changing anything: the page asks this before showing the form.</summary>
    public async Task<CorrectTaskResult?> RefusalAsync(HttpContext http, PlanTaskRow task, CancellationToken ct) =>
        await currentUser.AccessAsync(http, task.CommuneId, task.LeadUnitId, ct) switch
        {
            ResourceAccess.None => new CorrectTaskResult.NotFound(),
            ResourceAccess.Write => null,
            _ => new CorrectTaskResult.Forbidden(),
        };

    public async Task<CorrectTaskResult> RunAsync(HttpContext http, Guid id, TaskCorrection input, CancellationToken ct)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return new CorrectTaskResult.NotFound();
        if (await RefusalAsync(http, task, ct) is { } refused) return refused;
        var errors = Validate(input);
        if (errors.Count > 0) return new CorrectTaskResult.Invalid(errors);

        var year = await db.Plans.Where(p => p.Id == task.PlanId).Select(p => p.Year).FirstAsync(ct);
        // The version the officer edited, not the one just read: a save in between is a conflict.
        db.Entry(task).Property(t => t.Version).OriginalValue = input.Version;
        task.Name = input.Name!.Trim();
        task.LeadAsWritten = input.Lead?.Trim() ?? "";
        task.SupportAsWritten = input.Support?.Trim() ?? "";
        task.Output = string.IsNullOrWhiteSpace(input.Output) ? null : input.Output.Trim();
        task.DeadlineRaw = string.IsNullOrWhiteSpace(input.Deadline) ? null : input.Deadline.Trim();
        var deadline = DeadlineParser.Parse(task.DeadlineRaw, year);
        task.DeadlineKind = deadline.Kind.ToString();
        task.DeadlineDue = deadline.FinalDue;
        task.Version = Guid.NewGuid();
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

    /// <summary>Field-level checks with Vietnamese messages, keyed by the API's camelCase field names.</summary>
    public static Dictionary<string, string[]> Validate(TaskCorrection input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Name)) errors["name"] = ["Nội dung nhiệm vụ không được để trống."];
        else if (input.Name.Length > NameMax) errors["name"] = ["Nội dung quá dài (tối đa 4.000 ký tự)."];
        if (input.Lead?.Length > LeadMax) errors["lead"] = ["Tên đơn vị quá dài (tối đa 500 ký tự)."];
        if (input.Support?.Length > SupportMax) errors["support"] = ["Đơn vị phối hợp quá dài (tối đa 1.000 ký tự)."];
        if (input.Output?.Length > OutputMax) errors["output"] = ["Sản phẩm quá dài (tối đa 2.000 ký tự)."];
        if (input.Deadline?.Length > DeadlineMax) errors["deadline"] = ["Thời hạn quá dài (tối đa 500 ký tự)."];
        if (input.Version == Guid.Empty)
            errors["version"] = ["Thiếu phiên bản (version) của nhiệm vụ: hãy đọc nhiệm vụ trước rồi gửi lại đúng phiên bản đã đọc."];
        return errors;
    }
}
