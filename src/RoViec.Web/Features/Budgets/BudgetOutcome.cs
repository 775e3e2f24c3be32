using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Budgets;

/// <summary>The answer of the budget use cases (<see cref="AllocateTaskBudget"/>, <see cref="RecordDisbursement"/>, <see cref="MarkInformationSystem"/>, <see cref="SecurityThreshold"/>).</summary>
public abstract record BudgetOutcome
{
    private BudgetOutcome()
    {
    }

    /// <summary>Saved.</summary>
    public sealed record Done : BudgetOutcome;

    /// <summary>The form as sent is refused (400): a Vietnamese message per field; nothing saved.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, Sentence> Errors) : BudgetOutcome, IRefused
    {
        public Refusal Refusal => Refusal.BadRequest;
        public string Message => string.Join(" ", Errors.Values.Select(e => e.ToString()));
    }

    /// <summary>No such task, or one of another commune.</summary>
    public sealed record NotFound : BudgetOutcome, IRefused
    {
        public Refusal Refusal => Refusal.NotFound;
        public string Message => "Không có nhiệm vụ này, hoặc nhiệm vụ không thuộc phạm vi của bạn.";
    }

    /// <summary>The caller may read the task's money but not record this.</summary>
    public sealed record Forbidden(string Message) : BudgetOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Forbidden;
    }

    /// <summary>Not now: the task's plan is not in force, or someone else saved meanwhile (409).</summary>
    public sealed record Conflict(Sentence Text) : BudgetOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Conflict;
        public string Message => Text.ToString();
    }
}
