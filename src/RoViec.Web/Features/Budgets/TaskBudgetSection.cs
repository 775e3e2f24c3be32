namespace RoViec.Web.Features.Budgets;

/// <summary>The task page's money section: the task's money and, after a refused form, the values the person typed.</summary>
public sealed record TaskBudgetSection(TaskBudgetQueries.TaskBudget Budget, IReadOnlyDictionary<string, string?> Typed)
{
    public TaskBudgetSection(TaskBudgetQueries.TaskBudget budget)
        : this(budget, new Dictionary<string, string?>(StringComparer.Ordinal)) { }

    public string? this[string name] => Typed.GetValueOrDefault(name);
}
