using RoViec.Domain.Deadlines;
using RoViec.Domain.SixRo;
using RoViec.Domain.Text;
using RoViec.Domain.Units;

namespace RoViec.Domain.Tasks;

/// <summary>Where in the document a task was found.</summary>
public enum TaskSource
{
    /// <summary>A row of an appendix table.</summary>
    Table,
    /// <summary>A "Nhiệm vụ N: ..." block.</summary>
    Numbered,
    /// <summary>An action bullet under "Nhiệm vụ, giải pháp".</summary>
    Bullet,
}

/// <summary>The fields of a task a span can point at.</summary>
public enum TaskField
{
    Name,
    Lead,
    Support,
    Directing,
    Output,
    Deadline,
    UpstreamSource,
}

/// <summary>A task ("nhiệm vụ") of a plan as extracted from its document.</summary>
public sealed record PlanTask
{
    public required TaskSource Source { get; init; }
    public required string Section { get; init; }
    public string? Code { get; init; }
    public required string Name { get; init; }
    /// <summary>"Chủ trì": the units that lead the task.</summary>
    public IReadOnlyList<UnitRef> Lead { get; init; } = [];
    /// <summary>"Phối hợp": the units that support it.</summary>
    public IReadOnlyList<UnitRef> Support { get; init; } = [];
    /// <summary>"Trực tiếp chỉ đạo": the steering member who directs it.</summary>
    public string? Directing { get; init; }
    /// <summary>"Kết quả / sản phẩm": the expected product.</summary>
    public string? Output { get; init; }
    public string? DeadlineRaw { get; init; }
    public Deadline Deadline { get; init; } = Deadline.None;
    /// <summary>The upper-level decision the task comes from ("Theo Quyết định số 11/QĐ-BCĐCP").</summary>
    public string? UpstreamSource { get; init; }
    /// <summary>Who decides on the task's product when the plan says so ("trình Ban Thường vụ Đảng ủy quyết định").</summary>
    public string? DecisionAuthority { get; init; }
    public IReadOnlyDictionary<TaskField, SourceSpan> Spans { get; init; } = new Dictionary<TaskField, SourceSpan>();
    /// <summary>The task's "6 rõ" defects, derived from its fields whenever asked, so an edit never leaves them stale.</summary>
    public IReadOnlyList<SixRoDefect> Defects => SixRoCheck.Check(this);
}
