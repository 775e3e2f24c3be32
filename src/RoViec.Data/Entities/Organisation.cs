namespace RoViec.Data.Entities;

/// <summary>A province ("tỉnh"): groups the communes it oversees.</summary>
public sealed class Province
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public List<Commune> Communes { get; } = [];
}

/// <summary>A commune, ward or special zone ("xã, phường, đặc khu"): the tenant every other row belongs to.</summary>
public sealed class Commune
{
    public Guid Id { get; set; }
    public Guid? ProvinceId { get; set; }
    public Province? Province { get; set; }
    public required string Name { get; set; }
    public List<OrgUnit> Units { get; } = [];
}

/// <summary>A unit of a commune's organisation (phòng, ban, Công an xã, Trung tâm PVHCC, thôn …), from the catalogue.</summary>
public sealed class OrgUnit
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    /// <summary>Ways plans write the name ("Phòng VH - XH"), separated by "|".</summary>
    public string Aliases { get; set; } = "";
}
