using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Domain.SixRo;
using RoViec.Domain.Tasks;
using RoViec.Domain.Units;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// The "6 rõ" defects of a stored task, by the same rules as on import (SixRoCheck): the row is
/// turned back into a domain task, so a corrected field clears its defect at once.
/// </summary>
public static class TaskDefects
{
    public static IReadOnlyList<SixRoDefect> Of(PlanTaskRow row, IReadOnlyDictionary<Guid, OrgUnit> units) =>
        SixRoCheck.Check(ToDomain(row, units));

    public static PlanTask ToDomain(PlanTaskRow row, IReadOnlyDictionary<Guid, OrgUnit> units)
    {
        IReadOnlyList<UnitRef> lead = row.LeadUnitId is { } id && units.TryGetValue(id, out var unit)
            ? [new UnitRef(row.LeadAsWritten.Length > 0 ? row.LeadAsWritten : unit.Name, ToDomain(unit))]
            : Mentions(row.LeadAsWritten);
        return new PlanTask
        {
            Source = Enum.TryParse<TaskSource>(row.Source, out var source) ? source : TaskSource.Table,
            Section = row.Section,
            Code = row.Code,
            Name = row.Name,
            Lead = lead,
            Support = Mentions(row.SupportAsWritten),
            Directing = row.Directing,
            Output = row.Output,
            DeadlineRaw = row.DeadlineRaw,
            Deadline = Enum.TryParse<DeadlineKind>(row.DeadlineKind, out var kind) ? Deadline.Of(kind, row.DeadlineDue) : Deadline.None,
            UpstreamSource = row.UpstreamSource,
            DecisionAuthority = row.DecisionAuthority,
        };
    }

    /// <summary>The Vietnamese short label of a criterion, as the filters and pills show it.</summary>
    public static string Label(SixRoCriterion criterion) => criterion switch
    {
        SixRoCriterion.Lead => "chủ trì",
        SixRoCriterion.Content => "nội dung",
        SixRoCriterion.Deadline => "thời hạn",
        SixRoCriterion.Coordination => "phối hợp",
        SixRoCriterion.Output => "sản phẩm",
        _ => "thẩm quyền",
    };

    private static Unit ToDomain(OrgUnit unit) =>
        new(unit.Key, unit.Name, Enum.TryParse<UnitKind>(unit.Kind, out var kind) ? kind : UnitKind.Unrecognised,
            unit.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries));

    // Names kept only as written: a group ("Các đơn vị liên quan") stays a group so vagueness is judged as on import.
    private static UnitRef[] Mentions(string written) =>
        [.. written.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => new UnitRef(name, new Unit("written:" + name, name, UnitCatalog.LooksLikeGroup(name) ? UnitKind.Group : UnitKind.Unrecognised, [])))];
}
