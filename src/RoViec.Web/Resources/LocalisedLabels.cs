using Microsoft.Extensions.Localization;
using RoViec.Web.Features.Accounts;

namespace RoViec.Web.Resources;

/// <summary>
/// Labels that use cases give in Vietnamese (roles, unit kinds, plan states…) translated through the
/// shared resources, where the Vietnamese label is the key. LocalisationTests checks every such label
/// has an English entry.
/// </summary>
public static class LocalisedLabels
{
    /// <summary>Roles in the order of <see cref="Data.Entities.Roles.All"/>, named and joined, as <see cref="RoleLabels.Join"/> in the reader's language.</summary>
    public static string Roles(this IStringLocalizer<SharedResource> localizer, IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        var named = Data.Entities.Roles.All.Where(set.Contains).Select(r => localizer[RoleLabels.For(r)].Value).ToList();
        return named.Count == 0 ? localizer["(chưa có vai trò)"] : string.Join(", ", named);
    }
}
