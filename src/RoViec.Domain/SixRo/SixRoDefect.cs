namespace RoViec.Domain.SixRo;

/// <summary>The six things every task must make clear ("6 rõ", Diễn Châu's programme, I.1).</summary>
public enum SixRoCriterion
{
    /// <summary>Rõ người chủ trì.</summary>
    Lead,
    /// <summary>Rõ nội dung.</summary>
    Content,
    /// <summary>Rõ thời gian hoàn thành.</summary>
    Deadline,
    /// <summary>Rõ trách nhiệm phối hợp.</summary>
    Coordination,
    /// <summary>Rõ sản phẩm đầu ra.</summary>
    Output,
    /// <summary>Rõ thẩm quyền quyết định.</summary>
    Authority,
}

public enum SixRoProblem
{
    Missing,
    Vague,
}

/// <summary>One "6 rõ" defect of a task, with the message the officer reads.</summary>
public sealed record SixRoDefect(SixRoCriterion Criterion, SixRoProblem Problem, string Message);
