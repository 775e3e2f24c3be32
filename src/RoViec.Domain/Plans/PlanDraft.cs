using RoViec.Domain.Indicators;
using RoViec.Domain.Tasks;
using RoViec.Domain.Units;

namespace RoViec.Domain.Plans;

/// <summary>The kind of document a plan comes in.</summary>
public enum DocumentKind
{
    /// <summary>Chương trình công tác.</summary>
    WorkProgramme,
    /// <summary>Kế hoạch.</summary>
    Plan,
    /// <summary>Quyết định ban hành kế hoạch.</summary>
    Decision,
    Other,
}

public sealed record PlanDocument
{
    public DocumentKind Kind { get; init; } = DocumentKind.Other;
    public string? Issuer { get; init; }
    public string? Place { get; init; }
    public int? Year { get; init; }
    public string? Number { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string> LegalBasis { get; init; } = [];
    /// <summary>The earlier plan this one replaces, when it says so ("thay thế Kế hoạch số 14/KH-UBND").</summary>
    public string? Replaces { get; init; }

    public string KindCode => Kind switch
    {
        DocumentKind.WorkProgramme => "CTr",
        DocumentKind.Plan => "KH",
        DocumentKind.Decision => "QĐ",
        _ => "other",
    };
}

/// <summary>What the importer makes of a document: a draft the officer reviews before it becomes the plan.</summary>
public sealed record PlanDraft
{
    public required PlanDocument Document { get; init; }
    public required IReadOnlyList<PlanTask> Tasks { get; init; }
    public required IReadOnlyList<Indicator> Indicators { get; init; }
    /// <summary>The units the plan names, resolved against the catalogue.</summary>
    public required IReadOnlyList<Unit> Units { get; init; }
    /// <summary>The document's text after normalisation; every span points into it.</summary>
    public required string SourceText { get; init; }
}
