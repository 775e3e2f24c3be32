using RoViec.Web.Shared.Outcomes;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Reports;

/// <summary>
/// The answer of a report use case: done, or one of its refused cases, each naming its <see cref="Refusal"/>. Messages are
/// <see cref="Sentence"/>s: <c>Message</c> is the Vietnamese text, the page writes <c>Text</c> in its reader's language.
/// </summary>
public abstract record ReportOutcome
{
    private ReportOutcome()
    {
    }

    /// <summary>Done and saved.</summary>
    public sealed record Done(Sentence Text) : ReportOutcome
    {
        public string Message => Text.ToString();
    }

    /// <summary>No such report, or one of another commune (which the caller must not learn exists).</summary>
    public sealed record NotFound : ReportOutcome, IRefused
    {
        public Refusal Refusal => Refusal.NotFound;
        public string Message => "Không tìm thấy báo cáo này, hoặc nó không thuộc phạm vi của bạn.";
    }

    /// <summary>The caller may know the report but not do this to it (another unit's, or not their part of the round trip).</summary>
    public sealed record Forbidden(Sentence Text) : ReportOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Forbidden;
        public string Message => Text.ToString();
    }

    /// <summary>Not now: the report is in another state, the period has closed, or someone changed it meanwhile. Nothing saved.</summary>
    public sealed record Conflict(Sentence Text) : ReportOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Conflict;
        public string Message => Text.ToString();
    }

    /// <summary>Refused values, a message per field; nothing saved.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : ReportOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Invalid;
        public Sentence Text => Errors.Count == 1 ? "Chưa lưu: có 1 ô chưa đúng (xem bên dưới)." : new Sentence("Chưa lưu: có {0} ô chưa đúng (xem bên dưới).", Errors.Count);
        public string Message => Text.ToString();
    }

    /// <summary>A request no form of the application sends (a missing version, a line of another report). Nothing saved.</summary>
    public sealed record BadRequest(Sentence Text) : ReportOutcome, IRefused
    {
        public Refusal Refusal => Refusal.BadRequest;
        public string Message => Text.ToString();
    }

    /// <summary>A refused evidence file: too large, or not a file type the application takes.</summary>
    public sealed record RefusedFile(Refusal Refusal, Sentence Text) : ReportOutcome, IRefused
    {
        public string Message => Text.ToString();
    }
}
