using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.CrossChecks;

/// <summary>The outcome of recording a cross-check result.</summary>
public abstract record RecordOutcome
{
    private RecordOutcome() { }

    public sealed record Saved : RecordOutcome;

    /// <summary>The result or note is not acceptable; nothing was saved.</summary>
    public sealed record Invalid(Sentence Text) : RecordOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Invalid;
        public string Message => Text.ToString();
    }

    /// <summary>Someone recorded this line since the form was shown; nothing was overwritten.</summary>
    public sealed record Conflict(CrossCheck Theirs) : RecordOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Conflict;
        public string Message => "Người khác vừa ghi kết quả cho dòng này trong lúc bạn xem. Chưa có gì bị ghi đè.";
    }
}

/// <summary>
/// Records the inspection committee's finding on a sampled line: confirmed, or not confirmed with a note saying
/// what the evidence did not show. A result may be changed later (the audit keeps every version); a save from a
/// stale form is refused.
/// </summary>
public static class RecordResult
{
    /// <summary>The commune's sampled line (tracked, to record its result), or null.</summary>
    public static Task<CrossCheck?> FindAsync(RoViecDbContext db, Guid communeId, Guid id, CancellationToken ct) =>
        db.CrossChecks.FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>Forgets what the unit of work holds, after a refused result, so the page reads the sample as stored.</summary>
    public static void Forget(RoViecDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.Clear();
    }

    public const int NoteMaxLength = 4000;

    /// <param name="check">The tracked cross-check.</param>
    /// <param name="version">The version the form was shown with.</param>
    public static async Task<RecordOutcome> SaveAsync(RoViecDbContext db, CrossCheck check, string? result, string? note, Guid version, string? checkedBy, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(check);
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (result is not (CrossCheckResults.Confirmed or CrossCheckResults.NotConfirmed))
            return new RecordOutcome.Invalid("Hãy chọn kết quả: Xác nhận hoặc Không xác nhận.");
        if (result == CrossCheckResults.NotConfirmed && note is null)
            return new RecordOutcome.Invalid("Không xác nhận thì phải ghi rõ lý do: minh chứng thiếu hoặc không khớp ở đâu.");
        if (note is { Length: > NoteMaxLength })
            return new RecordOutcome.Invalid(new Sentence("Ghi chú dài quá {0} ký tự.", NoteMaxLength));
        if (check.Version != version) return new RecordOutcome.Conflict(check);

        check.Result = result;
        check.Note = note;
        check.CheckedAtUtc = nowUtc;
        check.CheckedBy = checkedBy;
        check.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
            return new RecordOutcome.Saved();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var theirs = await db.CrossChecks.AsNoTracking().FirstAsync(c => c.Id == check.Id, ct);
            return new RecordOutcome.Conflict(theirs);
        }
    }
}
