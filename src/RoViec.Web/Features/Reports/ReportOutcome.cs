using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Reports;

/// <summary>The answer of a report use case: done, or one of its refused cases, each naming its <see cref="Refusal"/>.</summary>
public abstract record ReportOutcome
{
    private ReportOutcome()
    {
    }

    /// <summary>Done and saved.</summary>
    public sealed record Done(string Message) : ReportOutcome;

    /// <summary>No such report, or one of another commune (which the caller must not learn exists).</summary>
    public sealed record NotFound : ReportOutcome, IRefused
    {
        public Refusal Refusal => Refusal.NotFound;
        public string Message => "Không tìm thấy báo cáo này, hoặc nó không thuộc phạm vi của bạn.";
    }

    /// <summary>The caller may know the report but not do this to it (another unit's, or not their part of the round trip).</summary>
    public sealed record Forbidden(string Message) : ReportOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Forbidden;
    }

    /// <summary>Not now: the report is in another state, the period has closed, or someone changed it meanwhile. Nothing saved.</summary>
    public sealed record Conflict(string Message) : ReportOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Conflict;
    }

    /// <summary>Refused values, a message per field; nothing saved.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : ReportOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Invalid;
        public string Message => Errors.Count == 1 ? "Chưa lưu: có 1 ô chưa đúng (xem bên dưới)." : $"Chưa lưu: có {Errors.Count} ô chưa đúng (xem bên dưới).";
    }

    /// <summary>A request no form of the application sends (a missing version, a line of another report). Nothing saved.</summary>
    public sealed record BadRequest(string Message) : ReportOutcome, IRefused
    {
        public Refusal Refusal => Refusal.BadRequest;
    }

    /// <summary>A refused evidence file: too large, or not a file type the application takes.</summary>
    public sealed record RefusedFile(Refusal Refusal, string Message) : ReportOutcome, IRefused;
}
