using System.Runtime.CompilerServices;
using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Domain.SixRo;
using RoViec.Domain.Tasks;
using RoViec.Domain.Units;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// The "6 rõ" defects of a stored task, by the same rules as on import (SixRoCheck): the row is
/// turned back into a domain task, so a corrected field clears its defect at once. Lead and support
/// names are resolved against the commune's units and the catalogue, as the importer resolved them
/// ("Các trường học trên địa bàn" is a known unit, "Các đơn vị liên quan" a vague group).
/// </summary>
public static class TaskDefects
{
    /// <param name="units">The commune's units by id (the task's lead unit among them).</param>
    public static IReadOnlyList<SixRoDefect> Of(PlanTaskRow row, IReadOnlyDictionary<Guid, OrgUnit> units) =>
        SixRoCheck.Check(ToDomain(row, units));

    /// <summary>The defects of many tasks of one commune, with the catalogue built once.</summary>
    public static IReadOnlyDictionary<Guid, IReadOnlyList<SixRoDefect>> Of(IEnumerable<PlanTaskRow> rows, IReadOnlyDictionary<Guid, OrgUnit> units)
    {
        var catalog = CommuneCatalog.For(units.Values);
        return rows.ToDictionary(r => r.Id, r => SixRoCheck.Check(ToDomain(r, units, catalog)));
    }

    public static PlanTask ToDomain(PlanTaskRow row, IReadOnlyDictionary<Guid, OrgUnit> units)
    {
        var catalog = Catalogs.GetValue(units, u => CommuneCatalog.For(((IReadOnlyDictionary<Guid, OrgUnit>)u).Values));
        // Resolving an unknown name adds it to the catalogue: one caller at a time.
        lock (catalog) return ToDomain(row, units, catalog);
    }

    // Pages call Of(row, units) task by task with one dictionary per request: its catalogue is built once.
    private static readonly ConditionalWeakTable<object, UnitCatalog> Catalogs = new();

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

    private static PlanTask ToDomain(PlanTaskRow row, IReadOnlyDictionary<Guid, OrgUnit> units, UnitCatalog catalog)
    {
        var lead = CommuneCatalog.Names(row.LeadAsWritten).Select(catalog.Resolve).ToList();
        // The stored lead unit is what the officer assigned or mapped; it outranks resolving the text again.
        if (row.LeadUnitId is { } leadId && units.TryGetValue(leadId, out var leadRow))
        {
            var unit = CommuneCatalog.ToUnit(leadRow);
            if (lead.Count == 0) lead.Add(new UnitRef(leadRow.Name, unit));
            else lead[0] = lead[0] with { Unit = unit };
        }
        return new PlanTask
        {
            Source = Enum.TryParse<TaskSource>(row.Source, out var source) ? source : TaskSource.Table,
            Section = row.Section,
            Code = row.Code,
            Name = row.Name,
            Lead = lead,
            Support = CommuneCatalog.Names(row.SupportAsWritten).Select(catalog.Resolve).ToList(),
            Directing = row.Directing,
            Output = row.Output,
            DeadlineRaw = row.DeadlineRaw,
            Deadline = Enum.TryParse<DeadlineKind>(row.DeadlineKind, out var kind) ? Deadline.Of(kind, row.DeadlineDue) : Deadline.None,
            UpstreamSource = row.UpstreamSource,
            DecisionAuthority = row.DecisionAuthority,
        };
    }
}
