namespace RoViec.Web.Features.Reports;

/// <summary>The answer of a report use case: one of its nested records, each with the HTTP status it means.</summary>
public abstract record ReportOutcome
{
    private ReportOutcome()
    {
    }

    public abstract int Status { get; }

    /// <summary>Done and saved.</summary>
    public sealed record Done(string Message) : ReportOutcome
    {
        public override int Status => StatusCodes.Status200OK;
    }

    /// <summary>No such report, or one of another commune (which the caller must not learn exists).</summary>
    public sealed record NotFound : ReportOutcome
    {
        public override int Status => StatusCodes.Status404NotFound;
    }

    /// <summary>The caller may know the report but not do this to it (another unit's, or not their part of the round trip).</summary>
    public sealed record Forbidden(string Message) : ReportOutcome
    {
        public override int Status => StatusCodes.Status403Forbidden;
    }

    /// <summary>Not now: the report is in another state, the period has closed, or someone changed it meanwhile. Nothing saved.</summary>
    public sealed record Conflict(string Message) : ReportOutcome
    {
        public override int Status => StatusCodes.Status409Conflict;
    }

    /// <summary>Refused values, a message per field; nothing saved.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : ReportOutcome
    {
        public override int Status => StatusCodes.Status422UnprocessableEntity;
    }

    /// <summary>A request no form of the application sends (a missing version, a line of another report). Nothing saved.</summary>
    public sealed record BadRequest(string Message) : ReportOutcome
    {
        public override int Status => StatusCodes.Status400BadRequest;
    }

    /// <summary>A refused evidence file: too large (413) or not a file type the application takes (415).</summary>
    public sealed record RefusedFile(int Code, string Message) : ReportOutcome
    {
        public override int Status => Code;
    }
}
