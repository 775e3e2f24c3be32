using RoViec.Domain.Deadlines;
using RoViec.Domain.Tasks;
using RoViec.Domain.Units;

namespace RoViec.Domain.Tests.Builders;

/// <summary>
/// Builds a <see cref="PlanTask"/> that is clear on all "6 rõ" by default; each test then removes or
/// blurs the one thing it is about.
/// </summary>
public sealed class PlanTaskBuilder
{
    private const int PlanYear = 2026;

    private readonly UnitCatalog _catalog = UnitCatalog.CreateDefault();
    private string _name = "Triển khai ký số trên Hệ thống quản lý văn bản và điều hành cho 100% cán bộ, công chức";
    private List<string> _lead = ["Văn phòng HĐND và UBND xã"];
    private List<string> _support = ["Trung tâm Phục vụ hành chính công"];
    private string? _output = "Báo cáo kết quả triển khai chữ ký số";
    private string? _deadlineRaw = "Quý II/2026";
    private string? _directing = "Đồng chí Phó Chủ tịch UBND xã";
    private string? _decisionAuthority;

    public static PlanTaskBuilder AClearTask() => new();

    public PlanTaskBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public PlanTaskBuilder LedBy(params string[] units)
    {
        _lead = [.. units];
        return this;
    }

    public PlanTaskBuilder WithoutLead() => LedBy();

    public PlanTaskBuilder SupportedBy(params string[] units)
    {
        _support = [.. units];
        return this;
    }

    public PlanTaskBuilder WithoutSupport() => SupportedBy();

    public PlanTaskBuilder WithOutput(string? output)
    {
        _output = output;
        return this;
    }

    public PlanTaskBuilder WithoutOutput() => WithOutput(null);

    /// <summary>The deadline cell as written; it is parsed as the importer would, with plan year 2026.</summary>
    public PlanTaskBuilder DueBy(string? deadlineRaw)
    {
        _deadlineRaw = deadlineRaw;
        return this;
    }

    public PlanTaskBuilder WithoutDeadline() => DueBy(null);

    public PlanTaskBuilder DirectedBy(string? member)
    {
        _directing = member;
        return this;
    }

    public PlanTaskBuilder DecidedBy(string? authority)
    {
        _decisionAuthority = authority;
        return this;
    }

    public PlanTask Build() => new()
    {
        Source = TaskSource.Table,
        Section = "II. NHIỆM VỤ, GIẢI PHÁP",
        Name = _name,
        Lead = [.. _lead.Select(_catalog.Resolve)],
        Support = [.. _support.Select(_catalog.Resolve)],
        Output = _output,
        DeadlineRaw = _deadlineRaw,
        Deadline = DeadlineParser.Parse(_deadlineRaw, PlanYear),
        Directing = _directing,
        DecisionAuthority = _decisionAuthority,
    };
}
