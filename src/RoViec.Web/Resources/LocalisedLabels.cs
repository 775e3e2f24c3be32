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
public static partial class LocalisedLabels
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

    /// <summary>
    /// A "6 rõ" defect's message in the reader's language. The check writes a fixed sentence, or a sentence ending with
    /// what the plan wrote, quoted ("Sản phẩm đầu ra chưa cụ thể: \"…\"."): the quoted text is the plan's and stays as
    /// written, the sentence around it is translated.
    /// </summary>
    public static string Defect(this IStringLocalizer<SharedResource> localizer, SixRoDefect defect)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(defect);
        var quoted = QuotedRegex().Match(defect.Message);
        return quoted.Success
            ? localizer[quoted.Groups[1].Value + ": \"{0}\".", quoted.Groups[2].Value]
            : localizer[defect.Message];
    }

    /// <summary>The sentences of the "6 rõ" check, as <see cref="Defect"/> looks them up (LocalisationTests checks their English entries).</summary>
    public static readonly IReadOnlyList<string> DefectSentences =
    [
        "Chưa rõ đơn vị chủ trì.", "Đơn vị chủ trì chưa cụ thể: \"{0}\".", "Chưa có nội dung nhiệm vụ.", "Nội dung nhiệm vụ quá ngắn hoặc chưa đầy đủ.",
        "Thời hạn hoàn thành chưa xác định được mốc cụ thể: \"{0}\".", "Chưa có thời hạn hoàn thành.",
        "Thời hạn phụ thuộc cấp trên hoặc điều kiện khác, chưa có mốc cụ thể: \"{0}\".", "Chưa rõ đơn vị phối hợp.",
        "Đơn vị phối hợp chưa cụ thể: \"{0}\".", "Chưa rõ sản phẩm đầu ra.", "Sản phẩm đầu ra chưa cụ thể: \"{0}\".",
        "Chưa rõ thẩm quyền quyết định (người trực tiếp chỉ đạo).",
    ];

    [System.Text.RegularExpressions.GeneratedRegex(@"^([^""]*): ""(.*)""\.$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex QuotedRegex();

    /// <summary>The resource key of a criterion: its label capitalised.</summary>
    public static string CriterionKey(SixRoCriterion criterion)
    {
        var label = TaskDefects.Label(criterion);
        return label[..1].ToUpper(Vietnamese) + label[1..];
    }

    public static string LowerFirst(string text) => text.Length == 0 ? text : text[..1].ToLower(CultureInfo.CurrentCulture) + text[1..];

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
}
