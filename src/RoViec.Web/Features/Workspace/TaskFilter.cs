using RoViec.Data.Entities;
using RoViec.Domain.SixRo;
using RoViec.Domain.Text;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Features.Workspace;

/// <summary>
/// The workspace's filters over a plan's tasks: words ignoring diacritics, lead unit, section (field
/// or group of the plan), deadline kind and window, "6 rõ" defect and key tasks. Shared by the
/// workspace page and the export so both show the same tasks.
/// </summary>
public sealed record TaskFilter
{
    /// <summary>Lead-unit value selecting tasks that have no lead unit yet.</summary>
    public const string NoLead = "chua-giao";
    /// <summary>Defect value selecting tasks that meet all six criteria.</summary>
    public const string NoDefect = "du-6-ro";

    public string? Query { get; init; }
    public string? Unit { get; init; }
    public string? Section { get; init; }
    public string? DeadlineKind { get; init; }
    public DateOnly? DueFrom { get; init; }
    public DateOnly? DueTo { get; init; }
    public string? Defect { get; init; }
    public bool PriorityOnly { get; init; }

    public bool IsEmpty => this == new TaskFilter();

    public IEnumerable<(PlanTaskRow Task, IReadOnlyList<SixRoDefect> Defects)> Apply(
        IEnumerable<PlanTaskRow> tasks, IReadOnlyDictionary<Guid, OrgUnit> units)
    {
        var query = VietnameseText.Fold(Query);
        var criterion = Enum.TryParse<SixRoCriterion>(Defect, out var c) ? c : (SixRoCriterion?)null;
        foreach (var task in tasks)
        {
            if (query.Length > 0 && !VietnameseText.Fold(task.Code + " " + task.Name + " " + task.Output + " " + task.LeadAsWritten + " " + task.SupportAsWritten).Contains(query, StringComparison.Ordinal)) continue;
            if (Unit == NoLead && task.LeadUnitId is not null) continue;
            if (Unit is { Length: > 0 } and not NoLead && task.LeadUnitId?.ToString() != Unit) continue;
            if (!string.IsNullOrEmpty(Section) && task.Section != Section) continue;
            if (!string.IsNullOrEmpty(DeadlineKind) && task.DeadlineKind != DeadlineKind) continue;
            // A window keeps tasks whose final due date falls inside it; tasks without a date fall outside.
            if (DueFrom is { } from && (task.DeadlineDue is not { } due1 || due1 < from)) continue;
            if (DueTo is { } to && (task.DeadlineDue is not { } due2 || due2 > to)) continue;
            if (PriorityOnly && !task.Priority) continue;
            var defects = TaskDefects.Of(task, units);
            if (Defect == NoDefect && defects.Count > 0) continue;
            if (criterion is { } wanted && !defects.Any(d => d.Criterion == wanted)) continue;
            yield return (task, defects);
        }
    }
}
