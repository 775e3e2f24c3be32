using System.Text.RegularExpressions;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// Which tasks are key tasks ("nhiệm vụ trọng tâm"), counted in the plans' "share of key tasks on
/// schedule" target (Thiện Tân: "Tối thiểu 90% nhiệm vụ trọng tâm … đúng tiến độ"). The rule is
/// deliberately simple, and the officer can change the mark on review (README.md beside this file):
/// a task is key when a heading above it says "trọng tâm" or "trọng điểm" ("II. NHIỆM VỤ TRỌNG TÂM NĂM
/// 2026", "1.1. Nội dung trọng tâm và thời hạn"), or when its own text says it is one ("Đây là trọng tâm").
/// A task that only mentions key tasks ("xác định 03 nhiệm vụ trọng tâm về …") is not marked.
/// </summary>
public static partial class KeyTasks
{
    public static bool IsKey(string? section, string? name) =>
        HeadingRegex().IsMatch(VietnameseText.Fold(section)) || SelfRegex().IsMatch(VietnameseText.Fold(name));

    [GeneratedRegex(@"\btrong (?:tam|diem)\b")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"\b(?:day|do) la (?:nhiem vu |noi dung )?trong (?:tam|diem)\b|\bla nhiem vu trong (?:tam|diem)\b")]
    private static partial Regex SelfRegex();
}
