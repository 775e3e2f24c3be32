namespace RoViec.Data.Entities;

/// <summary>The roles of PRODUCT.md, stored as Identity roles; a user's scope comes from their province, commune and unit.</summary>
public static class Roles
{
    /// <summary>Province or commune IT officer: organisation tree, users, units.</summary>
    public const string Administrator = "Administrator";
    /// <summary>"Cơ quan thường trực": imports the plan, fixes defects, assigns, verifies reports.</summary>
    public const string StandingOffice = "StandingOffice";
    /// <summary>One officer per unit: reports on the unit's own tasks and indicators.</summary>
    public const string UnitReporter = "UnitReporter";
    /// <summary>Head of a unit: approves the unit's report, sees its score.</summary>
    public const string UnitHead = "UnitHead";
    /// <summary>Steering committee member over some fields and units.</summary>
    public const string SteeringMember = "SteeringMember";
    /// <summary>Committee head or chair ("Bí thư", "Chủ tịch").</summary>
    public const string Chair = "Chair";
    /// <summary>Inspection committee ("UBKT"): samples and cross-checks results.</summary>
    public const string Inspector = "Inspector";
    /// <summary>Provincial steering office: sees all its communes.</summary>
    public const string ProvinceOffice = "ProvinceOffice";
    /// <summary>National steering office: sees every province's figures (summed), not a commune's own data.</summary>
    public const string NationalOffice = "NationalOffice";

    public static readonly IReadOnlyList<string> All =
        [Administrator, StandingOffice, UnitReporter, UnitHead, SteeringMember, Chair, Inspector, ProvinceOffice, NationalOffice];

    /// <summary>Roles that manage the plan itself: import, review, correct, assign.</summary>
    public static readonly IReadOnlyList<string> PlanManagers = [Administrator, StandingOffice];

    /// <summary>Roles that see only their own unit's work.</summary>
    public static readonly IReadOnlyList<string> UnitScoped = [UnitReporter, UnitHead];

    /// <summary>Roles that must sign in with an authenticator app as a second factor.</summary>
    public static readonly IReadOnlyList<string> RequireTwoFactor = [Administrator, StandingOffice];
}
