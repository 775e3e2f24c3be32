using RoViec.Data;
using RoViec.Web.Shared.Files;
using RoViec.Data.Entities;
using RoViec.Domain.Plans;
using RoViec.Domain.Text;
using RoViec.Import;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// Reads an uploaded plan document at once and keeps a readable one as a draft for review, with the file it came from.
/// One use case for the upload page and <c>POST /api/imports</c>: the same checks, the same draft, the same refusals
/// (the importer's Vietnamese message), and one mapping of a refusal to its HTTP status (<see cref="StatusOf"/>).
/// </summary>
public static class UploadPlan
{
    public abstract record Outcome
    {
        private Outcome() { }

        /// <summary>The draft plan, waiting for the officer's review.</summary>
        public sealed record Drafted(Plan Plan, PlanDraft Draft, string FileName) : Outcome;

        /// <summary>The document was not kept: what is wrong with it, in Vietnamese and English.</summary>
        public sealed record Refused(ImportError Error) : Outcome, IRefused
        {
            public Refusal Refusal => RefusalOf(Error);
            public string Message => Error.Vietnamese;
        }
    }

    /// <summary>The importer's limits for a document uploaded today (a plan without a year is taken as this year's).</summary>
    public static ImportOptions Options(TimeProvider clock) => new() { DefaultYear = clock.VietnamToday().Year };

    public static async Task<Outcome> RunAsync(RoViecDbContext db, FileStore store, Guid communeId, Guid uploadedBy, IFormFile? file, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var options = Options(clock);
        if (file is null || file.Length == 0) return new Outcome.Refused(new EmptyFile());
        if (file.Length > options.MaxBytes) return new Outcome.Refused(new FileTooLarge(file.Length, options.MaxBytes));
        byte[] bytes;
        using (var memory = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(memory, ct);
            bytes = memory.ToArray();
        }
        var fileName = Path.GetFileName(file.FileName);
        switch (PlanImporter.Import(bytes, fileName, options))
        {
            case ImportOutcome.Refused refused:
                return new Outcome.Refused(refused.Error);
            case ImportOutcome.Imported imported:
                // The document is kept in the file store; the row names it by the hash of its bytes.
                var saved = await store.SaveAsync(bytes, ct);
                var upload = new PlanUpload { Id = Guid.NewGuid(), CommuneId = communeId, FileName = fileName, ContentSha256 = saved.Sha256, UploadedBy = uploadedBy, UploadedAtUtc = clock.GetUtcNow().UtcDateTime };
                var plan = await PlanDrafts.CreateDraftAsync(db, communeId, imported.Draft, fileName, upload, upload.UploadedAtUtc, ct);
                return new Outcome.Drafted(plan, imported.Draft, fileName);
            default:
                throw new InvalidOperationException("unknown import outcome");
        }
    }

    /// <summary>Why a document is refused: too large, not a DOCX, PDF or text, or anything else wrong with it (a bad request).</summary>
    public static Refusal RefusalOf(ImportError error) => error switch
    {
        FileTooLarge => Refusal.TooLarge,
        UnsupportedFormat => Refusal.UnsupportedType,
        _ => Refusal.BadRequest,
    };
}
