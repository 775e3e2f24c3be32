using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Proposals;

/// <summary>The answer of the proposals' use cases: one of its nested records.</summary>
public abstract record ProposalOutcome
{
    private ProposalOutcome()
    {
    }

    /// <summary>Saved; <paramref name="Note"/> says what happened, for the page's notice.</summary>
    public sealed record Done(Sentence Note) : ProposalOutcome;

    /// <summary>The form as sent is refused, line by line in Vietnamese; nothing saved.</summary>
    public sealed record Invalid(IReadOnlyList<Sentence> Errors, Refusal Refusal = Refusal.BadRequest) : ProposalOutcome, IRefused
    {
        public string Message => string.Join(" ", Errors.Select(e => e.ToString()));
    }

    /// <summary>No such unit, proposal or item in the caller's commune.</summary>
    public sealed record NotFound : ProposalOutcome, IRefused
    {
        public Refusal Refusal => Refusal.NotFound;
        public string Message => "Không có đề xuất này, hoặc nó không thuộc phạm vi của bạn.";
    }

    /// <summary>The caller may not do this: another unit's proposal, or not the standing office.</summary>
    public sealed record Forbidden(string Message) : ProposalOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Forbidden;
    }

    /// <summary>Not now: already submitted, not open yet, saved meanwhile by someone else, already in the plan.</summary>
    public sealed record Conflict(Sentence Text) : ProposalOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Conflict;
        public string Message => Text.ToString();
    }
}
