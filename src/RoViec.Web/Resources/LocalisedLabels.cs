using System.Globalization;
using Microsoft.Extensions.Localization;
using RoViec.Domain.SixRo;
using RoViec.Web.Features.Accounts;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Resources;

/// <summary>
/// Labels that use cases give in Vietnamese (roles, unit kinds, plan states…) translated through the
/// shared resources, where the Vietnamese label is the key. LocalisationTests checks every such label
/// has an English entry.
/// Resource names must differ by more than letter case (the resource compiler keeps one of "Số {0}" and
/// "số {0}"), so a text needed in both cases has one capitalised key and <see cref="LowerFirst"/>.
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

    /// <summary>A "6 rõ" criterion in lower case, as in "chưa rõ thời hạn": the key is the capitalised label ("Thời hạn").</summary>
    public static string Criterion(this IStringLocalizer<SharedResource> localizer, SixRoCriterion criterion) =>
        LowerFirst(localizer[CriterionKey(criterion)]);

    /// <summary>"Chưa rõ thời hạn" in the reader's language.</summary>
    public static string Unclear(this IStringLocalizer<SharedResource> localizer, SixRoCriterion criterion) =>
        localizer["Chưa rõ {0}", localizer.Criterion(criterion)];

    /// <summary>The resource key of a criterion: its label capitalised.</summary>
    public static string CriterionKey(SixRoCriterion criterion)
    {
        var label = TaskDefects.Label(criterion);
        return label[..1].ToUpper(Vietnamese) + label[1..];
    }

    public static string LowerFirst(string text) => text.Length == 0 ? text : text[..1].ToLower(CultureInfo.CurrentCulture) + text[1..];

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
}
