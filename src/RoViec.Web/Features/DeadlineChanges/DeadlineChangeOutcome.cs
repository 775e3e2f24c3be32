using RoViec.Data.Entities;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.DeadlineChanges;

/// <summary>The answer of <see cref="RequestDeadlineChange"/> and <see cref="DecideDeadlineChange"/>: one of its nested records.</summary>
public abstract record DeadlineChangeOutcome
{
    private DeadlineChangeOutcome()
    {
    }

    /// <summary>Saved: the request as it now reads.</summary>
    public sealed record Done(DeadlineChangeRequest Request) : DeadlineChangeOutcome;

    /// <summary>
    /// The form as sent is refused: Vietnamese messages per field ("NewDue", "Reason", "Comment"); nothing saved. A missing or
    /// unreadable value is a bad request (400); values read and refused by a rule (the same day as now) are invalid (422).
    /// </summary>
    public sealed record Invalid(IReadOnlyDictionary<string, Sentence> Errors, Refusal Refusal) : DeadlineChangeOutcome, IRefused
    {
        public string Message => string.Join(" ", Errors.Values.Select(e => e.ToString()));
    }

    /// <summary>No such task or request, or one of another commune (which the caller must not learn exists).</summary>
    public sealed record NotFound : DeadlineChangeOutcome, IRefused
    {
        public Refusal Refusal => Refusal.NotFound;
        public string Message => "Không có nhiệm vụ hoặc đề nghị này, hoặc nó không thuộc phạm vi của bạn.";
    }

    /// <summary>The caller may not do this: not the task's lead unit, or not the standing office.</summary>
    public sealed record Forbidden(string Message) : DeadlineChangeOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Forbidden;
    }

    /// <summary>Not now: a request already waits, the request was decided meanwhile, or the task has no deadline to move.</summary>
    public sealed record Conflict(Sentence Text) : DeadlineChangeOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Conflict;
        public string Message => Text.ToString();
    }
}
