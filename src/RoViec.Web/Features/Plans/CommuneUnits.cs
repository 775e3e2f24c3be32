using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Domain.Units;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// A commune's units as the importer's catalogue sees them: the commune's own active rows first (with
/// the aliases officers added when mapping names), then the default catalogue for units it has no row
/// for yet. A deactivated unit (closed, or merged into another) is neither matched nor offered: its
/// name and aliases resolve as an unknown name, and the default catalogue does not bring it back.
/// </summary>
public static class CommuneCatalog
{
    public const string UnrecognisedPrefix = "unrecognised:";
    public const string GroupPrefix = "group:";

    public static UnitCatalog For(IEnumerable<OrgUnit> units)
    {
        var catalog = new UnitCatalog();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        // Real units first, so an alias an officer mapped wins over a stale unrecognised row of the same name.
        foreach (var row in units.OrderBy(u => u.Key.StartsWith(UnrecognisedPrefix, StringComparison.Ordinal)))
        {
            if (!keys.Add(row.Key) || !row.Active) continue;
            catalog.Add(ToUnit(row));
        }
        foreach (var unit in UnitCatalog.CreateDefault().Units)
        {
            if (keys.Add(unit.Id)) catalog.Add(unit);
        }
        return catalog;
    }

    public static Unit ToUnit(OrgUnit row) => new(
        row.Key,
        row.Name,
        Enum.TryParse<UnitKind>(row.Kind, out var kind) ? kind : UnitKind.Unrecognised,
        row.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>A name the catalogue did not know when the plan was imported; the officer maps it to a real unit.</summary>
    public static bool IsUnrecognised(OrgUnit row) => row.Key.StartsWith(UnrecognisedPrefix, StringComparison.Ordinal);

    /// <summary>A unit an indicator or task can be given to: a real unit, not a group or an unknown name.</summary>
    public static bool IsAssignable(OrgUnit row) => row.Active && !IsUnrecognised(row) && !row.Key.StartsWith(GroupPrefix, StringComparison.Ordinal);

    /// <summary>"A; B" as plans list several units in one cell, split as the importer stores them.</summary>
    public static IReadOnlyList<string> Names(string? asWritten) =>
        string.IsNullOrWhiteSpace(asWritten) ? [] : asWritten.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// The unit rows of one commune, loaded once for a use case, that hands out the row for a name and
/// adds a row (from the catalogue, or as an unrecognised name) when the commune has none yet.
/// New rows are only added to the context: they are saved with the change that needed them.
/// </summary>
internal sealed class CommuneUnits
{
    private readonly RoViecDbContext _db;
    private readonly Guid _communeId;
    private readonly Dictionary<string, OrgUnit> _byKey;
    private UnitCatalog _catalog;
    // Catalogue units whose row is deactivated, with the fresh row that stands in for them in this use case.
    private readonly Dictionary<string, OrgUnit> _standIns = new(StringComparer.Ordinal);

    private CommuneUnits(RoViecDbContext db, Guid communeId, List<OrgUnit> rows)
    {
        _db = db;
        _communeId = communeId;
        _byKey = rows.ToDictionary(u => u.Key, StringComparer.Ordinal);
        _catalog = CommuneCatalog.For(rows);
    }

    public static async Task<CommuneUnits> LoadAsync(RoViecDbContext db, Guid communeId, CancellationToken ct) =>
        new(db, communeId, await db.Units.Where(u => u.CommuneId == communeId).ToListAsync(ct));

    public IReadOnlyCollection<OrgUnit> Rows => _byKey.Values;

    public IReadOnlyDictionary<Guid, OrgUnit> ById => _byKey.Values.ToDictionary(u => u.Id);

    /// <summary>
    /// The row of a catalogue unit; an unrecognised name the commune has since mapped (an alias) gives the
    /// mapped unit. A name whose row was deactivated gets a new unrecognised row of its own ("…-2"), for
    /// the officer to map, rather than the deactivated unit.
    /// </summary>
    public OrgUnit RowFor(Unit unit)
    {
        if (_byKey.TryGetValue(unit.Id, out var row) && row.Active) return row;
        if (_standIns.TryGetValue(unit.Id, out var standIn)) return standIn;
        var deactivated = row is not null;
        // A unit the deactivated one was merged into (its name is now an alias there), or an earlier stand-in, takes its place.
        if ((unit.Kind == UnitKind.Unrecognised || deactivated) && _catalog.Find(unit.Name) is { } known && known.Id != unit.Id
            && (deactivated || known.Kind != UnitKind.Unrecognised))
            return RowFor(known);
        var key = unit.Id;
        if (deactivated)
        {
            // Deactivated: a stand-in under a key of its own (keys are unique in a commune).
            var stem = (unit.Id.StartsWith(CommuneCatalog.UnrecognisedPrefix, StringComparison.Ordinal) ? "" : CommuneCatalog.UnrecognisedPrefix) + unit.Id;
            for (var n = 2; _byKey.ContainsKey(key = stem + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)); n++) { }
        }
        row = new OrgUnit
        {
            Id = Guid.NewGuid(),
            CommuneId = _communeId,
            Key = key,
            Name = unit.Name,
            Kind = (deactivated ? UnitKind.Unrecognised : unit.Kind).ToString(),
            // A stand-in does not take over the deactivated unit's aliases: they stay unmatched too.
            Aliases = deactivated ? "" : string.Join('|', unit.Aliases),
            Version = Guid.NewGuid(),
        };
        if (deactivated) _standIns[unit.Id] = row;
        _byKey[row.Key] = row;
        _db.Units.Add(row);
        _catalog = CommuneCatalog.For(_byKey.Values);
        return row;
    }

    /// <summary>
    /// The commune's own active row for a catalogue unit, without adding any: what a draft may point at. A name the
    /// commune has mapped (an alias) gives the mapped unit; a name only the default catalogue knows, an unknown name,
    /// or a legacy unrecognised row gives null — the draft keeps the name as text until it is confirmed.
    /// </summary>
    public OrgUnit? Existing(Unit unit)
    {
        if (_byKey.TryGetValue(unit.Id, out var row) && row.Active) return CommuneCatalog.IsUnrecognised(row) ? null : row;
        if (_catalog.Find(unit.Name) is { } known && known.Id != unit.Id && known.Kind != UnitKind.Unrecognised
            && _byKey.TryGetValue(known.Id, out var mapped) && mapped.Active && !CommuneCatalog.IsUnrecognised(mapped))
            return mapped;
        return null;
    }

    /// <summary>The commune's existing row for a name as written (see <see cref="Existing(Unit)"/>); never adds one.</summary>
    public OrgUnit? Existing(string? asWritten) =>
        string.IsNullOrWhiteSpace(asWritten) ? null : Existing(_catalog.Resolve(asWritten).Unit);

    /// <summary>What the commune's units and the catalogue make of a name: a unit (the commune's or the catalogue's), a group, or an unknown name.</summary>
    public Unit Classify(string asWritten) => _catalog.Resolve(asWritten).Unit;

    /// <summary>A new unit of the commune the officer asked for, named as the plan writes it (keyed as the organisation page keys a new unit).</summary>
    public OrgUnit AddNew(string name, string kind)
    {
        var stem = "don-vi:" + VietnameseText.Fold(name).Replace(' ', '-');
        if (stem.Length > 180) stem = stem[..180];
        var key = stem;
        for (var n = 2; _byKey.ContainsKey(key); n++) key = stem + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var row = new OrgUnit { Id = Guid.NewGuid(), CommuneId = _communeId, Key = key, Name = name, Kind = kind, Version = Guid.NewGuid() };
        _byKey[key] = row;
        _db.Units.Add(row);
        _catalog = CommuneCatalog.For(_byKey.Values);
        return row;
    }

    /// <summary>The row for a name as written, or null for an empty name.</summary>
    public OrgUnit? Resolve(string? asWritten)
    {
        if (string.IsNullOrWhiteSpace(asWritten)) return null;
        var unit = _catalog.Resolve(asWritten).Unit;
        return RowFor(unit);
    }
}
