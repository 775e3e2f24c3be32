namespace RoViec.Domain.Units;

/// <summary>What kind of body a unit is; groups ("các cơ quan, đơn vị") are not one accountable owner.</summary>
public enum UnitKind
{
    PartyBody,
    Government,
    Department,
    Police,
    ServiceCentre,
    Front,
    MassOrganisation,
    Committee,
    School,
    Village,
    /// <summary>"Các cơ quan, đơn vị", "Các phòng, ban chuyên môn": several units at once.</summary>
    Group,
    /// <summary>Named in the plan but not in the catalogue yet; the officer maps it on review.</summary>
    Unrecognised,
}

/// <summary>One unit of the commune's organisation in the catalogue, with the ways plans write its name.</summary>
public sealed record Unit(string Id, string Name, UnitKind Kind, IReadOnlyList<string> Aliases);

/// <summary>A unit as a plan names it ("Phòng VH - XH") next to the catalogue unit it resolves to.</summary>
public sealed record UnitRef(string AsWritten, Unit Unit)
{
    /// <summary>True when the plan names the unit only vaguely ("Các đơn vị liên quan").</summary>
    public bool IsVague => Unit.Kind == UnitKind.Group && UnitCatalog.IsVagueGroup(AsWritten);
}
