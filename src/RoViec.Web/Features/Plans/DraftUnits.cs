using System.Text.Json;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Domain.Units;

namespace RoViec.Web.Features.Plans;

/// <summary>What the officer decided for a unit name the commune does not know.</summary>
public static class UnitChoiceKinds
{
    /// <summary>An existing unit of the commune (<see cref="UnitChoice.UnitId"/>).</summary>
    public const string Unit = "unit";
    /// <summary>A unit of the default catalogue the commune has no row for yet (<see cref="UnitChoice.CatalogKey"/>).</summary>
    public const string Catalog = "catalog";
    /// <summary>A new unit of the commune named as written, of <see cref="UnitChoice.UnitKind"/>.</summary>
    public const string New = "new";
    /// <summary>An upper-level or outside body ("Sở Khoa học và Công nghệ"): kept as text on the task, not a commune unit.</summary>
    public const string Outside = "outside";
    /// <summary>Not a unit at all (a fragment the importer cut badly): kept as text, nothing else.</summary>
    public const string Ignore = "ignore";
}

/// <summary>One decision, stored on the draft (<see cref="Plan.UnitChoices"/>) until it is confirmed.</summary>
public sealed record UnitChoice(string Name, string Kind, Guid? UnitId = null, string? CatalogKey = null, string? UnitKind = null);

/// <summary>An unknown name of a draft, how much of it uses the name, and the decision taken so far (null: not yet).</summary>
public sealed record UnknownName(string Name, string Key, int Tasks, int Leads, int Supports, int Indicators, UnitChoice? Choice);

/// <summary>
/// Unit names in a draft: a draft never changes the commune's organisation. A task's lead (and an indicator's owner)
/// points at a unit only when the commune already has it; every other name stays as the text the plan wrote, and the
/// names neither the commune nor the catalogue knows are listed for the officer (<see cref="Unknown"/>) with the
/// decision taken for each (<see cref="UnitChoice"/>, stored on the draft). Confirming applies them (<see cref="Apply"/>):
/// only then are units added — the ones the officer asked for, and the catalogue's units the plan names that the commune
/// had no row for yet — and mapped names become aliases of their unit, so the next import knows them.
/// </summary>
public static class DraftUnits
{
    /// <summary>How a name is matched with the decision taken for it: folded, so "UBND" and "ubnd," are the same name.</summary>
    public static string Key(string name) => VietnameseText.Fold(name);

    public static IReadOnlyList<UnitChoice> Read(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<UnitChoice>>(json) ?? [];

    public static string Write(IEnumerable<UnitChoice> choices)
    {
        var list = choices.ToList();
        return list.Count == 0 ? "" : JsonSerializer.Serialize(list);
    }

    /// <summary>The decisions by name key; a later decision for the same name wins.</summary>
    public static IReadOnlyDictionary<string, UnitChoice> ByKey(IEnumerable<UnitChoice> choices) =>
        choices.GroupBy(c => Key(c.Name)).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    /// <summary>The names of a draft that neither the commune's units nor the catalogue know, each once, in the order the plan first uses them.</summary>
    public static List<UnknownName> Unknown(IReadOnlyList<PlanTaskRow> tasks, IReadOnlyList<IndicatorRow> indicators, IEnumerable<OrgUnit> units, IReadOnlyList<UnitChoice> choices)
    {
        var catalog = CommuneCatalog.For(units);
        var found = new Dictionary<string, (string Name, HashSet<Guid> Tasks, int Leads, int Supports, int Indicators)>(StringComparer.Ordinal);
        void Count(string name, Guid? task, int lead, int support, int indicator)
        {
            if (catalog.Resolve(name).Unit.Kind != UnitKind.Unrecognised) return;
            var key = Key(name);
            if (key.Length == 0) return;
            if (!found.TryGetValue(key, out var c)) c = (VietnameseText.Squash(name).Trim(' ', '.', ',', ';', ':'), [], 0, 0, 0);
            if (task is { } id) c.Tasks.Add(id);
            found[key] = (c.Name, c.Tasks, c.Leads + lead, c.Supports + support, c.Indicators + indicator);
        }
        foreach (var t in tasks)
        {
            foreach (var name in CommuneCatalog.Names(t.LeadAsWritten)) Count(name, t.Id, 1, 0, 0);
            foreach (var name in CommuneCatalog.Names(t.SupportAsWritten)) Count(name, t.Id, 0, 1, 0);
        }
        foreach (var i in indicators.Where(i => !string.IsNullOrWhiteSpace(i.Owner))) Count(i.Owner!, null, 0, 0, 1);
        var byKey = ByKey(choices);
        return found.Select(f => new UnknownName(f.Value.Name, f.Key, f.Value.Tasks.Count, f.Value.Leads, f.Value.Supports, f.Value.Indicators, byKey.GetValueOrDefault(f.Key))).ToList();
    }

    /// <summary>The lead unit a draft task points at under the decisions: the commune's unit chosen for its first lead name, else the commune's own row for it, else none.</summary>
    internal static Guid? DraftLead(PlanTaskRow task, CommuneUnits units, IReadOnlyDictionary<string, UnitChoice> choices) =>
        CommuneCatalog.Names(task.LeadAsWritten) is { Count: > 0 } names ? DraftUnit(names[0], units, choices) : null;

    internal static Guid? DraftUnit(string? name, CommuneUnits units, IReadOnlyDictionary<string, UnitChoice> choices)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        if (choices.TryGetValue(Key(name), out var choice))
            return choice.Kind == UnitChoiceKinds.Unit && choice.UnitId is { } id && units.ById.TryGetValue(id, out var row) && CommuneCatalog.IsAssignable(row) ? row.Id : null;
        return units.Existing(name)?.Id;
    }

    /// <summary>Units the plan names that the commune will get from the default catalogue on confirmation (no decision needed: the catalogue knows them).</summary>
    internal static IReadOnlyList<string> CatalogueAdditions(IReadOnlyList<PlanTaskRow> tasks, IReadOnlyList<IndicatorRow> indicators, CommuneUnits units, IReadOnlyList<UnitChoice> choices)
    {
        var chosen = choices.Select(c => Key(c.Name)).ToHashSet(StringComparer.Ordinal);
        var names = tasks.Where(t => t.LeadUnitId is null).Select(t => CommuneCatalog.Names(t.LeadAsWritten) is { Count: > 0 } n ? n[0] : null)
            .Concat(indicators.Where(i => i.OwnerUnitId is null).Select(i => i.Owner));
        var added = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || chosen.Contains(Key(name)) || units.Existing(name) is not null) continue;
            var unit = units.Classify(name);
            if (unit.Kind is not (UnitKind.Unrecognised or UnitKind.Group)) added.Add(unit.Name);
        }
        return [.. added];
    }

    /// <summary>
    /// Confirmation: every lead and owner still without a unit gets the unit its decision names (created now when the
    /// officer asked for a new one, or taken from the catalogue), or the commune's row the catalogue gives it (added
    /// from the catalogue when the commune has none yet, as a known unit or group); unknown names without a decision,
    /// outside bodies and ignored names stay text. A name mapped to a unit becomes one of its aliases.
    /// Rows are only added to the context; the caller's save writes them with the confirmation.
    /// </summary>
    internal static void Apply(Plan plan, IEnumerable<PlanTaskRow> tasks, IEnumerable<IndicatorRow> indicators, CommuneUnits units)
    {
        var choices = ByKey(Read(plan.UnitChoices));
        var created = new Dictionary<string, OrgUnit>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            var names = CommuneCatalog.Names(task.LeadAsWritten);
            for (var i = 0; i < names.Count; i++)
            {
                var first = i == 0 && task.LeadUnitId is null;
                if (!first && !choices.ContainsKey(Key(names[i]))) continue;
                var row = Decide(names[i]);
                if (first && row is not null) task.LeadUnitId = row.Id;
            }
            foreach (var name in CommuneCatalog.Names(task.SupportAsWritten).Where(n => choices.ContainsKey(Key(n)))) Decide(name);
        }
        foreach (var indicator in indicators.Where(i => !string.IsNullOrWhiteSpace(i.Owner)))
        {
            if (indicator.OwnerUnitId is null) indicator.OwnerUnitId = Decide(indicator.Owner!)?.Id;
            else if (choices.ContainsKey(Key(indicator.Owner!))) Decide(indicator.Owner!);
        }

        OrgUnit? Decide(string name)
        {
            var key = Key(name);
            if (choices.TryGetValue(key, out var choice))
            {
                switch (choice.Kind)
                {
                    case UnitChoiceKinds.Unit when choice.UnitId is { } id && units.ById.TryGetValue(id, out var row) && CommuneCatalog.IsAssignable(row):
                        return AliasOf(row, name);
                    case UnitChoiceKinds.Catalog when UnitCatalog.CreateDefault().Units.FirstOrDefault(u => u.Id == choice.CatalogKey) is { } unit:
                        return AliasOf(units.RowFor(unit), name);
                    case UnitChoiceKinds.New when choice.UnitKind is not null:
                        if (!created.TryGetValue(key, out var fresh)) created[key] = fresh = units.AddNew(choice.Name, choice.UnitKind);
                        return fresh;
                    default:
                        // Outside bodies and ignored names stay text; a unit removed since the choice leaves the name unmapped.
                        return null;
                }
            }
            if (units.Existing(name) is { } existing) return existing;
            var known = units.Classify(name);
            return known.Kind == UnitKind.Unrecognised ? null : units.RowFor(known);
        }
    }

    private static OrgUnit AliasOf(OrgUnit row, string name)
    {
        var aliases = row.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (aliases.Append(row.Name).Any(a => Key(a) == Key(name))) return row;
        var joined = string.Join('|', aliases.Append(name));
        // An alias that does not fit is dropped: the mapping itself holds, only the next import will not know the name.
        if (joined.Length > 2000) return row;
        row.Aliases = joined;
        row.Version = Guid.NewGuid();
        return row;
    }
}
