using Microsoft.AspNetCore.Authorization;
using RoViec.Data.Entities;

namespace RoViec.Web.Shared.Access;

/// <summary>
/// The named policies pages and endpoints ask for. Roles decide what kind of work a user does;
/// <see cref="CurrentUser"/> then decides which communes and units that work covers.
/// </summary>
public static class Policies
{
    /// <summary>Import, review, correct and assign the commune's plan.</summary>
    public const string ManagePlans = nameof(ManagePlans);
    /// <summary>Manage the organisation tree, the steering committee and the accounts.</summary>
    public const string ManageOrganisation = nameof(ManageOrganisation);
    /// <summary>Read plan data (any role; scope narrows it further).</summary>
    public const string ReadPlans = nameof(ReadPlans);

    public static AuthorizationBuilder AddRoViecPolicies(this AuthorizationBuilder builder) => builder
        // Nobody sees what is not theirs: every page needs a signed-in user unless it says otherwise.
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(ManagePlans, p => p.RequireRole([.. Roles.PlanManagers]))
        .AddPolicy(ManageOrganisation, p => p.RequireRole(Roles.Administrator))
        .AddPolicy(ReadPlans, p => p.RequireRole([.. Roles.All]));
}
