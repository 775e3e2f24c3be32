using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Domain.SixRo;
using RoViec.Domain.Tasks;
using RoViec.Domain.Units;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// The "6 rõ" defects of a stored task, derived on every read from its fields (never stored, so a
/// correction can never leave them stale). Lead and support names are resolved against the
/// commune's units and the catalogue, as the importer resolved them.
/// </summary>
public static class TaskDefects
{
    /// <param name="units">The commune's units by id (the task's lead unit among them).</param>
    public static IReadOnlyList<SixRoDefect> Of(PlanTaskRow row, IReadOnlyDictionary<Guid, OrgUnit> units) =>
        SixRoCheck.Check(ToPlanTask(row, units, CommuneCatalog.For(units.Values)));

    /// <summary>The defects of many tasks of one commune, with the catalogue built once.</summary>
    public static IReadOnlyDictionary<Guid, IReadOnlyList<SixRoDefect>> Of(IEnumerable<PlanTaskRow> rows, IReadOnlyDictionary<Guid, OrgUnit> units)
    {
        var catalog = CommuneCatalog.For(units.Values);
        return rows.ToDictionary(r => r.Id, r => SixRoCheck.Check(ToPlanTask(r, units, catalog)));
    }

    private static PlanTask ToPlanTask(PlanTaskRow row, IReadOnlyDictionary<Guid, OrgUnit> units, UnitCatalog catalog)
    {
        var lead = CommuneCatalog.Names(row.LeadAsWritten).Select(catalog.Resolve).ToList();
        // The stored lead unit is what the officer confirmed or mapped; it outranks resolving the text again.
        if (row.LeadUnitId is { } leadId && units.TryGetValue(leadId, out var leadRow))
        {
            var unit = CommuneCatalog.ToUnit(leadRow);
            if (lead.Count == 0) lead.Add(new UnitRef(leadRow.Name, unit));
            else lead[0] = lead[0] with { Unit = unit };
        }
        return new PlanTask
        {
            Source = Enum.TryParse<TaskSource>(row.Source, out var source) ? source : TaskSource.Bullet,
            Section = row.Section,
            Code = row.Code,
            Name = row.Name,
            Lead = lead,
            Support = CommuneCatalog.Names(row.SupportAsWritten).Select(catalog.Resolve).ToList(),
            Directing = row.Directing,
            Output = row.Output,
            DeadlineRaw = row.DeadlineRaw,
            Deadline = Deadline.Of(Enum.TryParse<DeadlineKind>(row.DeadlineKind, out var kind) ? kind : DeadlineKind.None, row.DeadlineDue),
            UpstreamSource = row.UpstreamSource,
            DecisionAuthority = row.DecisionAuthority,
        };
    }
}
