using RoViec.Data.Entities;

namespace RoViec.Web.Shared.Access;

/// <summary>
/// What the signed-in user may see and change, from their roles and where they sit: a province
/// office sees its communes; a commune's users see their commune; a unit reporter or unit head sees
/// only their unit's work. Every page and API call asks this one object, never the roles directly.
/// </summary>
public sealed record UserScope(
    Guid UserId,
    string UserName,
    string? FullName,
    IReadOnlySet<string> Roles,
    Guid? ProvinceId,
    Guid? CommuneId,
    Guid? UnitId)
{
    public bool IsIn(string role) => Roles.Contains(role);

    public bool IsAdministrator => IsIn(Data.Entities.Roles.Administrator);

    /// <summary>A province-level user (no commune of their own) sees every commune of the province.</summary>
    public bool IsProvinceLevel => CommuneId is null && ProvinceId is not null;

    /// <summary>A national account (no province nor commune): reads every province's summed figures, no commune's own data.</summary>
    public bool IsNationLevel => CommuneId is null && ProvinceId is null && IsIn(Data.Entities.Roles.NationalOffice);

    /// <summary>Imports, reviews, corrects and assigns the commune's plan.</summary>
    public bool ManagesPlans => CommuneId is not null && Data.Entities.Roles.PlanManagers.Any(IsIn);

    /// <summary>Manages the organisation and the accounts: a commune's administrator, or a province's for all its communes.</summary>
    public bool ManagesOrganisation => IsAdministrator;

    /// <summary>Sees the whole commune's plan (not only one unit's tasks).</summary>
    public bool SeesWholeCommune =>
        Roles.Any(r => r is not (Data.Entities.Roles.UnitReporter or Data.Entities.Roles.UnitHead));

    /// <summary>Sees only the tasks and indicators of their own unit.</summary>
    public bool IsUnitScoped => !SeesWholeCommune && Roles.Count > 0;

    /// <summary>Opens periods, verifies and returns unit reports: the commune's standing office (and its administrator).</summary>
    public bool RunsReporting => ManagesPlans;

    /// <summary>Fills in and submits the report of their own unit.</summary>
    public bool ReportsForUnit => CommuneId is not null && UnitId is not null && IsIn(Data.Entities.Roles.UnitReporter);

    /// <summary>Approves their own unit's report before it reaches the standing office (when the commune asks for it).</summary>
    public bool ApprovesForUnit => CommuneId is not null && UnitId is not null && IsIn(Data.Entities.Roles.UnitHead);

    /// <summary>The inspection committee (UBKT): samples and cross-checks verified report lines.</summary>
    public bool IsInspector => CommuneId is not null && IsIn(Data.Entities.Roles.Inspector);

    /// <summary>Has any role at all; an account without a role sees nothing but its own account page.</summary>
    public bool HasAnyRole => Roles.Count > 0;
}
