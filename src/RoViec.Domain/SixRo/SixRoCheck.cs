using System.Text.RegularExpressions;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Tasks;
using RoViec.Domain.Text;

namespace RoViec.Domain.SixRo;

/// <summary>
/// Checks a task against the "6 rõ" rule: clear lead, content, deadline, coordination, output and
/// decision authority. A field is Missing when absent and Vague when it names nobody or nothing in
/// particular ("Các đơn vị liên quan", "Theo yêu cầu"). The rules are listed in README.md.
/// </summary>
public static partial class SixRoCheck
{
    public static IReadOnlyList<SixRoDefect> Check(PlanTask task)
    {
        var defects = new List<SixRoDefect>();

        if (task.Lead.Count == 0)
            defects.Add(new(SixRoCriterion.Lead, SixRoProblem.Missing, "Chưa rõ đơn vị chủ trì."));
        else if (task.Lead.All(l => l.Unit.Kind == Units.UnitKind.Group))
            defects.Add(new(SixRoCriterion.Lead, SixRoProblem.Vague, $"Đơn vị chủ trì chưa cụ thể: \"{string.Join("; ", task.Lead.Select(l => l.AsWritten))}\"."));

        var words = VietnameseText.Fold(task.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words == 0)
            defects.Add(new(SixRoCriterion.Content, SixRoProblem.Missing, "Chưa có nội dung nhiệm vụ."));
        else if (words < 4 || task.Name.TrimEnd().EndsWith(':'))
            defects.Add(new(SixRoCriterion.Content, SixRoProblem.Vague, "Nội dung nhiệm vụ quá ngắn hoặc chưa đầy đủ."));

        switch (task.Deadline.Kind)
        {
            // The plan wrote something ("Quý V/2026", "Khẩn trương") but no period can be read from it:
            // the officer must see what was written, not be told the cell is empty.
            case DeadlineKind.None when !string.IsNullOrWhiteSpace(task.DeadlineRaw):
                defects.Add(new(SixRoCriterion.Deadline, SixRoProblem.Vague, $"Thời hạn hoàn thành chưa xác định được mốc cụ thể: \"{task.DeadlineRaw}\"."));
                break;
            case DeadlineKind.None:
                defects.Add(new(SixRoCriterion.Deadline, SixRoProblem.Missing, "Chưa có thời hạn hoàn thành."));
                break;
            case DeadlineKind.External:
                defects.Add(new(SixRoCriterion.Deadline, SixRoProblem.Vague, $"Thời hạn phụ thuộc cấp trên hoặc điều kiện khác, chưa có mốc cụ thể: \"{task.DeadlineRaw}\"."));
                break;
        }

        if (task.Support.Count == 0)
            defects.Add(new(SixRoCriterion.Coordination, SixRoProblem.Missing, "Chưa rõ đơn vị phối hợp."));
        else if (task.Support.All(s => s.IsVague))
            defects.Add(new(SixRoCriterion.Coordination, SixRoProblem.Vague, $"Đơn vị phối hợp chưa cụ thể: \"{string.Join("; ", task.Support.Select(s => s.AsWritten))}\"."));

        if (string.IsNullOrWhiteSpace(task.Output))
            defects.Add(new(SixRoCriterion.Output, SixRoProblem.Missing, "Chưa rõ sản phẩm đầu ra."));
        else if (VagueOutputRegex().IsMatch(VietnameseText.Fold(task.Output)))
            defects.Add(new(SixRoCriterion.Output, SixRoProblem.Vague, $"Sản phẩm đầu ra chưa cụ thể: \"{task.Output}\"."));

        if (string.IsNullOrWhiteSpace(task.Directing) && string.IsNullOrWhiteSpace(task.DecisionAuthority))
            defects.Add(new(SixRoCriterion.Authority, SixRoProblem.Missing, "Chưa rõ thẩm quyền quyết định (người trực tiếp chỉ đạo)."));

        return defects;
    }

    // Vague: the output defers to someone else ("Theo kế hoạch của Trung ương, của Tỉnh") or only
    // promises to do the work well ("Đảm bảo tiến độ, chất lượng", "Hoàn thành tốt nhiệm vụ được giao").
    // "Đảm bảo kỹ thuật 100% các cuộc họp trực tuyến" says what is delivered and is clear.
    [GeneratedRegex(@"^(?:(?:theo|nhu) (?:yeu cau|ke hoach|quy dinh|chi dao|huong dan)\b.*|nhu tren|(?:dam bao|hoan thanh|thuc hien)(?: (?:tot|dung|tien do|chat luong|hieu qua|yeu cau|quy dinh|ke hoach|nhiem vu|duoc giao|theo|va))*|tot|dat yeu cau)$")]
    private static partial Regex VagueOutputRegex();
}
