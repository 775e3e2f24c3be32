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
    /// <summary>A commune, a ward or a special zone (<see cref="CommuneKinds"/>): the province compares peers of one kind.</summary>
    public string Kind { get; set; } = CommuneKinds.Commune;
    /// <summary>The area it lies in, as the province groups its communes (the former district, "huyện Diễn Châu cũ"); null when not set.</summary>
    public string? Area { get; set; }
    /// <summary>The day and month by which units send their proposals for next year (<see cref="YearProposal"/>): 30/11 unless the commune says otherwise.</summary>
    public int ProposalsDueMonth { get; set; } = 11;
    public int ProposalsDueDay { get; set; } = 30;
    public List<OrgUnit> Units { get; } = [];
}

/// <summary>A unit of a commune's organisation (phòng, ban, Công an xã, Trung tâm PVHCC, thôn …), from the catalogue.</summary>
public sealed class OrgUnit : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    /// <summary>The unit it sits under (a school under the culture and society office, a hamlet under the commune), if any.</summary>
    public Guid? ParentId { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    /// <summary>Ways plans write the name ("Phòng VH - XH"), separated by "|".</summary>
    public string Aliases { get; set; } = "";
    /// <summary>A unit that was closed or merged stays for history but is not offered any more.</summary>
    public bool Active { get; set; } = true;
    public Guid Version { get; set; }
}

/// <summary>Positions on a commune's steering committee ("Ban Chỉ đạo").</summary>
public static class SteeringPositions
{
    public const string Head = "Head";
    public const string Deputy = "Deputy";
    public const string Member = "Member";
    public const string StandingOffice = "StandingOffice";
    public const string SupportGroup = "SupportGroup";

    public static readonly IReadOnlyList<string> All = [Head, Deputy, Member, StandingOffice, SupportGroup];
}

/// <summary>A person on the commune's steering committee, over some fields and units.</summary>
public sealed class SteeringMember : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    /// <summary>The account of the member, when they sign in.</summary>
    public Guid? UserId { get; set; }
    public required string FullName { get; set; }
    public string? Title { get; set; }
    /// <summary>One of <see cref="SteeringPositions"/>.</summary>
    public required string Position { get; set; }
    /// <summary>Fields the member is over ("Chuyển đổi số|Cải cách hành chính"), separated by "|".</summary>
    public string Fields { get; set; } = "";
    public int Order { get; set; }
    public Guid Version { get; set; }
    public List<SteeringMemberUnit> Units { get; } = [];
}

/// <summary>A unit a steering member is over.</summary>
public sealed class SteeringMemberUnit : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid MemberId { get; set; }
    public Guid UnitId { get; set; }
}
